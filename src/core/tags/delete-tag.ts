import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';

/**
 * Deletes a tag: it comes off every candidate, and saved views that filtered on it stop doing so
 * (their other conditions stay), each named in the answer so the person can tell their owners.
 */
export async function deleteTag(deps: Deps, input: { actor: Actor; tagId: string }) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    const tag = await store.tags.get(actor.orgId, input.tagId);
    if (!tag) return fail('tag.not_found', 'No such tag.');
    const views = await store.tags.viewsFilteringOn(actor.orgId, tag.id);
    for (const view of views) {
      const { tagId: _dropped, ...rest } = view.filters;
      await store.tags.setViewFilters(actor.orgId, view.id, rest);
    }
    const candidates = await store.tags.delete(actor.orgId, tag.id);
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'tag',
      entityId: tag.id,
      action: 'tag.deleted',
      data: { name: tag.name, candidates, views: views.map((v) => v.id) },
    });
    return ok({ candidates, viewsChanged: views.map((v) => ({ id: v.id, name: v.name })) });
  });
}
