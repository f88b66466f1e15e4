import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';

/**
 * A committee member votes on the current round; a later vote by the same member replaces theirs.
 * A vote is on the round, which reviews the loop, not on an interview, so unlike a scorecard it
 * has no interview start to wait for.
 */
export async function castCommitteeVote(
  deps: Deps,
  input: {
    actor: Actor & { kind: 'staff' };
    applicationId: string;
    roundKey: string;
    vote: 'advance' | 'reject';
    note: string;
  },
) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    const app = await store.applications.lock(actor.orgId, input.applicationId);
    if (!app)
      return fail('application.not_found', 'No such application.', { applicationId: input.applicationId });
    const round = app.plan[app.stageIndex];
    if (app.status !== 'active' || !round || round.key !== input.roundKey) {
      return fail('round.not_current', 'Votes are cast on the current round of an active application.', {
        roundKey: input.roundKey,
      });
    }
    if (!round.committee) {
      return fail('validation.failed', `Round "${round.key}" is not decided by a committee.`, {
        field: 'roundKey',
      });
    }
    await store.feedback.upsertVote({
      orgId: actor.orgId,
      applicationId: app.id,
      roundKey: round.key,
      voterId: actor.userId,
      vote: input.vote,
      note: input.note,
      at: deps.clock.now(),
    });
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'application',
      entityId: app.id,
      action: 'committee.voted',
      reason: input.note,
      data: { roundKey: round.key, vote: input.vote },
    });
    return ok({
      roundKey: round.key,
      votes: await store.feedback.roundVotes(actor.orgId, app.id, round.key),
    });
  });
}
