import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';

/**
 * A staff member sets a new password (the server has checked the current one and hashed the new
 * one); every other session of theirs ends, so whoever knew the old password is signed out, open
 * reset links stop working, and an email tells the owner (ASVS V2.2.3).
 */
export async function changePassword(
  deps: Deps,
  input: { actor: Actor & { kind: 'staff' }; passwordHash: string; currentToken: string },
) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    await store.accounts.setPasswordHash(actor.userId, input.passwordHash);
    await store.accounts.dropPasswordResets(actor.userId);
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
    await store.outbox.enqueue({
      orgId: actor.orgId,
      kind: 'staff.password_changed',
      dedupeKey: `password_changed:${deps.ids.next()}`,
      payload: { userId: actor.userId, how: 'from your account page' },
    });
    return ok({ endedSessions: ended });
  });
}
