import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import { LINK_MINUTES } from './send-sign-in-link.js';
import { spendBudgets } from './throttle.js';

export interface SignInLinkLimits {
  requestsPerMinutePerAddress: number;
  emailsPerHourPerRecipient: number;
}

/**
 * A candidate asks for a sign-in link by organisation and email. The answer is the same whether
 * or not the email is known, so addresses cannot be probed; only a known candidate gets a link,
 * and at most `emailsPerHourPerRecipient` of them an hour. The work done is the same in every case
 * (the same counters, one statement that issues the link only when the candidate exists), so the
 * time taken does not tell either.
 */
export async function requestSignInLink(
  deps: Deps,
  input: { org: string; email: string; publicUrl: string; address: string; limits: SignInLinkLimits },
) {
  const admitted = await spendBudgets(deps, [
    {
      key: `link-request:ip:${input.address}`,
      limit: input.limits.requestsPerMinutePerAddress,
      windowMs: 60_000,
      code: 'rate.limited',
      reason: 'Too many sign-in links asked for from your address',
    },
  ]);
  if (!admitted.ok) return admitted;
  const token = deps.tokens.next();
  const now = deps.clock.now();
  return deps.transaction(async (store) => {
    const recipient = `link-recipient:${input.org.trim()}|${input.email.trim().toLowerCase()}`;
    const sent = await store.accounts.spendAttempt(recipient, now, 3_600_000);
    await store.accounts.issueSignInLinkByEmail({
      orgSlug: input.org,
      email: input.email,
      send: sent.count <= input.limits.emailsPerHourPerRecipient,
      tokenHash: deps.tokens.hash(token),
      url: `${input.publicUrl}/candidate/sign-in?token=${token}`,
      expiresInMinutes: LINK_MINUTES,
      createdAt: now,
      expiresAt: new Date(now.getTime() + LINK_MINUTES * 60_000),
    });
    return ok(undefined);
  });
}
