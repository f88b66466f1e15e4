import { describe, expect, it } from 'vitest';
import {
  canDecide,
  checkApplicationLimit,
  checkCooldown,
  checkHireable,
  checkWithdrawable,
  decideRound,
  followUpAfterEnd,
  initialStatus,
  insertExtraRound,
} from '../../src/core/applications/application.rules.js';
import type { Actor, FamilyPolicy, PlannedRound } from '../../src/core/shared/types.js';
import { smallTemplate } from '../support/world.js';

const plan: PlannedRound[] = smallTemplate.rounds;
const internship: FamilyPolicy = {
  jobFamily: 'internship',
  maxActiveApplications: 2,
  order: 'sequential',
  cooldownDays: 0,
};
const fullTime: FamilyPolicy = {
  jobFamily: 'full_time',
  maxActiveApplications: null,
  order: 'parallel',
  cooldownDays: 0,
};
const open = (id: string, daysAgo: number, status: 'active' | 'queued' = 'active') => ({
  id,
  jobId: `job-${id}`,
  jobTitle: `Job ${id}`,
  teamName: `Team ${id}`,
  status,
  submittedAt: new Date(Date.UTC(2026, 0, 30 - daysAgo)),
});
const hm = (teamIds: string[]): Actor => ({
  kind: 'staff',
  orgId: 'o',
  userId: 'u',
  roles: ['hiring_manager'],
  teamIds,
});
const role = (r: 'recruiter' | 'hr' | 'interviewer'): Actor => ({
  kind: 'staff',
  orgId: 'o',
  userId: 'u',
  roles: [r],
  teamIds: ['t'],
});

describe('applications', () => {
  it('R-APP-1: the (N+1)th open application is refused, naming the open ones', () => {
    expect(checkApplicationLimit(internship, [open('a', 3)]).ok).toBe(true);
    const refused = checkApplicationLimit(internship, [open('a', 3), open('b', 1, 'queued')]);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('application.limit_reached');
    expect(refused.error.details?.active).toEqual([
      {
        applicationId: 'a',
        jobId: 'job-a',
        jobTitle: 'Job a',
        teamName: 'Team a',
        status: 'active',
        statusInWords: 'in review',
        appliedAt: '2026-01-27T00:00:00.000Z',
        appliedOn: '27 January 2026',
      },
      {
        applicationId: 'b',
        jobId: 'job-b',
        jobTitle: 'Job b',
        teamName: 'Team b',
        status: 'queued',
        statusInWords: 'waiting its turn',
        appliedAt: '2026-01-29T00:00:00.000Z',
        appliedOn: '29 January 2026',
      },
    ]);
    expect(
      checkApplicationLimit(
        fullTime,
        Array.from({ length: 20 }, (_, i) => open(`x${i}`, i)),
      ).ok,
    ).toBe(true);
  });

  it('R-APP-1: the refusal names each open job, its team, where it stands and since when, in words', () => {
    const backend = {
      ...open('a', 0),
      jobTitle: 'Backend Software Engineer Intern',
      teamName: 'TikTok User and Relation',
      // Late on 2 November in UTC is already 3 November for a candidate in Shanghai.
      submittedAt: new Date('2026-11-02T20:00:00Z'),
    };
    const frontend = {
      ...open('b', 0, 'queued'),
      jobTitle: 'Frontend Intern',
      teamName: 'Live',
      submittedAt: new Date('2026-11-10T08:00:00Z'),
    };
    const refused = checkApplicationLimit(internship, [backend, frontend], 'Asia/Shanghai');
    expect(refused.ok ? null : refused.error.message).toBe(
      "You already have 2 open internship applications, the most this company accepts at once: 'Backend Software Engineer Intern' (TikTok User and Relation), in review since 3 November 2026; 'Frontend Intern' (Live), waiting its turn since 10 November 2026. Withdraw one to apply here.",
    );
    const lowered = checkApplicationLimit({ ...internship, maxActiveApplications: 1 }, [backend, frontend]);
    expect(lowered.ok ? null : lowered.error.message).toBe(
      "You already have 2 open internship applications, more than the 1 this company accepts at once: 'Backend Software Engineer Intern' (TikTok User and Relation), in review since 2 November 2026; 'Frontend Intern' (Live), waiting its turn since 10 November 2026. Withdraw 2 to apply here.",
    );
  });

  it('R-APP-2: sequential queues behind an open application; parallel starts at once', () => {
    expect(initialStatus(internship, [])).toBe('active');
    expect(initialStatus(internship, [open('a', 1)])).toBe('queued');
    expect(initialStatus(fullTime, [open('a', 1)])).toBe('active');
  });

  it('R-APP-2: under sequential, a hire closes the rest and any other ending starts the oldest queued', () => {
    const others = [open('late', 1, 'queued'), open('early', 5, 'queued')];
    expect(followUpAfterEnd(internship, 'hired', others)).toEqual({ close: ['late', 'early'], activate: [] });
    expect(followUpAfterEnd(internship, 'rejected', others)).toEqual({ close: [], activate: ['early'] });
    expect(followUpAfterEnd(internship, 'withdrawn', [open('busy', 2), ...others])).toEqual({
      close: [],
      activate: [],
    });
    expect(followUpAfterEnd(fullTime, 'hired', others)).toEqual({ close: [], activate: [] });
  });

  it('R-APP-5: a cooldown after a rejection holds until it has passed', () => {
    const policy = { ...fullTime, cooldownDays: 180 };
    const rejected = new Date('2026-01-01T00:00:00Z');
    const early = checkCooldown(policy, rejected, new Date('2026-03-01T00:00:00Z'));
    expect(early.ok || early.error.code).toBe('application.cooldown');
    expect(checkCooldown(policy, rejected, new Date('2026-06-30T00:00:00Z')).ok).toBe(true);
    expect(checkCooldown(fullTime, rejected, new Date('2026-01-02T00:00:00Z')).ok).toBe(true);
    expect(checkCooldown(policy, null, new Date('2026-01-02T00:00:00Z')).ok).toBe(true);
  });

  it('R-CAND-3: an open application can be withdrawn; an ended one cannot', () => {
    expect(checkWithdrawable({ status: 'queued' }).ok).toBe(true);
    expect(checkWithdrawable({ status: 'active' }).ok).toBe(true);
    const ended = checkWithdrawable({ status: 'rejected' });
    expect(ended.ok || ended.error.code).toBe('application.not_active');
  });
});

