import { z } from 'zod';
import { candidateApplyBody, idempotencyHeaders, withdrawBody } from '../../contracts/applications.js';
import { errorBody, idParams } from '../../contracts/common.js';
import {
  candidateInterviewSchema,
  dataExportSchema,
  erasureBody,
  erasureResponse,
  portalApplicationSchema,
} from '../../contracts/portal.js';
import { submitApplication } from '../../core/applications/submit-application.js';
import { withdrawApplication } from '../../core/applications/withdraw-application.js';
import { eraseCandidate } from '../../core/candidates/erase-candidate.js';
import { portalQueries } from '../../db/portal/portal.queries.js';
import { candidateOf, candidateOnly, SESSION_COOKIE } from '../auth.js';
import type { App, AppContext } from '../context.js';
import { sendError } from '../errors.js';
import { presentCandidateInterview, presentDataExport, presentPortalApplication } from './portal.present.js';
import { type PracticeContent, planItemsFor } from './practice.content.js';

const refusals = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };
const denied = { 401: errorBody, 403: errorBody };

/** Typing one's own address confirms an erasure, which cannot be undone. */
const unconfirmedErasure = {
  error: {
    code: 'validation.failed' as const,
    message: 'email: type the address you applied with to confirm',
    details: { issues: [{ field: 'body.email', message: 'type the address you applied with to confirm' }] },
  },
};

/** What a candidate signed in by link can do: only ever with their own applications. */
export function candidatePortalRoutes(app: App, ctx: AppContext, practice: PracticeContent) {
  const portal = portalQueries(ctx.db, ctx.catalog);
  const { deps, catalog } = ctx;
  const videoRoomBaseUrl = ctx.config.VIDEO_ROOM_BASE_URL;
  // Preparation samples come from the practice set (what the practice space serves), never the kit.
  const samplesFor = (roundType: string) => planItemsFor(practice, roundType).map((item) => item.title);
  /** One of the candidate's applications as the portal shows it, after a change to it. */
  const mine = async (orgId: string, candidateId: string, applicationId: string) =>
    presentPortalApplication(
      (await portal.application(orgId, candidateId, applicationId))!,
      catalog,
      samplesFor,
    );

  app.get(
    '/api/me/applications',
    {
      preValidation: candidateOnly,
      schema: {
        tags: ['candidate portal'],
        summary: 'My applications',
        response: { 200: z.object({ items: z.array(portalApplicationSchema) }), ...denied },
      },
    },
    async (request) => {
      const { orgId, candidateId } = candidateOf(request);
      const items = await portal.applications(orgId, candidateId);
      return { items: items.map((a) => presentPortalApplication(a, catalog, samplesFor)) };
    },
  );

  app.get(
    '/api/me/interviews',
    {
      preValidation: candidateOnly,
      schema: {
        tags: ['candidate portal'],
        summary: 'My interviews, soonest first, in my time zone, with the video link of those still on',
        response: { 200: z.object({ items: z.array(candidateInterviewSchema) }), ...denied },
      },
    },
    async (request) => {
      const { orgId, candidateId } = candidateOf(request);
      const items = await portal.interviews(orgId, candidateId);
      return { items: items.map((i) => presentCandidateInterview(i, videoRoomBaseUrl)) };
    },
  );

  app.get(
    '/api/me/export',
    {
      preValidation: candidateOnly,
      schema: {
        tags: ['candidate portal'],
        summary: 'Everything held about me, as a JSON file',
        response: { 200: dataExportSchema, ...denied },
      },
    },
    async (request, reply) => {
      const { orgId, candidateId } = candidateOf(request);
      const data = await portal.dataExport(orgId, candidateId, ctx.clock.now());
      reply.header('content-disposition', 'attachment; filename="my-hireloop-data.json"');
      return presentDataExport(data, { now: ctx.clock.now(), catalog, videoRoomBaseUrl, samplesFor });
    },
  );

  app.post(
    '/api/me/applications',
    {
      preValidation: candidateOnly,
      schema: {
        tags: ['candidate portal'],
        summary: 'Applies to an open job as myself',
        headers: idempotencyHeaders,
        body: candidateApplyBody,
        response: { 201: portalApplicationSchema, 200: portalApplicationSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const actor = candidateOf(request);
      const result = await submitApplication(deps, {
        actor,
        jobId: request.body.jobId,
        idempotencyKey: request.headers['idempotency-key'],
        source: 'candidate_portal',
      });
      if (!result.ok) return sendError(reply, result.error);
      const { application, created } = result.value;
      return reply.code(created ? 201 : 200).send(await mine(actor.orgId, actor.candidateId, application.id));
    },
  );

  app.post(
    '/api/me/applications/:id/withdraw',
    {
      preValidation: candidateOnly,
      schema: {
        tags: ['candidate portal'],
        summary: 'Withdraws my application',
        params: idParams,
        body: withdrawBody,
        response: { 200: portalApplicationSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const actor = candidateOf(request);
      const { id: applicationId } = request.params;
      const result = await withdrawApplication(deps, { actor, applicationId, reason: request.body.reason });
      if (!result.ok) return sendError(reply, result.error);
      return mine(actor.orgId, actor.candidateId, result.value.id);
    },
  );

  app.post(
    '/api/me/erasure',
    {
      preValidation: candidateOnly,
      schema: {
        tags: ['candidate portal'],
        summary: 'Erases my personal data and withdraws my open applications; signs me out',
        body: erasureBody,
        response: { 200: erasureResponse, 400: errorBody, 401: errorBody, 403: errorBody, 409: errorBody },
      },
    },
    async (request, reply) => {
      const actor = candidateOf(request);
      const me = await ctx.accounts.me(actor);
      if (request.body.email.toLowerCase() !== me.email.toLowerCase()) {
        return reply.code(400).send(unconfirmedErasure);
      }
      const result = await eraseCandidate(deps, { actor, videoRoomBaseUrl });
      if (!result.ok) return sendError(reply, result.error);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return result.value;
    },
  );
}
