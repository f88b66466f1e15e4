import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import type { Tag } from './tags.port.js';

/** A new tag for the organisation's candidates; names are unique regardless of case. */
export async function createTag(
  deps: Deps,
  input: { actor: Actor; name: string; colour?: string | null | undefined },
) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    if (await store.tags.byName(actor.orgId, input.name)) {
      return fail('tag.name_taken', `There is already a tag called “${input.name}”.`, { field: 'name' });
    }
    const tag: Tag = {
      id: deps.ids.next(),
      orgId: actor.orgId,
      name: input.name,
      colour: input.colour ?? null,
      createdAt: deps.clock.now(),
    };
    await store.tags.insert(tag);
    return ok(tag);
  });
}
