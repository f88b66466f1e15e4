import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { errorBody, idParams, page } from '../../contracts/common.js';
import type { DomainError } from '../../contracts/errors.js';
import { vestingScheduleSchema } from '../../contracts/offer-terms.js';
import {
  approvalBody,
  competingBody,
  createOfferBody,
  offerListQuery,
  offerSchema,
  offerSummarySchema,
  rescindBody,
  reviseOfferBody,
  sendBody,
  vestingScheduleItem,
} from '../../contracts/offers.js';
import { createOffer } from '../../core/offers/create-offer.js';
import { decideOfferApproval } from '../../core/offers/decide-offer-approval.js';
import { rescindOffer } from '../../core/offers/rescind-offer.js';
import { reviseOffer } from '../../core/offers/revise-offer.js';
import { sendOffer } from '../../core/offers/send-offer.js';
import { shareCompetingOffer } from '../../core/offers/share-competing-offer.js';
import { submitOffer } from '../../core/offers/submit-offer.js';
import { addVestingSchedule } from '../../core/organisation/add-vesting-schedule.js';
import type { Result } from '../../core/shared/result.js';
import type { Offer } from '../../core/shared/types.js';
import { actorOf, allow } from '../auth.js';
import { type App, type AppContext, respond } from '../context.js';
import { sendError } from '../errors.js';
import { offerDocumentRoutes } from './offers.documents.js';
import { presentOfferSummary, presentStaffOffer } from './offers.present.js';

const denied = { 401: errorBody, 403: errorBody };
const refusals = { 400: errorBody, 404: errorBody, 409: errorBody, 422: errorBody, ...denied };
const notFound = { code: 'offer.not_found', message: 'No such offer.' } as const;

