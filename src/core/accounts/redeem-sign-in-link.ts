import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { SessionOrigin } from './accounts.port.js';
import { openSession, type SessionTerms } from './start-session.js';
import { spendBudgets } from './throttle.js';

/** A sign-in link works once, before it expires, and opens a candidate session. */
export async function redeemSignInLink(
  deps: Deps,
  input: { token: string; terms: SessionTerms; origin: SessionOrigin; perMinutePerAddress: number },
) {
  const admitted = await spendBudgets(deps, [
    {
      key: `link-redeem:ip:${input.origin.address}`,
      limit: input.perMinutePerAddress,
      windowMs: 60_000,
      code: 'rate.limited',
      reason: 'Too many sign-in links tried from your address',
    },
  ]);
  if (!admitted.ok) return admitted;
  return deps.transaction(async (store) => {
    const link = await store.accounts.redeemSignInLink(deps.tokens.hash(input.token), deps.clock.now());
    if (!link) {
      return fail('auth.invalid_link', 'This sign-in link is unknown, used or expired; ask for a new one.');
    }
    const holder = { candidateId: link.candidateId };
    return ok(
      await openSession(deps, store, { orgId: link.orgId, holder, terms: input.terms, origin: input.origin }),
    );
  });
}
