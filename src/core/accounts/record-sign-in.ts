import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';

/** A staff member signed in by password: the audit log keeps when and from where. */
export async function recordSignIn(deps: Deps, input: { orgId: string; userId: string; address: string }) {
  return deps.transaction(async (store) => {
    await store.audit.record({
      orgId: input.orgId,
      actor: { kind: 'staff', orgId: input.orgId, userId: input.userId, roles: [], teamIds: [] },
      entityType: 'user',
      entityId: input.userId,
      action: 'auth.signed_in',
      data: { address: input.address },
    });
    return ok(undefined);
  });
}

/**
 * A failed password sign-in, kept for the organisation it named (nothing is kept for an unknown
 * organisation): against the account when it exists, else against the organisation with the email typed.
 */
export async function recordFailedSignIn(
  deps: Deps,
  input: { org: string; email: string; userId: string | null; address: string },
) {
  return deps.transaction(async (store) => {
    const org = await store.accounts.orgBySlug(input.org.trim());
    if (!org) return ok(undefined);
    await store.audit.record({
      orgId: org.id,
      actor: { kind: 'system' },
      entityType: input.userId ? 'user' : 'org',
      entityId: input.userId ?? org.id,
      action: 'auth.sign_in_failed',
      data: { address: input.address, ...(input.userId ? {} : { email: input.email.trim().slice(0, 200) }) },
    });
    return ok(undefined);
  });
}
