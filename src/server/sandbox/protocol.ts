import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The sandbox protocol: API and worker nodes ask a sandbox node to run code over HTTP. Each
 * request carries `hireloop-signature: t=<ms since 1970>,v1=<hex>`, an HMAC-SHA256 under the
 * shared SANDBOX_SECRET of `<t>.<path>.<body>`. A sandbox node answers only signed requests made
 * within SIGNATURE_SKEW_MS of its clock, so a peer on the network that lacks the secret can run
 * nothing, and a captured request stops working within a minute.
 */
export const SIGNATURE_HEADER = 'hireloop-signature';
export const SIGNATURE_SKEW_MS = 60_000;
/** A run request holds source code and test arguments: well under a megabyte. */
export const MAX_REQUEST_BYTES = 1024 * 1024;
export const languages = ['javascript', 'python', 'sql'] as const;
export type SandboxLanguage = (typeof languages)[number];
/**
 * The SQL datasets a node holds: the hiring questions' and the practice set's. A run names its
 * dataset in the body (`dataset`, hiring when absent), so it is signed with the rest.
 */
export const datasets = ['hiring', 'practice'] as const;
export type SandboxDataset = (typeof datasets)[number];

const mac = (secret: string, at: string, path: string, body: string) =>
  createHmac('sha256', secret).update(`${at}.${path}.${body}`).digest('hex');

export function sign(secret: string, path: string, body: string, now = Date.now()): string {
  return `t=${now},v1=${mac(secret, String(now), path, body)}`;
}

/** Whether a request's signature is the secret's, for this path and body, made recently. */
export function signatureHolds(
  secret: string,
  header: string | undefined,
  path: string,
  body: string,
  now = Date.now(),
): boolean {
  const match = /^t=(\d{1,16}),v1=([0-9a-f]{64})$/.exec(header ?? '');
  if (!match) return false;
  const [, at = '', given = ''] = match;
  if (Math.abs(now - Number(at)) > SIGNATURE_SKEW_MS) return false;
  return timingSafeEqual(Buffer.from(mac(secret, at, path, body), 'hex'), Buffer.from(given, 'hex'));
}
