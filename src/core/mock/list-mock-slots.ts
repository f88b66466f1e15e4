import type { MockRoundType } from '../../contracts/mock.js';
import { defaultCandidateHours, localTime } from '../availability/availability.rules.js';
import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import { bookingWindow, kitRoundOf, mockMinutes, openSlots } from './mock.rules.js';

/** The open slots of a mock round over the next two weeks, in the candidate's own zone. */
export function listMockSlots(
  deps: Deps,
  input: { actor: Extract<Actor, { kind: 'candidate' }>; roundType: MockRoundType },
) {
  const { orgId, candidateId } = input.actor;
  return deps.transaction(async (store) => {
    const settings = await store.mock.settings(orgId);
    if (!settings.enabled)
      return fail('mock.disabled', 'This organisation does not offer mock interviews at the moment.');
    const kit = deps.catalog.interviewKit(kitRoundOf[input.roundType]);
    const zone = await store.availability.candidateZone(orgId, candidateId);
    if (!kit) return ok({ timezone: zone.timezone, minutes: 0, items: [] });
    const minutes = mockMinutes(kit);
    const window = bookingWindow(deps.clock.now());
    const coaches = await store.availability.attendees(
      orgId,
      await store.mock.coachesFor(orgId, input.roundType),
      window,
    );
    const candidate = {
      rules: { timezone: zone.timezone, weeklyHours: defaultCandidateHours },
      busy: await store.availability.holds([candidateId], window),
      weeklyCap: Number.MAX_SAFE_INTEGER,
      booked: [],
    };
    const items = openSlots(coaches, candidate, window, minutes).map(({ start }) => ({
      startsAt: new Date(start).toISOString(),
      startsAtLocal: localTime(new Date(start), zone.timezone),
    }));
    return ok({ timezone: zone.timezone, minutes, items });
  });
}
