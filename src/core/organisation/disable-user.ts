import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';

/** An admin disables a staff member: they can no longer sign in, and every session of theirs ends. */
export async function disableUser(deps: Deps, input: { actor: Actor; userId: string }) {
  const { actor, userId } = input;
  return deps.transaction(async (store) => {
    if (actor.kind === 'staff' && actor.userId === userId) {
      // Nobody would be left to undo it if the last admin did this.
      return fail('user.cannot_disable_self', 'You cannot disable your own account.', { field: 'id' });
    }
    if (!(await store.accounts.disableUser(actor.orgId, userId, deps.clock.now()))) {
      return fail('user.not_found', 'There is no such user in your organisation.');
    }
    const ended = await store.accounts.deleteHolderSessions({ userId }, null);
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'user',
      entityId: userId,
      action: 'user.disabled',
      data: { endedSessions: ended },
    });
    return ok({ id: userId, endedSessions: ended });
  });
}
