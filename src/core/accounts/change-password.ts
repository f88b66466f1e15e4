import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';

/**
 * A staff member sets a new password (the server has checked the current one and hashed the new
 * one); every other session of theirs ends, so whoever knew the old password is signed out.
 */
export async function changePassword(
  deps: Deps,
  input: { actor: Actor & { kind: 'staff' }; passwordHash: string; currentToken: string },
) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    await store.accounts.setPasswordHash(actor.userId, input.passwordHash);
    const ended = await store.accounts.deleteHolderSessions(
      { userId: actor.userId },
      deps.tokens.hash(input.currentToken),
    );
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'user',
      entityId: actor.userId,
      action: 'user.password_changed',
      data: { endedSessions: ended },
    });
    return ok({ endedSessions: ended });
  });
}
