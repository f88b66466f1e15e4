import type { ListFilter } from '../../contracts/views.js';
import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';
import type { View } from './tags.port.js';

/** A list's filter kept under a name, for its author or shared with everyone who reads that list. */
export async function saveView(
  deps: Deps,
  input: {
    actor: Actor & { kind: 'staff' };
    list: View['list'];
    name: string;
    filters: ListFilter;
    shared: boolean;
  },
) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    if (await store.tags.viewNamed(actor.orgId, actor.userId, input.list, input.name)) {
      return fail('view.name_taken', `You already have a view called “${input.name}” on this list.`, {
        field: 'name',
      });
    }
    const view: View = {
      id: deps.ids.next(),
      orgId: actor.orgId,
      ownerId: actor.userId,
      list: input.list,
      name: input.name,
      filters: input.filters,
      shared: input.shared,
      createdAt: deps.clock.now(),
    };
    await store.tags.insertView(view);
    return ok(view);
  });
}
