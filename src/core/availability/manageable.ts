import { isAllowed } from '../shared/permissions.js';
import type { Store } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';

/**
 * The staff member whose availability the actor wants to change: interviewers manage their own,
 * coordinators, recruiters and admins anyone's.
 */
export async function manageable(store: Pick<Store, 'availability'>, actor: Actor, userId: string) {
  if (actor.kind !== 'staff') return fail('permission.denied', 'Only staff have availability.');
  if (actor.userId !== userId && !isAllowed(actor, 'availability.manage')) {
    return fail('permission.denied', 'You may change only your own availability.');
  }
  const profile = await store.availability.profile(actor.orgId, userId);
  if (!profile) return fail('not_found', 'No such staff member.');
  return ok({ actor, profile });
}
