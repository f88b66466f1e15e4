import type { StaffRole } from '../shared/types.js';

/** A staff member's account as the lifecycle use cases see it. */
export interface StaffAccount {
  id: string;
  orgId: string;
  email: string;
  name: string;
  timezone: string;
  roles: StaffRole[];
  teamIds: string[];
  disabledAt: Date | null;
  version: number;
}

/** An interview a disabled user was taken off. */
export interface RemovedFromPanel {
  interviewId: string;
  applicationId: string;
  /** The interviewers still on it. */
  remaining: string[];
}

export interface ApiTokenRecord {
  id: string;
  orgId: string;
  kind: 'personal' | 'organisation';
  /** The owner of a personal token; the admin who made an organisation token. */
  userId: string;
  name: string;
  tokenHash: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  expiresAt: Date | null;
}

/** Who a session belongs to: a staff user (password sign-in) or a candidate (sign-in link). */
export type SessionHolder = { userId: string } | { candidateId: string };

/** Where a session was opened from, as the person will see it in their list of sessions. */
export interface SessionOrigin {
  userAgent: string | null;
  address: string | null;
}

/** A one-time sign-in link for a candidate; only its token's hash is kept. */
export interface NewSignInLink {
  tokenHash: string;
  orgId: string;
  candidateId: string;
  createdAt: Date;
  expiresAt: Date;
}

export interface AccountsRepository {
  orgBySlug(slug: string): Promise<{ id: string } | null>;
  /** The candidate with this email (normalised) in the organisation. */
  candidateByEmail(orgId: string, email: string): Promise<{ id: string } | null>;
  insertSession(
    session: {
      id: string;
      tokenHash: string;
      orgId: string;
      holder: SessionHolder;
      createdAt: Date;
      expiresAt: Date;
      idleMinutes: number;
    } & SessionOrigin,
  ): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Ends one of the holder's sessions by id; false when the holder has no such session. */
  deleteHolderSession(holder: SessionHolder, id: string): Promise<boolean>;
  /** Ends every session of the holder but the one with `keepTokenHash` (none kept when null); how many ended. */
  deleteHolderSessions(holder: SessionHolder, keepTokenHash: string | null): Promise<number>;
  /** Notes that the session was used at `now`, unless it already was within the last minute. */
  touchSession(tokenHash: string, now: Date): Promise<void>;
  insertSignInLink(link: NewSignInLink): Promise<void>;
  /**
   * Issues a sign-in link to the candidate with this organisation slug and email, and queues its
   * email, in ONE statement that runs alike whether or not such a candidate exists (and when `send`
   * is false): the answer's timing then says nothing about the address. Nothing is written when
   * nobody matches or `send` is false.
   */
  issueSignInLinkByEmail(link: {
    orgSlug: string;
    email: string;
    send: boolean;
    tokenHash: string;
    url: string;
    expiresInMinutes: number;
    createdAt: Date;
    expiresAt: Date;
  }): Promise<void>;
  /** Marks a link used and returns whose it is, once: a second redemption, or a late one, finds nothing. */
  redeemSignInLink(tokenHash: string, now: Date): Promise<{ orgId: string; candidateId: string } | null>;
  /**
   * Counts one attempt against a budget: the count restarts when the window that began at the
   * stored start has passed. Answers the count including this attempt and when the window began.
   */
  spendAttempt(key: string, now: Date, windowMs: number): Promise<{ count: number; windowStart: Date }>;
  /** The attempts counted in the window still running at `now` (0 when none runs). */
  attempts(key: string, now: Date, windowMs: number): Promise<{ count: number; windowStart: Date }>;
  clearAttempts(key: string): Promise<void>;
  setPasswordHash(userId: string, passwordHash: string): Promise<void>;
  /** The user's row, locked for the rest of the transaction; null when the org has no such user. */
  lockUser(orgId: string, userId: string): Promise<StaffAccount | null>;
  /** The organisation's admins who can still sign in, locked, so two changes cannot both remove "the other" admin. */
  lockActiveAdmins(orgId: string): Promise<string[]>;
  /** Writes the given fields and moves the version on, when it is still `expectedVersion`; false otherwise. */
  updateUser(
    orgId: string,
    userId: string,
    expectedVersion: number,
    changes: Partial<Pick<StaffAccount, 'name' | 'timezone' | 'roles' | 'teamIds' | 'disabledAt'>>,
  ): Promise<boolean>;
  /** The languages the user interviews in, kept on their interviewer profile (created with defaults when none). */
  setLanguages(orgId: string, userId: string, languages: string[], at: Date): Promise<void>;
  /**
   * Takes the user off the panels of interviews still to come: their time held and their open
   * scorecards go; submitted feedback and past interviews stay as they were.
   */
  removeFromFuturePanels(orgId: string, userId: string, now: Date): Promise<RemovedFromPanel[]>;
  /**
   * Issues a password reset for the enabled staff member with this organisation slug and email,
   * and queues its email, in ONE statement that runs alike whether or not such a person exists:
   * the answer's timing says nothing about the address. Nothing is written when nobody matches.
   */
  issuePasswordResetByEmail(reset: {
    orgSlug: string;
    email: string;
    send: boolean;
    tokenHash: string;
    url: string;
    expiresInMinutes: number;
    createdAt: Date;
    expiresAt: Date;
  }): Promise<void>;
  /** Marks a reset used and answers whose it is, once; a late, used or disabled user's reset finds nothing. */
  redeemPasswordReset(tokenHash: string, now: Date): Promise<{ orgId: string; userId: string } | null>;
  /** Every reset still open for the user stops working (after a change of password or a disable). */
  dropPasswordResets(userId: string): Promise<void>;
  insertApiToken(token: ApiTokenRecord): Promise<void>;
  /** Revokes a token of the organisation (only the owner's when `ownerId` is given); false when none matched. */
  revokeApiToken(orgId: string, id: string, ownerId: string | null, now: Date): Promise<boolean>;
  /** Revokes every personal token of the user; how many. */
  revokeUserTokens(userId: string, now: Date): Promise<number>;
  /**
   * Notes that the token was used at `now` from `address` unless it was within the last minute;
   * true when this is its first use in an hour (the audit log records that use).
   */
  touchApiToken(id: string, now: Date, address: string | null): Promise<boolean>;
  /**
   * Deletes what can no longer be used: sessions past their lifetime or idle timeout, sign-in links
   * and password resets used or expired, and attempt counters whose window began before `countersBefore`.
   */
  forgetExpired(
    now: Date,
    countersBefore: Date,
  ): Promise<{ sessions: number; links: number; counters: number; resets: number }>;
}
