import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import { spendBudgets } from './throttle.js';

/**
 * A reset link sets a new password (checked and hashed by the server) once, before it expires.
 * Every session of the account ends, every other reset of it stops working, its personal API tokens
 * are revoked (whoever could sign in as the owner may have made some), and the owner is emailed that
 * their password changed.
 */
export async function resetPassword(
  deps: Deps,
  input: { token: string; passwordHash: string; address: string; perMinutePerAddress: number },
) {
  const admitted = await spendBudgets(deps, [
    {
      key: `reset-redeem:ip:${input.address}`,
      limit: input.perMinutePerAddress,
      windowMs: 60_000,
      code: 'rate.limited',
      reason: 'Too many reset links tried from your address',
    },
  ]);
  if (!admitted.ok) return admitted;
  return deps.transaction(async (store) => {
    const now = deps.clock.now();
    const tokenHash = deps.tokens.hash(input.token);
    const reset = await store.accounts.redeemPasswordReset(tokenHash, now);
    if (!reset) {
      return fail(
        'auth.invalid_reset_link',
        'This reset link is unknown, used or expired; ask for a new one.',
        { field: 'token' },
      );
    }
    await store.accounts.setPasswordHash(reset.userId, input.passwordHash);
    await store.accounts.dropPasswordResets(reset.userId);
    const ended = await store.accounts.deleteHolderSessions({ userId: reset.userId }, null);
    const revokedTokens = await store.accounts.revokeUserTokens(reset.userId, now);
    await store.audit.record({
      orgId: reset.orgId,
      actor: { kind: 'system' },
      entityType: 'user',
      entityId: reset.userId,
      action: 'user.password_reset',
      data: { endedSessions: ended, revokedTokens, address: input.address },
    });
    await store.outbox.enqueue({
      orgId: reset.orgId,
      kind: 'staff.password_changed',
      dedupeKey: `password_changed:${tokenHash}`,
      payload: { userId: reset.userId, how: 'with a reset link sent by email' },
    });
    return ok({ endedSessions: ended });
  });
}
