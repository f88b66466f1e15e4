import { DateTime } from 'luxon';
import { type EvidenceGap, steps } from '../../contracts/vocabulary.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { Actor, Application, ApplicationStatus, FamilyPolicy, PlannedRound } from '../shared/types.js';

export type Decision = 'advance' | 'reject';
type OpenApplication = Pick<Application, 'id' | 'jobId' | 'status' | 'submittedAt'>;

const DAY_MS = 86_400_000;

/** An open application as the limit's refusal names it: the job and team a candidate would recognise. */
type LimitedApplication = OpenApplication & { jobTitle: string; teamName: string };
const openStatusWords: Partial<Record<ApplicationStatus, string>> = {
  active: 'in review',
  queued: 'waiting its turn',
};

/**
 * R-APP-1: at most N open applications per candidate in a job family; the refusal names the open
 * ones in words the candidate reads (job, team, where it stands, since when, in `timezone`).
 */
export function checkApplicationLimit(policy: FamilyPolicy, open: LimitedApplication[], timezone = 'UTC') {
  const limit = policy.maxActiveApplications;
  if (limit === null || open.length < limit) return ok(undefined);
  const family = policy.jobFamily.replace(/_/g, '-');
  const day = (at: Date) =>
    DateTime.fromJSDate(at, { zone: timezone }).setLocale('en-GB').toFormat('d MMMM yyyy');
  const active = open.map((a) => ({
    applicationId: a.id,
    jobId: a.jobId,
    jobTitle: a.jobTitle,
    teamName: a.teamName,
    status: a.status,
    statusInWords: openStatusWords[a.status] ?? a.status,
    appliedAt: a.submittedAt.toISOString(),
    appliedOn: day(a.submittedAt),
  }));
  const named = active.map((a) => `'${a.jobTitle}' (${a.teamName}), ${a.statusInWords} since ${a.appliedOn}`);
  const plural = (n: number) => `${n} open ${family} application${n === 1 ? '' : 's'}`;
  const bound = open.length === limit ? 'the most' : `more than the ${limit}`;
  const toWithdraw = open.length - limit + 1;
  const message =
    open.length === 0
      ? `This company accepts no ${family} applications at the moment.`
      : `You already have ${plural(open.length)}, ${bound} this company accepts at once: ${named.join('; ')}. ` +
        `Withdraw ${toWithdraw === 1 ? 'one' : toWithdraw} to apply here.`;
  return fail('application.limit_reached', message, { limit, jobFamily: policy.jobFamily, active });
}

/** R-APP-5: an optional waiting period after a rejection by the same team. */
export function checkCooldown(policy: FamilyPolicy, lastRejectedAt: Date | null, now: Date) {
  if (policy.cooldownDays === 0 || lastRejectedAt === null) return ok(undefined);
  const until = new Date(lastRejectedAt.getTime() + policy.cooldownDays * DAY_MS);
  if (now >= until) return ok(undefined);
  return fail(
    'application.cooldown',
    `This team accepts a new application from you after ${until.toISOString()}.`,
    {
      cooldownDays: policy.cooldownDays,
      availableAt: until.toISOString(),
    },
  );
}

/** R-APP-2: with `sequential`, a new application waits while an earlier one in the family is open. */
export function initialStatus(policy: FamilyPolicy, open: OpenApplication[]): ApplicationStatus {
  return policy.order === 'sequential' && open.length > 0 ? 'queued' : 'active';
}

/**
 * R-ROUND-3: the hiring manager of the job's team is the final authority; a round may name the
 * recruiter or HR as its decider. `own`: the actor is the round's decider; `override`: the hiring
 * manager decides a round another role owns, which needs a written reason (R-ROUND-7); `none`.
 */
export function decidingAuthority(
  actor: Actor,
  round: PlannedRound,
  teamId: string,
): 'own' | 'override' | 'none' {
  if (actor.kind !== 'staff') return 'none';
  const teamManager = actor.roles.includes('hiring_manager') && actor.teamIds.includes(teamId);
  if (round.decidedBy === 'hiring_manager') return teamManager ? 'own' : 'none';
  if (actor.roles.includes(round.decidedBy)) return 'own';
  return teamManager ? 'override' : 'none';
}

export const canDecide = (actor: Actor, round: PlannedRound, teamId: string) =>
  decidingAuthority(actor, round, teamId) !== 'none';

/** A round held with the candidate (not read, like a resume, nor reviewed without them, like a committee). */
export const expectsInterview = (round: Pick<PlannedRound, 'format' | 'durationMinutes'>) =>
  round.format !== 'async' && round.durationMinutes > 0;

/**
 * R-ROUND-7: decisions rest on evidence. What a decision on this round lacks now: an interview that
 * has taken place (when the round has one), the panel's submitted feedback, the decider's own
 * authority. Deciding with any of these missing needs a written reason, kept with the decision.
 */
export function evidenceGaps(input: {
  round: PlannedRound;
  authority: 'own' | 'override';
  interviewStarts: Date[];
  feedback: { status: string }[];
  now: Date;
}): EvidenceGap[] {
  const gaps: EvidenceGap[] = [];
  if (expectsInterview(input.round) && !input.interviewStarts.some((start) => start <= input.now))
    gaps.push('no_interview_held');
  if (input.feedback.some((f) => f.status !== 'submitted')) gaps.push('feedback_missing');
  if (input.authority === 'override') gaps.push('decided_by_another_role');
  return gaps;
}

const gapWords: Record<EvidenceGap, string> = {
  no_interview_held: 'no interview of this round has taken place',
  feedback_missing: 'feedback from the panel is missing',
  decided_by_another_role: 'this round is decided by another role',
};
export const describeGaps = (gaps: EvidenceGap[]) => gaps.map((g) => gapWords[g]).join('; ');

