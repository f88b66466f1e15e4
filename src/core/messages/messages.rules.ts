import { DateTime } from 'luxon';

/** A reply address keeps answering for this long after its message went out. */
export const REPLY_ADDRESS_DAYS = 180;
/** The furthest ahead a message may be scheduled. */
export const MAX_SCHEDULE_DAYS = 90;
const HOUR = 3_600_000;

/**
 * A candidate's message is answered within one business day: the answer is due at the end of the
 * next business day in the team's zone (weekends and the organisation's holidays do not count).
 */
export function answerDueAt(receivedAt: Date, zone: string, holidays: ReadonlySet<string>): Date {
  let day = DateTime.fromJSDate(receivedAt, { zone }).startOf('day');
  do day = day.plus({ days: 1 });
  while (day.weekday > 5 || holidays.has(day.toISODate()!));
  return day.endOf('day').toJSDate();
}

/** Where an owed answer is in its chase: 1 a reminder once it is due, 2 escalated a day after. */
export function answerStageAt(dueAt: Date, now: Date): 0 | 1 | 2 {
  const late = now.getTime() - dueAt.getTime();
  if (late >= 24 * HOUR) return 2;
  if (late >= 0) return 1;
  return 0;
}

/** How far in the past a requested time may be and still mean "now": the writer's clock may lag. */
const PAST_GRACE_MS = 5 * 60_000;

/**
 * When a message goes: now when no time is given or it has just passed; a time well in the past
 * is a mistake (a wrong day picked), refused rather than sent at once, as is one beyond the horizon.
 */
export function sendTime(now: Date, requested: Date | undefined): Date | 'too_far' | 'in_past' {
  if (requested && now.getTime() - requested.getTime() > PAST_GRACE_MS) return 'in_past';
  if (!requested || requested.getTime() <= now.getTime()) return now;
  if (requested.getTime() - now.getTime() > MAX_SCHEDULE_DAYS * 24 * HOUR) return 'too_far';
  return requested;
}

/** What a staff notification quotes of a reply: its first lines, never more than a few hundred characters. */
export function excerptOf(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
