import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import { factorsOf } from './mfa-begin-sign-in.js';
import type { Passkey, SecurityPolicy } from './mfa-port.js';
import { mfaRequiredFor } from './mfa-requirement.js';

type Staff = Actor & { kind: 'staff' };

/** Keeps a WebAuthn registration challenge for the user (one at a time) for five minutes. */
export async function beginPasskeyRegistration(
  deps: Deps,
  input: { orgId: string; userId: string; challenge: string },
) {
  return deps.transaction(async (store) => {
    const now = deps.clock.now();
    await store.mfa.deleteChallengesOf(input.userId, ['passkey_registration']);
    await store.mfa.insertChallenge({
      tokenHash: `passkey-registration:${input.userId}`,
      orgId: input.orgId,
      userId: input.userId,
      kind: 'passkey_registration',
      data: { challenge: input.challenge },
      createdAt: now,
      expiresAt: new Date(now.getTime() + 5 * 60_000),
    });
    return ok(undefined);
  });
}

/** Asks for (through `options`) and keeps the WebAuthn challenge a waiting sign-in must answer with a passkey. */
export async function beginPasskeySignIn<O extends { challenge: string }>(
  deps: Deps,
  input: { token: string; options: (passkeys: Passkey[]) => Promise<O> },
) {
  return deps.transaction(async (store) => {
    const tokenHash = deps.tokens.hash(input.token);
    const pending = await store.mfa.challenge(tokenHash, ['second_factor'], deps.clock.now());
    if (!pending?.userId) {
      return fail('mfa.pending_expired', 'This sign-in has expired; sign in again with your password.');
    }
    const options = await input.options(await store.mfa.passkeysOf(pending.userId));
    await store.mfa.setChallengeData(tokenHash, { ...pending.data, passkeyChallenge: options.challenge });
    return ok(options);
  });
}

/** Removes one of the user's own factors, unless the organisation requires one and it is the last. */
export async function removeFactor(
  deps: Deps,
  input: { actor: Staff; factor: { kind: 'totp' } | { kind: 'passkey'; id: string } },
) {
  const { actor, factor } = input;
  return deps.transaction(async (store) => {
    const removed =
      factor.kind === 'totp'
        ? await store.mfa.deleteTotp(actor.userId)
        : await store.mfa.deletePasskey(actor.userId, factor.id);
    if (!removed) return fail('mfa.not_enrolled', 'There is no such factor on your account.');
    const left = await factorsOf(store, actor.userId);
    if (!left.totp && left.passkeys === 0) {
      const policy = await store.mfa.securityPolicy(actor.orgId);
      if (mfaRequiredFor(policy.mfaRequired, actor.roles)) {
        return fail(
          'mfa.required_by_organisation',
          'Your organisation requires a second factor: add another one before removing this one.',
        );
      }
      await store.mfa.replaceRecoveryCodes(actor.userId, []);
    }
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'user',
      entityId: actor.userId,
      action: 'mfa.factor_removed',
      data: { factor: factor.kind },
    });
    return ok(undefined);
  });
}

/** An admin clears a user's second factors (a lost phone): they enrol again at their next sign-in if required. */
export async function resetMfa(deps: Deps, input: { actor: Staff; userId: string }) {
  const { actor, userId } = input;
  return deps.transaction(async (store) => {
    if (!(await store.mfa.deleteAllFactors(actor.orgId, userId))) {
      return fail('user.not_found', 'There is no such user in your organisation.');
    }
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'user',
      entityId: userId,
      action: 'mfa.reset',
    });
    return ok({ id: userId });
  });
}

/**
 * An admin sets who must use a second factor and who may still use a password. Sessions of people
 * the new requirement covers who have no factor end, so their next sign-in enrols them.
 */
export async function saveSecurityPolicy(deps: Deps, input: { actor: Staff; policy: SecurityPolicy }) {
  const { actor, policy } = input;
  return deps.transaction(async (store) => {
    const mine = await factorsOf(store, actor.userId);
    if (mfaRequiredFor(policy.mfaRequired, actor.roles) && !mine.totp && mine.passkeys === 0) {
      return fail('mfa.enrol_first', 'Set up a second factor for yourself before requiring one.', {
        field: 'mfaRequired',
      });
    }
    await store.mfa.setSecurityPolicy(actor.orgId, policy);
    let ended = 0;
    for (const user of await store.mfa.staffWithoutFactors(actor.orgId)) {
      if (mfaRequiredFor(policy.mfaRequired, user.roles)) {
        ended += await store.accounts.deleteHolderSessions({ userId: user.userId }, null);
      }
    }
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'policy',
      entityId: actor.orgId,
      action: 'security.policy_saved',
      data: { ...policy, endedSessions: ended },
    });
    return ok({ ...policy, endedSessions: ended });
  });
}