export function offerRoutes(app: App, ctx: AppContext) {
  const offers = ctx.queries.offers;
  const staffOffer = async (orgId: string, id: string) => {
    const offer = await offers.staffOffer(orgId, id);
    return offer && presentStaffOffer(offer, ctx.clock.now());
  };

  async function answer(reply: FastifyReply, result: Result<Offer, DomainError>, status = 200) {
    if (!result.ok) return sendError(reply, result.error);
    return reply.code(status).send((await staffOffer(result.value.orgId, result.value.id))!);
  }

  // ---- staff
  app.get(
    '/api/vesting-schedules',
    {
      preValidation: allow('offer.read'),
      schema: {
        tags: ['offers'],
        summary: 'Vesting schedules: the shipped ones and the organisation’s own',
        response: {
          200: z.object({ items: z.array(vestingScheduleItem) }),
          ...denied,
        },
      },
    },
    async (request) => {
      const own = await offers.vestingSchedules(actorOf(request).orgId);
      return {
        items: [
          ...[...ctx.catalog.vestingSchedules.values()].map((s) => ({ ...s, shipped: true })),
          ...own.map((s) => ({ ...s, shipped: false })),
        ],
      };
    },
  );
  app.post(
    '/api/vesting-schedules',
    {
      preValidation: allow('org.manage'),
      schema: {
        tags: ['offers'],
        summary: 'Adds an organisation’s own vesting schedule',
        body: vestingScheduleSchema,
        response: { 201: vestingScheduleSchema, 400: errorBody, 409: errorBody, ...denied },
      },
    },
    async (request, reply) =>
      respond(
        reply,
        await addVestingSchedule(ctx.deps, { actor: actorOf(request), schedule: request.body }),
        (s) => s,
        201,
      ),
  );

  app.get(
    '/api/offers',
    {
      preValidation: allow('offer.read'),
      schema: {
        tags: ['offers'],
        summary: 'Offers, oldest first, by status',
        querystring: offerListQuery,
        response: { 200: page(offerSummarySchema), 400: errorBody, ...denied },
      },
    },
    async (request) => {
      const page = await offers.listOffers(actorOf(request).orgId, request.query);
      return { ...page, items: page.items.map((o) => presentOfferSummary(o, ctx.clock.now())) };
    },
  );
  app.get(
    '/api/applications/:id/offers',
    {
      preValidation: allow('offer.read'),
      schema: {
        tags: ['offers'],
        summary: 'Every offer made on an application',
        params: idParams,
        response: { 200: page(offerSummarySchema), ...denied },
      },
    },
    async (request) => {
      const page = await offers.listOffers(actorOf(request).orgId, {
        applicationId: request.params.id,
        limit: 200,
      });
      return { ...page, items: page.items.map((o) => presentOfferSummary(o, ctx.clock.now())) };
    },
  );
  app.post(
    '/api/applications/:id/offers',
    {
      preValidation: allow('offer.manage'),
      schema: {
        tags: ['offers'],
        summary: 'Drafts an offer for an application that passed its HR interview',
        params: idParams,
        body: createOfferBody,
        response: { 201: offerSchema, ...refusals },
      },
    },
    async (request, reply) =>
      answer(
        reply,
        await createOffer(ctx.deps, {
          actor: actorOf(request),
          applicationId: request.params.id,
          terms: request.body.terms,
        }),
        201,
      ),
  );
  app.get(
    '/api/offers/:id',
    {
      preValidation: allow('offer.read'),
      schema: {
        tags: ['offers'],
        params: idParams,
        response: { 200: offerSchema, 404: errorBody, ...denied },
      },
    },
    async (request, reply) =>
      (await staffOffer(actorOf(request).orgId, request.params.id)) ?? sendError(reply, notFound),
  );
  app.post(
    '/api/offers/:id/revisions',
    {
      preValidation: allow('offer.manage'),
      schema: {
        tags: ['offers'],
        summary: 'Counters with new terms for one or more components; every revision is kept',
        params: idParams,
        body: reviseOfferBody,
        response: { 200: offerSchema, ...refusals },
      },
    },
    async (request, reply) =>
      answer(
        reply,
        await reviseOffer(ctx.deps, { actor: actorOf(request), offerId: request.params.id, ...request.body }),
      ),
  );
  app.post(
    '/api/offers/:id/submit',
    {
      preValidation: allow('offer.manage'),
      schema: {
        tags: ['offers'],
        summary: 'Approves an offer inside its band, or asks the approver chain',
        params: idParams,
        response: { 200: offerSchema, ...refusals },
      },
    },
    async (request, reply) =>
      answer(reply, await submitOffer(ctx.deps, { actor: actorOf(request), offerId: request.params.id })),
  );
  app.post(
    '/api/offers/:id/approvals',
    {
      preValidation: allow('offer.approve'),
      schema: {
        tags: ['offers'],
        summary: 'The next approver of the chain approves or rejects',
        params: idParams,
        body: approvalBody,
        response: { 200: offerSchema, ...refusals },
      },
    },
    async (request, reply) =>
      answer(
        reply,
        await decideOfferApproval(ctx.deps, {
          actor: actorOf(request),
          offerId: request.params.id,
          ...request.body,
        }),
      ),
  );
  app.post(
    '/api/offers/:id/send',
    {
      preValidation: allow('offer.manage'),
      schema: {
        tags: ['offers'],
        summary: 'Sends an approved offer to the candidate, for signature when asked',
        params: idParams,
        body: sendBody,
        response: { 200: offerSchema, ...refusals },
      },
    },
    async (request, reply) =>
      answer(
        reply,
        await sendOffer(ctx.deps, {
          actor: actorOf(request),
          offerId: request.params.id,
          requireSignature: request.body?.requireSignature,
        }),
      ),
  );
  app.post(
    '/api/offers/:id/rescind',
    {
      preValidation: allow('offer.manage'),
      schema: {
        tags: ['offers'],
        summary: 'Withdraws an unanswered offer',
        params: idParams,
        body: rescindBody,
        response: { 200: offerSchema, ...refusals },
      },
    },
    async (request, reply) =>
      answer(
        reply,
        await rescindOffer(ctx.deps, {
          actor: actorOf(request),
          offerId: request.params.id,
          reason: request.body.reason,
        }),
      ),
  );
  app.post(
    '/api/applications/:id/competing-offers',
    {
      preValidation: allow('offer.manage'),
      schema: {
        tags: ['offers'],
        summary: 'Records a competing offer the candidate shared',
        params: idParams,
        body: competingBody,
        response: { 201: z.object({ id: z.string() }), ...refusals },
      },
    },
    async (request, reply) => {
      const result = await shareCompetingOffer(ctx.deps, {
        actor: actorOf(request),
        applicationId: request.params.id,
        terms: request.body.terms,
      });
      return result.ok ? reply.code(201).send({ id: result.value.id }) : sendError(reply, result.error);
    },
  );
  offerDocumentRoutes(app, ctx, '/api/offers', allow('offer.read'));
}
