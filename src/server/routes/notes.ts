import { z } from 'zod';
import { errorBody, idParams } from '../../contracts/common.js';
import {
  noteEdit,
  noteInput,
  noteListQuery,
  noteListSchema,
  noteRevisionSchema,
  noteSchema,
} from '../../contracts/notes.js';
import { editNote } from '../../core/notes/edit-note.js';
import { listNotes, noteHistory } from '../../core/notes/list-notes.js';
import { writeNote } from '../../core/notes/write-note.js';
import { noteQueries } from '../../db/notes/notes.queries.js';
import { allow, staffOf } from '../auth.js';
import { type App, type AppContext, respond } from '../context.js';

const denied = { 401: errorBody, 403: errorBody };
const refused = { 400: errorBody, 404: errorBody, 409: errorBody, 422: errorBody, ...denied };

/** The hiring team's notes on candidates and applications, with @mentions. */
export function noteRoutes(app: App, ctx: AppContext) {
  const reads = noteQueries(ctx.db);
  const present = async (orgId: string, id: string) => (await reads.one(orgId, id))!;

  app.get(
    '/api/notes',
    {
      preValidation: allow('note.read'),
      schema: {
        tags: ['notes'],
        summary:
          'Notes on a candidate (all of theirs) or an application (its own and the candidate’s), newest first',
        description:
          'An interviewer whose scorecard on the candidate is still to come reads none: the answer is empty with `withheld` saying why.',
        querystring: noteListQuery,
        response: { 200: noteListSchema, ...refused },
      },
    },
    async (request, reply) => {
      const { candidateId, applicationId, limit, cursor } = request.query;
      const target = applicationId ? { applicationId } : { candidateId: candidateId! };
      return respond(
        reply,
        await listNotes(
          { notes: reads },
          { actor: staffOf(request), target, limit, ...(cursor ? { cursor } : {}) },
        ),
        (page) => page,
      );
    },
  );

  app.post(
    '/api/notes',
    {
      preValidation: allow('note.write'),
      schema: {
        tags: ['notes'],
        summary: 'Writes a note; the people mentioned are notified in the app and, if they chose, by email',
        body: noteInput,
        response: { 201: noteSchema, ...refused },
      },
    },
    async (request, reply) => {
      const actor = staffOf(request);
      const { candidateId, applicationId, body, mentions } = request.body;
      const target = applicationId ? { applicationId } : { candidateId: candidateId! };
      const result = await writeNote(ctx.deps, { actor, target, body, mentions });
      if (!result.ok) return respond(reply, result, () => null);
      return reply.code(201).send(await present(actor.orgId, result.value.id));
    },
  );

  app.patch(
    '/api/notes/:id',
    {
      preValidation: allow('note.write'),
      schema: {
        tags: ['notes'],
        summary: 'The author edits a note within the edit window; the earlier text is kept',
        params: idParams,
        body: noteEdit,
        response: { 200: noteSchema, ...refused },
      },
    },
    async (request, reply) => {
      const actor = staffOf(request);
      const result = await editNote(ctx.deps, { actor, noteId: request.params.id, ...request.body });
      if (!result.ok) return respond(reply, result, () => null);
      return present(actor.orgId, result.value.id);
    },
  );

  app.get(
    '/api/notes/:id/revisions',
    {
      preValidation: allow('note.read'),
      schema: {
        tags: ['notes'],
        summary: "A note's texts, oldest first, the current one last",
        params: idParams,
        response: { 200: z.object({ items: z.array(noteRevisionSchema) }), ...refused },
      },
    },
    async (request, reply) =>
      respond(
        reply,
        await noteHistory(
          { notes: reads, history: reads.revisions },
          { actor: staffOf(request), noteId: request.params.id },
        ),
        (h) => ({ items: h.items }),
      ),
  );

  app.get(
    '/api/notes/mentionable',
    {
      preValidation: allow('note.write'),
      schema: {
        tags: ['notes'],
        summary: 'Staff who can be @mentioned, by name or email (for autocomplete)',
        querystring: z.object({ q: z.string().trim().max(100).optional() }),
        response: {
          200: z.object({
            items: z.array(z.object({ id: z.string(), name: z.string(), email: z.string() })),
          }),
          ...denied,
        },
      },
    },
    async (request) => ({
      items: await reads.mentionable(staffOf(request).orgId, request.query.q || undefined),
    }),
  );
}
