import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  commonFreeTime,
  defaultInterviewerHours,
  fullWeeks,
  interviewSlots,
  weekOf,
  workingTime,
} from '../../src/core/availability/availability.rules.js';
import {
  covers,
  type Interval,
  intersect,
  intersectAll,
  normalize,
  slots,
  subtract,
  union,
} from '../../src/core/availability/intervals.js';

// A model of the algebra: an interval list as the set of whole minutes it holds, on a small range.
const RANGE = 200;
const minutes = (list: readonly Interval[]) => {
  const set = new Set<number>();
  for (const i of list) for (let t = i.start; t < i.end; t++) set.add(t);
  return set;
};
const interval = fc
  .tuple(fc.integer({ min: 0, max: RANGE }), fc.integer({ min: 0, max: 40 }))
  .map(([start, length]) => ({ start, end: start + length }));
const list = fc.array(interval, { maxLength: 8 });
const isNormal = (l: readonly Interval[]) =>
  l.every((i, k) => i.end > i.start && (k === 0 || l[k - 1]!.end < i.start));
const sorted = (s: Set<number>) => [...s].sort((a, b) => a - b);

describe('interval algebra', () => {
  it('union, intersection and difference hold exactly the instants the set model says, normalised', () => {
    fc.assert(
      fc.property(list, list, (a, b) => {
        const [ma, mb] = [minutes(a), minutes(b)];
        const u = union(a, b);
        const i = intersect(a, b);
        const d = subtract(a, b);
        expect(sorted(minutes(u))).toEqual(sorted(new Set([...ma, ...mb])));
        expect(sorted(minutes(i))).toEqual(sorted(ma).filter((t) => mb.has(t)));
        expect(sorted(minutes(d))).toEqual(sorted(ma).filter((t) => !mb.has(t)));
        for (const result of [u, i, d]) expect(isNormal(result)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('laws: commutative, a = (a∖b) ∪ (a∩b), (a∖b) ∩ b = ∅, and intersectAll folds intersect', () => {
    fc.assert(
      fc.property(list, list, list, (a, b, c) => {
        expect(intersect(a, b)).toEqual(intersect(b, a));
        expect(union(a, b)).toEqual(union(b, a));
        expect(union(subtract(a, b), intersect(a, b))).toEqual(normalize(a));
        expect(intersect(subtract(a, b), b)).toEqual([]);
        expect(intersectAll([a, b, c])).toEqual(intersect(intersect(a, b), c));
      }),
      { numRuns: 500 },
    );
  });

  it('covers is true exactly when every minute of [start, end) is in the list', () => {
    fc.assert(
      fc.property(list, interval, (a, probe) => {
        fc.pre(probe.end > probe.start);
        const m = minutes(a);
        const all = Array.from({ length: probe.end - probe.start }, (_, k) => probe.start + k).every((t) =>
          m.has(t),
        );
        expect(covers(normalize(a), probe.start, probe.end)).toBe(all);
      }),
      { numRuns: 500 },
    );
  });

  it('slots: every slot lies wholly in the free time, on the grid, and none that fits is missed', () => {
    fc.assert(
      fc.property(
        list,
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 15 }),
        (a, duration, step) => {
          const free = normalize(a);
          const found = slots(free, duration, step);
          for (const t of found) {
            expect(t % step).toBe(0);
            expect(covers(free, t, t + duration)).toBe(true);
          }
          const expected: number[] = [];
          for (let t = 0; t <= RANGE + 40; t += step) if (covers(free, t, t + duration)) expected.push(t);
          expect(found).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

const at = (iso: string, zone: string) => DateTime.fromISO(iso, { zone }).toMillis();
const iso = (ms: number, zone: string) =>
  DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true });

describe('working time across time zones (R-ORG-2)', () => {
  const la = { timezone: 'America/Los_Angeles', weeklyHours: defaultInterviewerHours };

  it('keeps 09:00–17:00 local across the spring daylight-saving change in Los Angeles (UTC shifts by an hour)', () => {
    // 2026-03-08 02:00 PST → 03:00 PDT. Friday 6 March is PST (UTC−8), Monday 9 March PDT (UTC−7).
    const window = { start: Date.parse('2026-03-06T00:00:00Z'), end: Date.parse('2026-03-11T00:00:00Z') };
    const time = workingTime(la, window);
    // Thursday's hours end at 01:00 UTC on Friday, inside the window; the weekend has none.
    expect(time.map((i) => [iso(i.start, 'UTC'), iso(i.end, 'UTC')])).toEqual([
      ['2026-03-06T00:00:00Z', '2026-03-06T01:00:00Z'],
      ['2026-03-06T17:00:00Z', '2026-03-07T01:00:00Z'],
      ['2026-03-09T16:00:00Z', '2026-03-10T00:00:00Z'],
      ['2026-03-10T16:00:00Z', '2026-03-11T00:00:00Z'],
    ]);
    expect(time.slice(1).map((i) => iso(i.start, la.timezone))).toEqual([
      '2026-03-06T09:00:00-08:00',
      '2026-03-09T09:00:00-07:00',
      '2026-03-10T09:00:00-07:00',
    ]);
  });

  it('and across the autumn change, when the night has 25 hours', () => {
    const window = { start: Date.parse('2026-10-30T00:00:00Z'), end: Date.parse('2026-11-03T08:00:00Z') };
    const time = workingTime(la, window);
    expect(time.map((i) => iso(i.start, 'UTC'))).toEqual(['2026-10-30T16:00:00Z', '2026-11-02T17:00:00Z']);
  });

  it('a day of hours that includes the skipped hour is an hour shorter, never wrong', () => {
    const sunday = { ...la, weeklyHours: { '7': [['00:00', '06:00']] as [string, string][] } };
    const [day] = workingTime(sunday, {
      start: Date.parse('2026-03-08T00:00:00Z'),
      end: Date.parse('2026-03-09T00:00:00Z'),
    });
    expect((day!.end - day!.start) / 3_600_000).toBe(5);
  });

  it('overrides replace a day, holidays empty it, and 24:00 ends at midnight', () => {
    const rules = {
      ...la,
      overrides: { '2026-03-10': [['13:00', '24:00']] as [string, string][] },
      holidays: new Set(['2026-03-11']),
    };
    const window = { start: at('2026-03-10T00:00', la.timezone), end: at('2026-03-12T00:00', la.timezone) };
    expect(
      workingTime(rules, window).map((i) => [iso(i.start, la.timezone), iso(i.end, la.timezone)]),
    ).toEqual([['2026-03-10T13:00:00-07:00', '2026-03-11T00:00:00-07:00']]);
  });

  it('a panel in Los Angeles, Singapore and Shanghai only meets where all three working days overlap', () => {
    const window = { start: Date.parse('2026-03-09T00:00:00Z'), end: Date.parse('2026-03-11T00:00:00Z') };
    const attendee = (timezone: string, hours: [string, string]) => ({
      rules: { timezone, weeklyHours: { '1': [hours], '2': [hours], '3': [hours] } },
      busy: [],
      weeklyCap: 10,
      booked: [],
    });
    // LA 16:00–19:00 PDT = 23:00–02:00 UTC; Singapore and Shanghai 07:00–10:00 = 23:00–02:00 UTC.
    const panel = [
      attendee('America/Los_Angeles', ['16:00', '19:00']),
      attendee('Asia/Singapore', ['07:00', '12:00']),
      attendee('Asia/Shanghai', ['08:00', '10:00']),
    ];
    const free = commonFreeTime(panel, window);
    expect(free.map((i) => [iso(i.start, 'UTC'), iso(i.end, 'UTC')])).toEqual([
      ['2026-03-10T00:00:00Z', '2026-03-10T02:00:00Z'],
    ]);
    expect(interviewSlots(panel, window, 60).map((t) => iso(t, 'UTC'))).toEqual([
      '2026-03-10T00:00:00Z',
      '2026-03-10T00:30:00Z',
      '2026-03-10T01:00:00Z',
    ]);
  });

  it('weekly cap: once the cap is reached in the local week, that week offers nothing', () => {
    const zone = 'Asia/Singapore';
    const booked = [at('2026-03-09T10:00', zone), at('2026-03-10T10:00', zone)];
    expect(weekOf(booked[0]!, zone)).toBe('2026-W11');
    const full = fullWeeks(booked, 2, zone);
    expect(full.map((i) => [iso(i.start, zone), iso(i.end, zone)])).toEqual([
      ['2026-03-09T00:00:00+08:00', '2026-03-16T00:00:00+08:00'],
    ]);
    expect(fullWeeks(booked, 3, zone)).toEqual([]);
    const slotsLeft = interviewSlots(
      [{ rules: { timezone: zone, weeklyHours: defaultInterviewerHours }, busy: [], weeklyCap: 2, booked }],
      { start: at('2026-03-12T00:00', zone), end: at('2026-03-17T00:00', zone) },
      60,
    );
    expect(slotsLeft.map((t) => iso(t, zone))[0]).toBe('2026-03-16T09:00:00+08:00');
  });

  it('busy time (an existing interview) is taken out', () => {
    const zone = 'Asia/Shanghai';
    const window = { start: at('2026-03-09T00:00', zone), end: at('2026-03-10T00:00', zone) };
    const busy = [{ start: at('2026-03-09T10:00', zone), end: at('2026-03-09T16:30', zone) }];
    const free = commonFreeTime(
      [{ rules: { timezone: zone, weeklyHours: defaultInterviewerHours }, busy, weeklyCap: 5, booked: [] }],
      window,
    );
    expect(free.map((i) => [iso(i.start, zone), iso(i.end, zone)])).toEqual([
      ['2026-03-09T09:00:00+08:00', '2026-03-09T10:00:00+08:00'],
      ['2026-03-09T16:30:00+08:00', '2026-03-09T17:00:00+08:00'],
    ]);
  });
});
