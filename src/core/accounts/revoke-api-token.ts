import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';

/** Revokes a token at once: my own personal token, or (an admin) one of the organisation's. */
export async function revokeApiToken(
  deps: Deps,
  input: { actor: Actor & { kind: 'staff' }; tokenId: string; kind: 'personal' | 'organisation' },
) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    const owner = input.kind === 'personal' ? actor.userId : null;
    if (!(await store.accounts.revokeApiToken(actor.orgId, input.tokenId, owner, deps.clock.now()))) {
      return fail('token.not_found', 'There is no such token, or it was revoked already.');
    }
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'token',
      entityId: input.tokenId,
      action: 'token.revoked',
      data: { kind: input.kind },
    });
    return ok(undefined);
  });
}
