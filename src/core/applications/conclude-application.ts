import { cancelUpcoming } from '../scheduling/change-interview.js';
import type { Deps, Store } from '../shared/ports.js';
import type { Actor, Application, OutboxMessage } from '../shared/types.js';
import { followUpAfterEnd } from './application.rules.js';

const interviewsEnd = {
  hired: 'The candidate was hired.',
  rejected: 'The application did not go further.',
  withdrawn: 'The candidate withdrew.',
  closed: 'The application was closed.',
};

/** The candidate's news that the application ended, and how. */
export const endedMessage = (
  ended: Application,
  endedWith: 'hired' | 'rejected' | 'withdrawn',
  actor: Actor,
): OutboxMessage => ({
  orgId: ended.orgId,
  kind: `candidate.application_${endedWith}`,
  dedupeKey: `application.${endedWith}:${ended.id}`,
  payload: { applicationId: ended.id, candidateId: ended.candidateId, by: actor.kind },
});

/**
 * What every ending shares: interviews still to come are cancelled, the candidate's other
 * applications move on as their family's policy says and the candidate is told, all inside the caller's
 * transaction. Answers what it changed beyond the application, for an undo to put back.
 */
export async function concludeApplication(
  deps: Deps,
  store: Pick<Store, 'applications' | 'policies' | 'scheduling' | 'audit' | 'outbox'>,
  actor: Actor,
  ended: Application,
  endedWith: 'hired' | 'rejected' | 'withdrawn',
) {
  const { orgId } = ended;
  const cancelledInterviewIds = await cancelUpcoming(
    deps,
    store,
    actor,
    orgId,
    ended.id,
    interviewsEnd[endedWith],
  );
  const policy = await store.policies.forFamily(orgId, ended.jobFamily);
  const others = await store.applications.openForCandidate(orgId, ended.candidateId, ended.jobFamily);
  const next = followUpAfterEnd(policy, endedWith, others);
  const now = deps.clock.now();
  for (const id of next.close) {
    await store.applications.update(orgId, id, { status: 'closed', endedAt: now });
    await cancelUpcoming(deps, store, actor, orgId, id, interviewsEnd.closed);
    await store.audit.record({
      orgId,
      actor: { kind: 'system' },
      entityType: 'application',
      entityId: id,
      action: 'application.closed',
      reason: 'The candidate was hired through an earlier application (sequential consideration).',
      data: { hiredApplicationId: ended.id },
    });
    await store.outbox.enqueue({
      orgId,
      kind: 'candidate.application_closed',
      dedupeKey: `application.closed:${id}`,
      payload: { applicationId: id, candidateId: ended.candidateId },
    });
  }
  for (const id of next.activate) {
    await store.applications.update(orgId, id, { status: 'active' });
    await store.audit.record({
      orgId,
      actor: { kind: 'system' },
      entityType: 'application',
      entityId: id,
      action: 'application.activated',
      reason: 'The earlier application in sequential consideration ended.',
      data: { previousApplicationId: ended.id },
    });
  }
  await store.outbox.enqueue(endedMessage(ended, endedWith, actor));
  return { cancelledInterviewIds, activatedApplicationIds: next.activate };
}
