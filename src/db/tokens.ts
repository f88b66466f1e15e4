import { createHash, randomBytes } from 'node:crypto';
import type { Tokens } from '../core/shared/ports.js';

/** Link and session secrets: 256 random bits; only their SHA-256 is ever stored. */
export const secretTokens: Tokens = {
  next: () => randomBytes(32).toString('base64url'),
  hash: (token) => createHash('sha256').update(token).digest('hex'),
};
