import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';

/** Adds a tag to candidates or removes it, one or many at once; unknown candidates are refused by id. */
export async function tagCandidates(
  deps: Deps,
  input: {
    actor: Actor & { kind: 'staff' };
    tagId: string;
    candidateIds: string[];
    action: 'add' | 'remove';
  },
) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    const tag = await store.tags.get(actor.orgId, input.tagId);
    if (!tag) return fail('tag.not_found', 'No such tag.');
    const wanted = [...new Set(input.candidateIds)];
    const found = await store.tags.candidatesIn(actor.orgId, wanted);
    const unknown = wanted.filter((id) => !found.includes(id));
    if (unknown.length > 0) return fail('candidate.not_found', 'Some candidates do not exist.', { unknown });
    const changed =
      input.action === 'add'
        ? await store.tags.add(actor.orgId, tag.id, found, actor.userId, deps.clock.now())
        : await store.tags.remove(actor.orgId, tag.id, found);
    return ok({ tagId: tag.id, action: input.action, changed });
  });
}
