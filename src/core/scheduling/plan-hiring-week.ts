import { localTime } from '../availability/availability.rules.js';
import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import { planInputOf } from './plan-input.js';
import type { Assignment, PlanOptions } from './planner/model.js';
import { scheduleInterview } from './schedule-interview.js';
import type { Planner } from './scheduling.port.js';
import { bookableWindow, MIN_NOTICE_MS } from './scheduling.rules.js';

export type PlannerDeps = Deps & { planner: Planner };

export interface PlanHiringWeekInput {
  actor: Actor;
  /** The applications to plan; or, instead, every one of a team or a job still to be booked. */
  applicationIds?: string[] | undefined;
  teamId?: string | undefined;
  jobId?: string | undefined;
  from: Date;
  to: Date;
  roundsAhead: number;
  panelSize: number;
  minGapMinutes: number;
  method: NonNullable<PlanOptions['method']>;
  timeLimitSeconds: number;
  /** Book the current rounds of the plan; otherwise it is only proposed. */
  commit: boolean;
}

/** At most this many applications are planned at once when a team or job is given. */
const MAX_APPLICATIONS = 500;

/** Reads what the planner needs, in one short transaction before the solve. */
function gather(
  deps: Deps,
  input: PlanHiringWeekInput,
  window: { start: number; end: number },
  earliest: number,
) {
  const orgId = input.actor.orgId;
  return deps.transaction(async (store) => {
    const applicationIds = input.applicationIds
      ? [...new Set(input.applicationIds)]
      : await store.scheduling.toSchedule(
          orgId,
          { teamId: input.teamId, jobId: input.jobId },
          MAX_APPLICATIONS,
        );
    const apps = await store.scheduling.applicationsToPlan(orgId, applicationIds);
    const pool = await store.availability.attendees(
      orgId,
      await store.availability.configuredStaff(orgId),
      window,
    );
    const holds = await store.availability.holds(
      apps.map((a) => a.candidateId),
      window,
    );
    const request = { ...input, applicationIds, window, earliest };
    return ok({ ...planInputOf(request, apps, pool, holds), pool });
  });
}

/**
 * Plans interviews for many applications at once and, with `commit`, books the rounds that can be
 * booked now: each one through the same booking as a coordinator's, so a round that is not the
 * current one, or a time someone took meanwhile, is reported and not booked.
 */
export async function planHiringWeek(deps: PlannerDeps, input: PlanHiringWeekInput) {
  const now = deps.clock.now();
  const bookable = bookableWindow({ start: input.from.getTime(), end: input.to.getTime() }, now);
  const window = { start: Math.min(bookable.start, bookable.end), end: bookable.end };
  const gathered = await gather(deps, input, window, now.getTime() + MIN_NOTICE_MS);
  if (!gathered.ok) return gathered;
  const { input: problem, skipped, rounds, pool } = gathered.value;
  const plan = await deps.planner.plan(problem, {
    method: input.method,
    timeLimitSeconds: input.timeLimitSeconds,
  });
  const people = new Map(pool.map((p) => [p.id, p]));
  const candidates = new Map(problem.candidates.map((c) => [c.id, c]));

  const book = async (a: Assignment) => {
    const round = rounds.get(a.candidateId)!.find((r) => r.key === a.roundKey)!;
    const booked = await scheduleInterview(deps, {
      actor: input.actor,
      applicationId: a.candidateId,
      roundKey: a.roundKey,
      startsAt: new Date(a.start),
      durationMinutes: round.durationMinutes,
      interviewerIds: a.interviewerIds,
      language: candidates.get(a.candidateId)!.language,
    });
    return booked.ok
      ? { interviewId: booked.value.id, notBooked: null }
      : { interviewId: null, notBooked: { code: booked.error.code, message: booked.error.message } };
  };

  const items = [];
  for (const a of plan.assignments) {
    const outcome = input.commit ? await book(a) : { interviewId: null, notBooked: null };
    const start = new Date(a.start);
    items.push({
      applicationId: a.candidateId,
      roundKey: a.roundKey,
      startsAt: start.toISOString(),
      endsAt: new Date(a.end).toISOString(),
      candidateStartsAtLocal: localTime(start, candidates.get(a.candidateId)?.timezone ?? 'UTC'),
      interviewers: a.interviewerIds.map((id) => {
        const who = people.get(id)!;
        return { id, name: who.name, timezone: who.timezone, startsAtLocal: localTime(start, who.timezone) };
      }),
      ...outcome,
    });
  }
  return ok({
    solver: plan.solver,
    optimal: plan.optimal,
    gap: plan.gap,
    objective: plan.objective,
    milliseconds: plan.milliseconds,
    roundsRequested: plan.roundsRequested,
    roundsPlanned: plan.assignments.length,
    items,
    skipped,
  });
}
