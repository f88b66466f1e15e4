import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';

/** A view is removed by its owner only; a shared view others use is theirs to keep asking for. */
export async function deleteView(deps: Deps, input: { actor: Actor & { kind: 'staff' }; viewId: string }) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    const view = await store.tags.view(actor.orgId, input.viewId);
    if (!view || (view.ownerId !== actor.userId && !view.shared))
      return fail('view.not_found', 'No such view.');
    if (view.ownerId !== actor.userId) {
      return fail('permission.denied', 'Only the person who saved a view removes it.', {
        ownerId: view.ownerId,
      });
    }
    await store.tags.deleteView(actor.orgId, view.id);
    return ok(undefined);
  });
}
