import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import { openSession } from './start-session.js';

/** A sign-in link works once, before it expires, and opens a candidate session. */
export async function redeemSignInLink(deps: Deps, input: { token: string; sessionDays: number }) {
  return deps.transaction(async (store) => {
    const link = await store.accounts.redeemSignInLink(deps.tokens.hash(input.token), deps.clock.now());
    if (!link) {
      return fail('auth.invalid_link', 'This sign-in link is unknown, used or expired; ask for a new one.');
    }
    const holder = { candidateId: link.candidateId };
    return ok(await openSession(deps, store, { orgId: link.orgId, holder, days: input.sessionDays }));
  });
}
