import { consensus, majority } from '../feedback/feedback.rules.js';
import type { Deps, Store } from '../shared/ports.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { Actor, Application } from '../shared/types.js';
import {
  type Decision,
  decideRound as decide,
  decidingAuthority,
  describeGaps,
  evidenceGaps,
} from './application.rules.js';
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

/** The decider records advance or reject with a written rationale. */
export async function decideApplicationRound(deps: Deps, input: DecideRoundInput) {
  return deps.transaction((store) => decideInStore(deps, store, input));
}

export async function decideInStore(
  deps: Deps,
  store: Pick<Store, 'applications' | 'feedback' | 'policies' | 'scheduling' | 'audit' | 'outbox'>,
  input: DecideRoundInput,
): Promise<Result<Application>> {
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
  await store.applications.recordDecision({
    id: deps.ids.next(),
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
  });
  const updated = await store.applications.update(orgId, app.id, {
    status: outcome.value.status,
    stageIndex: outcome.value.stageIndex,
    ...(outcome.value.ended ? { endedAt: now } : {}),
  });
  await store.audit.record({
    orgId,
    actor,
    entityType: 'application',
    entityId: app.id,
    action: input.decision === 'advance' ? 'round.advanced' : 'round.rejected',
    reason: input.rationale,
    data: {
      roundKey: round.key,
      status: updated.status,
      nextRound: updated.plan[updated.stageIndex]?.key ?? 'offer',
      ...(override ? { override } : {}),
    },
  });
  if (outcome.value.ended) {
    await concludeApplication(deps, store, actor, updated, 'rejected');
  } else {
    await store.outbox.enqueue({
      orgId,
      kind: 'candidate.application_advanced',
      dedupeKey: `round.advanced:${app.id}:${round.key}`,
      payload: {
        applicationId: app.id,
        candidateId: app.candidateId,
        nextRound: updated.plan[updated.stageIndex]?.key ?? 'offer',
      },
    });
  }
  return ok(updated);
}
