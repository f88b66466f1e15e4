import type { DomainError } from '../../contracts/errors.js';
import type { Deps, Store } from '../shared/ports.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { StaffRole } from '../shared/types.js';
import type { SessionOrigin } from './accounts.port.js';
import { methodsOf, mfaRequiredFor } from './mfa-requirement.js';
import { openSession, type SessionTerms, type StartedSession } from './start-session.js';

/** How long a sign-in may wait for its second factor, or for the person to enrol one. */
export const PENDING_MINUTES = 10;

export type SignInStep =
  | { status: 'session'; session: StartedSession }
  | { status: 'second_factor'; pending: { token: string; expiresAt: Date }; methods: string[] }
  | { status: 'enrolment'; pending: { token: string; expiresAt: Date } };

/** A factor the user holds, as `methodsOf` counts them. */
export async function factorsOf(store: Pick<Store, 'mfa'>, userId: string) {
  const totp = await store.mfa.totpOf(userId);
  return {
    totp: Boolean(totp?.confirmedAt),
    passkeys: (await store.mfa.passkeysOf(userId)).length,
    recoveryCodes: await store.mfa.recoveryCodesLeft(userId),
  };
}

/**
 * After a right password: a session at once, or a pending state in the database that only a
 * second factor (or, when the organisation requires one the user lacks, an enrolment) turns into one.
 */
export async function beginSignIn(
  deps: Deps,
  input: { orgId: string; userId: string; roles: StaffRole[]; terms: SessionTerms; origin: SessionOrigin },
) {
  return deps.transaction(async (store): Promise<Result<SignInStep, DomainError>> => {
    const policy = await store.mfa.securityPolicy(input.orgId);
    // Admins keep their password when single sign-on is on: the way back in when the provider fails.
    if (policy.passwordSignIn === 'admins' && !input.roles.includes('admin')) {
      if ((await store.sso.connection(input.orgId))?.enabled) {
        return fail('sso.password_sign_in_off', 'Your organisation signs in with its identity provider.');
      }
    }
    const methods = methodsOf(await factorsOf(store, input.userId));
    const kind = methods.length
      ? 'second_factor'
      : mfaRequiredFor(policy.mfaRequired, input.roles)
        ? 'enrolment'
        : null;
    if (!kind)
      return ok({
        status: 'session',
        session: await openSession(deps, store, { ...input, holder: { userId: input.userId } }),
      });
    const token = deps.tokens.next();
    const now = deps.clock.now();
    const expiresAt = new Date(now.getTime() + PENDING_MINUTES * 60_000);
    await store.mfa.deleteChallengesOf(input.userId, ['second_factor', 'enrolment']);
    await store.mfa.insertChallenge({
      tokenHash: deps.tokens.hash(token),
      orgId: input.orgId,
      userId: input.userId,
      kind,
      data: {},
      createdAt: now,
      expiresAt,
    });
    return ok(
      kind === 'second_factor'
        ? { status: 'second_factor', pending: { token, expiresAt }, methods }
        : { status: 'enrolment', pending: { token, expiresAt } },
    );
  });
}
