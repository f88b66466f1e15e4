import { consensus, majority } from '../feedback/feedback.rules.js';
import type { Deps, Store } from '../shared/ports.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { Actor, Application, AuditEntry, OutboxMessage } from '../shared/types.js';
import {
  type Decision,
  decideRound as decide,
  decidingAuthority,
  describeGaps,
  evidenceGaps,
} from './application.rules.js';
import type { RoundDecisionRecord } from './applications.port.js';
import { concludeApplication } from './conclude-application.js';

export interface DecideRoundInput {
  actor: Actor;
  applicationId: string;
  roundKey: string;
  decision: Decision;
  rationale: string;
  /** Why the round is decided without its evidence; required when something is missing. */
  overrideReason?: string | undefined;
}

/** A decision taken: the application after it, and until when the decider may still undo it. */
export interface DecidedRound {
  application: Application;
  decisionId: string;
  undoUntil: Date | null;
}

/** The audit entry of a round decision, on the application as the decision left it. */
export const decisionAudit = (
  actor: Actor,
  updated: Application,
  input: { decision: Decision; rationale: string },
  about: { decisionId: string; roundKey: string; override: RoundDecisionRecord['override'] },
): AuditEntry => ({
  orgId: updated.orgId,
  actor,
  entityType: 'application',
  entityId: updated.id,
  action: input.decision === 'advance' ? 'round.advanced' : 'round.rejected',
  reason: input.rationale,
  data: {
    decisionId: about.decisionId,
    roundKey: about.roundKey,
    status: updated.status,
    nextRound: updated.plan[updated.stageIndex]?.key ?? 'offer',
    ...(about.override ? { override: about.override } : {}),
  },
});

/** The candidate's news that they passed a round. */
export const advancedMessage = (updated: Application, roundKey: string): OutboxMessage => ({
  orgId: updated.orgId,
  kind: 'candidate.application_advanced',
  dedupeKey: `round.advanced:${updated.id}:${roundKey}`,
  payload: {
    applicationId: updated.id,
    candidateId: updated.candidateId,
    nextRound: updated.plan[updated.stageIndex]?.key ?? 'offer',
  },
});

/** The decider records advance or reject with a written rationale. */
export async function decideApplicationRound(deps: Deps, input: DecideRoundInput) {
  const decided = await deps.transaction((store) => decideInStore(deps, store, input));
  return decided.ok ? ok(decided.value.application) : decided;
}

export async function decideInStore(
  deps: Deps,
  store: Pick<Store, 'applications' | 'feedback' | 'policies' | 'scheduling' | 'audit' | 'outbox'>,
  input: DecideRoundInput,
): Promise<Result<DecidedRound>> {
  const { actor } = input;
  const orgId = actor.orgId;
  const app = await store.applications.lock(orgId, input.applicationId);
  if (!app)
    return fail('application.not_found', 'No such application.', { applicationId: input.applicationId });
  const outcome = decide(app, input.roundKey, input.decision);
  if (!outcome.ok) return outcome;
  const { round } = outcome.value;
  const authority = decidingAuthority(actor, round, app.teamId);
  if (authority === 'none') {
    return fail(
      'round.not_your_decision',
      `Round "${round.key}" is decided by the ${round.decidedBy.replace('_', ' ')}.`,
      {
        decidedBy: round.decidedBy,
      },
    );
  }
  // The decision waits for its evidence, unless the decider writes why not.
  const now = deps.clock.now();
  const feedback = await store.feedback.roundFeedback(orgId, app.id, round.key);
  const missing = feedback.filter((f) => f.status !== 'submitted').map((f) => f.interviewerId);
  const interviews = await store.scheduling.roundInterviews(orgId, app.id, round.key);
  const gaps = evidenceGaps({
    round,
    authority,
    interviewStarts: interviews.map((i) => i.startsAt),
    feedback,
    now,
  });
  const overrideReason = input.overrideReason?.trim();
  if (gaps.length > 0 && !overrideReason) {
    return fail(
      'round.override_required',
      `"${round.name}" cannot be decided yet: ${describeGaps(gaps)}. Decide anyway only with a written reason.`,
      { gaps, missingInterviewerIds: missing },
    );
  }
  const override = gaps.length > 0 && overrideReason ? { reason: overrideReason, gaps } : null;
  const votes = round.committee ? await store.feedback.roundVotes(orgId, app.id, round.key) : [];
  const panel = round.committee
    ? consensus(votes.map((v) => v.vote))
    : majority(feedback.filter((f) => f.status === 'submitted').map((f) => f.recommendation));
  const againstMajority = panel !== null && panel !== input.decision;
  const decisionId = deps.ids.next();
  const undoMinutes = await store.applications.undoWindowMinutes(orgId);
  const hold = undoMinutes > 0 ? { decisionId, until: new Date(now.getTime() + undoMinutes * 60_000) } : null;
  const { updated, effects } = await store.outbox.holding(hold, async () => {
    const updated = await store.applications.update(orgId, app.id, {
      status: outcome.value.status,
      stageIndex: outcome.value.stageIndex,
      ...(outcome.value.ended ? { endedAt: now } : {}),
    });
    await store.audit.record(
      decisionAudit(actor, updated, input, { decisionId, roundKey: round.key, override }),
    );
    if (outcome.value.ended) {
      return { updated, effects: await concludeApplication(deps, store, actor, updated, 'rejected') };
    }
    await store.outbox.enqueue(advancedMessage(updated, round.key));
    return { updated, effects: { cancelledInterviewIds: [], activatedApplicationIds: [] } };
  });
  await store.applications.recordDecision({
    id: decisionId,
    orgId,
    applicationId: app.id,
    roundKey: round.key,
    decision: input.decision,
    rationale: input.rationale,
    decidedBy: actor.kind === 'staff' ? actor.userId : '',
    decidedAt: now,
    againstMajority,
    missingFeedback: missing,
    override,
    undo: hold && {
      until: hold.until.toISOString(),
      before: { status: app.status, stageIndex: app.stageIndex, endedAt: app.endedAt?.toISOString() ?? null },
      after: { status: updated.status, stageIndex: updated.stageIndex },
      ...effects,
    },
  });
  return ok({ application: updated, decisionId, undoUntil: hold?.until ?? null });
}
