import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';

/** Ends a legal hold; the candidate falls under the office policies again from the next purge. */
export async function releaseLegalHold(
  deps: Deps,
  input: { actor: Actor & { kind: 'staff' }; holdId: string },
) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    const hold = await store.retention.lockHold(actor.orgId, input.holdId);
    if (!hold || hold.releasedAt)
      return fail('retention.hold_not_found', 'No such legal hold in force.', { field: 'id' });
    await store.retention.releaseHold(hold.id, actor.userId, deps.clock.now());
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'candidate',
      entityId: hold.candidateId,
      action: 'retention.hold_released',
    });
    return ok({ id: hold.id });
  });
}
