import { z } from 'zod';
import { errorBody, idParams, uuid } from '../../contracts/api.js';
import { employmentTypes } from '../../contracts/vocabulary.js';
import { boardAdmin } from '../../db/boards/boards-admin.js';
import { actorOf, allow } from '../auth.js';
import type { App, AppContext } from '../context.js';
import { sendError } from '../errors.js';

const denied = { 401: errorBody, 403: errorBody };
const boardFields = z.object({
  name: z.string().trim().min(1).max(120),
  intro: z.string().max(5000).default(''),
  employmentTypes: z.array(z.enum(employmentTypes)).min(1),
  teamIds: z.array(uuid).max(100).default([]),
  /** When set, applicants must consent to processing; their data is kept this many days. */
  gdprRetentionDays: z.number().int().min(1).max(3650).nullable().default(null),
});
const createBoardBody = boardFields.extend({
  token: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{1,62}$/, 'lowercase letters, digits, - and _, 2 to 63 characters'),
});
const boardSchema = z.object({
  id: z.string(),
  token: z.string(),
  name: z.string(),
  intro: z.string(),
  employmentTypes: z.array(z.string()),
  teamIds: z.array(z.string()),
  gdprRetentionDays: z.number().nullable(),
  createdAt: z.string(),
  /** Only when created or rotated: the Basic auth user name for submitting applications. */
  apiKey: z.string().optional(),
});

export function boardAdminRoutes(app: App, ctx: AppContext) {
  const boards = boardAdmin(ctx.db, ctx.clock);

  app.get(
    '/api/boards',
    {
      preHandler: allow('org.manage'),
      schema: {
        tags: ['job boards'],
        response: { 200: z.object({ items: z.array(boardSchema) }), ...denied },
      },
    },
    async (request) => ({ items: await boards.list(actorOf(request).orgId) }),
  );
  app.post(
    '/api/boards',
    {
      preHandler: allow('org.manage'),
      schema: {
        tags: ['job boards'],
        summary:
          'Publishes a job board; its open jobs of the chosen types (and teams) become posts. The API key is shown once.',
        body: createBoardBody,
        response: { 201: boardSchema, 400: errorBody, 409: errorBody, 422: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (await boards.tokenTaken(request.body.token)) {
        return sendError(reply, {
          code: 'board.token_taken',
          message: `The board token "${request.body.token}" is taken.`,
          details: { field: 'token' },
        });
      }
      if (!(await ctx.organisation.teamsExist(actor.orgId, request.body.teamIds))) {
        return sendError(reply, {
          code: 'team.not_found',
          message: 'One of the teams does not exist.',
          details: { field: 'teamIds' },
        });
      }
      return reply.code(201).send(await boards.create(actor, ctx.ids.next(), request.body));
    },
  );
  app.patch(
    '/api/boards/:id',
    {
      preHandler: allow('org.manage'),
      schema: {
        tags: ['job boards'],
        params: idParams,
        body: boardFields.partial(),
        response: { 200: boardSchema, 400: errorBody, 404: errorBody, 422: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (request.body.teamIds && !(await ctx.organisation.teamsExist(actor.orgId, request.body.teamIds))) {
        return sendError(reply, {
          code: 'team.not_found',
          message: 'One of the teams does not exist.',
          details: { field: 'teamIds' },
        });
      }
      return (
        (await boards.update(actor, request.params.id, request.body)) ??
        sendError(reply, { code: 'not_found', message: 'No such board.' })
      );
    },
  );
  app.post(
    '/api/boards/:id/rotate-key',
    {
      preHandler: allow('org.manage'),
      schema: {
        tags: ['job boards'],
        summary: 'Issues a new API key; the old one stops working at once',
        params: idParams,
        response: { 200: boardSchema, 404: errorBody, ...denied },
      },
    },
    async (request, reply) =>
      (await boards.rotateKey(actorOf(request), request.params.id)) ??
      sendError(reply, { code: 'not_found', message: 'No such board.' }),
  );
}
