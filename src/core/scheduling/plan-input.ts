import type { Hold, StaffAttendee } from '../availability/availability.port.js';
import { defaultCandidateHours, weekOf, workingTime } from '../availability/availability.rules.js';
import { type Interval, subtract } from '../availability/intervals.js';
import type { PlannedRound } from '../shared/types.js';
import type { PlanCandidate, PlanInput, PlanInterviewer } from './planner/model.js';
import type { ApplicationToPlan } from './scheduling.port.js';

export interface PlanRequest {
  applicationIds: string[];
  window: Interval;
  roundsAhead: number;
  panelSize: number;
  minGapMinutes: number;
  /** No round starts before this instant. */
  earliest: number;
}

/** An interviewer's free time, weekly load and training, as the planner takes them. */
const interviewerOf = (p: StaffAttendee, window: Interval): PlanInterviewer => {
  const perWeek: Record<string, number> = {};
  for (const t of p.booked) perWeek[weekOf(t, p.timezone)] = (perWeek[weekOf(t, p.timezone)] ?? 0) + 1;
  return {
    id: p.id,
    timezone: p.timezone,
    free: subtract(workingTime(p.rules, window), p.busy),
    weeklyCap: p.weeklyCap,
    bookedPerWeek: perWeek,
    load: p.booked.filter((t) => t >= window.start && t < window.end).length,
    roundTypes: p.profile.roundTypes,
    levels: p.profile.levels,
    languages: p.profile.languages,
  };
};

/** An application's next rounds to lay out: up to `roundsAhead`, stopping at one with no meeting. */
function nextRounds(a: ApplicationToPlan, roundsAhead: number) {
  const next: PlannedRound[] = [];
  for (const round of a.plan.slice(a.stageIndex)) {
    if (next.length >= roundsAhead || round.durationMinutes <= 0) break;
    next.push(round);
  }
  return next;
}

/**
 * The planning problem for some applications with the interviewer pool (everyone with a saved
 * profile), and the applications that cannot be planned, with why.
 */
export function planInputOf(
  request: PlanRequest,
  apps: ApplicationToPlan[],
  pool: StaffAttendee[],
  candidateHolds: Hold[],
) {
  const found = new Set(apps.map((a) => a.id));
  const skipped = request.applicationIds
    .filter((id) => !found.has(id))
    .map((applicationId) => ({ applicationId, reason: 'not found' }));
  const candidates: PlanCandidate[] = [];
  const rounds = new Map<string, PlannedRound[]>();
  for (const a of apps) {
    if (a.status !== 'active') {
      skipped.push({ applicationId: a.id, reason: `the application is ${a.status}` });
      continue;
    }
    const next = nextRounds(a, request.roundsAhead);
    if (next.length === 0) {
      skipped.push({ applicationId: a.id, reason: 'the current round has no meeting to schedule' });
      continue;
    }
    rounds.set(a.id, next);
    candidates.push({
      id: a.id,
      timezone: a.timezone,
      free: subtract(
        workingTime({ timezone: a.timezone, weeklyHours: defaultCandidateHours }, request.window),
        candidateHolds.filter((h) => h.participantId === a.candidateId),
      ),
      level: a.level,
      language: a.language,
      earliest: request.earliest,
      interviewerIds: pool
        .filter((p) => p.teamIds.length === 0 || p.teamIds.includes(a.teamId))
        .map((p) => p.id),
      rounds: next.map((r) => ({
        key: r.key,
        roundType: r.roundType,
        durationMinutes: r.durationMinutes,
        panelSize: request.panelSize,
      })),
    });
  }
  const input: PlanInput = {
    window: request.window,
    candidates,
    interviewers: pool.map((p) => interviewerOf(p, request.window)),
    minGapMinutes: request.minGapMinutes,
  };
  return { input, skipped, rounds };
}
