import { errorBody, idParams } from '../../contracts/common.js';
import {
  decisionQueueQuery,
  decisionQueueResponse,
  pipelineQuery,
  pipelineResponse,
} from '../../contracts/workspace.js';
import { listDecisionQueue } from '../../core/workspace/list-decision-queue.js';
import { actorOf, allow, staffOf } from '../auth.js';
import { type App, type AppContext, respond } from '../context.js';
import { sendError } from '../errors.js';

const denied = { 401: errorBody, 403: errorBody };

/** Read models behind the staff screens: the pipeline and the decision queue. */
export function workspaceRoutes(app: App, ctx: AppContext) {
  const read = ctx.queries.workspace;

  app.get(
    '/api/jobs/:id/pipeline',
    {
      preValidation: allow('application.read'),
      schema: {
        tags: ['applications'],
        summary: "A job's pipeline: a column per round, then offer and the ended states, with counts",
        description:
          'Counts and cards follow the list filter (team, step, tag, source, applied dates, owner, overrides).',
        params: idParams,
        querystring: pipelineQuery,
        response: { 200: pipelineResponse, 400: errorBody, 404: errorBody, ...denied },
      },
    },
    async (request, reply) =>
      (await read.pipeline(actorOf(request).orgId, request.params.id, ctx.clock.now(), request.query)) ??
      sendError(reply, { code: 'job.not_found', message: 'No such job.' }),
  );

  app.get(
    '/api/decision-queue',
    {
      preValidation: allow('application.decide'),
      schema: {
        tags: ['applications'],
        summary:
          'The rounds I decide: ready to decide first, the longest waiting; then those waiting for evidence',
        description:
          'Current rounds of active applications that the signed-in person decides (a hiring manager: the ' +
          "rounds their teams' hiring manager decides; a recruiter or HR: rounds naming their role) and that have " +
          'an interview booked, a scorecard or a committee vote. Each says whether it can be decided now, what it ' +
          'lacks in words, the panel so far (a majority only once complete) and how long it has waited against ' +
          "the round's target, narrowed by the list filter (job, team, tag, source, applied dates, owner). " +
          'Decisions taken this month without their evidence are listed with their reasons.',
        querystring: decisionQueueQuery,
        response: { 200: decisionQueueResponse, 400: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const { limit, offset, ...filter } = request.query;
      const queue = await listDecisionQueue(
        { workspace: read, clock: ctx.clock },
        { actor: staffOf(request), limit, offset, filter },
      );
      return respond(reply, queue, (q) => q);
    },
  );
}
