import type { Deps } from '../shared/ports.js';
import { fail } from '../shared/result.js';
import { cancelBooked } from './change-interview.js';
import { openLink } from './scheduling-links.js';

/** The candidate cancels the interview booked through their link, saying why. */
export function cancelFromLink(deps: Deps, input: { token: string; reason: string }) {
  return deps.transaction(async (store) => {
    const opened = await openLink(store, deps.tokens.hash(input.token));
    if (!opened.ok) return opened;
    const { link, actor } = opened.value;
    if (!link.interviewId) return fail('scheduling.not_booked', 'Nothing is booked through this link yet.');
    return cancelBooked(deps, store, { actor, interviewId: link.interviewId, reason: input.reason });
  });
}
