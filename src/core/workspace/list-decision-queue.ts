import { DateTime } from 'luxon';
import type { Rating } from '../../contracts/kits.js';
import type { ListFilter } from '../../contracts/views.js';
import { type Decider, deciders, type EvidenceGap } from '../../contracts/vocabulary.js';
import { describeGaps, evidenceGaps } from '../applications/application.rules.js';
import { consensus, majority } from '../feedback/feedback.rules.js';
import { businessDaysBetween } from '../notifications/notification.rules.js';
import type { Clock } from '../shared/ports.js';
import { ok, type Result } from '../shared/result.js';
import type { Actor, PlannedRound } from '../shared/types.js';

/**
 * Which rounds a person decides, as the queue's filter: the rounds the hiring manager decides on
 * the teams they manage, and rounds naming one of their other roles. A hiring manager may still
 * decide a recruiter's or HR's round by override, but such rounds are not theirs to work through.
 */
export interface DecisionScope {
  managedTeamIds: string[];
  deciders: Decider[];
}

/** The current round of one active application in scope, with the evidence recorded on it so far. */
export interface QueuedRound {
  applicationId: string;
  candidateName: string;
  jobTitle: string;
  teamId: string;
  teamName: string;
  round: PlannedRound;
  /** Starts of the round's interviews that were not cancelled. */
  interviews: Date[];
  scorecards: { status: string; recommendation: Rating | null; submittedAt: Date | null }[];
  votes: { vote: 'advance' | 'reject'; votedAt: Date }[];
}

export interface OverriddenDecision {
  applicationId: string;
  candidateName: string;
  jobTitle: string;
  roundKey: string;
  roundName: string;
  decision: 'advance' | 'reject';
  reason: string;
  gaps: EvidenceGap[];
  decidedAt: Date;
  deciderName: string;
}

export interface DecisionQueueReads {
  /** Current rounds in scope that have an interview booked, a committee vote or a scorecard. */
  decisionQueue(orgId: string, scope: DecisionScope, filter: ListFilter): Promise<QueuedRound[]>;
  /** Decisions in scope taken since `since` with an override reason, newest first. */
  decisionOverrides(orgId: string, scope: DecisionScope, since: Date): Promise<OverriddenDecision[]>;
  /** The person's zone and the organisation's holidays: business days are counted in them. */
  deciderCalendar(orgId: string, userId: string): Promise<{ zone: string; holidays: ReadonlySet<string> }>;
}

/** The rounds a staff member works through in their queue. */
export function decisionScope(actor: Actor & { kind: 'staff' }): DecisionScope {
  return {
    managedTeamIds: actor.roles.includes('hiring_manager') ? actor.teamIds : [],
    deciders: deciders.filter((d) => d !== 'hiring_manager' && actor.roles.includes(d)),
  };
}

const DEFAULT_SLA_DAYS = 2;
const latest = (dates: Date[]) =>
  dates.length === 0 ? null : new Date(Math.max(...dates.map((d) => d.getTime())));