describe('rounds', () => {
  const at = (stageIndex: number, status: 'active' | 'rejected' | 'queued' = 'active') => ({
    status,
    stageIndex,
    plan,
  });

  it('R-ROUND-1: only the current round can be decided; skipping is refused', () => {
    const skip = decideRound(at(0), 'tech', 'advance');
    expect(skip.ok || skip.error.code).toBe('round.not_current');
    const advanced = decideRound(at(0), 'resume', 'advance');
    expect(advanced.ok && advanced.value).toMatchObject({ status: 'active', stageIndex: 1, ended: false });
    const twice = decideRound(at(1), 'resume', 'advance');
    expect(twice.ok || twice.error.code).toBe('round.already_decided');
    const unknown = decideRound(at(0), 'nope', 'advance');
    expect(unknown.ok || unknown.error.code).toBe('round.unknown');
    const queued = decideRound(at(0, 'queued'), 'resume', 'advance');
    expect(queued.ok || queued.error.code).toBe('application.not_active');
  });

  it('R-ROUND-2: a reject on an eliminatory round ends the application whatever came before', () => {
    const last = decideRound(at(2), 'hr', 'reject');
    expect(last.ok && last.value).toMatchObject({ status: 'rejected', ended: true });
    const advancingRejected = decideRound(at(1, 'rejected'), 'hr', 'advance');
    expect(advancingRejected.ok || advancingRejected.error.code).toBe('application.not_active');
    const redecided = decideRound(at(1, 'rejected'), 'tech', 'advance');
    expect(redecided.ok || redecided.error.code).toBe('round.already_decided');
    const lenient = {
      status: 'active' as const,
      stageIndex: 0,
      plan: [{ ...plan[0]!, eliminatory: false }, ...plan.slice(1)],
    };
    const kept = decideRound(lenient, 'resume', 'reject');
    expect(kept.ok && kept.value).toMatchObject({ status: 'active', stageIndex: 1 });
  });

  it('R-ROUND-3: the hiring manager of the team decides any round; others only the rounds named for them', () => {
    const [resume, tech, hr] = plan as [PlannedRound, PlannedRound, PlannedRound];
    expect(canDecide(hm(['t']), tech, 't')).toBe(true);
    expect(canDecide(hm(['t']), resume, 't')).toBe(true);
    expect(canDecide(hm(['other']), tech, 't')).toBe(false);
    expect(canDecide(role('recruiter'), resume, 't')).toBe(true);
    expect(canDecide(role('recruiter'), tech, 't')).toBe(false);
    expect(canDecide(role('hr'), hr, 't')).toBe(true);
    expect(canDecide(role('interviewer'), tech, 't')).toBe(false);
    expect(canDecide({ kind: 'candidate', orgId: 'o', candidateId: 'c' }, resume, 't')).toBe(false);
  });

  it('R-ROUND-4: an extra round goes after the current one by default, never before a decided round', () => {
    const extra: PlannedRound = { ...plan[1]!, key: 'tech-2', name: 'Extra technical' };
    const added = insertExtraRound(at(1), extra, undefined);
    expect(added.ok && added.value.map((r) => r.key)).toEqual(['resume', 'tech', 'tech-2', 'hr']);
    const before = insertExtraRound(at(1), extra, 'tech');
    expect(before.ok && before.value.map((r) => r.key)).toEqual(['resume', 'tech-2', 'tech', 'hr']);
    const past = insertExtraRound(at(1), extra, 'resume');
    expect(past.ok || past.error.code).toBe('round.already_decided');
    const disorder = insertExtraRound(at(0), { ...extra, step: 'hr_interview' }, 'tech');
    expect(disorder.ok || disorder.error.code).toBe('validation.failed');
    const duplicate = insertExtraRound(at(0), plan[1]!, undefined);
    expect(duplicate.ok || duplicate.error.code).toBe('validation.failed');
    const ended = insertExtraRound(at(1, 'rejected'), extra, undefined);
    expect(ended.ok || ended.error.code).toBe('application.not_active');
  });

  it('a hire needs every round passed', () => {
    const early = checkHireable(at(2));
    expect(early.ok || early.error.code).toBe('application.not_at_offer');
    expect(checkHireable(at(3)).ok).toBe(true);
  });
});
