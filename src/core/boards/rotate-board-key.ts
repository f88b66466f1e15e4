import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';

/** Replaces a board's API key: the old one stops working when this commits. */
export async function rotateBoardKey(deps: Deps, input: { actor: Actor; boardId: string; apiKey: string }) {
  const { actor } = input;
  return deps.transaction(async (store) => {
    const board = await store.boards.lock(actor.orgId, input.boardId);
    if (!board) return fail('not_found', 'No such board.');
    await store.boards.setKeyHash(actor.orgId, board.id, deps.tokens.hash(input.apiKey));
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'policy',
      entityId: actor.orgId,
      action: 'board.key_rotated',
      data: { boardId: board.id },
    });
    return ok({ board, apiKey: input.apiKey });
  });
}
