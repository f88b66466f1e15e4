import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';

/** One inbox entry read (or back to unread), or every one read; only the person's own. */
export async function markRead(
  deps: Deps,
  input: { actor: Actor & { kind: 'staff' }; id: string | 'all'; read: boolean },
) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    const now = deps.clock.now();
    if (input.id === 'all') return ok({ marked: await store.inbox.markAll(actor.orgId, actor.userId, now) });
    const found = await store.inbox.mark(actor.orgId, actor.userId, input.id, input.read ? now : null);
    return found ? ok({ marked: 1 }) : fail('inbox.not_found', 'No such notification in your inbox.');
  });
}
