import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import type { Actor, FamilyPolicy } from '../shared/types.js';

/** Sets a job family's application limit, order of consideration and cooldown. */
export async function putPolicy(deps: Deps, input: { actor: Actor; policy: FamilyPolicy }) {
  const { actor, policy } = input;
  return deps.transaction(async (store) => {
    await store.organisation.putPolicy(actor.orgId, policy);
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'policy',
      entityId: actor.orgId,
      action: 'policy.set',
      data: { ...policy },
    });
    return ok(policy);
  });
}
