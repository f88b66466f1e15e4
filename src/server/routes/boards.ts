import { z } from 'zod';
import { boardSchema, createBoardBody, updateBoardBody } from '../../contracts/boards.js';
import { errorBody, idParams } from '../../contracts/common.js';
import type { Board } from '../../core/boards/boards.port.js';
import { createBoard } from '../../core/boards/create-board.js';
import { rotateBoardKey } from '../../core/boards/rotate-board-key.js';
import { updateBoard } from '../../core/boards/update-board.js';
import { boardQueries } from '../../db/boards/boards.queries.js';
import { actorOf, allow } from '../auth.js';
import { newBoardKey } from '../boards/keys.js';
import { type App, type AppContext, respond } from '../context.js';

const denied = { 401: errorBody, 403: errorBody };
const tags = ['job boards'];

const presentBoard = (b: Board) => ({
  id: b.id,
  token: b.token,
  name: b.name,
  intro: b.intro,
  employmentTypes: b.employmentTypes,
  teamIds: b.teamIds,
  gdprRetentionDays: b.gdprRetentionDays,
  createdAt: b.createdAt.toISOString(),
});
/** The key is in the answer only when it was just made: it is never shown again. */
const withKey = ({ board, apiKey }: { board: Board; apiKey: string }) => ({ ...presentBoard(board), apiKey });

export function boardAdminRoutes(app: App, ctx: AppContext) {
  const boards = boardQueries(ctx.db);

  app.get(
    '/api/boards',
    {
      preValidation: allow('org.manage'),
      schema: { tags, response: { 200: z.object({ items: z.array(boardSchema) }), ...denied } },
    },
    async (request) => ({ items: (await boards.list(actorOf(request).orgId)).map(presentBoard) }),
  );
  app.post(
    '/api/boards',
    {
      preValidation: allow('org.manage'),
      schema: {
        tags,
        summary:
          'Publishes a job board; its open jobs of the chosen types (and teams) become posts. The API key is shown once.',
        body: createBoardBody,
        response: { 201: boardSchema, 400: errorBody, 409: errorBody, 422: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const input = { actor: actorOf(request), board: request.body, apiKey: newBoardKey() };
      return respond(reply, await createBoard(ctx.deps, input), withKey, 201);
    },
  );
  app.patch(
    '/api/boards/:id',
    {
      preValidation: allow('org.manage'),
      schema: {
        tags,
        params: idParams,
        body: updateBoardBody,
        response: { 200: boardSchema, 400: errorBody, 404: errorBody, 422: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const input = { actor: actorOf(request), boardId: request.params.id, change: request.body };
      return respond(reply, await updateBoard(ctx.deps, input), presentBoard);
    },
  );
  app.post(
    '/api/boards/:id/rotate-key',
    {
      preValidation: allow('org.manage'),
      schema: {
        tags,
        summary: 'Issues a new API key; the old one stops working at once',
        params: idParams,
        response: { 200: boardSchema, 404: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const input = { actor: actorOf(request), boardId: request.params.id, apiKey: newBoardKey() };
      return respond(reply, await rotateBoardKey(ctx.deps, input), withKey);
    },
  );
}
