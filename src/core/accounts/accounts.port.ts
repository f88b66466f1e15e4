/** Who a session belongs to: a staff user (password sign-in) or a candidate (sign-in link). */
export type SessionHolder = { userId: string } | { candidateId: string };

export interface AccountsRepository {
  orgBySlug(slug: string): Promise<{ id: string } | null>;
  /** The candidate with this email (normalised) in the organisation. */
  candidateByEmail(orgId: string, email: string): Promise<{ id: string } | null>;
  insertSession(session: {
    tokenHash: string;
    orgId: string;
    holder: SessionHolder;
    createdAt: Date;
    expiresAt: Date;
  }): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  insertSignInLink(link: {
    tokenHash: string;
    orgId: string;
    candidateId: string;
    createdAt: Date;
    expiresAt: Date;
  }): Promise<void>;
  /** Marks a link used and returns whose it is, once: a second redemption, or a late one, finds nothing. */
  redeemSignInLink(tokenHash: string, now: Date): Promise<{ orgId: string; candidateId: string } | null>;
}
