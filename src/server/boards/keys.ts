import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A board's API key: 48 hex characters, shown to the admin once and stored only as its hash. */
export const newBoardKey = () => randomBytes(24).toString('hex');

const sha256 = (s: string) => createHash('sha256').update(s).digest();

/** HTTP Basic with the board's API key as the user name and an empty password. */
export function keyMatches(apiKeyHash: string, authorization: string | undefined): boolean {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization ?? '');
  if (!match) return false;
  const [user] = Buffer.from(match[1]!, 'base64').toString('utf8').split(':');
  return timingSafeEqual(sha256(user ?? ''), Buffer.from(apiKeyHash, 'hex'));
}
