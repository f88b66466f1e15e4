import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import type { DayHours } from './availability.rules.js';
import { manageable } from './manageable.js';

/** Sets one local date's hours (leave, a holiday, a late day); [] means not available that day. */
export function setOverride(
  deps: Deps,
  input: { actor: Actor; userId: string; day: string; hours: DayHours; reason: string },
) {
  return deps.transaction(async (store) => {
    const allowed = await manageable(store, input.actor, input.userId);
    if (!allowed.ok) return allowed;
    const { actor } = allowed.value;
    const { userId, day, hours, reason } = input;
    await store.availability.putOverride(actor.orgId, userId, day, hours, reason);
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'user',
      entityId: userId,
      action: 'availability.override_set',
      data: { userId, day, hours, reason },
    });
    return ok({ day });
  });
}
