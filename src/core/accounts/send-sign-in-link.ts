import type { Deps, Store } from '../shared/ports.js';
import { ok } from '../shared/result.js';

export const LINK_MINUTES = 30;

/** Issues a one-time sign-in link inside the caller's transaction; the outbox emails it. */
export async function issueSignInLink(
  deps: Deps,
  store: Pick<Store, 'accounts' | 'outbox'>,
  input: { orgId: string; candidateId: string; publicUrl: string },
) {
  const token = deps.tokens.next();
  const tokenHash = deps.tokens.hash(token);
  const now = deps.clock.now();
  await store.accounts.insertSignInLink({
    tokenHash,
    orgId: input.orgId,
    candidateId: input.candidateId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + LINK_MINUTES * 60_000),
  });
  await store.outbox.enqueue({
    orgId: input.orgId,
    kind: 'candidate.sign_in_link',
    dedupeKey: `sign_in_link:${tokenHash}`,
    payload: {
      candidateId: input.candidateId,
      url: `${input.publicUrl}/candidate/sign-in?token=${token}`,
      expiresInMinutes: LINK_MINUTES,
    },
  });
}

/** A sign-in link for a known candidate (after they applied through a board). */
export async function sendSignInLink(
  deps: Deps,
  input: { orgId: string; candidateId: string; publicUrl: string },
) {
  return deps.transaction(async (store) => {
    await issueSignInLink(deps, store, input);
    return ok(undefined);
  });
}
