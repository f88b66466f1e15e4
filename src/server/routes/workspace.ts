import { z } from 'zod';
import { errorBody, idParams, uuid } from '../../contracts/common.js';
import {
  decisionQueueQuery,
  decisionQueueResponse,
  funnelResponse,
  pipelineResponse,
  reportFilter,
  timingResponse,
} from '../../contracts/workspace.js';
import { OFFER_TARGET_DAYS } from '../../core/offers/offer.rules.js';
import { listDecisionQueue } from '../../core/workspace/list-decision-queue.js';
import { actorOf, allow } from '../auth.js';
import { type App, type AppContext, respond } from '../context.js';
import { sendError } from '../errors.js';

const denied = { 401: errorBody, 403: errorBody };

/** Read models behind the staff screens: the pipeline, the decision queue and the reports. */
export function workspaceRoutes(app: App, ctx: AppContext) {
  const read = ctx.queries.workspace;

  app.get(
    '/api/jobs/:id/pipeline',
    {
      preValidation: allow('application.read'),
      schema: {
        tags: ['applications'],
        summary: "A job's pipeline: a column per round, then offer and the ended states, with counts",
        params: idParams,
        response: { 200: pipelineResponse, 404: errorBody, ...denied },
      },
    },
    async (request, reply) =>
      (await read.pipeline(actorOf(request).orgId, request.params.id)) ??
      sendError(reply, { code: 'job.not_found', message: 'No such job.' }),
  );

  app.get(
    '/api/decision-queue',
    {
      preValidation: allow('application.decide'),
      schema: {
        tags: ['applications'],
        summary:
          'Applications whose current round I decide and that have interviews, complete feedback first',
        querystring: decisionQueueQuery,
        response: { 200: decisionQueueResponse, 400: errorBody, ...denied },
      },
    },
    async (request, reply) =>
      respond(
        reply,
        await listDecisionQueue({ workspace: read }, { actor: actorOf(request), limit: request.query.limit }),
        (queue) => queue,
      ),
  );

  app.get(
    '/api/reports/timing',
    {
      preValidation: allow('application.read'),
      schema: {
        tags: ['reports'],
        summary: 'Time in each step, application to offer against the 4–6-week target, feedback on time',
        querystring: reportFilter,
        response: { 200: timingResponse, 400: errorBody, ...denied },
      },
    },
    async (request) =>
      read.timing(actorOf(request).orgId, request.query, {
        now: ctx.clock.now(),
        targetDays: OFFER_TARGET_DAYS,
      }),
  );

  app.get(
    '/api/reports/funnel',
    {
      preValidation: allow('application.read'),
      schema: {
        tags: ['reports'],
        summary: 'Applications reaching each round, per job, with the pass-through rate between rounds',
        querystring: z.object({ jobId: uuid.optional(), teamId: uuid.optional() }),
        response: {
          200: funnelResponse,
          400: errorBody,
          ...denied,
        },
      },
    },
    async (request) => ({ items: await read.funnel(actorOf(request).orgId, request.query) }),
  );
}
