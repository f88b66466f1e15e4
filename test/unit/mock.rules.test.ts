import { describe, expect, it } from 'vitest';
import {
  defaultCandidateHours,
  defaultInterviewerHours,
} from '../../src/core/availability/availability.rules.js';
import { sessionOf } from '../../src/core/mock/cancel-mock.js';
import type { MockSession } from '../../src/core/mock/mock.port.js';
import {
  bookingWindow,
  cardProblems,
  leastLoaded,
  limitReached,
  mayCancel,
  mayRecordOutcome,
  mockMinutes,
  openSlots,
} from '../../src/core/mock/mock.rules.js';
import { outcomeRefusal } from '../../src/core/mock/record-no-show.js';

const HOUR = 3_600_000;
const monday = new Date('2026-03-02T09:00:00Z');
const session = (over: Partial<MockSession> = {}): MockSession => ({
  id: 's1',
  orgId: 'o1',
  candidateId: 'cand1',
  coachId: 'coach1',
  roundType: 'coding',
  startsAt: new Date(monday.getTime() + 24 * HOUR),
  endsAt: new Date(monday.getTime() + 25 * HOUR),
  status: 'booked',
  hasCard: false,
  padId: null,
  ...over,
});
const settings = { enabled: true, maxSessions: 2, windowDays: 30 };

describe('mock limits and windows', () => {
  it('counts up to the limit, and a limit of zero refuses every booking', () => {
    expect([0, 1, 2, 3].map((used) => limitReached(used, settings))).toEqual([false, false, true, true]);
    expect(limitReached(0, { ...settings, maxSessions: 0 })).toBe(true);
  });

  it('opens bookings on the half hour after two hours of notice, for two weeks', () => {
    const window = bookingWindow(new Date('2026-03-02T09:10:00Z'));
    expect(new Date(window.start).toISOString()).toBe('2026-03-02T11:30:00.000Z');
    expect(window.end - Date.parse('2026-03-02T09:10:00Z')).toBe(14 * 24 * HOUR);
    // Exactly on the grid, the notice is all that is added.
    expect(new Date(bookingWindow(monday).start).toISOString()).toBe('2026-03-02T11:00:00.000Z');
  });

  it("lasts the kit's time plan in half hours, between thirty and ninety minutes", () => {
    const plan = (...minutes: number[]) => ({
      timePlan: minutes.map((m) => ({ minutes: m, activity: 'a' })),
    });
    expect(mockMinutes(plan(10))).toBe(30);
    expect(mockMinutes(plan(20, 25))).toBe(60);
    expect(mockMinutes(plan(45, 15))).toBe(60);
    expect(mockMinutes(plan(60, 60))).toBe(90);
  });

  it('offers a start only when an interviewer and the candidate are both free, naming who could take it', () => {
    const rules = { timezone: 'UTC', weeklyHours: defaultInterviewerHours };
    const coach = (id: string, busy: { start: number; end: number }[]) => ({
      id,
      rules,
      busy,
      weeklyCap: 10,
      booked: [],
    });
    const day = { start: Date.parse('2026-03-03T09:00:00Z'), end: Date.parse('2026-03-03T12:00:00Z') };
    const candidate = {
      rules: { timezone: 'UTC', weeklyHours: defaultCandidateHours },
      busy: [{ start: day.start, end: day.start + HOUR }],
      weeklyCap: Number.MAX_SAFE_INTEGER,
      booked: [],
    };
    const slots = openSlots(
      [coach('a', [{ start: day.start + HOUR, end: day.start + 2 * HOUR }]), coach('b', [])],
      candidate,
      day,
      60,
    );
    const at = (h: string) => Date.parse(`2026-03-03T${h}:00Z`);
    expect(slots).toEqual([
      { start: at('10:00'), coachIds: ['b'] },
      { start: at('10:30'), coachIds: ['b'] },
      { start: at('11:00'), coachIds: ['a', 'b'] },
    ]);
  });
});

describe('who takes a booking', () => {
  it('is the free interviewer with the fewest sessions, ties going to the smallest id', () => {
    expect(
      leastLoaded(
        ['a', 'b', 'c'],
        new Map([
          ['a', 3],
          ['b', 1],
          ['c', 2],
        ]),
      ),
    ).toBe('b');
    expect(
      leastLoaded(
        ['c', 'b', 'a'],
        new Map([
          ['c', 1],
          ['a', 1],
          ['b', 1],
        ]),
      ),
    ).toBe('a');
    // Someone with no sessions has none counted.
    expect(leastLoaded(['a', 'z'], new Map([['a', 1]]))).toBe('z');
    expect(leastLoaded([], new Map())).toBeNull();
  });
});

describe('cancelling and recording an outcome', () => {
  const before = new Date(session().startsAt.getTime() - 1);
  const after = new Date(session().startsAt.getTime() + 1);

  it('cancels only a booked session still ahead', () => {
    expect(mayCancel(session(), before)).toBe(true);
    expect(mayCancel(session(), session().startsAt)).toBe(false);
    for (const status of ['cancelled', 'held', 'candidate_no_show', 'coach_no_show'] as const)
      expect(mayCancel(session({ status }), before), status).toBe(false);
  });

  it('records a card or a no-show once the session has begun, and once only', () => {
    expect(mayRecordOutcome(session(), before)).toBe(false);
    expect(mayRecordOutcome(session(), session().startsAt)).toBe(true);
    expect(outcomeRefusal(session(), before)).toMatchObject({
      ok: false,
      error: { code: 'mock.not_started' },
    });
    expect(outcomeRefusal(session(), after)).toBeNull();
    for (const status of ['cancelled', 'held', 'candidate_no_show', 'coach_no_show'] as const)
      expect(outcomeRefusal(session({ status }), after), status).toMatchObject({
        error: { code: 'mock.outcome_recorded' },
      });
  });

  it("is for the session's own two people: anyone else is told it does not exist", async () => {
    const mock = { lock: async (_org: string, id: string) => (id === 's1' ? session() : null) };
    const staff = (userId: string) => ({
      kind: 'staff' as const,
      orgId: 'o1',
      userId,
      roles: [],
      teamIds: [],
    });
    const candidate = (candidateId: string) => ({ kind: 'candidate' as const, orgId: 'o1', candidateId });
    expect((await sessionOf(mock, staff('coach1'), 's1')).ok).toBe(true);
    expect((await sessionOf(mock, candidate('cand1'), 's1')).ok).toBe(true);
    for (const actor of [staff('cand1'), staff('coach2'), candidate('coach1'), candidate('cand2')])
      expect(await sessionOf(mock, actor, 's1')).toMatchObject({
        ok: false,
        error: { code: 'mock.not_found' },
      });
    expect(await sessionOf(mock, staff('coach1'), 'other')).toMatchObject({
      error: { code: 'mock.not_found' },
    });
  });
});

describe('a coaching card', () => {
  const kit = { focusAttributes: [{ key: 'problem_solving' }, { key: 'communication' }] } as Parameters<
    typeof cardProblems
  >[0];

  it('rates every focus attribute of the kit and nothing else', () => {
    expect(cardProblems(kit, { problem_solving: 'yes', communication: 'mixed' })).toBeNull();
    expect(cardProblems(kit, { problem_solving: 'yes' })).toContain('missing: communication');
    expect(cardProblems(kit, {})).toContain('missing: problem_solving, communication');
    expect(cardProblems(kit, { problem_solving: 'yes', communication: 'yes', charm: 'yes' })).toContain(
      'not a focus attribute of this round: charm',
    );
  });
});
