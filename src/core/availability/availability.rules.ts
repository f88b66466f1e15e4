import { DateTime } from 'luxon';
import { type Interval, intersect, intersectAll, normalize, slots, subtract } from './intervals.js';

/**
 * R-ORG-2: offices and interviewers live in different time zones. Instants are stored in UTC; hours,
 * holidays and deadlines are read in the person's own IANA zone, and shown there.
 */
export function localTime(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
}

/** "America/Los_Angeles" → "Los Angeles": the city people know a zone by. */
export const zonePlace = (zone: string) => zone.split('/').pop()!.replaceAll('_', ' ');

const inZone = (instant: Date, zone: string, language: string) =>
  DateTime.fromJSDate(instant, { zone }).setLocale(language === 'zh' ? 'zh-CN' : 'en-GB');

/**
 * An interview's time for people, in the reader's zone first and then in the other parties' where
 * the clock differs: "Monday 14 December, 09:00–10:00 Los Angeles time — 01:00 Tuesday in Shanghai
 * for the candidate".
 */
export function interviewTime(
  meeting: { startsAt: Date; endsAt: Date },
  reader: { timezone: string; language: string },
  others: { timezone: string; who: string }[],
): string {
  const zh = reader.language === 'zh';
  const start = inZone(meeting.startsAt, reader.timezone, reader.language);
  const end = inZone(meeting.endsAt, reader.timezone, reader.language).toFormat('HH:mm');
  const place = zonePlace(reader.timezone);
  const own = zh
    ? `${start.toFormat('M月d日（cccc）HH:mm')}–${end}（${place}时间）`
    : `${start.toFormat('cccc d LLLL, HH:mm')}–${end} ${place} time`;
  const seen = new Set([start.toFormat('yyyy-MM-dd HH:mm')]);
  const theirs: string[] = [];
  for (const other of others) {
    const at = inZone(meeting.startsAt, other.timezone, reader.language);
    const key = at.toFormat('yyyy-MM-dd HH:mm');
    if (seen.has(key)) continue;
    seen.add(key);
    const where = zonePlace(other.timezone);
    theirs.push(
      zh
        ? `${other.who}在${where}为 ${at.toFormat('cccc HH:mm')}`
        : `${at.toFormat('HH:mm cccc')} in ${where} for ${other.who}`,
    );
  }
  return theirs.length === 0 ? own : `${own} — ${theirs.join('; ')}`;
}

/** Local wall-clock ranges, "HH:mm" to "HH:mm" ("24:00" ends at midnight), per ISO weekday 1–7. */
export type DayHours = [string, string][];
export type WeeklyHours = Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', DayHours>>;

export interface WorkingRules {
  /** IANA time zone the hours are read in. */
  timezone: string;
  weeklyHours: WeeklyHours;
  /** Local date 'YYYY-MM-DD' → that day's hours instead of the weekly ones; [] is a day off. */
  overrides?: Readonly<Record<string, DayHours>>;
  /** Local dates with no working hours (the organisation's holidays). */
  holidays?: ReadonlySet<string>;
}

export const defaultInterviewerHours: WeeklyHours = {
  '1': [['09:00', '17:00']],
  '2': [['09:00', '17:00']],
  '3': [['09:00', '17:00']],
  '4': [['09:00', '17:00']],
  '5': [['09:00', '17:00']],
};

/** Hours a candidate is offered slots in, in their own zone, unless they say otherwise. */
export const defaultCandidateHours: WeeklyHours = {
  '1': [['08:00', '20:00']],
  '2': [['08:00', '20:00']],
  '3': [['08:00', '20:00']],
  '4': [['08:00', '20:00']],
  '5': [['08:00', '20:00']],
};

const DAY = 86_400_000;

function localInstant(date: string, time: string, zone: string): number {
  if (time === '24:00') return DateTime.fromISO(date, { zone }).plus({ days: 1 }).toMillis();
  // A wall-clock time skipped by a daylight-saving change moves forward to the first one that exists.
  return DateTime.fromISO(`${date}T${time}`, { zone }).toMillis();
}

/**
 * Working time within `window` as UTC intervals: each local calendar day's hours (an override,
 * nothing on a holiday, else the weekday's) turned into instants in the rules' zone, so a day
 * after a daylight-saving change keeps its wall-clock hours and shifts in UTC.
 */
export function workingTime(rules: WorkingRules, window: Interval): Interval[] {
  const out: Interval[] = [];
  let day = DateTime.fromMillis(window.start - DAY, { zone: rules.timezone }).startOf('day');
  const last = window.end + DAY;
  while (day.toMillis() < last) {
    const date = day.toISODate()!;
    const hours =
      rules.overrides?.[date] ??
      (rules.holidays?.has(date) ? [] : (rules.weeklyHours[String(day.weekday) as '1'] ?? []));
    for (const [from, to] of hours) {
      out.push({
        start: localInstant(date, from, rules.timezone),
        end: localInstant(date, to, rules.timezone),
      });
    }
    day = day.plus({ days: 1 });
  }
  return intersect(out, [window]);
}

/** The local ISO week an instant falls in, for weekly interview caps: "2026-W10". */
export function weekOf(instant: number, zone: string): string {
  return DateTime.fromMillis(instant, { zone }).toFormat("kkkk-'W'WW");
}

/**
 * The local weeks in which someone already has `cap` interviews, as UTC intervals: no new
 * interview may start inside them.
 */
export function fullWeeks(interviewStarts: readonly number[], cap: number, zone: string): Interval[] {
  if (cap <= 0) return [{ start: -8.64e15, end: 8.64e15 }];
  const counts = new Map<string, number>();
  for (const t of interviewStarts) counts.set(weekOf(t, zone), (counts.get(weekOf(t, zone)) ?? 0) + 1);
  const out: Interval[] = [];
  for (const t of interviewStarts) {
    if ((counts.get(weekOf(t, zone)) ?? 0) < cap) continue;
    const start = DateTime.fromMillis(t, { zone }).startOf('week');
    out.push({ start: start.toMillis(), end: start.plus({ weeks: 1 }).toMillis() });
  }
  return normalize(out);
}

export interface Attendee {
  rules: WorkingRules;
  /** Existing interviews and imported calendar busy times. */
  busy: readonly Interval[];
  weeklyCap: number;
  /** Start instants of interviews already booked, for the weekly cap. */
  booked: readonly number[];
}

/** Time everyone can attend: each one's working time minus busy time and full weeks, intersected. */
export function commonFreeTime(attendees: readonly Attendee[], window: Interval): Interval[] {
  return intersectAll(
    attendees.map((a) =>
      subtract(workingTime(a.rules, window), [
        ...a.busy,
        ...fullWeeks(a.booked, a.weeklyCap, a.rules.timezone),
      ]),
    ),
  );
}

/** Slot start instants for an interview of `minutes` everyone can attend, on a 30-minute grid. */
export function interviewSlots(
  attendees: readonly Attendee[],
  window: Interval,
  minutes: number,
  stepMinutes = 30,
): number[] {
  return slots(commonFreeTime(attendees, window), minutes * 60_000, stepMinutes * 60_000);
}
