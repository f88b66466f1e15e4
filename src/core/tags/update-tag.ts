import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';

/** Renames or recolours a tag; every candidate carrying it shows the new name. */
export async function updateTag(
  deps: Deps,
  input: { actor: Actor; tagId: string; name?: string | undefined; colour?: string | null | undefined },
) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    const tag = await store.tags.get(actor.orgId, input.tagId);
    if (!tag) return fail('tag.not_found', 'No such tag.');
    if (input.name && input.name.toLowerCase() !== tag.name.toLowerCase()) {
      const clash = await store.tags.byName(actor.orgId, input.name);
      if (clash)
        return fail('tag.name_taken', `There is already a tag called “${input.name}”.`, { field: 'name' });
    }
    const patch = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.colour !== undefined ? { colour: input.colour } : {}),
    };
    return ok(await store.tags.update(actor.orgId, tag.id, patch));
  });
}
