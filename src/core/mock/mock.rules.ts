import type { InterviewKit, Rating } from '../../contracts/kits.js';
import type { MockRoundType } from '../../contracts/mock.js';
import type { roundTypes } from '../../contracts/vocabulary.js';
import { type Attendee, interviewSlots } from '../availability/availability.rules.js';
import type { Interval } from '../availability/intervals.js';
import type { MockSession, MockSettings } from './mock.port.js';

/** Each mock round is run on the kit of the hiring round it imitates. */
export const kitRoundOf: Record<MockRoundType, (typeof roundTypes)[number]> = {
  coding: 'coding',
  system_design: 'system_design',
  behavioural: 'behavioural',
  product_sense: 'product_sense',
  case_presentation: 'case_study',
};

export const defaultMockSettings: MockSettings = { enabled: true, maxSessions: 2, windowDays: 30 };

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const GRID = 30 * 60_000;
/** Nobody is booked at less than this notice, so the practice interviewer can prepare. */
const NOTICE = 2 * HOUR;
/** How far ahead candidates see open slots. */
export const BOOKING_DAYS = 14;

/** The session lasts as long as the kit's time plan, within half an hour and an hour and a half. */
export function mockMinutes(kit: Pick<InterviewKit, 'timePlan'>): number {
  const planned = kit.timePlan.reduce((sum, step) => sum + step.minutes, 0);
  return Math.min(90, Math.max(30, Math.ceil(planned / 30) * 30));
}

/** From the next half hour after the notice to two weeks from now. */
export function bookingWindow(now: Date): Interval {
  const start = Math.ceil((now.getTime() + NOTICE) / GRID) * GRID;
  return { start, end: now.getTime() + BOOKING_DAYS * DAY };
}

/**
 * Open slots: the start instants at which some practice interviewer and the candidate are both
 * free for the whole session, each with the interviewers who could take it (in the order given).
 */
export function openSlots(
  coaches: readonly (Attendee & { id: string })[],
  candidate: Attendee,
  window: Interval,
  minutes: number,
): { start: number; coachIds: string[] }[] {
  const byStart = new Map<number, string[]>();
  for (const coach of coaches) {
    for (const start of interviewSlots([coach, candidate], window, minutes)) {
      byStart.set(start, [...(byStart.get(start) ?? []), coach.id]);
    }
  }
  return [...byStart.entries()].sort(([a], [b]) => a - b).map(([start, coachIds]) => ({ start, coachIds }));
}

/**
 * Who takes a booking among the practice interviewers free then: the one with the fewest sessions
 * over the booking window, so the load spreads over the volunteers; ties go to the smallest id.
 */
export function leastLoaded(
  coachIds: readonly string[],
  sessions: ReadonlyMap<string, number>,
): string | null {
  let best: string | null = null;
  for (const id of coachIds) {
    if (best === null) {
      best = id;
      continue;
    }
    const [load, bestLoad] = [sessions.get(id) ?? 0, sessions.get(best) ?? 0];
    if (load < bestLoad || (load === bestLoad && id < best)) best = id;
  }
  return best;
}

/** Cancelled sessions do not count against the limit; held ones and no-shows do. */
export const limitReached = (booked: number, settings: MockSettings) => booked >= settings.maxSessions;

/** Only a session still ahead can be cancelled. */
export const mayCancel = (session: MockSession, now: Date) =>
  session.status === 'booked' && now.getTime() < session.startsAt.getTime();

/** The outcome of a session (a card or a no-show) is recorded once it has begun, and only once. */
export const mayRecordOutcome = (session: MockSession, now: Date) =>
  session.status === 'booked' && now.getTime() >= session.startsAt.getTime();

/** A coaching card rates every focus attribute of the kit, and nothing else. */
export function cardProblems(
  kit: Pick<InterviewKit, 'focusAttributes'>,
  ratings: Record<string, Rating>,
): string | null {
  const keys = kit.focusAttributes.map((a) => a.key);
  const unknown = Object.keys(ratings).filter((k) => !keys.includes(k));
  if (unknown.length > 0) return `not a focus attribute of this round: ${unknown.join(', ')}`;
  const missing = keys.filter((k) => !(k in ratings));
  if (missing.length > 0) return `rate every focus attribute; missing: ${missing.join(', ')}`;
  return null;
}
