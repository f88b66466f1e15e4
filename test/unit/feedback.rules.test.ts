import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  checkInterviewStarted,
  checkSubmittable,
  consensus,
  feedbackDueAt,
  majority,
  needsKit,
  reminderStageAt,
  scorecardAccess,
  valuesOutsideKit,
} from '../../src/core/feedback/feedback.rules.js';
import type { Actor, StaffRole } from '../../src/core/shared/types.js';
import { catalog } from '../support/world.js';

const local = (instant: Date, zone: string) =>
  DateTime.fromJSDate(instant, { zone }).toFormat('ccc yyyy-MM-dd HH:mm');
const none = new Set<string>();

describe('R-FB-4: feedback deadlines in business days', () => {
  it('R-FB-4: two business days after a Thursday interview end on Monday night, in the interviewer’s zone', () => {
    // Thursday 2026-03-05 17:00 in Los Angeles is already Friday morning in Singapore and Shanghai.
    const end = new Date('2026-03-06T01:00:00Z');
    expect(local(feedbackDueAt(end, 'America/Los_Angeles', 2, none), 'America/Los_Angeles')).toBe(
      'Mon 2026-03-09 23:59',
    );
    expect(local(feedbackDueAt(end, 'Asia/Singapore', 2, none), 'Asia/Singapore')).toBe(
      'Tue 2026-03-10 23:59',
    );
    expect(local(feedbackDueAt(end, 'Asia/Shanghai', 2, none), 'Asia/Shanghai')).toBe('Tue 2026-03-10 23:59');
  });

  it('R-FB-4: weekends never count; an interview on Saturday is due by Tuesday', () => {
    const saturday = new Date('2026-03-07T03:00:00Z'); // Saturday 11:00 in Singapore
    expect(local(feedbackDueAt(saturday, 'Asia/Singapore', 2, none), 'Asia/Singapore')).toBe(
      'Tue 2026-03-10 23:59',
    );
    expect(local(feedbackDueAt(saturday, 'Asia/Singapore', 1, none), 'Asia/Singapore')).toBe(
      'Mon 2026-03-09 23:59',
    );
  });

  it("R-FB-4: the organisation's holidays are skipped on the interviewer's local calendar", () => {
    const end = new Date('2026-03-06T01:00:00Z');
    const holidays = new Set(['2026-03-09']);
    expect(local(feedbackDueAt(end, 'America/Los_Angeles', 2, holidays), 'America/Los_Angeles')).toBe(
      'Tue 2026-03-10 23:59',
    );
    expect(local(feedbackDueAt(end, 'Asia/Shanghai', 2, holidays), 'Asia/Shanghai')).toBe(
      'Wed 2026-03-11 23:59',
    );
  });

  it('R-FB-4: a daylight-saving change in between shifts nothing: the deadline is still end of the local day', () => {
    // Los Angeles springs forward on Sunday 2026-03-08; Singapore and Shanghai have no DST.
    const friday = new Date('2026-03-06T18:00:00Z'); // Friday 10:00 PST
    const due = feedbackDueAt(friday, 'America/Los_Angeles', 2, none);
    expect(local(due, 'America/Los_Angeles')).toBe('Tue 2026-03-10 23:59');
    expect(due.toISOString()).toBe('2026-03-11T06:59:59.999Z'); // PDT is UTC−7 after the change
    const before = feedbackDueAt(new Date('2026-02-27T18:00:00Z'), 'America/Los_Angeles', 2, none);
    expect(before.toISOString()).toBe('2026-03-04T07:59:59.999Z'); // PST is UTC−8 before it
    // Autumn: clocks go back on Sunday 2026-11-01.
    const autumn = feedbackDueAt(new Date('2026-10-30T18:00:00Z'), 'America/Los_Angeles', 2, none);
    expect(autumn.toISOString()).toBe('2026-11-04T07:59:59.999Z');
  });
});

