import websocket from '@fastify/websocket';
import type { FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { z } from 'zod';
import { errorBody, idParams } from '../../contracts/api.js';
import { codeGradeSchema } from '../../contracts/assessments.js';
import {
  candidatePadSchema,
  createdPadSchema,
  createPadBody,
  padSchema,
  padTokenParams,
  replaySchema,
} from '../../contracts/pads.js';
import type { CodeLanguage } from '../../contracts/problems.js';
import type { Actor } from '../../core/shared/types.js';
import { padStore } from '../../db/pads/pads.repository.js';
import { actorOf, hashToken, newToken, signedIn } from '../auth.js';
import { candidateWorkDenied, maySeeCandidateWork } from '../candidate-work.js';
import type { App, AppContext } from '../context.js';
import { sendError } from '../errors.js';

type Pad = NonNullable<Awaited<ReturnType<ReturnType<typeof padStore>['byId']>>>;
/** One pad's live document and the sockets editing it, in this process. */
type Live = { doc: Y.Doc; sockets: Set<WebSocket>; saving: Promise<unknown> };

const TEXT = 'code';
const MAX_UPDATE_BYTES = 256 * 1024;
const MAX_TEXT_CHARACTERS = 100_000;
const hide = { hide: true };

/**
 * The live coding pad: interviewer and candidate edit one Yjs document over a WebSocket (binary
 * frames are Yjs updates, both ways); the server keeps the document, stores every update in order
 * and relays it to the others. The interviewer runs the code against the problem's examples and
 * everyone sees the result. Afterwards the session replays edit by edit.
 */
export async function padRoutes(app: App, ctx: AppContext) {
  await app.register(websocket, { options: { maxPayload: MAX_UPDATE_BYTES } });
  const pads = padStore(ctx.db, ctx.clock);
  const problems = ctx.grading.problems.coding;
  const live = new Map<string, Promise<Live>>();
  // The pad a socket's request was admitted to, found before the upgrade: the socket's handler must
  // listen at once, or frames sent right after opening are lost while it would wait on the database.
  const admitted = new WeakMap<FastifyRequest, Pad>();
  const perIp = app.rateLimit({ max: ctx.config.ASSESSMENT_REQUESTS_PER_MINUTE_PER_IP, timeWindow: 60_000 });

  async function open(padId: string): Promise<Live> {
    let entry = live.get(padId);
    if (!entry) {
      entry = pads.events(padId).then((events) => {
        const doc = new Y.Doc();
        for (const event of events) if (event.update) Y.applyUpdate(doc, event.update);
        return { doc, sockets: new Set<WebSocket>(), saving: Promise.resolve() };
      });
      live.set(padId, entry);
    }
    return entry;
  }

  const textOf = async (padId: string) => (await open(padId)).doc.getText(TEXT).toString();

  function join(pad: Pad, author: string, socket: WebSocket) {
    // Listening starts at once: updates sent while the document loads wait for it, in order.
    const ready = open(pad.id).then((state) => {
      state.sockets.add(socket);
      socket.send(Y.encodeStateAsUpdate(state.doc));
      return state;
    });
    socket.on('message', (data, isBinary) => {
      if (!isBinary) return;
      const update = new Uint8Array(data as Buffer);
      void ready.then((state) => receive(state, pad.id, author, socket, update));
    });
    socket.on('close', () => {
      void ready.then((state) => state.sockets.delete(socket));
    });
  }

  function receive(state: Live, padId: string, author: string, socket: WebSocket, update: Uint8Array) {
    try {
      Y.applyUpdate(state.doc, update, socket);
    } catch {
      socket.close(1003, 'not a Yjs update');
      return;
    }
    // Clients send their updates in order, so a valid one never waits on a missing one: an update
    // left pending does not belong to this document, and is dropped with its sender.
    const store = state.doc.store as { pendingStructs: unknown; pendingDs: unknown };
    if (store.pendingStructs || store.pendingDs) {
      store.pendingStructs = null;
      store.pendingDs = null;
      socket.close(1003, 'not an update of this document');
      return;
    }
    if (state.doc.getText(TEXT).length > MAX_TEXT_CHARACTERS) {
      socket.close(1009, 'the pad holds at most 100,000 characters');
      return;
    }
    // Stored in the order received, so a replay sees what everyone saw.
    state.saving = state.saving.then(() => pads.edit(padId, author, update)).catch(() => undefined);
    for (const other of state.sockets)
      if (other !== socket && other.readyState === other.OPEN) other.send(update);
  }

  const view = async (pad: Pad) => {
    const problem = pad.problem_slug ? problems.get(pad.problem_slug) : undefined;
    return {
      id: pad.id,
      applicationId: pad.application_id,
      language: pad.language as CodeLanguage,
      problemSlug: pad.problem_slug,
      problem: problem
        ? {
            title: problem.title,
            statement: problem.statement,
            examples: problem.examples,
            highlighting: problem.highlighting,
          }
        : null,
      createdAt: pad.created_at.toISOString(),
      text: await textOf(pad.id),
    };
  };

  /** The pad when the actor may see it, else the refusal sent. */
  async function padFor(actor: Actor, id: string) {
    const pad = actor.kind === 'staff' ? await pads.byId(actor.orgId, id) : undefined;
    if (!pad || !(await maySeeCandidateWork(ctx, actor, pad.application_id))) return null;
    return pad;
  }

  app.post(
    '/api/applications/:id/pads',
    {
      preHandler: signedIn,
      schema: {
        tags: ['pads'],
        summary: 'Opens a live coding pad for an interview; the candidate joins through the returned link',
        params: idParams,
        body: createPadBody,
        response: { 201: createdPadSchema, 401: errorBody, 403: errorBody, 404: errorBody, 422: errorBody },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (actor.kind !== 'staff' || !(await maySeeCandidateWork(ctx, actor, request.params.id)))
        return sendError(reply, candidateWorkDenied);
      const application = await ctx.db
        .selectFrom('applications')
        .select('id')
        .where('org_id', '=', actor.orgId)
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!application)
        return sendError(reply, { code: 'application.not_found', message: 'No such application.' });
      const { problem, language } = request.body;
      if (problem && !problems.has(problem))
        return sendError(reply, {
          code: 'problem.not_found',
          message: `There is no coding problem "${problem}".`,
          details: { field: 'problem' },
        });
      const token = newToken();
      const id = ctx.ids.next();
      await pads.create({
        id,
        orgId: actor.orgId,
        applicationId: application.id,
        problemSlug: problem,
        language,
        tokenHash: hashToken(token),
        createdBy: actor.userId,
      });
      // The pad starts with the problem's starter code, as its first edit.
      const starter = problem ? problems.get(problem)?.starter[language] : undefined;
      if (starter) {
        const doc = new Y.Doc();
        doc.getText(TEXT).insert(0, starter);
        await pads.edit(id, `staff:${actor.userId}`, Y.encodeStateAsUpdate(doc));
      }
      const pad = (await pads.byId(actor.orgId, id))!;
      return reply
        .code(201)
        .send({ ...(await view(pad)), candidateUrl: `${ctx.config.PUBLIC_URL}/candidate/pad/${token}` });
    },
  );

  app.get(
    '/api/applications/:id/pads',
    {
      preHandler: signedIn,
      schema: {
        tags: ['pads'],
        summary: "An application's coding pads",
        params: idParams,
        response: { 200: z.object({ items: z.array(padSchema) }), 401: errorBody, 403: errorBody },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (actor.kind !== 'staff' || !(await maySeeCandidateWork(ctx, actor, request.params.id)))
        return sendError(reply, candidateWorkDenied);
      const rows = await pads.ofApplication(actor.orgId, request.params.id);
      return { items: await Promise.all(rows.map(view)) };
    },
  );

  app.get(
    '/api/pads/:id',
    {
      preHandler: signedIn,
      schema: {
        tags: ['pads'],
        summary: 'A coding pad: its problem and the text now',
        params: idParams,
        response: { 200: padSchema, 401: errorBody, 403: errorBody },
      },
    },
    async (request, reply) => {
      const pad = await padFor(actorOf(request), request.params.id);
      if (!pad) return sendError(reply, candidateWorkDenied);
      return view(pad);
    },
  );

  app.post(
    '/api/pads/:id/run',
    {
      preHandler: signedIn,
      schema: {
        tags: ['pads'],
        summary: "Runs the pad's code against its problem's examples; everyone on the pad sees the result",
        params: idParams,
        response: { 200: codeGradeSchema, 401: errorBody, 403: errorBody, 404: errorBody, 422: errorBody },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const pad = await padFor(actor, request.params.id);
      if (!pad) return sendError(reply, candidateWorkDenied);
      const problem = pad.problem_slug ? problems.get(pad.problem_slug) : undefined;
      if (!problem)
        return sendError(reply, {
          code: 'problem.not_found',
          message: 'This pad has no problem to run against.',
          details: { field: 'problem' },
        });
      const result = await ctx.grading.gradeCode(
        problem,
        pad.language as CodeLanguage,
        await textOf(pad.id),
        'examples',
      );
      await pads.run(pad.id, actor.kind === 'staff' ? `staff:${actor.userId}` : 'candidate', {
        outcome: result.outcome,
        passed: result.passed,
        total: result.total,
      });
      const state = await open(pad.id);
      const message = JSON.stringify({ type: 'run', result });
      for (const socket of state.sockets) if (socket.readyState === socket.OPEN) socket.send(message);
      return result;
    },
  );

  app.get(
    '/api/pads/:id/replay',
    {
      preHandler: signedIn,
      schema: {
        tags: ['pads'],
        summary: 'The session edit by edit: the text after each update, and each run',
        params: idParams,
        response: { 200: replaySchema, 401: errorBody, 403: errorBody },
      },
    },
    async (request, reply) => {
      const pad = await padFor(actorOf(request), request.params.id);
      if (!pad) return sendError(reply, candidateWorkDenied);
      // Edits still being written are part of the session.
      await (await live.get(pad.id))?.saving;
      const doc = new Y.Doc();
      const frames = [];
      const runs = [];
      for (const event of await pads.events(pad.id)) {
        const at = event.at.toISOString();
        if (event.update) {
          Y.applyUpdate(doc, event.update);
          frames.push({ at, author: event.author, text: doc.getText(TEXT).toString() });
        } else runs.push({ at, author: event.author, detail: event.detail });
      }
      return { frames, runs };
    },
  );

  app.get(
    '/api/pad-links/:token',
    {
      preHandler: perIp,
      schema: {
        tags: ['pads'],
        summary: "The candidate's view of a pad: the problem and the text now",
        params: padTokenParams,
        response: { 200: candidatePadSchema, 404: errorBody },
      },
    },
    async (request, reply) => {
      const pad = await pads.byToken(hashToken(request.params.token));
      if (!pad) return sendError(reply, { code: 'not_found', message: 'This pad link does not exist.' });
      const { applicationId: _, ...rest } = await view(pad);
      return rest;
    },
  );

  app.get(
    '/api/pads/:id/live',
    {
      websocket: true,
      schema: { ...hide, params: idParams },
      preHandler: async (request, reply) => {
        const pad = request.actor ? await padFor(request.actor, (request.params as { id: string }).id) : null;
        if (!pad) return sendError(reply, candidateWorkDenied);
        admitted.set(request, pad);
      },
    },
    (socket, request) => {
      const actor = actorOf(request);
      join(admitted.get(request)!, actor.kind === 'staff' ? `staff:${actor.userId}` : 'candidate', socket);
    },
  );

  app.get(
    '/api/pad-links/:token/live',
    {
      websocket: true,
      schema: { ...hide, params: padTokenParams },
      onRequest: perIp,
      preHandler: async (request, reply) => {
        const pad = await pads.byToken(hashToken((request.params as { token: string }).token));
        if (!pad) return sendError(reply, { code: 'not_found', message: 'This pad link does not exist.' });
        admitted.set(request, pad);
      },
    },
    (socket, request) => join(admitted.get(request)!, 'candidate', socket),
  );

  app.addHook('onClose', async () => {
    for (const entry of live.values()) for (const socket of (await entry).sockets) socket.terminate();
  });
}
