import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';

/** The candidate ends their plan, and with it its reminders; it stays in their own data. */
export async function endPlan(deps: Deps, input: { actor: Actor & { kind: 'candidate' } }) {
  const { orgId, candidateId } = input.actor;
  return deps.transaction(async (store) => {
    const plan = await store.practice.lockActivePlan(orgId, candidateId);
    if (!plan) return fail('practice.plan_not_found', 'You have no preparation plan in force.');
    await store.practice.endPlan(plan.id, deps.clock.now());
    return ok({ ended: true });
  });
}
