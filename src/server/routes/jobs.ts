import { errorBody, idParams, page } from '../../contracts/common.js';
import {
  createJobBody,
  jobListItem,
  jobListQuery,
  jobSchema,
  jobTransitionBody,
  updateJobBody,
} from '../../contracts/jobs.js';
import { createJob } from '../../core/jobs/create-job.js';
import { transitionJob } from '../../core/jobs/transition-job.js';
import { updateJob } from '../../core/jobs/update-job.js';
import type { Job } from '../../core/shared/types.js';
import { actorOf, allow } from '../auth.js';
import type { App, AppContext } from '../context.js';
import { sendError } from '../errors.js';

const denied = { 401: errorBody, 403: errorBody };

export function jobRoutes(app: App, ctx: AppContext) {
  /** Answers with the full job as stored, after a use case changed it. */
  const reload = async (job: Job) => (await ctx.queries.jobs.get(job.orgId, job.id))!;

  app.get(
    '/api/jobs',
    {
      preValidation: allow('job.read'),
      schema: {
        tags: ['jobs'],
        summary:
          'Jobs, oldest first, each with how many applications are in progress, new this week and at offer',
        querystring: jobListQuery,
        response: { 200: page(jobListItem), 400: errorBody, ...denied },
      },
    },
    async (request) => ctx.queries.jobs.list(actorOf(request).orgId, request.query, ctx.clock.now()),
  );

  app.get(
    '/api/jobs/:id',
    {
      preValidation: allow('job.read'),
      schema: { tags: ['jobs'], params: idParams, response: { 200: jobSchema, 404: errorBody, ...denied } },
    },
    async (request, reply) => {
      const job = await ctx.queries.jobs.get(actorOf(request).orgId, request.params.id);
      return job ?? sendError(reply, { code: 'job.not_found', message: 'No such job.' });
    },
  );

  app.post(
    '/api/jobs',
    {
      preValidation: allow('job.manage'),
      schema: {
        tags: ['jobs'],
        summary: 'Creates a draft job for a team, on one of its processes',
        body: createJobBody,
        response: { 201: jobSchema, 400: errorBody, 404: errorBody, 422: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const { jobFamily, ...fields } = request.body;
      const result = await createJob(ctx.deps, {
        actor: actorOf(request),
        fields: { ...fields, jobFamily: jobFamily ?? fields.employmentType },
      });
      if (!result.ok) return sendError(reply, result.error);
      return reply.code(201).send(await reload(result.value));
    },
  );

  app.patch(
    '/api/jobs/:id',
    {
      preValidation: allow('job.manage'),
      schema: {
        tags: ['jobs'],
        summary: 'Edits a job; expectedVersion guards against overwriting a concurrent edit',
        params: idParams,
        body: updateJobBody,
        response: {
          200: jobSchema,
          400: errorBody,
          404: errorBody,
          409: errorBody,
          422: errorBody,
          ...denied,
        },
      },
    },
    async (request, reply) => {
      const { expectedVersion, ...change } = request.body;
      const result = await updateJob(ctx.deps, {
        actor: actorOf(request),
        jobId: request.params.id,
        expectedVersion,
        change,
      });
      if (!result.ok) return sendError(reply, result.error);
      return reload(result.value);
    },
  );

  app.post(
    '/api/jobs/:id/transitions',
    {
      preValidation: allow('job.manage'),
      schema: {
        tags: ['jobs'],
        summary: 'Moves a job along draft → open → closed → archived',
        params: idParams,
        body: jobTransitionBody,
        response: { 200: jobSchema, 400: errorBody, 404: errorBody, 409: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const result = await transitionJob(ctx.deps, {
        actor: actorOf(request),
        jobId: request.params.id,
        ...request.body,
      });
      if (!result.ok) return sendError(reply, result.error);
      return reload(result.value);
    },
  );
}
