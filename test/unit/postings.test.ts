import { DateTime } from 'luxon';
import { expect, it } from 'vitest';
import { boardTime } from '../../src/server/boards/postings.js';

it('board dates carry the organisation’s offset, across daylight-saving changes, as the time-zone database says', () => {
  const zones = [
    'UTC',
    'America/Los_Angeles',
    'Asia/Singapore',
    'Asia/Kolkata',
    'Australia/Adelaide',
    'America/St_Johns',
  ];
  const start = Date.parse('2026-01-01T00:00:00Z');
  for (const zone of zones) {
    for (let hours = 0; hours < 24 * 365; hours += 7) {
      const d = new Date(start + hours * 3_600_000 + 1234 * 1000);
      expect(boardTime(d, zone), `${zone} ${d.toISOString()}`).toBe(
        DateTime.fromJSDate(d, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ"),
      );
    }
  }
  expect(boardTime(new Date('2026-07-01T12:00:00Z'), 'America/Los_Angeles')).toBe(
    '2026-07-01T05:00:00-07:00',
  );
  // Minute by minute around transitions that fall on a half hour in UTC.
  for (const [zone, around] of [
    ['Australia/Adelaide', '2026-04-04T16:30:00Z'],
    ['Australia/Adelaide', '2026-10-03T16:30:00Z'],
    ['America/St_Johns', '2026-03-08T05:30:00Z'],
    ['America/Los_Angeles', '2026-03-08T10:00:00Z'],
  ] as const) {
    for (let minute = -90; minute <= 90; minute += 1) {
      const d = new Date(Date.parse(around) + minute * 60_000 + 17_000);
      expect(boardTime(d, zone), `${zone} ${d.toISOString()}`).toBe(
        DateTime.fromJSDate(d, { zone }).toFormat("yyyy-MM-dd'T'HH:mm:ssZZ"),
      );
    }
  }
});
