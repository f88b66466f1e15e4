import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { eventKinds } from '../../src/contracts/vocabulary.js';
import {
  businessDaysBetween,
  eventPlan,
  nextUpdate,
  retryDelayMs,
} from '../../src/core/notifications/notification.rules.js';
import { catalog } from '../support/world.js';

const local = (d: Date, zone: string) => DateTime.fromJSDate(d, { zone }).toFormat('ccc yyyy-MM-dd HH:mm');
const none = new Set<string>();

describe('R-FB-5: the update guarantee', () => {
  it('R-FB-5: the automatic update goes at 09:00 on the Nth business day in the candidate’s zone; the warning a business day before', () => {
    // Wednesday 2026-03-04 15:00 UTC.
    const last = new Date('2026-03-04T15:00:00Z');
    const la = nextUpdate(last, 'America/Los_Angeles', 5, none);
    expect(local(la.sendAt, 'America/Los_Angeles')).toBe('Wed 2026-03-11 09:00');
    expect(local(la.warnAt, 'America/Los_Angeles')).toBe('Tue 2026-03-10 09:00');
    // Already Wednesday night in Shanghai; still Wednesday there, so the same local count.
    const sh = nextUpdate(last, 'Asia/Shanghai', 5, none);
    expect(local(sh.sendAt, 'Asia/Shanghai')).toBe('Wed 2026-03-11 09:00');
    expect(sh.sendAt < la.sendAt).toBe(true);
  });

  it('R-FB-5: weekends and holidays do not count toward the silence', () => {
    const friday = new Date('2026-03-06T12:00:00Z');
    expect(local(nextUpdate(friday, 'Asia/Singapore', 1, none).sendAt, 'Asia/Singapore')).toBe(
      'Mon 2026-03-09 09:00',
    );
    expect(
      local(nextUpdate(friday, 'Asia/Singapore', 1, new Set(['2026-03-09'])).sendAt, 'Asia/Singapore'),
    ).toBe('Tue 2026-03-10 09:00');
    expect(businessDaysBetween(friday, new Date('2026-03-09T12:00:00Z'), 'UTC', none)).toBe(1);
    expect(businessDaysBetween(friday, new Date('2026-03-08T23:00:00Z'), 'UTC', none)).toBe(0);
    expect(
      businessDaysBetween(friday, new Date('2026-03-13T12:00:00Z'), 'UTC', new Set(['2026-03-10'])),
    ).toBe(4);
  });

  it('R-FB-5: across a daylight-saving change the update still goes at 09:00 local', () => {
    const beforeSpring = new Date('2026-03-06T18:00:00Z'); // Friday, Los Angeles still on PST
    const { sendAt } = nextUpdate(beforeSpring, 'America/Los_Angeles', 5, none);
    expect(local(sendAt, 'America/Los_Angeles')).toBe('Fri 2026-03-13 09:00');
    expect(sendAt.toISOString()).toBe('2026-03-13T16:00:00.000Z');
  });
});

describe('delivery', () => {
  it('backs off exponentially from 30 seconds to a 6-hour cap', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(retryDelayMs(20)).toBe(6 * 3_600_000);
  });

  it('every event has a plan and every planned email a shipped English template; decisions are essential', () => {
    for (const kind of eventKinds) {
      for (const email of eventPlan[kind].emails)
        expect(catalog.messageText(email.template, 'en'), `${kind} → ${email.template}`).toBeDefined();
    }
    for (const kind of [
      'candidate.application_rejected',
      'candidate.application_advanced',
      'interview.scheduled',
      'candidate.offer_sent',
    ] as const) {
      expect(
        eventPlan[kind].emails.every((e) => e.essential),
        kind,
      ).toBe(true);
    }
    expect(eventPlan['candidate.status_update'].emails[0]!.essential).toBe(false);
  });
});
