import type { DomainError } from '../../contracts/errors.js';
import type { Deps, Store } from '../shared/ports.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { SessionOrigin } from './accounts.port.js';
import { factorsOf } from './mfa-begin-sign-in.js';
import type { FactorCheck, Passkey } from './mfa-port.js';
import { type CodeLimits, codeBudget, countWrongProof } from './mfa-prove-factor.js';
import { issueRecoveryCodes } from './mfa-recovery-codes.js';
import { mfaRequiredFor } from './mfa-requirement.js';
import { openSession, type SessionTerms, type StartedSession } from './start-session.js';
import { checkBudgets } from './throttle.js';

/**
 * Who is adding a factor: a signed-in user, or someone whose sign-in waits for them to enrol
 * (`pendingToken`), whose session starts once the factor is added.
 */
export interface Enrolling {
  orgId: string;
  userId: string;
  pendingToken?: string;
  terms: SessionTerms;
  origin: SessionOrigin;
}

export interface Enrolled {
  /** The new recovery codes, shown once; empty when the user already had some. */
  recoveryCodes: string[];
  session: StartedSession | null;
}

/** Resolves a waiting enrolment's secret to the person, while it lasts. */
export async function pendingEnrolment(deps: Deps, token: string) {
  return deps.transaction(async (store) => {
    const pending = await store.mfa.challenge(deps.tokens.hash(token), ['enrolment'], deps.clock.now());
    if (!pending?.userId) {
      return fail('mfa.pending_expired', 'This sign-in has expired; sign in again with your password.');
    }
    return ok({ orgId: pending.orgId, userId: pending.userId });
  });
}

/** What every added factor does next: codes for the first one, the audit row, the waiting session. */
async function finishEnrolment(deps: Deps, store: Store, who: Enrolling, factor: string) {
  const first = (await store.mfa.recoveryCodesLeft(who.userId)) === 0;
  const recoveryCodes = first ? await issueRecoveryCodes(deps, store, who.userId) : [];
  await store.audit.record({
    orgId: who.orgId,
    actor: { kind: 'system' },
    entityType: 'user',
    entityId: who.userId,
    action: 'mfa.factor_added',
    data: { factor },
  });
  let session: StartedSession | null = null;
  if (who.pendingToken) {
    const taken = await store.mfa.takeChallenge(
      deps.tokens.hash(who.pendingToken),
      ['enrolment'],
      deps.clock.now(),
    );
    if (!taken)
      return fail('mfa.pending_expired', 'This sign-in has expired; sign in again with your password.');
    session = await openSession(deps, store, { ...who, holder: { userId: who.userId } });
  }
  return ok<Enrolled>({ recoveryCodes, session });
}

/** Starts TOTP enrolment with a new secret (encrypted by the server); it counts once a code confirms it. */
export async function startTotpEnrolment(deps: Deps, input: { who: Enrolling; secretEnc: string }) {
  return deps.transaction(async (store) => {
    if ((await store.mfa.totpOf(input.who.userId))?.confirmedAt) {
      return fail(
        'mfa.totp_exists',
        'An authenticator app is already set up; remove it first to set up another.',
      );
    }
    await store.mfa.putPendingTotp({ ...input.who, secretEnc: input.secretEnc, createdAt: deps.clock.now() });
    return ok(undefined);
  });
}

/** Confirms TOTP enrolment with a first code from the app; wrong codes count against the account. */
export async function confirmTotpEnrolment(
  deps: Deps,
  input: { who: Enrolling; code: string; check: FactorCheck; limits: CodeLimits },
): Promise<Result<Enrolled, DomainError>> {
  const { who } = input;
  const result = await deps.transaction(async (store) => {
    const now = deps.clock.now();
    const locked = await checkBudgets(store, [codeBudget(who.userId, input.limits)], now);
    if (!locked.ok) return locked;
    const totp = await store.mfa.totpOf(who.userId);
    if (!totp || totp.confirmedAt)
      return fail('mfa.not_enrolled', 'Start setting up an authenticator app first.');
    const step = await input.check.totp(totp.secretEnc, input.code, now);
    if (step === null)
      return fail('mfa.invalid_code', 'That code is not right; check the app and try again.', {
        field: 'code',
      });
    await store.mfa.confirmTotp(who.userId, now);
    await store.mfa.spendTimeStep(who.userId, step);
    return finishEnrolment(deps, store, who, 'totp');
  });
  return countWrongProof(deps, result, who.userId, input.limits);
}

/** Stores a passkey the server verified against the registration challenge it issued. */
export async function addPasskey(
  deps: Deps,
  input: { who: Enrolling; passkey: Omit<Passkey, 'userId' | 'createdAt' | 'lastUsedAt'> },
) {
  const { who } = input;
  return deps.transaction(async (store) => {
    const taken = await store.mfa.takeChallenge(
      `passkey-registration:${who.userId}`,
      ['passkey_registration'],
      deps.clock.now(),
    );
    if (!taken) return fail('mfa.passkey_invalid', 'This passkey request has expired; try again.');
    await store.mfa.insertPasskey({
      ...input.passkey,
      orgId: who.orgId,
      userId: who.userId,
      createdAt: deps.clock.now(),
      lastUsedAt: null,
    });
    return finishEnrolment(deps, store, who, 'passkey');
  });
}

/**
 * What enrolling needs to know: the person, their factors, whether the organisation requires one,
 * and the passkey registration challenge waiting for them, if any.
 */
export async function enrolmentContext(deps: Deps, input: { orgId: string; userId: string }) {
  return deps.transaction(async (store) => {
    const account = await store.mfa.staffAccount(input.orgId, input.userId);
    if (!account) return fail('user.not_found', 'There is no such user in your organisation.');
    const factors = await factorsOf(store, input.userId);
    const policy = await store.mfa.securityPolicy(input.orgId);
    const waiting = await store.mfa.challenge(
      `passkey-registration:${input.userId}`,
      ['passkey_registration'],
      deps.clock.now(),
    );
    return ok({
      account,
      ...factors,
      passkeys: await store.mfa.passkeysOf(input.userId),
      required: mfaRequiredFor(policy.mfaRequired, account.roles),
      registrationChallenge: typeof waiting?.data.challenge === 'string' ? waiting.data.challenge : null,
    });
  });
}