export interface RoundOutcome {
  status: ApplicationStatus;
  stageIndex: number;
  ended: boolean;
  round: PlannedRound;
}

/** R-ROUND-1, R-ROUND-2: decide the current round only; a reject on an eliminatory round ends the application. */
export function decideRound(
  app: Pick<Application, 'status' | 'stageIndex' | 'plan'>,
  roundKey: string,
  decision: Decision,
): Result<RoundOutcome> {
  const index = app.plan.findIndex((r) => r.key === roundKey);
  const round = app.plan[index];
  if (!round) {
    return fail('round.unknown', `This application's plan has no round "${roundKey}".`, {
      rounds: app.plan.map((r) => r.key),
    });
  }
  // A rejection stops the plan at the rejected round, so that round counts as decided too.
  if (index < app.stageIndex || (index === app.stageIndex && app.status === 'rejected')) {
    return fail('round.already_decided', `Round "${roundKey}" has already been decided.`, { roundKey });
  }
  if (app.status !== 'active') {
    return fail('application.not_active', `The application is ${app.status}; its rounds cannot be decided.`, {
      status: app.status,
    });
  }
  if (index > app.stageIndex) {
    return fail(
      'round.not_current',
      `Round "${roundKey}" cannot be decided before "${app.plan[app.stageIndex]?.key}".`,
      {
        roundKey,
        currentRound: app.plan[app.stageIndex]?.key,
      },
    );
  }
  if (decision === 'reject' && round.eliminatory) {
    return ok({ status: 'rejected', stageIndex: index, ended: true, round });
  }
  return ok({ status: 'active', stageIndex: index + 1, ended: false, round });
}

/**
 * R-ROUND-1 for booking: only the current round of an active application is scheduled, so a
 * round is booked only once the one before it is decided.
 */
export function roundToSchedule(app: Pick<Application, 'status' | 'stageIndex' | 'plan'>, roundKey: string) {
  if (app.status !== 'active') {
    return fail('application.not_active', `The application is ${app.status}.`, { status: app.status });
  }
  const round = app.plan[app.stageIndex];
  if (!round || round.key !== roundKey) {
    return fail(
      'round.not_current',
      `Only the current round${round ? ` ("${round.key}")` : ''} can be scheduled.`,
      { roundKey, currentRound: round?.key ?? null },
    );
  }
  return ok(round);
}

/**
 * R-ROUND-4: insert an extra round into one application's plan, never before the current round
 * and never against the order of steps.
 */
export function insertExtraRound(
  app: Pick<Application, 'status' | 'stageIndex' | 'plan'>,
  round: PlannedRound,
  beforeRoundKey: string | undefined,
): Result<PlannedRound[]> {
  if (app.status !== 'active' && app.status !== 'queued') {
    return fail('application.not_active', `The application is ${app.status}; its plan is final.`, {
      status: app.status,
    });
  }
  if (app.plan.some((r) => r.key === round.key)) {
    return fail('validation.failed', `Round key "${round.key}" is already used in this plan.`, {
      field: 'round.key',
    });
  }
  const at =
    beforeRoundKey === undefined ? app.stageIndex + 1 : app.plan.findIndex((r) => r.key === beforeRoundKey);
  if (beforeRoundKey !== undefined && at === -1) {
    return fail('round.unknown', `This application's plan has no round "${beforeRoundKey}".`, {
      rounds: app.plan.map((r) => r.key),
    });
  }
  const position = Math.min(at, app.plan.length);
  if (position < app.stageIndex) {
    return fail('round.already_decided', 'An extra round cannot be placed before a round already decided.', {
      beforeRoundKey,
    });
  }
  const plan = [...app.plan.slice(0, position), round, ...app.plan.slice(position)];
  const order = plan.map((r) => steps.indexOf(r.step));
  if (order.some((s, i) => i > 0 && s < order[i - 1]!)) {
    return fail('validation.failed', `A "${round.step}" round cannot be placed there: steps run in order.`, {
      field: 'round.step',
    });
  }
  return ok(plan);
}

/** The candidate can withdraw at any time while the application is open (R-CAND-3). */
export function checkWithdrawable(app: Pick<Application, 'status'>) {
  if (app.status === 'active' || app.status === 'queued') return ok(undefined);
  return fail('application.not_active', `The application is already ${app.status}.`, { status: app.status });
}

/** A hire closes an application that has passed every round. */
export function checkHireable(app: Pick<Application, 'status' | 'stageIndex' | 'plan'>) {
  if (app.status !== 'active') {
    return fail('application.not_active', `The application is ${app.status}.`, { status: app.status });
  }
  if (app.stageIndex < app.plan.length) {
    return fail('application.not_at_offer', 'Every round, the HR interview included, must be passed first.', {
      currentRound: app.plan[app.stageIndex]?.key,
    });
  }
  return ok(undefined);
}

export interface FollowUp {
  close: string[];
  activate: string[];
}

/**
 * R-APP-2: when an application ends under `sequential`, a hire closes the candidate's other open
 * applications in the family; any other ending lets the oldest queued one start.
 */
export function followUpAfterEnd(
  policy: FamilyPolicy,
  endedWith: 'hired' | 'rejected' | 'withdrawn',
  othersOpen: OpenApplication[],
): FollowUp {
  if (policy.order !== 'sequential') return { close: [], activate: [] };
  if (endedWith === 'hired') return { close: othersOpen.map((a) => a.id), activate: [] };
  if (othersOpen.some((a) => a.status === 'active')) return { close: [], activate: [] };
  const next = [...othersOpen].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime())[0];
  return { close: [], activate: next ? [next.id] : [] };
}
