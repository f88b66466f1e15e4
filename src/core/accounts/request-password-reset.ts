import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import { spendBudgets } from './throttle.js';

/** A reset link works once, for half an hour. */
export const RESET_MINUTES = 30;

export interface PasswordResetLimits {
  requestsPerMinutePerAddress: number;
  emailsPerHourPerRecipient: number;
}

/**
 * A staff member who forgot their password asks for a reset link by organisation and email. The
 * answer is the same whether or not the account exists (or is disabled), after the same work: the
 * same counters and one statement that issues the link only when an enabled account matches. At
 * most `emailsPerHourPerRecipient` links go to one address an hour.
 */
export async function requestPasswordReset(
  deps: Deps,
  input: { org: string; email: string; publicUrl: string; address: string; limits: PasswordResetLimits },
) {
  const admitted = await spendBudgets(deps, [
    {
      key: `reset-request:ip:${input.address}`,
      limit: input.limits.requestsPerMinutePerAddress,
      windowMs: 60_000,
      code: 'rate.limited',
      reason: 'Too many password resets asked for from your address',
    },
  ]);
  if (!admitted.ok) return admitted;
  const token = deps.tokens.next();
  const now = deps.clock.now();
  return deps.transaction(async (store) => {
    const recipient = `reset-recipient:${input.org.trim()}|${input.email.trim().toLowerCase()}`;
    const sent = await store.accounts.spendAttempt(recipient, now, 3_600_000);
    await store.accounts.issuePasswordResetByEmail({
      orgSlug: input.org.trim(),
      email: input.email,
      send: sent.count <= input.limits.emailsPerHourPerRecipient,
      tokenHash: deps.tokens.hash(token),
      url: `${input.publicUrl}/app/reset-password?token=${token}`,
      expiresInMinutes: RESET_MINUTES,
      createdAt: now,
      expiresAt: new Date(now.getTime() + RESET_MINUTES * 60_000),
    });
    return ok(undefined);
  });
}
