import { z } from 'zod';
import { attachmentSchema, candidateListQuery, candidateSchema } from '../../contracts/candidates.js';
import { errorBody, idParams, page } from '../../contracts/common.js';
import { screeningQueries } from '../../db/screening/screening.queries.js';
import { tagQueries } from '../../db/tags/tags.queries.js';
import { actorOf, allow } from '../auth.js';
import type { App, AppContext } from '../context.js';
import { sendError } from '../errors.js';

const denied = { 401: errorBody, 403: errorBody };

/** Staff reading candidates: search, one candidate, their resumes and cover letters. */
export function candidateRoutes(app: App, ctx: AppContext) {
  const filtered = tagQueries(ctx.db);
  const screening = screeningQueries(ctx.db);
  /**
   * Blind review (ADR 0025): while one of the candidate's applications is at a blind resume
   * screen, their profile and original files are refused, and lists hide who they are.
   */
  const blindRefusal = {
    code: 'screening.blind_review',
    message:
      "This candidate is under blind review at the resume screen: who they are and their original files show once it is decided. Read the application's redacted resume instead.",
  } as const;
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
    async (request) => {
      const orgId = actorOf(request).orgId;
      const found = await filtered.candidates(orgId, request.query);
      const blind = await screening.blindCandidates(
        orgId,
        found.items.map((c) => c.id),
      );
      if (blind.size === 0) return found;
      // A search by name or email must not tell who a blind application is; a plain list shows the row unnamed.
      const items = request.query.q ? found.items.filter((c) => !blind.has(c.id)) : found.items;
      return {
        ...found,
        items: items.map((c) =>
          blind.has(c.id)
            ? { ...c, firstName: 'Applicant', lastName: c.id.slice(0, 8), email: '', phone: null }
            : c,
        ),
      };
    },
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
        description: 'Refused (403 screening.blind_review) while the candidate is under blind review.',
      },
    },
    async (request, reply) => {
      const orgId = actorOf(request).orgId;
      if (await screening.candidateBlind(orgId, request.params.id)) return sendError(reply, blindRefusal);
      return { items: await ctx.queries.candidates.attachments(orgId, request.params.id) };
    },
  );

  app.get(
    '/api/attachments/:id',
    {
      preValidation: allow('candidate.read'),
      schema: {
        tags: ['candidates'],
        summary: 'Downloads a resume or cover letter (staff only)',
        description:
          'Refused with 403 screening.blind_review while the candidate is under blind review at the resume screen: the original file shows who they are.',
        params: idParams,
      },
    },
    async (request, reply) => {
      const orgId = actorOf(request).orgId;
      const file = await ctx.queries.candidates.attachmentFile(orgId, request.params.id);
      if (!file) return sendError(reply, { code: 'not_found', message: 'No such file.' });
      if (await screening.candidateBlind(orgId, file.candidate_id)) return sendError(reply, blindRefusal);
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
        description: 'Refused (403 screening.blind_review) while the candidate is under blind review.',
        response: { 200: candidateSchema, 404: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const orgId = actorOf(request).orgId;
      const found = await ctx.queries.candidates.get(orgId, request.params.id);
      if (!found) return sendError(reply, { code: 'candidate.not_found', message: 'No such candidate.' });
      return (await screening.candidateBlind(orgId, found.id)) ? sendError(reply, blindRefusal) : found;
    },
  );
}
