import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import { generateSecret, generateURI, verify } from 'otplib';
import type { FactorCheck, Passkey } from '../core/accounts/mfa-port.js';
import type { Config } from './config.js';
import type { SecretBox } from './secrets.js';

/** A step either side of now: an authenticator app's clock may be 30 s off. */
const TOLERANCE_SECONDS = 30;

/** The relying party passkeys are bound to: the public URL's host and origin. */
export function relyingParty(config: Pick<Config, 'PUBLIC_URL'>) {
  const url = new URL(config.PUBLIC_URL);
  return { rpID: url.hostname, origin: url.origin, rpName: 'Hireloop' };
}

export function factorCheck(config: Pick<Config, 'PUBLIC_URL'>, box: SecretBox | null): FactorCheck {
  const rp = relyingParty(config);
  return {
    async totp(secretEnc, code, now) {
      if (!box || !/^\d{6}$/.test(code.replace(/\s/g, ''))) return null;
      const result = await verify({
        secret: box.open(secretEnc),
        token: code.replace(/\s/g, ''),
        epoch: Math.floor(now.getTime() / 1000),
        epochTolerance: TOLERANCE_SECONDS,
      });
      // The TOTP strategy's answer carries the time step matched (the replay guard stores it).
      return result.valid ? (result as { timeStep: number }).timeStep : null;
    },
    async passkey(passkey, response, expectedChallenge, requireUserVerification = false) {
      try {
        const verified = await verifyAuthenticationResponse({
          response: response as Parameters<typeof verifyAuthenticationResponse>[0]['response'],
          expectedChallenge,
          expectedOrigin: rp.origin,
          expectedRPID: rp.rpID,
          credential: webauthnCredential(passkey),
          requireUserVerification,
        });
        return verified.verified ? { counter: verified.authenticationInfo.newCounter } : null;
      } catch {
        return null;
      }
    },
  };
}

const webauthnCredential = (passkey: Passkey) => ({
  id: passkey.id,
  publicKey: new Uint8Array(Buffer.from(passkey.publicKey, 'base64url')),
  counter: passkey.counter,
  transports: passkey.transports,
});

export function newTotpSecret(account: string, issuer: string) {
  const secret = generateSecret();
  return { secret, uri: generateURI({ issuer, label: account, secret }) };
}

export async function passkeyRegistrationOptions(
  config: Pick<Config, 'PUBLIC_URL'>,
  user: { userId: string; email: string; name: string },
  existing: Passkey[],
) {
  const rp = relyingParty(config);
  return generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpID,
    userName: user.email,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(user.userId),
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.id, transports: p.transports })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
}

/** Verifies a new passkey against the challenge issued; what to store, or null. */
export async function verifyPasskeyRegistration(
  config: Pick<Config, 'PUBLIC_URL'>,
  response: unknown,
  challenge: string,
) {
  const rp = relyingParty(config);
  try {
    const verified = await verifyRegistrationResponse({
      response: response as Parameters<typeof verifyRegistrationResponse>[0]['response'],
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.rpID,
      requireUserVerification: false,
    });
    if (!verified.verified) return null;
    const { credential } = verified.registrationInfo;
    return {
      id: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString('base64url'),
      counter: credential.counter,
      transports: credential.transports ?? [],
    };
  } catch {
    return null;
  }
}

export function passkeySignInOptions(config: Pick<Config, 'PUBLIC_URL'>, passkeys: Passkey[]) {
  return generateAuthenticationOptions({
    rpID: relyingParty(config).rpID,
    allowCredentials: passkeys.map((p) => ({ id: p.id, transports: p.transports })),
    userVerification: 'preferred',
  });
}

/** A sign-in with a passkey alone: any discoverable credential for this site, with user verification. */
export function passkeyAloneOptions(config: Pick<Config, 'PUBLIC_URL'>) {
  return generateAuthenticationOptions({ rpID: relyingParty(config).rpID, userVerification: 'required' });
}
