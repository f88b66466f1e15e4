import type { DomainError } from '../../contracts/errors.js';
import type { Deps } from '../shared/ports.js';
import { fail, ok, type Result } from '../shared/result.js';
import type { SessionOrigin } from './accounts.port.js';
import type { FactorCheck } from './mfa-port.js';
import { openSession, type SessionTerms, type StartedSession } from './start-session.js';
import { spendBudgets } from './throttle.js';

const refused = () => fail('mfa.passkey_invalid', 'This passkey could not sign you in; try your password.');

/**
 * Starts a sign-in with a passkey alone (a discoverable credential with user verification, itself
 * two factors): the challenge is kept for two minutes under the browser's secret. Starts are
 * limited per address, as they write before anyone is known.
 */
export async function beginPasskeySignInAlone(
  deps: Deps,
  input: { orgSlug: string; challenge: string; address: string; perMinutePerAddress: number },
) {
  const admitted = await spendBudgets(deps, [
    {
      key: `passkey:ip:${input.address}`,
      limit: input.perMinutePerAddress,
      windowMs: 60_000,
      code: 'rate.limited',
      reason: 'Too many sign-in attempts from your address',
    },
  ]);
  if (!admitted.ok) return admitted;
  return deps.transaction(async (store) => {
    const org = await store.accounts.orgBySlug(input.orgSlug);
    if (!org) return fail('auth.invalid_credentials', 'Wrong organisation.', { field: 'org' });
    const token = deps.tokens.next();
    const now = deps.clock.now();
    await store.mfa.insertChallenge({
      tokenHash: deps.tokens.hash(token),
      orgId: org.id,
      userId: null,
      kind: 'passkey_sign_in',
      data: { challenge: input.challenge },
      createdAt: now,
      expiresAt: new Date(now.getTime() + 2 * 60_000),
    });
    return ok({ token });
  });
}

/** Finishes it: the passkey names the person; a disabled one, or one the organisation keeps to single sign-on, is refused. */
export async function finishPasskeySignInAlone(
  deps: Deps,
  input: {
    token: string;
    response: { id?: unknown };
    check: FactorCheck;
    terms: SessionTerms;
    origin: SessionOrigin;
  },
): Promise<Result<StartedSession, DomainError>> {
  return deps.transaction(async (store) => {
    const now = deps.clock.now();
    const flow = await store.mfa.takeChallenge(deps.tokens.hash(input.token), ['passkey_sign_in'], now);
    if (!flow || typeof flow.data.challenge !== 'string' || typeof input.response.id !== 'string')
      return refused();
    const passkey = await store.mfa.passkeyInOrg(flow.orgId, input.response.id);
    const account = passkey ? await store.mfa.staffAccount(flow.orgId, passkey.userId) : null;
    if (!passkey || !account || account.disabled) return refused();
    const policy = await store.mfa.securityPolicy(flow.orgId);
    if (policy.passwordSignIn === 'admins' && !account.roles.includes('admin')) {
      if ((await store.sso.connection(flow.orgId))?.enabled) {
        return fail('sso.password_sign_in_off', 'Your organisation signs in with its identity provider.');
      }
    }
    const used = await input.check.passkey(passkey, input.response, flow.data.challenge, true);
    if (!used) return refused();
    await store.mfa.recordPasskeyUse(passkey.id, used.counter, now);
    await store.audit.record({
      orgId: flow.orgId,
      actor: { kind: 'system' },
      entityType: 'user',
      entityId: passkey.userId,
      action: 'user.signed_in',
      data: { method: 'passkey_alone' },
    });
    return ok(
      await openSession(deps, store, { ...input, orgId: flow.orgId, holder: { userId: passkey.userId } }),
    );
  });
}
