import { DateTime } from 'luxon';

/**
 * R-FB-4: feedback is due at the end of the Nth business day after the interview, counted in the
 * interviewer's own time zone: weekends and the organisation's holidays (local dates,
 * 'YYYY-MM-DD') do not count. Day arithmetic is on local calendar dates, so a daylight-saving
 * change never shifts the deadline by an hour.
 */
export function feedbackDueAt(
  interviewEnd: Date,
  zone: string,
  businessDays: number,
  holidays: ReadonlySet<string>,
): Date {
  let day = DateTime.fromJSDate(interviewEnd, { zone }).startOf('day');
  let counted = 0;
  while (counted < businessDays) {
    day = day.plus({ days: 1 });
    if (day.weekday <= 5 && !holidays.has(day.toISODate()!)) counted++;
  }
  return day.endOf('day').toJSDate();
}

/** The interviewer's local wall-clock time, for showing an instant in their zone (R-ORG-2). */
export function localTime(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ");
}
