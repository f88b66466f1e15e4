import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';

/** The candidate ticks off a brief read or a prompt rehearsed (problems tick themselves when solved). */
export async function tickPlanItem(
  deps: Deps,
  input: {
    actor: Actor & { kind: 'candidate' };
    date: string;
    kind: 'case_study' | 'behavioural';
    slug: string;
    ticked: boolean;
  },
) {
  const { orgId, candidateId } = input.actor;
  return deps.transaction(async (store) => {
    const plan = await store.practice.lockActivePlan(orgId, candidateId);
    if (!plan) return fail('practice.plan_not_found', 'You have no preparation plan in force.');
    const day = plan.days.find((d) => d.date === input.date);
    const item = day?.items.find((i) => i.kind === input.kind && i.slug === input.slug);
    if (!item)
      return fail(
        'practice.unknown_item',
        `Your plan has no ${input.kind} "${input.slug}" on ${input.date}.`,
      );
    item.ticked = input.ticked;
    await store.practice.savePlanDays(plan.id, plan.days);
    return ok(plan);
  });
}
