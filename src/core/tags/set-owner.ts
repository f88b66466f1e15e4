import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';

/** Names the staff member who owns a candidate (lists filter by owner), or nobody. */
export async function setOwner(
  deps: Deps,
  input: { actor: Actor; candidateId: string; userId: string | null },
) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    const [candidate] = await store.tags.candidatesIn(actor.orgId, [input.candidateId]);
    if (!candidate) return fail('candidate.not_found', 'No such candidate.');
    if (input.userId && !(await store.tags.staffExists(actor.orgId, input.userId))) {
      return fail('user.not_found', 'No such staff member.', { field: 'userId' });
    }
    await store.tags.setOwner(actor.orgId, candidate, input.userId);
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'candidate',
      entityId: candidate,
      action: 'candidate.owner_set',
      data: { ownerId: input.userId },
    });
    return ok({ candidateId: candidate, ownerId: input.userId });
  });
}
