/** Who a session belongs to: a staff user (password sign-in) or a candidate (sign-in link). */
export type SessionHolder = { userId: string } | { candidateId: string };

/** Where a session was opened from, as the person will see it in their list of sessions. */
export interface SessionOrigin {
  userAgent: string | null;
  address: string | null;
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
  insertSignInLink(link: {
    tokenHash: string;
    orgId: string;
    candidateId: string;
    createdAt: Date;
    expiresAt: Date;
  }): Promise<void>;
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
  /** Marks the user disabled (keeping the first time); false when the org has no such user. */
  disableUser(orgId: string, userId: string, now: Date): Promise<boolean>;
  /**
   * Deletes what can no longer be used: sessions past their lifetime or idle timeout, sign-in links
   * used or expired, and attempt counters whose window began before `countersBefore`.
   */
  forgetExpired(
    now: Date,
    countersBefore: Date,
  ): Promise<{ sessions: number; links: number; counters: number }>;
}
