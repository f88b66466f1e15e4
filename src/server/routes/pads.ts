import websocket from '@fastify/websocket';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { codeGradeSchema } from '../../contracts/assessments.js';
import { errorBody, idParams } from '../../contracts/common.js';
import {
  candidatePadSchema,
  createdPadSchema,
  createPadBody,
  padSchema,
  padTokenParams,
  replaySchema,
} from '../../contracts/pads.js';
import type { CodeLanguage } from '../../contracts/problems.js';
import { openPad } from '../../core/pads/open-pad.js';
import { padAuthor } from '../../core/pads/pads.rules.js';
import { recordPadUpdate } from '../../core/pads/record-pad-update.js';
import { runPad } from '../../core/pads/run-pad.js';
import type { Actor } from '../../core/shared/types.js';
import { assessmentsQueries } from '../../db/assessments/assessments.queries.js';
import { mockQueries } from '../../db/mock/mock.queries.js';
import { type PadView, padsQueries } from '../../db/pads/pads.queries.js';
import { actorOf, signedIn } from '../auth.js';
import { candidateWorkDenied, maySeeWorkOn } from '../candidate-work.js';
import type { App, AppContext } from '../context.js';
import { sendError } from '../errors.js';
import { sameOriginUpgrade } from '../http-guards.js';
import { liveDocuments, replay } from '../pads/live-documents.js';
import { perAddress } from '../rate-limits.js';

const MAX_UPDATE_BYTES = 256 * 1024;
const hide = { hide: true };
const tags = ['pads'];
const linkNotFound = { code: 'not_found' as const, message: 'This pad link does not exist.' };

/**
 * The live coding pad: interviewer and candidate edit one Yjs document over a WebSocket (binary
 * frames are Yjs updates, both ways); the server keeps the document, stores every update in order
 * and relays it to the others. The interviewer runs the code against the problem's examples and
 * everyone sees the result. Afterwards the session replays edit by edit.
 */
