import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  addRoundBody,
  applicationDetail,
  applicationListItem,
  applicationListQuery,
  bulkDecideBody,
  bulkDecideResponse,
  bulkUndoBody,
  bulkUndoResponse,
  decideBody,
  idempotencyHeaders,
  submitApplicationBody,
  timelineEvent,
} from '../../contracts/applications.js';
import { errorBody, idParams, page } from '../../contracts/common.js';
import type { DomainError } from '../../contracts/errors.js';
import { addExtraRound } from '../../core/applications/add-extra-round.js';
import { decideApplicationRound } from '../../core/applications/decide-round.js';
import { decideRoundsInBulk } from '../../core/applications/decide-rounds-in-bulk.js';
import { hireApplication } from '../../core/applications/hire-application.js';
import { submitApplication } from '../../core/applications/submit-application.js';
import { undoDecision, undoDecisions } from '../../core/applications/undo-decision.js';
import type { Result } from '../../core/shared/result.js';
import type { Application } from '../../core/shared/types.js';
import { actorOf, allow } from '../auth.js';
import type { App, AppContext } from '../context.js';
import { sendError } from '../errors.js';

const denied = { 401: errorBody, 403: errorBody };
const refusals = { 400: errorBody, 404: errorBody, 409: errorBody, 422: errorBody, ...denied };

export function applicationRoutes(app: App, ctx: AppContext) {
  /** Answers with the application as stored, in the same shape as GET. */
  async function answer(reply: FastifyReply, result: Result<Application, DomainError>, status = 200) {
    if (!result.ok) return sendError(reply, result.error);
    return reply
      .code(status)
      .send((await ctx.queries.applications.get(result.value.orgId, result.value.id))!);
  }

  app.get(
    '/api/applications',
    {
      preValidation: allow('application.read'),
      schema: {
        tags: ['applications'],
        summary: 'The review queue: applications oldest first, filtered by job, status or current round',
        querystring: applicationListQuery,
        response: { 200: page(applicationListItem), 400: errorBody, ...denied },
      },
    },
    async (request) => ctx.queries.applications.list(actorOf(request).orgId, request.query),
  );

  app.post(
    '/api/applications',
    {
      preValidation: allow('application.create'),
      schema: {
        tags: ['applications'],
        summary: 'Submits an application on behalf of a candidate',
        description:
          'The candidate is matched by normalised email. Send an Idempotency-Key header to make retries safe; ' +
          'a second submission for the same open job returns the existing application with 200.',
        headers: idempotencyHeaders,
        body: submitApplicationBody,
        response: { 201: applicationDetail, 200: applicationDetail, ...refusals },
      },
    },
    async (request, reply) => {
      const result = await submitApplication(ctx.deps, {
        actor: actorOf(request),
        jobId: request.body.jobId,
        candidate: request.body.candidate,
        idempotencyKey: request.headers['idempotency-key'],
        source: request.body.source,
      });
      if (!result.ok) return sendError(reply, result.error);
      return answer(reply, { ok: true, value: result.value.application }, result.value.created ? 201 : 200);
    },
  );

  app.get(
    '/api/applications/:id',
    {
      preValidation: allow('application.read'),
      schema: {
        tags: ['applications'],
        params: idParams,
        response: { 200: applicationDetail, 404: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const found = await ctx.queries.applications.get(actorOf(request).orgId, request.params.id);
      return found ?? sendError(reply, { code: 'application.not_found', message: 'No such application.' });
    },
  );

  app.get(
    '/api/applications/:id/timeline',
    {
      preValidation: allow('application.read'),
      schema: {
        tags: ['applications'],
        summary: 'Every change to the application: who, when, what and why',
        params: idParams,
        response: { 200: z.object({ items: z.array(timelineEvent) }), 404: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const items = await ctx.queries.applications.timeline(actorOf(request).orgId, request.params.id);
      return items
        ? { items }
        : sendError(reply, { code: 'application.not_found', message: 'No such application.' });
    },
  );

  app.post(
    '/api/applications/:id/decisions',
    {
      preValidation: allow('application.decide'),
      schema: {
        tags: ['applications'],
        summary: 'Decides the current round: advance or reject, with a rationale',
        params: idParams,
        body: decideBody,
        response: { 200: applicationDetail, ...refusals },
      },
    },
    async (request, reply) =>
      answer(
        reply,
        await decideApplicationRound(ctx.deps, {
          actor: actorOf(request),
          applicationId: request.params.id,
          ...request.body,
        }),
      ),
  );

  app.post(
    '/api/applications/bulk-decisions',
    {
      preValidation: allow('application.decide'),
      schema: {
        tags: ['applications'],
        summary: 'Advances or rejects many applications at once; each item reports its own outcome',
        body: bulkDecideBody,
        response: { 200: bulkDecideResponse, 400: errorBody, ...denied },
      },
    },
    async (request) => {
      const results = await decideRoundsInBulk(ctx.deps, { actor: actorOf(request), ...request.body });
      const succeeded = results.filter((r) => r.ok).length;
      return { succeeded, failed: results.length - succeeded, results };
    },
  );

  app.post(
    '/api/decisions/:id/undo',
    {
      preValidation: allow('application.decide'),
      schema: {
        tags: ['applications'],
        summary:
          'Undoes my round decision while its messages still wait (the undo window): the application returns to where it was and nothing is sent',
        params: idParams,
        response: { 200: applicationDetail, ...refusals },
      },
    },
    async (request, reply) =>
      answer(reply, await undoDecision(ctx.deps, { actor: actorOf(request), decisionId: request.params.id })),
  );

  app.post(
    '/api/decisions/undo',
    {
      preValidation: allow('application.decide'),
      schema: {
        tags: ['applications'],
        summary: 'Undoes many of my decisions at once (a bulk decision); each reports its own outcome',
        body: bulkUndoBody,
        response: { 200: bulkUndoResponse, 400: errorBody, ...denied },
      },
    },
    async (request) => {
      const outcomes = await undoDecisions(ctx.deps, { actor: actorOf(request), ...request.body });
      const results = outcomes.map(({ application, ...outcome }) => ({
        ...outcome,
        applicationId: application?.id,
        status: application?.status,
      }));
      const undone = results.filter((r) => r.ok).length;
      return { undone, failed: results.length - undone, results };
    },
  );

  app.post(
    '/api/applications/:id/rounds',
    {
      preValidation: allow('application.add_round'),
      schema: {
        tags: ['applications'],
        summary: "Adds an extra round to this application's plan, with a reason",
        params: idParams,
        body: addRoundBody,
        response: { 200: applicationDetail, ...refusals },
      },
    },
    async (request, reply) =>
      answer(
        reply,
        await addExtraRound(ctx.deps, {
          actor: actorOf(request),
          applicationId: request.params.id,
          ...request.body,
        }),
      ),
  );

  app.post(
    '/api/applications/:id/hire',
    {
      preValidation: allow('application.hire'),
      schema: {
        tags: ['applications'],
        summary: 'Marks an application that passed every round as hired; fills one seat of the job',
        params: idParams,
        response: { 200: applicationDetail, ...refusals },
      },
    },
    async (request, reply) =>
      answer(
        reply,
        await hireApplication(ctx.deps, { actor: actorOf(request), applicationId: request.params.id }),
      ),
  );
}
