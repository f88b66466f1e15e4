import type { BoardInput } from '../../contracts/boards.js';
import type { Deps } from '../shared/ports.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';

/**
 * Publishes a job board: the organisation's open jobs that match its filter become its posts. The
 * API key arrives from the server and is kept only as a hash; it is shown once, in the answer.
 */
export async function createBoard(deps: Deps, input: { actor: Actor; board: BoardInput; apiKey: string }) {
  const { actor, board: fields } = input;
  return deps.transaction(async (store) => {
    if (await store.boards.tokenTaken(fields.token)) {
      return fail('board.token_taken', `The board token "${fields.token}" is taken.`, { field: 'token' });
    }
    if (!(await store.organisation.teamsExist(actor.orgId, fields.teamIds))) {
      return fail('team.not_found', 'One of the teams does not exist.', { field: 'teamIds' });
    }
    const now = deps.clock.now();
    const board = await store.boards.insert({
      ...fields,
      id: deps.ids.next(),
      orgId: actor.orgId,
      apiKeyHash: deps.tokens.hash(input.apiKey),
      createdAt: now,
    });
    await store.boards.publishOpenJobs(actor.orgId, board.id, now);
    await store.audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'policy',
      entityId: actor.orgId,
      action: 'board.created',
      data: { boardId: board.id, token: board.token },
    });
    return ok({ board, apiKey: input.apiKey });
  });
}
