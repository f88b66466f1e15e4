import { z } from 'zod';
import { errorBody, idParams } from '../../contracts/common.js';
import {
  consentSchema,
  dryRunSchema,
  holdInput,
  holdListQuery,
  holdPage,
  holdSchema,
  officeParams,
  purgeInput,
  retentionPoliciesSchema,
  retentionPolicyInput,
  retentionPolicySchema,
  runPage,
  runQuery,
} from '../../contracts/retention.js';
import { placeLegalHold } from '../../core/retention/place-legal-hold.js';
import { renewConsent, withdrawConsent } from '../../core/retention/record-consent.js';
import { releaseLegalHold } from '../../core/retention/release-legal-hold.js';
import { runPurge } from '../../core/retention/run-purge.js';
import { saveRetentionPolicy } from '../../core/retention/save-retention-policy.js';
import { retentionQueries } from '../../db/retention/retention.queries.js';
import { allow, candidateOf, candidateOnly, staffOf } from '../auth.js';
import type { App, AppContext } from '../context.js';
import { sendError } from '../errors.js';

const denied = { 401: errorBody, 403: errorBody };
const refused = { 400: errorBody, 404: errorBody, 409: errorBody, 422: errorBody, ...denied };
const tags = ['retention'];

/** Retention (GDPR): office policies, legal holds, dry runs and purges; admins only. */
export function retentionRoutes(app: App, ctx: AppContext) {
  const reads = retentionQueries(ctx.db);
  const { deps } = ctx;
  const videoRoomBaseUrl = ctx.config.VIDEO_ROOM_BASE_URL;
  const guard = allow('retention.manage');

  app.get(
    '/api/retention/policies',
    {
      preValidation: guard,
      schema: {
        tags,
        summary: "Every office with its retention policy (null: the office keeps its candidates' data)",
        response: { 200: retentionPoliciesSchema, ...denied },
      },
    },
    async (request) => ({ items: await reads.policies(staffOf(request).orgId) }),
  );

  app.put(
    '/api/retention/policies/:officeId',
    {
      preValidation: guard,
      schema: {
        tags,
        summary: "Sets an office's retention policy; the version read must still be current",
        params: officeParams,
        body: retentionPolicyInput,
        response: { 200: retentionPolicySchema, ...refused },
      },
    },
    async (request, reply) => {
      const actor = staffOf(request);
      const { officeId } = request.params;
      const result = await saveRetentionPolicy(deps, { actor, officeId, policy: request.body });
      if (!result.ok) return sendError(reply, result.error);
      return (await reads.policy(actor.orgId, officeId))!;
    },
  );

  app.get(
    '/api/retention/holds',
    {
      preValidation: guard,
      schema: {
        tags,
        summary: 'Legal holds, newest first, a page at a time',
        querystring: holdListQuery,
        response: { 200: holdPage, ...refused },
      },
    },
    async (request) => {
      const { limit, cursor, active } = request.query;
      return reads.holds(staffOf(request).orgId, {
        limit,
        cursor,
        active: active === undefined ? undefined : active === 'true',
      });
    },
  );

  app.post(
    '/api/retention/holds',
    {
      preValidation: guard,
      schema: {
        tags,
        summary: "Places a legal hold: no purge erases the candidate's data until it is released",
        body: holdInput,
        response: { 201: holdSchema, ...refused },
      },
    },
    async (request, reply) => {
      const actor = staffOf(request);
      const result = await placeLegalHold(deps, { actor, ...request.body });
      if (!result.ok) return sendError(reply, result.error);
      return reply.code(201).send((await reads.hold(actor.orgId, result.value.id))!);
    },
  );

  app.post(
    '/api/retention/holds/:id/release',
    {
      preValidation: guard,
      schema: {
        tags,
        summary: 'Releases a legal hold; the office policies apply to the candidate again',
        params: idParams,
        response: { 200: holdSchema, ...refused },
      },
    },
    async (request, reply) => {
      const actor = staffOf(request);
      const result = await releaseLegalHold(deps, { actor, holdId: request.params.id });
      if (!result.ok) return sendError(reply, result.error);
      return (await reads.hold(actor.orgId, result.value.id))!;
    },
  );

  app.post(
    '/api/retention/dry-run',
    {
      preValidation: guard,
      schema: {
        tags,
        summary:
          'Lists who a purge would erase now and why, erasing nothing; at most 200 (`more` says when more are due)',
        response: { 200: dryRunSchema, ...refused },
      },
    },
    async (request, reply) => {
      const actor = staffOf(request);
      const result = await runPurge(deps, { orgId: actor.orgId, actor, dry: true, videoRoomBaseUrl });
      if (!result.ok) return sendError(reply, result.error);
      return (await reads.run(actor.orgId, result.value.id))!;
    },
  );

  app.post(
    '/api/retention/purge',
    {
      preValidation: guard,
      schema: {
        tags,
        summary:
          'Erases the candidates due now (with `dryRunId`: only those that dry run listed and still due) and records the run',
        body: purgeInput,
        response: { 200: dryRunSchema, ...refused },
      },
    },
    async (request, reply) => {
      const actor = staffOf(request);
      const result = await runPurge(deps, {
        orgId: actor.orgId,
        actor,
        dry: false,
        dryRunId: request.body.dryRunId,
        videoRoomBaseUrl,
      });
      if (!result.ok) return sendError(reply, result.error);
      return (await reads.run(actor.orgId, result.value.id))!;
    },
  );

  app.get(
    '/api/retention/runs',
    {
      preValidation: guard,
      schema: {
        tags,
        summary: 'Dry runs and purges, by people and by the schedule, newest first',
        querystring: runQuery,
        response: { 200: runPage, ...refused },
      },
    },
    async (request) => reads.runs(staffOf(request).orgId, request.query),
  );

  app.get(
    '/api/retention/runs/:id',
    {
      preValidation: guard,
      schema: {
        tags,
        summary: 'One run with the candidates it listed or erased, and why each was due',
        params: idParams,
        response: { 200: dryRunSchema, ...refused },
      },
    },
    async (request, reply) => {
      const run = await reads.run(staffOf(request).orgId, request.params.id);
      if (!run)
        return sendError(reply, { code: 'not_found', message: 'No such run.', details: { field: 'id' } });
      return run;
    },
  );

  app.get(
    '/api/me/consent',
    {
      preValidation: candidateOnly,
      schema: {
        tags: ['candidate portal'],
        summary: 'My consent to be considered for future jobs',
        response: { 200: consentSchema, ...denied },
      },
    },
    async (request) => {
      const { orgId, candidateId } = candidateOf(request);
      return reads.consent(orgId, candidateId, deps.clock.now());
    },
  );

  app.post(
    '/api/me/consent',
    {
      preValidation: candidateOnly,
      schema: {
        tags: ['candidate portal'],
        summary: 'Gives or renews my consent to be considered for future jobs, from today',
        body: z.object({}).strict().optional(),
        response: { 200: consentSchema, ...refused },
      },
    },
    async (request, reply) => {
      const actor = candidateOf(request);
      const result = await renewConsent(deps, { actor });
      if (!result.ok) return sendError(reply, result.error);
      return reads.consent(actor.orgId, actor.candidateId, deps.clock.now());
    },
  );

  app.delete(
    '/api/me/consent',
    {
      preValidation: candidateOnly,
      schema: {
        tags: ['candidate portal'],
        summary: 'Withdraws my consent to be considered for future jobs, from now',
        response: { 200: consentSchema, ...denied },
      },
    },
    async (request) => {
      const actor = candidateOf(request);
      await withdrawConsent(deps, { actor });
      return reads.consent(actor.orgId, actor.candidateId, deps.clock.now());
    },
  );
}
