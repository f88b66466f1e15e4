import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';

/** Every budget's window is at most a day (the longest lock is 1,440 minutes). */
const LONGEST_WINDOW_MS = 86_400_000;

/** The sweep that keeps ended sessions, dead links and old sign-in counters from piling up. */
export async function forgetExpired(deps: Deps) {
  return deps.transaction(async (store) => {
    const now = deps.clock.now();
    return ok(await store.accounts.forgetExpired(now, new Date(now.getTime() - LONGEST_WINDOW_MS)));
  });
}
