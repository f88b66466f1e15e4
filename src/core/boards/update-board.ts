import type { BoardChange } from '../../contracts/boards.js';
import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';

/** Changes a board's settings; open jobs its new filter matches are listed on it at once. */
export async function updateBoard(deps: Deps, input: { actor: Actor; boardId: string; change: BoardChange }) {
  const { actor, change } = input;
  return deps.transaction(async (store) => {
    if (change.teamIds && !(await store.organisation.teamsExist(actor.orgId, change.teamIds))) {
      return fail('team.not_found', 'One of the teams does not exist.', { field: 'teamIds' });
    }
    if (!(await store.boards.lock(actor.orgId, input.boardId))) return fail('not_found', 'No such board.');
    const board = await store.boards.update(actor.orgId, input.boardId, change);
    await store.boards.publishOpenJobs(actor.orgId, board.id, deps.clock.now());
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'policy',
      entityId: actor.orgId,
      action: 'board.updated',
      data: { boardId: board.id },
    });
    return ok(board);
  });
}
