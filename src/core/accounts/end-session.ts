import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';

/** Signing out: the session's token stops working at once. */
export async function endSession(deps: Deps, input: { token: string }) {
  return deps.transaction(async (store) => {
    await store.accounts.deleteSession(deps.tokens.hash(input.token));
    return ok(undefined);
  });
}
