import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import { commonFreeTime, localTime } from './availability.rules.js';
import type { Interval } from './intervals.js';

/** A staff member's free time in a window: working hours minus busy time, full weeks left out. */
export function freeTime(deps: Deps, input: { orgId: string; userId: string; window: Interval }) {
  return deps.transaction(async (store) => {
    const [person] = await store.availability.attendees(input.orgId, [input.userId], input.window);
    if (!person) return fail('not_found', 'No such staff member.');
    const { timezone } = person;
    return ok({
      timezone,
      items: commonFreeTime([person], input.window).map((i) => ({
        startsAt: new Date(i.start),
        endsAt: new Date(i.end),
        startsAtLocal: localTime(new Date(i.start), timezone),
        endsAtLocal: localTime(new Date(i.end), timezone),
      })),
    });
  });
}