export async function padRoutes(app: App, ctx: AppContext) {
  await app.register(websocket, { options: { maxPayload: MAX_UPDATE_BYTES } });
  const reads = padsQueries(ctx.db);
  const work = assessmentsQueries(ctx.db);
  const mocks = mockQueries(ctx.db);
  const problems = ctx.grading.problems.coding;
  const live = await liveDocuments({
    history: reads.events,
    save: (padId, author, update) => recordPadUpdate(ctx.deps, { padId, author, update }),
    relay: ctx.padRelay,
  });
  const deps = { ...ctx.deps, grader: ctx.grading, documents: live };
  // The pad a socket's request was admitted to, found before the upgrade: the socket's handler must
  // listen at once, or frames sent right after opening are lost while it would wait on the database.
  const admitted = new WeakMap<FastifyRequest, PadView>();
  const perIp = app.rateLimit({
    max: ctx.config.ASSESSMENT_REQUESTS_PER_MINUTE_PER_IP,
    timeWindow: 60_000,
    keyGenerator: perAddress('pad-links'),
  });
  // Another site's page must not open a socket with the user's cookie (or a candidate's link).
  const sameOrigin = sameOriginUpgrade(ctx.config);

  const view = async (pad: PadView) => {
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
      text: await live.text(pad.id),
    };
  };

  /**
   * The pad when the actor may see it, else null. A mock session's pad is its two people's only:
   * the practice interviewer and the candidate, signed in; nobody on the hiring side.
   */
  async function padFor(actor: Actor | null, id: string) {
    if (actor?.kind !== 'staff' && actor?.kind !== 'candidate') return null;
    const pad = await reads.byId(actor.orgId, id);
    if (!pad) return null;
    if (pad.mock_session_id) {
      const people = await mocks.padPeople(actor.orgId, pad.mock_session_id);
      const mine =
        actor.kind === 'staff'
          ? people?.coach_id === actor.userId
          : people?.candidate_id === actor.candidateId;
      return mine ? pad : null;
    }
    if (!pad.application_id || !(await maySeeWorkOn(work, actor, pad.application_id))) return null;
    return pad;
  }

  app.post(
    '/api/applications/:id/pads',
    {
      preValidation: signedIn,
      schema: {
        tags,
        summary: 'Opens a live coding pad for an interview; the candidate joins through the returned link',
        params: idParams,
        body: createPadBody,
        response: { 201: createdPadSchema, 401: errorBody, 403: errorBody, 404: errorBody, 422: errorBody },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (actor.kind !== 'staff' || !(await maySeeWorkOn(work, actor, request.params.id)))
        return sendError(reply, candidateWorkDenied);
      const opened = await openPad(deps, {
        actor,
        applicationId: request.params.id,
        ...request.body,
        linkBase: `${ctx.config.PUBLIC_URL}/candidate/pad`,
      });
      if (!opened.ok) return sendError(reply, opened.error);
      const pad = (await reads.byId(actor.orgId, opened.value.id))!;
      return reply.code(201).send({ ...(await view(pad)), candidateUrl: opened.value.candidateUrl });
    },
  );

  app.get(
    '/api/applications/:id/pads',
    {
      preValidation: signedIn,
      schema: {
        tags,
        summary: "An application's coding pads",
        params: idParams,
        response: { 200: z.object({ items: z.array(padSchema) }), 401: errorBody, 403: errorBody },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (actor.kind !== 'staff' || !(await maySeeWorkOn(work, actor, request.params.id)))
        return sendError(reply, candidateWorkDenied);
      const rows = await reads.ofApplication(actor.orgId, request.params.id);
      return { items: await Promise.all(rows.map(view)) };
    },
  );

  app.get(
    '/api/pads/:id',
    {
      preValidation: signedIn,
      schema: {
        tags,
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
      preValidation: signedIn,
      schema: {
        tags,
        summary: "Runs the pad's code against its problem's examples; everyone on the pad sees the result",
        params: idParams,
        response: { 200: codeGradeSchema, 401: errorBody, 403: errorBody, 404: errorBody, 422: errorBody },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const pad = await padFor(actor, request.params.id);
      if (!pad || actor.kind !== 'staff') return sendError(reply, candidateWorkDenied);
      const run = await runPad(deps, { actor, padId: pad.id });
      if (!run.ok) return sendError(reply, run.error);
      await live.broadcast(pad.id, { type: 'run', result: run.value });
      return run.value;
    },
  );

  app.get(
    '/api/pads/:id/replay',
    {
      preValidation: signedIn,
      schema: {
        tags,
        summary: 'The session edit by edit: the text after each update, and each run',
        params: idParams,
        response: { 200: replaySchema, 401: errorBody, 403: errorBody },
      },
    },
    async (request, reply) => {
      const pad = await padFor(actorOf(request), request.params.id);
      if (!pad) return sendError(reply, candidateWorkDenied);
      // Edits still being written are part of the session.
      await live.settled(pad.id);
      return replay(await reads.events(pad.id));
    },
  );

  app.get(
    '/api/pad-links/:token',
    {
      preValidation: perIp,
      schema: {
        tags,
        summary: "The candidate's view of a pad: the problem and the text now",
        params: padTokenParams,
        response: { 200: candidatePadSchema, 404: errorBody },
      },
    },
    async (request, reply) => {
      const pad = await reads.byToken(ctx.deps.tokens.hash(request.params.token));
      if (!pad) return sendError(reply, linkNotFound);
      const { applicationId: _, ...rest } = await view(pad);
      return rest;
    },
  );

  app.get(
    '/api/pads/:id/live',
    {
      websocket: true,
      schema: { ...hide, params: idParams },
      onRequest: sameOrigin,
      preHandler: async (request, reply) => {
        const pad = await padFor(request.actor, (request.params as { id: string }).id);
        if (!pad) return sendError(reply, candidateWorkDenied);
        admitted.set(request, pad);
      },
    },
    (socket, request) => live.join(admitted.get(request)!.id, padAuthor(actorOf(request)), socket),
  );

  app.get(
    '/api/pad-links/:token/live',
    {
      websocket: true,
      schema: { ...hide, params: padTokenParams },
      onRequest: [sameOrigin, perIp],
      preHandler: async (request, reply) => {
        const pad = await reads.byToken(ctx.deps.tokens.hash((request.params as { token: string }).token));
        if (!pad) return sendError(reply, linkNotFound);
        admitted.set(request, pad);
      },
    },
    (socket, request) => live.join(admitted.get(request)!.id, 'candidate', socket),
  );

  app.addHook('onClose', () => live.close());
}
