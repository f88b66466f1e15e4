import type { MockRoundType } from '../../contracts/mock.js';
import { defaultCandidateHours } from '../availability/availability.rules.js';
import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import {
  bookingWindow,
  kitRoundOf,
  leastLoaded,
  limitReached,
  mockMinutes,
  openSlots,
} from './mock.rules.js';
import { mockMessage, mockVideoUrl } from './mock-messages.js';

/**
 * A candidate books a mock round at one of its open slots. The practice interviewer is the one
 * free then with the fewest sessions ahead; their time and the candidate's are held like an interview's, so the exclusion
 * constraint refuses it if either was booked for anything in the meantime.
 */
export function bookMock(
  deps: Deps,
  input: {
    actor: Extract<Actor, { kind: 'candidate' }>;
    roundType: MockRoundType;
    startsAt: Date;
    videoRoomBaseUrl: string;
  },
) {
  const { orgId, candidateId } = input.actor;
  const now = deps.clock.now();
  return deps.transaction(async (store) => {
    const settings = await store.mock.settings(orgId);
    if (!settings.enabled)
      return fail('mock.disabled', 'This organisation does not offer mock interviews at the moment.');
    if (!(await store.mock.lockCandidate(orgId, candidateId)))
      return fail('candidate.not_found', 'No such candidate.');
    if (!(await store.mock.inProcess(orgId, candidateId)))
      return fail('mock.not_eligible', 'Mock interviews are for candidates with an application in progress.');
    const since = new Date(now.getTime() - settings.windowDays * 86_400_000);
    const used = await store.mock.countSince(orgId, candidateId, since);
    if (limitReached(used, settings))
      return fail(
        'mock.limit_reached',
        `You can book ${settings.maxSessions} mock interviews every ${settings.windowDays} days; cancelled ones do not count.`,
        { maxSessions: settings.maxSessions, windowDays: settings.windowDays, used },
      );
    const kit = deps.catalog.interviewKit(kitRoundOf[input.roundType]);
    if (!kit) return fail('mock.slot_unavailable', 'This round has no kit to practise on.');
    const minutes = mockMinutes(kit);
    const start = input.startsAt.getTime();
    const end = start + minutes * 60_000;
    const window = bookingWindow(now);
    const unavailable = fail(
      'mock.slot_unavailable',
      'That time is no longer open; pick another of the open slots.',
      { field: 'startsAt' },
    );
    if (start < window.start || end > window.end) return unavailable;
    const slot = { start, end };
    const coaches = await store.availability.attendees(
      orgId,
      await store.mock.coachesFor(orgId, input.roundType),
      slot,
    );
    const zone = await store.availability.candidateZone(orgId, candidateId);
    const candidate = {
      rules: { timezone: zone.timezone, weeklyHours: defaultCandidateHours },
      busy: await store.availability.holds([candidateId], slot),
      weeklyCap: Number.MAX_SAFE_INTEGER,
      booked: [],
    };
    const open = openSlots(coaches, candidate, slot, minutes).find((s) => s.start === start);
    if (!open) return unavailable;
    const load = await store.mock.loadOf(orgId, open.coachIds, {
      start: new Date(window.start),
      end: new Date(window.end),
    });
    const coachId = leastLoaded(open.coachIds, load);
    if (!coachId) return unavailable;
    const id = deps.ids.next();
    const session = {
      id,
      orgId,
      candidateId,
      coachId,
      roundType: input.roundType,
      startsAt: new Date(start),
      endsAt: new Date(end),
      status: 'booked' as const,
      hasCard: false,
      padId: null,
    };
    await store.mock.insert({ ...session, createdAt: now });
    const parties = await store.mock.parties(orgId, candidateId, coachId);
    await store.outbox.enqueue(
      mockMessage('mock.booked', session, parties, { videoUrl: mockVideoUrl(input.videoRoomBaseUrl, id) }),
    );
    return ok({ id });
  });
}
