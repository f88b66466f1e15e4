import type { InboxKind } from '../../contracts/inbox.js';
import type { Deps } from '../shared/ports.js';
import { ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';

/** Which kinds of notification also come by email, for the person themself. */
export async function saveInboxSettings(
  deps: Deps,
  input: { actor: Actor & { kind: 'staff' }; emailKinds: InboxKind[] },
) {
  const { actor } = input;
  const kinds = [...new Set(input.emailKinds)];
  return deps.transaction(async (store) => {
    await store.inbox.saveEmailKinds(actor.orgId, actor.userId, kinds, deps.clock.now());
    return ok({ emailKinds: kinds });
  });
}
