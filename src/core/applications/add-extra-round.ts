import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor, PlannedRound } from '../shared/types.js';
import { canDecide, insertExtraRound } from './application.rules.js';

/** The hiring manager extends one application's plan, with a reason. */
export async function addExtraRound(
  deps: Deps,
  input: {
    actor: Actor;
    applicationId: string;
    round: PlannedRound;
    beforeRoundKey?: string | undefined;
    reason: string;
  },
) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    const app = await store.applications.lock(actor.orgId, input.applicationId);
    if (!app)
      return fail('application.not_found', 'No such application.', { applicationId: input.applicationId });
    const hiringManagerOfTeam = { ...input.round, decidedBy: 'hiring_manager' as const };
    if (!canDecide(actor, hiringManagerOfTeam, app.teamId)) {
      return fail(
        'round.not_your_decision',
        "Only the hiring manager of the job's team can extend the plan.",
      );
    }
    const plan = insertExtraRound(app, { ...input.round, addedReason: input.reason }, input.beforeRoundKey);
    if (!plan.ok) return plan;
    const updated = await store.applications.update(actor.orgId, app.id, { plan: plan.value });
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'application',
      entityId: app.id,
      action: 'round.added',
      reason: input.reason,
      data: { roundKey: input.round.key, roundType: input.round.roundType, rounds: plan.value.length },
    });
    return ok(updated);
  });
}
