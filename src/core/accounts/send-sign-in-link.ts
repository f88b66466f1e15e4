import type { Deps } from '../shared/ports.js';
import type { OutboxMessage } from '../shared/types.js';
import type { NewSignInLink } from './accounts.port.js';

export const LINK_MINUTES = 30;

/**
 * A one-time sign-in link for a known candidate (after they applied through a board) and the
 * message that emails it: the caller writes both in its own transaction, so the link is kept
 * exactly when the change that brought it is.
 */
export function newSignInLink(
  deps: Pick<Deps, 'tokens' | 'clock'>,
  input: { orgId: string; candidateId: string; publicUrl: string },
): { link: NewSignInLink; message: OutboxMessage } {
  const token = deps.tokens.next();
  const tokenHash = deps.tokens.hash(token);
  const now = deps.clock.now();
  return {
    link: {
      tokenHash,
      orgId: input.orgId,
      candidateId: input.candidateId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + LINK_MINUTES * 60_000),
    },
    message: {
      orgId: input.orgId,
      kind: 'candidate.sign_in_link',
      dedupeKey: `sign_in_link:${tokenHash}`,
      payload: {
        candidateId: input.candidateId,
        url: `${input.publicUrl}/candidate/sign-in?token=${token}`,
        expiresInMinutes: LINK_MINUTES,
      },
    },
  };
}
