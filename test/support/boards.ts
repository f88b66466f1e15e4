import type { BoardInput } from '../../src/contracts/boards.js';
import { createBoard } from '../../src/core/boards/create-board.js';
import { ok, type World } from './world.js';

/** Publishes a board of the world's organisation, as its admin, with a known API key. */
export async function addBoard(
  world: World,
  board: Omit<BoardInput, 'intro' | 'teamIds' | 'gdprRetentionDays'> & Partial<BoardInput>,
  apiKey = 'test-board-key',
) {
  const input = { intro: '', teamIds: [], gdprRetentionDays: null, ...board };
  return ok(await createBoard(world.deps, { actor: world.staff.admin, board: input, apiKey })).board;
}
