import type { DomainError } from '../../contracts/errors.js';
import { openScorecards } from '../scheduling/schedule-interview.js';
import type { Deps, Store } from '../shared/ports.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { Actor, Application } from '../shared/types.js';

export interface UndoOutcome {
  decisionId: string;
  ok: boolean;
  application?: Application;
  error?: DomainError;
}

/**
 * R-MSG-1: a round decision's messages (to the candidate, the panel and webhooks) wait out the
 * organisation's undo window, five minutes unless set otherwise. Until it closes the decider can
 * take the decision back: the application returns to where it was, interviews the decision
 * cancelled are booked again, queued applications it let in wait again, and the held messages are
 * withdrawn, never sent. Once dispatch has taken a message the decision stands.
 */
export function undoDecision(deps: Deps, input: { actor: Actor; decisionId: string }) {
  return deps.transaction((store) => undoInStore(deps, store, input.actor, input.decisionId));
}

/** Each decision in its own transaction, so one that can no longer be undone leaves the others undone. */
export async function undoDecisions(
  deps: Deps,
  input: { actor: Actor; decisionIds: string[] },
): Promise<UndoOutcome[]> {
  const outcomes: UndoOutcome[] = [];
  for (const decisionId of input.decisionIds) {
    const result = await undoDecision(deps, { actor: input.actor, decisionId });
    outcomes.push(
      result.ok
        ? { decisionId, ok: true, application: result.value }
        : { decisionId, ok: false, error: result.error },
    );
  }
  return outcomes;
}

async function undoInStore(
  deps: Deps,
  store: Pick<Store, 'applications' | 'scheduling' | 'feedback' | 'people' | 'audit' | 'outbox'>,
  actor: Actor,
  decisionId: string,
): Promise<Result<Application>> {
  const orgId = actor.orgId;
  const now = deps.clock.now();
  const decision = await store.applications.lockDecision(orgId, decisionId);
  if (!decision) return fail('decision.not_found', 'No such decision.', { decisionId });
  if (actor.kind !== 'staff' || decision.decidedBy !== actor.userId) {
    return fail('decision.not_yours', 'Only the person who took a decision can undo it.', { decisionId });
  }
  const { undo } = decision;
  if (!undo || now >= new Date(undo.until)) {
    return fail(
      'decision.undo_closed',
      'The time to undo this decision is over and its messages have gone out; the decision stands.',
      { decisionId, closedAt: undo?.until ?? null },
    );
  }
  const app = (await store.applications.lock(orgId, decision.applicationId))!;
  if (app.status !== undo.after.status || app.stageIndex !== undo.after.stageIndex) {
    return fail(
      'decision.superseded',
      'The application has moved on since this decision; undo the later decision first.',
      { decisionId, status: app.status },
    );
  }
  // An interview booked for the round the decision opened would be left for a round not reached.
  const opened = app.plan[undo.after.stageIndex];
  if (decision.decision === 'advance' && opened) {
    const booked = await store.scheduling.roundInterviews(orgId, app.id, opened.key);
    if (booked.length > 0) {
      return fail(
        'decision.superseded',
        `An interview for "${opened.name}" was booked since this decision; cancel it first to undo.`,
        { decisionId, interviewIds: booked.map((i) => i.id) },
      );
    }
  }
  if (!(await store.outbox.withdrawHeld(decision.id, now))) {
    return fail('decision.undo_closed', 'Its messages have just gone out; the decision stands.', {
      decisionId,
      closedAt: undo.until,
    });
  }
  for (const interviewId of undo.cancelledInterviewIds) {
    const interview = await store.scheduling.restoreInterview(orgId, interviewId);
    const round = app.plan.find((r) => r.key === interview.roundKey);
    const panel = await store.people.staff(orgId, interview.interviewerIds);
    await openScorecards(deps, store, interview, panel, round?.feedbackSlaDays ?? 2);
  }
  for (const id of undo.activatedApplicationIds) {
    await store.applications.update(orgId, id, { status: 'queued' });
  }
  const restored = await store.applications.update(orgId, app.id, {
    status: undo.before.status,
    stageIndex: undo.before.stageIndex,
    endedAt: undo.before.endedAt ? new Date(undo.before.endedAt) : null,
  });
  await store.applications.deleteDecision(orgId, decision.id);
  await store.audit.record({
    orgId,
    actor,
    entityType: 'application',
    entityId: app.id,
    action: 'round.decision_undone',
    reason: decision.rationale,
    data: { decisionId, roundKey: decision.roundKey, decision: decision.decision, status: restored.status },
  });
  return ok(restored);
}
