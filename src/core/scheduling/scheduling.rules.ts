import type { Interval } from '../availability/intervals.js';
import { fail, ok } from '../shared/result.js';

const DAY = 86_400_000;
/** Slots start no sooner than this after the candidate looks, so nobody is booked for the next hour. */
export const MIN_NOTICE_MS = 12 * 3_600_000;
/** At most this many slots are listed: two weeks of a generous panel. */
export const MAX_SLOTS = 500;

/** When times may be offered from now on within a window: not before the minimum notice. */
export const bookableWindow = (window: Interval, now: Date): Interval => ({
  start: Math.max(window.start, now.getTime() + MIN_NOTICE_MS),
  end: window.end,
});

/** A link's window: by default from tomorrow for two weeks; it must leave time to book. */
export function linkWindow(now: Date, start?: Date, end?: Date) {
  const windowStart = start ?? new Date(now.getTime() + DAY);
  const windowEnd = end ?? new Date(windowStart.getTime() + 14 * DAY);
  if (windowEnd.getTime() <= now.getTime() + MIN_NOTICE_MS) {
    return fail('scheduling.invalid_window', 'The window must end at least 12 hours from now.', {
      field: 'windowEnd',
    });
  }
  return ok({ windowStart, windowEnd });
}

/** R-ROUND-6: the interview is held in the language offered; the candidate confirms it to book. */
export function checkLanguageConfirmed(language: string, confirmed: string) {
  if (confirmed === language) return ok(language);
  return fail(
    'scheduling.language_not_confirmed',
    `The interview is held in "${language}"; confirm it to book.`,
    {
      field: 'confirmLanguage',
      language,
    },
  );
}