describe('feedback rules', () => {
  const staff = (role: StaffRole): Actor => ({
    kind: 'staff',
    orgId: 'o',
    userId: 'u',
    roles: [role],
    teamIds: [],
  });

  it('R-FB-3: the hiring team reads all; an interviewer reads others only after submitting; others nothing', () => {
    for (const role of ['hiring_manager', 'hr', 'recruiter'] as const)
      expect(scorecardAccess(staff(role), 'none')).toBe('all');
    expect(scorecardAccess(staff('interviewer'), 'pending')).toBe('own');
    expect(scorecardAccess(staff('interviewer'), 'submitted')).toBe('all');
    expect(scorecardAccess(staff('interviewer'), 'none')).toBe('none');
    expect(scorecardAccess(staff('coordinator'), 'none')).toBe('none');
    expect(scorecardAccess(staff('admin'), 'none')).toBe('none');
  });

  it('R-ROUND-3: the panel majority and a committee consensus', () => {
    expect(majority(['yes', 'strong_yes', 'no'])).toBe('advance');
    expect(majority(['no', 'mixed', 'strong_no', 'yes'])).toBe('reject');
    expect(majority(['yes', 'no', 'mixed'])).toBeNull();
    expect(majority([])).toBeNull();
    expect(consensus(['advance', 'advance'])).toBe('advance');
    expect(consensus(['advance', 'reject'])).toBeNull();
    expect(consensus([])).toBeNull();
  });

  it('R-FB-1: a submitted scorecard needs a recommendation and ratings of the kit’s attributes only', () => {
    const base = {
      ratings: { coding: 'yes' as const },
      recommendation: 'yes' as const,
      notes: '',
      privateNote: '',
      salaryExpectation: null,
    };
    expect(checkSubmittable(base, ['coding']).ok).toBe(true);
    const noRecommendation = checkSubmittable({ ...base, recommendation: null }, ['coding']);
    expect(noRecommendation.ok || noRecommendation.error.details?.field).toBe('content.recommendation');
    const stranger = checkSubmittable({ ...base, ratings: { charisma: 'yes' } }, ['coding']);
    expect(stranger.ok || stranger.error.details?.field).toBe('content.ratings');
    const empty = checkSubmittable({ ...base, ratings: {} }, ['coding']);
    expect(empty.ok).toBe(false);
  });

  it('R-FB-4: reminders a day before, at the deadline, and escalation a day after', () => {
    const due = new Date('2026-03-10T07:59:59Z');
    const at = (hours: number) => new Date(due.getTime() + hours * 3_600_000);
    expect([at(-30), at(-23), at(0), at(23), at(24), at(100)].map((t) => reminderStageAt(due, t))).toEqual([
      0, 1, 2, 2, 3, 3,
    ]);
  });

  it("a scorecard is submitted from the interview's start on, and the refusal names it in the interviewer's zone", () => {
    const interview = { startsAt: new Date('2026-12-14T17:00:00Z') };
    const early = checkInterviewStarted(interview, new Date('2026-12-14T16:59:59Z'), 'America/Los_Angeles');
    expect(early.ok).toBe(false);
    if (early.ok) return;
    expect(early.error.code).toBe('scorecard.interview_not_started');
    expect(early.error.message).toContain('starts on Monday 14 December at 09:00 (Los Angeles time)');
    expect(early.error.details).toMatchObject({ startsAtLocal: '2026-12-14T09:00:00-08:00' });
    expect(checkInterviewStarted(interview, interview.startsAt, 'America/Los_Angeles').ok).toBe(true);
    expect(checkInterviewStarted(interview, new Date('2026-12-20T00:00:00Z'), 'UTC').ok).toBe(true);
  });
});

describe('question bank', () => {
  it('R-FB-1: every interview round of every shipped template has a kit with purpose, attributes, questions and a time plan', () => {
    for (const template of catalog.processTemplates.values()) {
      for (const round of template.rounds.filter((r) => needsKit(r.roundType))) {
        const kit = catalog.interviewKit(round.roundType);
        expect(kit, `${template.key}/${round.key}`).toBeDefined();
        expect(kit!.questions.every((q) => q.strongAnswer && q.weakAnswer)).toBe(true);
        expect(kit!.timePlan.reduce((sum, step) => sum + step.minutes, 0)).toBeGreaterThan(0);
      }
    }
    const coding = catalog.interviewKit('coding')!;
    expect(new Set(coding.questions.map((q) => q.topic))).toEqual(
      new Set(['arrays', 'strings', 'trees', 'graphs', 'dynamic programming']),
    );
  });

  it('R-FB-2: behavioural questions map to the six company values', () => {
    const kit = catalog.interviewKit('behavioural')!;
    expect(kit.focusAttributes.map((a) => a.name)).toEqual([
      'Always Day 1',
      'Champion diversity and inclusion',
      'Be candid and clear',
      'Seek truth and be pragmatic',
      'Be courageous and aim for the highest',
      'Grow together',
    ]);
    expect(new Set(kit.questions.map((q) => q.value))).toEqual(
      new Set(kit.focusAttributes.map((a) => a.key)),
    );
  });
});

describe('kits', () => {
  it('R-FB-1: every interview round needs a kit, a resume review none', () => {
    expect(needsKit('technical')).toBe(true);
    expect(needsKit('behavioural')).toBe(true);
    expect(needsKit('resume_review')).toBe(false);
  });

  it('R-FB-2: a behavioural question names a company value the kit lists, and the shipped kit does', () => {
    const behavioural = catalog.interviewKit('behavioural')!;
    expect(behavioural.questions.some((q) => q.value)).toBe(true);
    expect(valuesOutsideKit(behavioural)).toEqual([]);
    const stray = { ...behavioural, questions: [{ ...behavioural.questions[0]!, value: 'move_fast' }] };
    expect(valuesOutsideKit(stray)).toEqual(['move_fast']);
  });
});
