import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import { checkPending } from './merge.rules.js';
import { limitsAfterMerge } from './merge-candidates.js';

/** Confirms a pending merge (it can no longer be undone) or undoes it (everything moved goes back). */
export async function decideMerge(
  deps: Deps,
  input: { actor: Actor & { kind: 'staff' }; mergeId: string; decision: 'confirm' | 'undo' },
) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    const merge = await store.merges.lock(actor.orgId, input.mergeId);
    if (!merge) return fail('merge.not_found', 'No such merge.');
    const pending = checkPending(merge);
    if (!pending.ok) return pending;
    await store.merges.lockCandidates(actor.orgId, [merge.keptId, merge.mergedId]);
    if (input.decision === 'undo') await store.merges.restoreRecords(actor.orgId, merge);
    const status = input.decision === 'undo' ? 'undone' : 'confirmed';
    const decided = await store.merges.decide(actor.orgId, merge.id, status, actor.userId, deps.clock.now());
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'candidate',
      entityId: merge.keptId,
      action: input.decision === 'undo' ? 'candidate.merge_undone' : 'candidate.merge_confirmed',
      data: { mergeId: merge.id, mergedId: merge.mergedId },
    });
    return ok({ merge: decided, overLimit: await limitsAfterMerge(store, actor.orgId, merge.keptId) });
  });
}
