import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { DomainError } from '../contracts/errors.js';
import type { Config } from './config.js';

/** Secrets at rest: AES-256-GCM under SECRETS_KEY, stored as `v1.<iv>.<tag>.<ciphertext>` (base64url). */
export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

export const missingKey: DomainError = {
  code: 'secrets.key_missing',
  message: 'The server has no SECRETS_KEY configured, so it cannot keep this secret; ask whoever runs it.',
};

export function secretBox(config: Pick<Config, 'SECRETS_KEY'>): SecretBox | null {
  if (!config.SECRETS_KEY) return null;
  const key = Buffer.from(config.SECRETS_KEY, 'base64');
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), data]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    open(sealed) {
      const [version, iv, tag, data] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('not a sealed secret');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}
