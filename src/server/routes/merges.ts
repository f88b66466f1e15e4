import { z } from 'zod';
import { errorBody, idParams } from '../../contracts/common.js';
import { mergeInput, mergeSchema } from '../../contracts/merges.js';
import { decideMerge } from '../../core/merges/decide-merge.js';
import { mergeCandidates } from '../../core/merges/merge-candidates.js';
import type { Merge } from '../../core/merges/merges.port.js';
import { mergeQueries } from '../../db/merges/merges.queries.js';
import { allow, staffOf } from '../auth.js';
import { type App, type AppContext, respond } from '../context.js';
import { sendError } from '../errors.js';

const refused = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  422: errorBody,
};

export const presentMerge = (merge: Merge, overLimit: z.infer<typeof mergeSchema>['overLimit'] = []) => ({
  id: merge.id,
  keptId: merge.keptId,
  mergedId: merge.mergedId,
  status: merge.status,
  moved: {
    applications: merge.moved.applications.length,
    attachments: merge.moved.attachments.length,
    notes: merge.moved.notes.length,
    tags: merge.moved.tags.length,
  },
  overLimit,
  createdAt: merge.createdAt.toISOString(),
  decidedAt: merge.decidedAt?.toISOString() ?? null,
});

/** Merging duplicate people: merge → pending → confirm, or undo. */
export function mergeRoutes(app: App, ctx: AppContext) {
  const reads = mergeQueries(ctx.db);

  app.post(
    '/api/candidate-merges',
    {
      preValidation: allow('candidate.merge'),
      schema: {
        tags: ['candidates'],
        summary: 'Merges a duplicate into the kept candidate; pending (undoable) until confirmed',
        body: mergeInput,
        response: { 201: mergeSchema, ...refused },
      },
    },
    async (request, reply) =>
      respond(
        reply,
        await mergeCandidates(ctx.deps, { actor: staffOf(request), ...request.body }),
        (v) => presentMerge(v.merge, v.overLimit),
        201,
      ),
  );

  for (const decision of ['confirm', 'undo'] as const) {
    app.post(
      `/api/candidate-merges/:id/${decision}`,
      {
        preValidation: allow('candidate.merge'),
        schema: {
          tags: ['candidates'],
          summary:
            decision === 'confirm'
              ? 'Confirms a pending merge; it can no longer be undone'
              : 'Undoes a pending merge: everything moved goes back',
          params: idParams,
          response: { 200: mergeSchema, ...refused },
        },
      },
      async (request, reply) =>
        respond(
          reply,
          await decideMerge(ctx.deps, { actor: staffOf(request), mergeId: request.params.id, decision }),
          (v) => presentMerge(v.merge, v.overLimit),
        ),
    );
  }

  app.get(
    '/api/candidates/:id/merges',
    {
      preValidation: allow('candidate.read'),
      schema: {
        tags: ['candidates'],
        summary: 'Merges that kept or merged away this candidate, newest first',
        params: idParams,
        response: { 200: z.object({ items: z.array(mergeSchema) }), ...refused },
      },
    },
    async (request, reply) => {
      const merges = await reads.forCandidate(staffOf(request).orgId, request.params.id);
      if (!merges) return sendError(reply, { code: 'candidate.not_found', message: 'No such candidate.' });
      return { items: merges.map((m) => presentMerge(m)) };
    },
  );
}
