import { z } from 'zod';
import { errorBody, idParams } from '../../contracts/common.js';
import {
  bulkTagInput,
  candidateTagsSchema,
  ownerInput,
  tagDeleted,
  tagInput,
  tagParams,
  tagPatch,
  tagSchema,
} from '../../contracts/tags.js';
import { viewInput, viewListQuery, viewSchema } from '../../contracts/views.js';
import { createTag } from '../../core/tags/create-tag.js';
import { deleteTag } from '../../core/tags/delete-tag.js';
import { deleteView } from '../../core/tags/delete-view.js';
import { saveView } from '../../core/tags/save-view.js';
import { setOwner } from '../../core/tags/set-owner.js';
import { tagCandidates } from '../../core/tags/tag-candidates.js';
import { updateTag } from '../../core/tags/update-tag.js';
import { decisionScope } from '../../core/workspace/list-decision-queue.js';
import { tagQueries } from '../../db/tags/tags.queries.js';
import { actorOf, allow, staffOf } from '../auth.js';
import { type App, type AppContext, respond } from '../context.js';
import { sendError } from '../errors.js';

const denied = { 401: errorBody, 403: errorBody };
const refused = { 400: errorBody, 404: errorBody, 409: errorBody, 422: errorBody, ...denied };
const changed = z.object({ tagId: z.string(), action: z.enum(['add', 'remove']), changed: z.number() });

/** The organisation's tags on candidates, candidates' owners, and saved views of the lists. */
export function tagRoutes(app: App, ctx: AppContext) {
  const reads = tagQueries(ctx.db);
  const withCount = async (orgId: string, id: string) => (await reads.tags(orgId)).find((t) => t.id === id)!;

  app.get(
    '/api/tags',
    {
      preValidation: allow('candidate.read'),
      schema: {
        tags: ['tags'],
        summary: "The organisation's tags, with how many candidates carry each",
        response: { 200: z.object({ items: z.array(tagSchema) }), ...denied },
      },
    },
    async (request) => ({ items: await reads.tags(actorOf(request).orgId) }),
  );

  app.post(
    '/api/tags',
    {
      preValidation: allow('candidate.tag'),
      schema: {
        tags: ['tags'],
        summary: 'Creates a tag',
        body: tagInput,
        response: { 201: tagSchema, ...refused },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const result = await createTag(ctx.deps, { actor, ...request.body });
      if (!result.ok) return respond(reply, result, () => null);
      return reply.code(201).send(await withCount(actor.orgId, result.value.id));
    },
  );

  app.patch(
    '/api/tags/:id',
    {
      preValidation: allow('candidate.tag'),
      schema: {
        tags: ['tags'],
        summary: 'Renames or recolours a tag',
        params: idParams,
        body: tagPatch,
        response: { 200: tagSchema, ...refused },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const result = await updateTag(ctx.deps, { actor, tagId: request.params.id, ...request.body });
      if (!result.ok) return respond(reply, result, () => null);
      return withCount(actor.orgId, result.value.id);
    },
  );

  app.delete(
    '/api/tags/:id',
    {
      preValidation: allow('tag.delete'),
      schema: {
        tags: ['tags'],
        summary: 'Deletes a tag: it comes off every candidate, and saved views stop filtering on it',
        params: idParams,
        response: { 200: tagDeleted, ...refused },
      },
    },
    async (request, reply) =>
      respond(
        reply,
        await deleteTag(ctx.deps, { actor: actorOf(request), tagId: request.params.id }),
        (v) => v,
      ),
  );

  app.post(
    '/api/tags/:id/candidates',
    {
      preValidation: allow('candidate.tag'),
      schema: {
        tags: ['tags'],
        summary:
          'Adds the tag to many candidates or removes it: by ids, or every candidate a list filter finds',
        params: idParams,
        body: bulkTagInput,
        response: { 200: changed, ...refused },
      },
    },
    async (request, reply) => {
      const actor = staffOf(request);
      const { action, candidateIds, filter } = request.body;
      const ids = candidateIds ?? (await reads.candidateIds(actor.orgId, filter!));
      return respond(
        reply,
        await tagCandidates(ctx.deps, { actor, tagId: request.params.id, candidateIds: ids, action }),
        (v) => v,
      );
    },
  );

  app.get(
    '/api/candidates/:id/tags',
    {
      preValidation: allow('candidate.read'),
      schema: {
        tags: ['tags'],
        summary: "A candidate's tags",
        params: idParams,
        response: { 200: candidateTagsSchema, 404: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const items = await reads.candidateTags(actorOf(request).orgId, request.params.id);
      return items
        ? { items }
        : sendError(reply, { code: 'candidate.not_found', message: 'No such candidate.' });
    },
  );

  for (const [method, action] of [
    ['put', 'add'],
    ['delete', 'remove'],
  ] as const) {
    app[method](
      '/api/candidates/:id/tags/:tagId',
      {
        preValidation: allow('candidate.tag'),
        schema: {
          tags: ['tags'],
          summary: action === 'add' ? 'Tags a candidate' : 'Removes a tag from a candidate',
          params: tagParams,
          response: { 200: changed, ...refused },
        },
      },
      async (request, reply) =>
        respond(
          reply,
          await tagCandidates(ctx.deps, {
            actor: staffOf(request),
            tagId: request.params.tagId,
            candidateIds: [request.params.id],
            action,
          }),
          (v) => v,
        ),
    );
  }

  app.put(
    '/api/candidates/:id/owner',
    {
      preValidation: allow('candidate.tag'),
      schema: {
        tags: ['tags'],
        summary: "Sets the candidate's owner (lists filter by owner)",
        params: idParams,
        body: ownerInput,
        response: { 200: z.object({ candidateId: z.string(), ownerId: z.string().nullable() }), ...refused },
      },
    },
    async (request, reply) =>
      respond(
        reply,
        await setOwner(ctx.deps, {
          actor: actorOf(request),
          candidateId: request.params.id,
          userId: request.body.userId,
        }),
        (v) => v,
      ),
  );

  app.get(
    '/api/views',
    {
      preValidation: allow('candidate.read'),
      schema: {
        tags: ['views'],
        summary: 'My saved views and those shared with the team, each with its count now',
        querystring: viewListQuery,
        response: { 200: z.object({ items: z.array(viewSchema) }), 400: errorBody, ...denied },
      },
    },
    async (request) => {
      const actor = staffOf(request);
      return {
        items: await reads.views(actor.orgId, actor.userId, request.query.list, decisionScope(actor)),
      };
    },
  );

  app.post(
    '/api/views',
    {
      preValidation: allow('view.save'),
      schema: {
        tags: ['views'],
        summary: "Saves a list's filter under a name, mine or shared",
        body: viewInput,
        response: { 201: viewSchema, ...refused },
      },
    },
    async (request, reply) => {
      const actor = staffOf(request);
      const result = await saveView(ctx.deps, { actor, ...request.body });
      if (!result.ok) return respond(reply, result, () => null);
      const views = await reads.views(actor.orgId, actor.userId, result.value.list, decisionScope(actor));
      return reply.code(201).send(views.find((v) => v.id === result.value.id)!);
    },
  );

  app.delete(
    '/api/views/:id',
    {
      preValidation: allow('view.save'),
      schema: {
        tags: ['views'],
        summary: 'Removes a view I saved',
        params: idParams,
        response: { 204: z.null(), ...refused },
      },
    },
    async (request, reply) => {
      const result = await deleteView(ctx.deps, { actor: staffOf(request), viewId: request.params.id });
      return result.ok ? reply.code(204).send(null) : respond(reply, result, () => null);
    },
  );
}