/** One row of the queue: what the round lacks, the panel so far, and how long it has waited. */
function assess(r: QueuedRound, now: Date, zone: string, holidays: ReadonlySet<string>) {
  const { round } = r;
  const codes = evidenceGaps({
    round,
    authority: 'own',
    interviewStarts: r.interviews,
    feedback: r.scorecards,
    now,
  });
  const expected = r.scorecards.length;
  const submitted = r.scorecards.filter((s) => s.status === 'submitted');
  const upcoming = r.interviews.filter((start) => start > now).sort((a, b) => a.getTime() - b.getTime());
  const notYetHeld = upcoming.map(
    (start) =>
      `interview on ${DateTime.fromJSDate(start, { zone }).toFormat("ccc d LLL 'at' HH:mm")} not yet held`,
  );
  const gaps = codes.map((code) => {
    if (code === 'no_interview_held' && notYetHeld.length > 0)
      return { code, message: notYetHeld.join('; ') };
    if (code !== 'feedback_missing') return { code, message: describeGaps([code]) };
    // One interview held and another still to come: its pending scorecards are what is missing.
    const later = codes.includes('no_interview_held') ? [] : notYetHeld;
    return { code, message: [`${submitted.length} of ${expected} scorecards in`, ...later].join('; ') };
  });
  const decidableNow = codes.length === 0;
  const complete = expected > 0 && submitted.length === expected;
  const panelMajority = complete ? (majority(submitted.map((s) => s.recommendation)) ?? 'split') : null;
  const lastFeedbackAt = latest(submitted.flatMap((s) => (s.submittedAt ? [s.submittedAt] : [])));
  // Ready: since the last piece of evidence came in. Waiting: since the interview or the last scorecard.
  const waitingSince = latest([
    ...r.interviews.filter((start) => start <= now),
    ...(lastFeedbackAt ? [lastFeedbackAt] : []),
    ...r.votes.map((v) => v.votedAt),
  ]);
  const waitingDays = waitingSince ? businessDaysBetween(waitingSince, now, zone, holidays) : null;
  const slaDays = round.feedbackSlaDays ?? DEFAULT_SLA_DAYS;
  return {
    applicationId: r.applicationId,
    candidateName: r.candidateName,
    jobTitle: r.jobTitle,
    teamId: r.teamId,
    teamName: r.teamName,
    roundKey: round.key,
    roundName: round.name,
    decidedBy: round.decidedBy,
    decidableNow,
    gaps,
    panel: { expected, submitted: submitted.length },
    majority: panelMajority,
    votes: round.committee
      ? {
          advance: r.votes.filter((v) => v.vote === 'advance').length,
          reject: r.votes.filter((v) => v.vote === 'reject').length,
          consensus: consensus(r.votes.map((v) => v.vote)),
        }
      : null,
    nextInterviewAt: upcoming[0]?.toISOString() ?? null,
    lastFeedbackAt: lastFeedbackAt?.toISOString() ?? null,
    waitingSince: waitingSince?.toISOString() ?? null,
    waitingDays,
    slaDays,
    overdue: waitingDays !== null && waitingDays > slaDays,
  };
}

export type QueueItem = ReturnType<typeof assess>;

/** Ready to decide first, longest waiting first; then the rounds still waiting for evidence. */
function byUrgency(a: QueueItem, b: QueueItem) {
  if (a.decidableNow !== b.decidableNow) return a.decidableNow ? -1 : 1;
  const waited = (b.waitingDays ?? -1) - (a.waitingDays ?? -1);
  if (waited !== 0) return waited;
  const since = (a.waitingSince ?? '\uffff').localeCompare(b.waitingSince ?? '\uffff');
  if (since !== 0) return since;
  return a.applicationId.localeCompare(b.applicationId);
}

/**
 * The rounds waiting for a decision the actor makes, each with whether it can be decided now on
 * its evidence (`evidenceGaps`: the same test a decision passes) and what it still lacks, in
 * words; and the decisions in the same scope taken this month without their evidence, with the
 * reasons written for them, so that overrides stay in view.
 */
export async function listDecisionQueue(
  deps: { workspace: DecisionQueueReads; clock: Clock },
  input: { actor: Actor & { kind: 'staff' }; limit: number; offset: number; filter: ListFilter },
): Promise<Result<ReturnType<typeof page>>> {
  const { actor } = input;
  const scope = decisionScope(actor);
  const now = deps.clock.now();
  const { zone, holidays } = await deps.workspace.deciderCalendar(actor.orgId, actor.userId);
  const rounds = await deps.workspace.decisionQueue(actor.orgId, scope, input.filter);
  const items = rounds.map((r) => assess(r, now, zone, holidays)).sort(byUrgency);
  const since = DateTime.fromJSDate(now, { zone }).startOf('month');
  const overrides = await deps.workspace.decisionOverrides(actor.orgId, scope, since.toJSDate());
  return ok(page(items, input, { since: since.toISO()!, overrides }));
}

function page(
  items: QueueItem[],
  at: { limit: number; offset: number },
  month: { since: string; overrides: OverriddenDecision[] },
) {
  const end = at.offset + at.limit;
  return {
    total: items.length,
    ready: items.filter((i) => i.decidableNow).length,
    offset: at.offset,
    nextOffset: end < items.length ? end : null,
    items: items.slice(at.offset, end),
    overridesThisMonth: {
      since: month.since,
      items: month.overrides.map((o) => ({ ...o, decidedAt: o.decidedAt.toISOString() })),
    },
  };
}
