import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';

/** An admin lets a disabled staff member sign in again (with the password they had); enabling twice is no change. */
export async function enableUser(deps: Deps, input: { actor: Actor; userId: string }) {
  const { actor, userId } = input;
  return deps.transaction(async (store) => {
    await store.accounts.lockActiveAdmins(actor.orgId);
    const user = await store.accounts.lockUser(actor.orgId, userId);
    if (!user) return fail('user.not_found', 'There is no such user in your organisation.');
    if (!user.disabledAt) return ok({ id: userId, version: user.version });
    await store.accounts.updateUser(actor.orgId, userId, user.version, { disabledAt: null });
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'user',
      entityId: userId,
      action: 'user.enabled',
    });
    return ok({ id: userId, version: user.version + 1 });
  });
}
