import type { Deps, Store } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import { factorsOf } from './mfa-begin-sign-in.js';

export const RECOVERY_CODES = 10;

/** "k3f9q-2mzt8": lower case so it reads aloud and types on a phone; spaces and dashes are ignored. */
export const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Ten new single-use codes: shown once, stored hashed, replacing any older ones. */
export async function issueRecoveryCodes(deps: Deps, store: Pick<Store, 'mfa'>, userId: string) {
  const codes = Array.from({ length: RECOVERY_CODES }, () => {
    const raw = normaliseRecoveryCode(deps.tokens.next()).slice(0, 10).padEnd(10, '0');
    return `${raw.slice(0, 5)}-${raw.slice(5)}`;
  });
  await store.mfa.replaceRecoveryCodes(
    userId,
    codes.map((code) => deps.tokens.hash(normaliseRecoveryCode(code))),
  );
  return codes;
}

/** A signed-in user asks for a fresh set: the old codes stop working. */
export async function regenerateRecoveryCodes(deps: Deps, input: { actor: Actor & { kind: 'staff' } }) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    const factors = await factorsOf(store, actor.userId);
    if (!factors.totp && factors.passkeys === 0) {
      return fail('mfa.not_enrolled', 'Set up an authenticator app or a passkey first.');
    }
    const codes = await issueRecoveryCodes(deps, store, actor.userId);
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'user',
      entityId: actor.userId,
      action: 'mfa.recovery_codes_issued',
    });
    return ok({ recoveryCodes: codes });
  });
}
