import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import type { ProfileInput } from './availability.port.js';
import { manageable } from './manageable.js';

/**
 * Saves a staff member's working hours, weekly cap, training, languages and calendar feed.
 * `expectedVersion` (0 for the first save) makes concurrent edits fail instead of overwrite.
 */
export function saveAvailability(
  deps: Deps,
  input: { actor: Actor; userId: string; profile: ProfileInput; expectedVersion: number },
) {
  return deps.transaction(async (store) => {
    const allowed = await manageable(store, input.actor, input.userId);
    if (!allowed.ok) return allowed;
    const { actor } = allowed.value;
    const version = await store.availability.saveProfile(
      actor.orgId,
      input.userId,
      input.profile,
      input.expectedVersion,
      deps.clock.now(),
    );
    if (version === null) {
      return fail(
        'conflict.stale_version',
        'Someone changed this availability since you loaded it; reload and try again.',
        { field: 'expectedVersion' },
      );
    }
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'user',
      entityId: input.userId,
      action: 'availability.updated',
      data: { userId: input.userId },
    });
    return ok({ version });
  });
}
