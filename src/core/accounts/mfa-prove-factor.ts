import type { DomainError } from '../../contracts/errors.js';
import type { Deps, Store } from '../shared/ports.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { SessionOrigin } from './accounts.port.js';
import type { FactorCheck } from './mfa-port.js';
import { normaliseRecoveryCode } from './mfa-recovery-codes.js';
import { openSession, type SessionTerms, type StartedSession } from './start-session.js';
import { type Budget, checkBudgets, spendBudgets } from './throttle.js';

export type Proof =
  | { kind: 'totp'; code: string }
  | { kind: 'recovery_code'; code: string }
  | { kind: 'passkey'; response: { id?: unknown } };

/** How many wrong codes one account may give in a window before it must wait. */
export interface CodeLimits {
  failuresPerAccount: number;
  lockMinutes: number;
}

export const codeBudget = (userId: string, limits: CodeLimits): Budget => ({
  key: `mfa:user:${userId}`,
  limit: limits.failuresPerAccount,
  windowMs: limits.lockMinutes * 60_000,
  code: 'auth.account_throttled',
  reason: 'Too many wrong codes for this account',
});

const wrong = () =>
  fail('mfa.invalid_code', 'That code is not right, or was already used.', { field: 'code' });

/** Checks one proof against the user's factors; writes that it was used (no replay). */
export async function applyProof(
  deps: Deps,
  store: Pick<Store, 'mfa'>,
  input: { userId: string; proof: Proof; check: FactorCheck; passkeyChallenge?: unknown },
): Promise<Result<string, DomainError>> {
  const { userId, proof } = input;
  const now = deps.clock.now();
  if (proof.kind === 'totp') {
    const totp = await store.mfa.totpOf(userId);
    if (!totp?.confirmedAt) return wrong();
    const step = await input.check.totp(totp.secretEnc, proof.code, now);
    if (step === null || !(await store.mfa.spendTimeStep(userId, step))) return wrong();
    return ok('totp');
  }
  if (proof.kind === 'recovery_code') {
    const hash = deps.tokens.hash(normaliseRecoveryCode(proof.code));
    return (await store.mfa.redeemRecoveryCode(userId, hash, now)) ? ok('recovery_code') : wrong();
  }
  const passkey = (await store.mfa.passkeysOf(userId)).find((p) => p.id === proof.response.id);
  if (!passkey || typeof input.passkeyChallenge !== 'string') {
    return fail('mfa.passkey_invalid', 'This passkey is not registered to your account.');
  }
  const used = await input.check.passkey(passkey, proof.response, input.passkeyChallenge);
  if (!used) return fail('mfa.passkey_invalid', 'The passkey could not be verified; try again.');
  await store.mfa.recordPasskeyUse(passkey.id, used.counter, now);
  return ok('passkey');
}

/** Spends the account's budget after a wrong proof; the refusal once it runs out says how long to wait. */
export async function countWrongProof<T>(
  deps: Deps,
  result: Result<T, DomainError>,
  userId: string | null,
  limits: CodeLimits,
): Promise<Result<T, DomainError>> {
  if (result.ok || !userId || !['mfa.invalid_code', 'mfa.passkey_invalid'].includes(result.error.code)) {
    return result;
  }
  const spent = await spendBudgets(deps, [codeBudget(userId, limits)]);
  return spent.ok ? result : spent;
}

/** Finishes a sign-in that waits for its second factor: the pending state is used up and a session starts. */
export async function proveSecondFactor(
  deps: Deps,
  input: {
    token: string;
    proof: Proof;
    check: FactorCheck;
    terms: SessionTerms;
    origin: SessionOrigin;
    limits: CodeLimits;
  },
): Promise<Result<StartedSession, DomainError>> {
  let userId: string | null = null;
  const result = await deps.transaction(async (store) => {
    const now = deps.clock.now();
    const tokenHash = deps.tokens.hash(input.token);
    const pending = await store.mfa.challenge(tokenHash, ['second_factor'], now);
    if (!pending?.userId) {
      return fail('mfa.pending_expired', 'This sign-in has expired; sign in again with your password.');
    }
    userId = pending.userId;
    if ((await store.mfa.staffAccount(pending.orgId, pending.userId))?.disabled !== false) {
      return fail('mfa.pending_expired', 'This sign-in has expired; sign in again with your password.');
    }
    const locked = await checkBudgets(store, [codeBudget(pending.userId, input.limits)], now);
    if (!locked.ok) return locked;
    const method = await applyProof(deps, store, {
      userId: pending.userId,
      proof: input.proof,
      check: input.check,
      passkeyChallenge: pending.data.passkeyChallenge,
    });
    if (!method.ok) return method;
    await store.mfa.takeChallenge(tokenHash, ['second_factor'], now);
    await store.accounts.clearAttempts(codeBudget(pending.userId, input.limits).key);
    await store.audit.record({
      orgId: pending.orgId,
      actor: { kind: 'system' },
      entityType: 'user',
      entityId: pending.userId,
      action: 'user.signed_in',
      data: { method: method.value },
    });
    const holder = { userId: pending.userId };
    return ok(await openSession(deps, store, { orgId: pending.orgId, holder, ...input }));
  });
  return countWrongProof(deps, result, userId, input.limits);
}
