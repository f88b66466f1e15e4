import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import { manageable } from './manageable.js';

/** Removes one local date's override: the weekly hours apply again that day. */
export function removeOverride(deps: Deps, input: { actor: Actor; userId: string; day: string }) {
  return deps.transaction(async (store) => {
    const allowed = await manageable(store, input.actor, input.userId);
    if (!allowed.ok) return allowed;
    const { actor } = allowed.value;
    const { userId, day } = input;
    if (!(await store.availability.deleteOverride(actor.orgId, userId, day))) {
      return fail('not_found', 'No override on that day.');
    }
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'user',
      entityId: userId,
      action: 'availability.override_removed',
      data: { userId, day },
    });
    return ok({ day });
  });
}
