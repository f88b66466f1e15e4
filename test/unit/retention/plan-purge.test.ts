import { describe, expect, it } from 'vitest';
import { planPurge, type RetentionRecord } from '../../../src/core/retention/plan-purge.js';
import {
  consentExpiry,
  type RetentionPolicy,
  renewalDue,
} from '../../../src/core/retention/retention.rules.js';

const berlin = { id: 'office-berlin', name: 'Berlin' };
const paris = { id: 'office-paris', name: 'Paris' };
const nowhere = { id: 'office-none', name: 'No policy' };
const policy = (over: Partial<RetentionPolicy> = {}): RetentionPolicy => ({
  rejectedMonths: 6,
  withdrawnMonths: 3,
  closedMonths: null,
  consentMonths: 24,
  renewalNoticeDays: 30,
  ...over,
});
const policies = new Map([
  [berlin.id, policy()],
  [paris.id, policy({ rejectedMonths: 12 })],
]);
const now = new Date('2027-01-01T00:00:00Z');

let n = 0;
const record = (
  over: Partial<RetentionRecord> = {},
  apps: Partial<RetentionRecord['applications'][number]>[] = [{}],
) => {
  n++;
  return {
    candidateId: `c${n}`,
    name: `Candidate ${n}`,
    openOffers: 0,
    onHold: false,
    consents: [],
    applications: apps.map((a, i) => ({
      id: `a${n}-${i}`,
      jobTitle: 'Engineer',
      status: 'rejected' as const,
      endedAt: new Date('2026-05-01T00:00:00Z'),
      offices: [berlin],
      ...a,
    })),
    ...over,
  } satisfies RetentionRecord;
};

describe('planPurge', () => {
  it('RET-0: a candidate rejected past the keep period is due, with why', () => {
    const r = record();
    const plan = planPurge([r], policies, now, 100);
    expect(plan.due).toHaveLength(1);
    expect(plan.due[0]).toMatchObject({
      candidateId: r.candidateId,
      dueSince: '2026-11-01T00:00:00.000Z',
      consentExpiredAt: null,
      reasons: [{ status: 'rejected', keepMonths: 6, office: 'Berlin', dueAt: '2026-11-01T00:00:00.000Z' }],
    });
  });

  it('RET-0: not yet past the keep period keeps the candidate', () => {
    const plan = planPurge([record({}, [{ endedAt: new Date('2026-08-01T00:00:00Z') }])], policies, now, 100);
    expect(plan.due).toEqual([]);
  });

  it('RET-0: one application still open, hired, or without an end keeps the candidate', () => {
    for (const status of ['active', 'queued', 'hired'] as const) {
      const plan = planPurge([record({}, [{}, { status, endedAt: null }])], policies, now, 100);
      expect(plan.due, status).toEqual([]);
    }
  });

  it('RET-0: an open offer keeps the candidate', () => {
    expect(planPurge([record({ openOffers: 1 })], policies, now, 100).due).toEqual([]);
  });

  it('RET-0: a candidate with no applications is kept', () => {
    expect(planPurge([record({}, [])], policies, now, 100).due).toEqual([]);
  });

  it('RET-1: the longest keep among the offices wins', () => {
    // Berlin keeps 6 months, Paris 12: ended 2026-05-01, due only from 2027-05-01.
    const both = record({}, [{ offices: [berlin, paris] }]);
    expect(planPurge([both], policies, now, 100).due).toEqual([]);
    const later = planPurge([both], policies, new Date('2027-05-01T00:00:00Z'), 100);
    expect(later.due[0]?.reasons[0]).toMatchObject({ keepMonths: 12, office: 'Paris' });
  });

  it('RET-1: across applications the latest due date is when the candidate is due', () => {
    const r = record({}, [{}, { status: 'withdrawn', endedAt: new Date('2026-09-15T00:00:00Z') }]);
    expect(planPurge([r], policies, new Date('2026-12-14T00:00:00Z'), 100).due).toEqual([]);
    expect(planPurge([r], policies, new Date('2026-12-15T00:00:00Z'), 100).due[0]?.dueSince).toBe(
      '2026-12-15T00:00:00.000Z',
    );
  });

  it('RET-2: an office without a policy keeps the data, even beside one that has a policy', () => {
    expect(planPurge([record({}, [{ offices: [nowhere] }])], policies, now, 100).due).toEqual([]);
    expect(planPurge([record({}, [{ offices: [berlin, nowhere] }])], policies, now, 100).due).toEqual([]);
    expect(planPurge([record({}, [{ offices: [] }])], policies, now, 100).due).toEqual([]);
  });

  it('RET-2: a policy that does not cover an ending keeps it', () => {
    expect(planPurge([record({}, [{ status: 'closed' }])], policies, now, 100).due).toEqual([]);
  });

  it('RET-5: a legal hold keeps a due candidate, and is counted', () => {
    const plan = planPurge([record({ onHold: true }), record()], policies, now, 100);
    expect(plan.due).toHaveLength(1);
    expect(plan.keptOnHold).toBe(1);
  });

  it('RET-6: a consent in force keeps the candidate until it expires', () => {
    const r = record({ consents: [{ expiresAt: new Date('2027-03-01T00:00:00Z'), withdrawnAt: null }] });
    const before = planPurge([r], policies, now, 100);
    expect(before.due).toEqual([]);
    expect(before.keptByConsent).toBe(1);
    const after = planPurge([r], policies, new Date('2027-03-01T00:00:00Z'), 100);
    expect(after.due[0]).toMatchObject({
      dueSince: '2027-03-01T00:00:00.000Z',
      consentExpiredAt: '2027-03-01T00:00:00.000Z',
    });
  });

  it('RET-6: a withdrawn consent keeps nothing', () => {
    const r = record({ consents: [{ expiresAt: new Date('2028-01-01T00:00:00Z'), withdrawnAt: now }] });
    expect(planPurge([r], policies, now, 100).due).toHaveLength(1);
  });

  it('orders by how long each has been due and stops at the limit, saying more are due', () => {
    const late = record({}, [{ endedAt: new Date('2026-06-01T00:00:00Z') }]);
    const early = record({}, [{ endedAt: new Date('2026-04-01T00:00:00Z') }]);
    const plan = planPurge([late, early], policies, now, 1);
    expect(plan.due.map((d) => d.candidateId)).toEqual([early.candidateId]);
    expect(plan.more).toBe(true);
  });
});

describe('consents', () => {
  it('RET-3: a consent lasts the longest consent period of the offices, else the default', () => {
    const given = new Date('2026-01-31T00:00:00Z');
    expect(consentExpiry(given, [policy({ consentMonths: 6 }), policy({ consentMonths: 18 })])).toEqual(
      new Date('2027-07-31T00:00:00Z'),
    );
    expect(consentExpiry(given, [])).toEqual(new Date('2027-01-31T00:00:00Z'));
  });

  it('RET-4: the renewal notice is due inside the notice period, once, and not after expiry', () => {
    const consent = { expiresAt: new Date('2027-02-01T00:00:00Z'), renewalSentAt: null, withdrawnAt: null };
    expect(renewalDue(consent, 30, new Date('2026-12-31T00:00:00Z'))).toBe(false);
    expect(renewalDue(consent, 30, new Date('2027-01-02T00:00:00Z'))).toBe(true);
    expect(renewalDue({ ...consent, renewalSentAt: now }, 30, new Date('2027-01-02T00:00:00Z'))).toBe(false);
    expect(renewalDue(consent, 30, new Date('2027-02-01T00:00:00Z'))).toBe(false);
  });
});
