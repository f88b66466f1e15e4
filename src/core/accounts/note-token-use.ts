import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import type { Actor, TokenGrant } from '../shared/types.js';

/** A request came with an API token: its last use moves on, and its first use in an hour is audited. */
export async function noteTokenUse(
  deps: Deps,
  input: { actor: Actor & { kind: 'staff'; token: TokenGrant }; address: string; route: string },
) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    if (await store.accounts.touchApiToken(actor.token.tokenId, deps.clock.now(), input.address)) {
      await store.audit.record({
        orgId: actor.orgId,
        actor,
        entityType: 'token',
        entityId: actor.token.tokenId,
        action: 'token.used',
        data: { address: input.address, route: input.route },
      });
    }
    return ok(undefined);
  });
}
