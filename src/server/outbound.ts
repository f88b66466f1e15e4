import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

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
] as const) {
  privateRanges.addSubnet(network, prefix, 'ipv6');
}

/**
 * Refuses a URL whose host is, or resolves to, a private or loopback address, so webhooks and
 * calendar feeds cannot be pointed at services inside the deployment. A deployment that needs them
 * (everything inside one private network) sets ALLOW_PRIVATE_NETWORK_URLS.
 */
export async function publicAddressProblem(url: string, allowPrivate: boolean): Promise<string | null> {
  if (allowPrivate) return null;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true });
  } catch (error) {
    return `${host} could not be resolved (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
  }
  const inside = addresses.find((a) => privateRanges.check(a.address, a.family === 6 ? 'ipv6' : 'ipv4'));
  return inside
    ? `${host} is a private or local address (${inside.address}); only public addresses are reached`
    : null;
}
