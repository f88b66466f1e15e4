import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';

/** RET-5: a legal hold keeps a candidate's data from every purge until it is released. */
export async function placeLegalHold(
  deps: Deps,
  input: { actor: Actor & { kind: 'staff' }; candidateId: string; reason: string },
) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    // The candidate's row is locked, as a purge locks it: a hold and a purge never cross.
    const candidate = await store.candidates.lock(actor.orgId, input.candidateId);
    if (!candidate)
      return fail('retention.candidate_not_found', 'No such candidate.', { field: 'candidateId' });
    const held = await store.retention.lockActiveHold(actor.orgId, input.candidateId);
    if (held)
      return fail('retention.already_on_hold', 'This candidate is already on a legal hold.', {
        field: 'candidateId',
        holdId: held.id,
      });
    const id = deps.ids.next();
    await store.retention.placeHold({
      id,
      orgId: actor.orgId,
      candidateId: input.candidateId,
      reason: input.reason,
      placedBy: actor.userId,
      placedAt: deps.clock.now(),
    });
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'candidate',
      entityId: input.candidateId,
      action: 'retention.hold_placed',
    });
    return ok({ id });
  });
}
