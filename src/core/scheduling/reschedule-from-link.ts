import type { Deps } from '../shared/ports.js';
import { fail } from '../shared/result.js';
import type { LinkChoice } from './book-from-link.js';
import { moveInterview } from './change-interview.js';
import { isOffered, openLink } from './scheduling-links.js';

/** The candidate moves the interview booked through their link to another offered slot. */
export function rescheduleFromLink(deps: Deps, input: LinkChoice & { reason: string }) {
  return deps.transaction(async (store) => {
    const opened = await openLink(store, deps.tokens.hash(input.token));
    if (!opened.ok) return opened;
    const { link, actor } = opened.value;
    if (!link.interviewId) return fail('scheduling.not_booked', 'Nothing is booked through this link yet.');
    if (!(await isOffered(store, opened.value, input, deps.clock.now())))
      return fail('scheduling.slot_unavailable', 'That time is not available; pick another.', {
        field: 'startsAt',
      });
    return moveInterview(deps, store, {
      actor,
      interviewId: link.interviewId,
      startsAt: input.startsAt,
      reason: input.reason,
    });
  });
}
