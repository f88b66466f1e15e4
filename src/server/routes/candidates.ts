import { z } from 'zod';
import { attachmentSchema, candidateListQuery, candidateSchema } from '../../contracts/candidates.js';
import { errorBody, idParams, page } from '../../contracts/common.js';
import { tagQueries } from '../../db/tags/tags.queries.js';
import { actorOf, allow } from '../auth.js';
import type { App, AppContext } from '../context.js';
import { sendError } from '../errors.js';

const denied = { 401: errorBody, 403: errorBody };

/** Staff reading candidates: search, one candidate, their resumes and cover letters. */
export function candidateRoutes(app: App, ctx: AppContext) {
  const filtered = tagQueries(ctx.db);
  app.get(
    '/api/candidates',
    {
      preValidation: allow('candidate.read'),
      schema: {
        tags: ['candidates'],
        summary:
          'Candidates, searchable by name or email, filtered by job, team, step, tag, source, dates, owner',
        querystring: candidateListQuery,
        response: { 200: page(candidateSchema), 400: errorBody, ...denied },
      },
    },
    async (request) => filtered.candidates(actorOf(request).orgId, request.query),
  );

  app.get(
    '/api/candidates/:id/attachments',
    {
      preValidation: allow('candidate.read'),
      schema: {
        tags: ['candidates'],
        summary: "A candidate's resumes and cover letters",
        params: idParams,
        response: {
          200: z.object({ items: z.array(attachmentSchema) }),
          ...denied,
        },
      },
    },
    async (request) => ({
      items: await ctx.queries.candidates.attachments(actorOf(request).orgId, request.params.id),
    }),
  );

  app.get(
    '/api/attachments/:id',
    {
      preValidation: allow('candidate.read'),
      schema: {
        tags: ['candidates'],
        summary: 'Downloads a resume or cover letter (staff only)',
        params: idParams,
      },
    },
    async (request, reply) => {
      const file = await ctx.queries.candidates.attachmentFile(actorOf(request).orgId, request.params.id);
      if (!file) return sendError(reply, { code: 'not_found', message: 'No such file.' });
      return reply
        .type(file.content_type)
        .header('content-disposition', `attachment; filename="${file.filename.replace(/["\\\r\n]/g, '_')}"`)
        .header('x-content-type-options', 'nosniff')
        .send(file.data);
    },
  );

  app.get(
    '/api/candidates/:id',
    {
      preValidation: allow('candidate.read'),
      schema: {
        tags: ['candidates'],
        params: idParams,
        response: { 200: candidateSchema, 404: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const found = await ctx.queries.candidates.get(actorOf(request).orgId, request.params.id);
      return found ?? sendError(reply, { code: 'candidate.not_found', message: 'No such candidate.' });
    },
  );
}
