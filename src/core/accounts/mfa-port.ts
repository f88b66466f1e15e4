import type { StaffRole } from '../shared/types.js';

export type MfaRequirement = 'none' | 'admins_hr' | 'all';
/** 'admins': with single sign-on on, only admins may still sign in with a password (break-glass). */
export type PasswordSignIn = 'everyone' | 'admins';
export interface SecurityPolicy {
  mfaRequired: MfaRequirement;
  passwordSignIn: PasswordSignIn;
}

export interface Passkey {
  id: string;
  userId: string;
  /** The COSE public key, base64url. */
  publicKey: string;
  counter: number;
  transports: string[];
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export type ChallengeKind =
  | 'second_factor'
  | 'enrolment'
  | 'passkey_registration'
  | 'passkey_sign_in'
  | 'oidc';

/** A short-lived state a browser holds the secret to: a sign-in waiting for its factor, a WebAuthn challenge, an OpenID flow. */
export interface Challenge {
  tokenHash: string;
  orgId: string;
  userId: string | null;
  kind: ChallengeKind;
  data: Record<string, unknown>;
  createdAt: Date;
  expiresAt: Date;
}

export interface StaffAccount {
  orgId: string;
  userId: string;
  email: string;
  name: string;
  roles: StaffRole[];
  disabled: boolean;
}

export interface MfaRepository {
  staffAccount(orgId: string, userId: string): Promise<StaffAccount | null>;
  securityPolicy(orgId: string): Promise<SecurityPolicy>;
  setSecurityPolicy(orgId: string, policy: SecurityPolicy): Promise<void>;
  totpOf(
    userId: string,
  ): Promise<{ secretEnc: string; confirmedAt: Date | null; lastTimeStep: number | null } | null>;
  /** Starts (or restarts) an enrolment: the secret waits for a first good code. */
  putPendingTotp(enrolment: {
    userId: string;
    orgId: string;
    secretEnc: string;
    createdAt: Date;
  }): Promise<void>;
  confirmTotp(userId: string, at: Date): Promise<void>;
  /** Records the TOTP time step used, once: false when this or a later step was already used (a replay). */
  spendTimeStep(userId: string, timeStep: number): Promise<boolean>;
  deleteTotp(userId: string): Promise<boolean>;
  replaceRecoveryCodes(userId: string, codeHashes: string[]): Promise<void>;
  /** Marks a recovery code used; false when it is unknown or already used. */
  redeemRecoveryCode(userId: string, codeHash: string, now: Date): Promise<boolean>;
  recoveryCodesLeft(userId: string): Promise<number>;
  passkeysOf(userId: string): Promise<Passkey[]>;
  /** A passkey by its credential id, among the organisation's staff. */
  passkeyInOrg(orgId: string, id: string): Promise<Passkey | null>;
  insertPasskey(passkey: Passkey & { orgId: string }): Promise<void>;
  /** Stores the authenticator's new signature counter and the time of use. */
  recordPasskeyUse(id: string, counter: number, now: Date): Promise<void>;
  deletePasskey(userId: string, id: string): Promise<boolean>;
  /** Removes every factor of the user; false when the org has no such user. */
  deleteAllFactors(orgId: string, userId: string): Promise<boolean>;
  insertChallenge(challenge: Challenge): Promise<void>;
  /** The challenge of one of these kinds, while it lasts, left in place. */
  challenge(tokenHash: string, kinds: ChallengeKind[], now: Date): Promise<Challenge | null>;
  /** Takes the challenge once: a second take, or a late one, finds nothing. */
  takeChallenge(tokenHash: string, kinds: ChallengeKind[], now: Date): Promise<Challenge | null>;
  setChallengeData(tokenHash: string, data: Record<string, unknown>): Promise<void>;
  /** Staff of the organisation with no second factor, for a new requirement to reach. */
  staffWithoutFactors(orgId: string): Promise<{ userId: string; roles: StaffRole[] }[]>;
  /** Ends a user's other pending states of these kinds (a new sign-in replaces the last). */
  deleteChallengesOf(userId: string, kinds: ChallengeKind[]): Promise<void>;
}

/** The cryptography of the factors, done by the server (otplib, @simplewebauthn/server). */
export interface FactorCheck {
  /** The TOTP time step `code` matches at `now` (a step either side allowed), or null. */
  totp(secretEnc: string, code: string, now: Date): Promise<number | null>;
  /** Verifies a passkey assertion; the authenticator's new counter, or null when it does not verify. */
  passkey(
    passkey: Passkey,
    response: unknown,
    expectedChallenge: string,
    /** A passkey alone must show the person was verified on the device (PIN, biometrics). */
    requireUserVerification?: boolean,
  ): Promise<{ counter: number } | null>;
}
