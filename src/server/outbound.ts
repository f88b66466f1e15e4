import dns, { type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { Agent, type RequestInit, type Response, fetch as undiciFetch } from 'undici';

/** Addresses a URL an admin or interviewer typed must not reach: this host, private networks, link-local, metadata services. */
const privateRanges = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  privateRanges.addSubnet(network, prefix, 'ipv4');
}
// IPv4 rules also match IPv4-mapped IPv6 addresses (::ffff:127.0.0.1).
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  // NAT64 prefixes: 64:ff9b::7f00:1 is 127.0.0.1 through a translator.
  ['64:ff9b::', 96],
  ['64:ff9b:1::', 48],
] as const) {
  privateRanges.addSubnet(network, prefix, 'ipv6');
}

export type Lookup = (hostname: string) => Promise<LookupAddress[]>;
const systemLookup: Lookup = (hostname) => dns.promises.lookup(hostname, { all: true });

const privateAddress = (addresses: LookupAddress[]) =>
  addresses.find((a) => privateRanges.check(a.address, a.family === 6 ? 'ipv6' : 'ipv4'));
const insideMessage = (host: string, address: string) =>
  `${host} is a private or local address (${address}); only public addresses are reached`;

/**
 * Refuses a URL whose host is, or resolves to, a private or loopback address, so webhooks and
 * calendar feeds cannot be pointed at services inside the deployment. A deployment that needs them
 * (everything inside one private network) sets ALLOW_PRIVATE_NETWORK_URLS.
 */
export async function publicAddressProblem(
  url: string,
  allowPrivate: boolean,
  lookup: Lookup = systemLookup,
): Promise<string | null> {
  if (allowPrivate) return null;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  let addresses: LookupAddress[];
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host);
  } catch (error) {
    return `${host} could not be resolved (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
  }
  const inside = privateAddress(addresses);
  return inside ? insideMessage(host, inside.address) : null;
}

/**
 * An HTTP agent that checks the addresses a name resolves to when it connects, and connects to those
 * very addresses: a name cannot pass the check with a public address and then be answered with a
 * private one (DNS rebinding).
 */
function checkedAgent(lookup: Lookup) {
  return new Agent({
    connect: {
      lookup(hostname, options, callback) {
        lookup(hostname).then(
          (addresses) => {
            const inside = privateAddress(addresses);
            if (inside) return callback(new Error(insideMessage(hostname, inside.address)), '', 0);
            if ((options as { all?: boolean }).all)
              return (callback as (e: null, a: LookupAddress[]) => void)(null, addresses);
            const first = addresses[0]!;
            callback(null, first.address, first.family);
          },
          (error: Error) => callback(error, '', 0),
        );
      },
    },
  });
}
const systemAgent = checkedAgent(systemLookup);

/**
 * fetch() for URLs users set (webhooks, calendar feeds): refused before sending when the host is
 * private, and checked again at connect time on the address actually used.
 */
export async function outboundFetch(
  url: string,
  init: RequestInit,
  options: { allowPrivate: boolean; lookup?: Lookup },
): Promise<Response> {
  if (options.allowPrivate) return undiciFetch(url, init);
  const refused = await publicAddressProblem(url, false, options.lookup);
  if (refused) throw new OutboundRefused(refused);
  const dispatcher = options.lookup ? checkedAgent(options.lookup) : systemAgent;
  try {
    return await undiciFetch(url, { ...init, dispatcher });
  } catch (error) {
    const cause = (error as { cause?: Error }).cause;
    if (cause?.message.includes('only public addresses are reached'))
      throw new OutboundRefused(cause.message);
    throw error;
  }
}

/** The URL's host is, or resolved to, an address users' URLs may not reach. */
export class OutboundRefused extends Error {}
