import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { errorBody, idParams, page } from '../../contracts/common.js';
import type { DomainError } from '../../contracts/errors.js';
import { type OfferTerms, vestingScheduleSchema } from '../../contracts/offer-terms.js';
import {
  approvalBody,
  candidateOfferSchema,
  compensationResponse,
  competingBody,
  counterBody,
  createOfferBody,
  offerCounterSchema,
  offerListQuery,
  offerSchema,
  offerSummarySchema,
  rescindBody,
  respondBody,
  reviseOfferBody,
  vestingScheduleItem,
} from '../../contracts/offers.js';
import { compensationByYear } from '../../core/offers/compensation.rules.js';
import { counterOffer } from '../../core/offers/counter-offer.js';
import { createOffer } from '../../core/offers/create-offer.js';
import { decideOfferApproval } from '../../core/offers/decide-offer-approval.js';
import { rescindOffer } from '../../core/offers/rescind-offer.js';
import { respondToOffer } from '../../core/offers/respond-to-offer.js';
import { reviseOffer } from '../../core/offers/revise-offer.js';
import { sendOffer } from '../../core/offers/send-offer.js';
import { shareCompetingOffer } from '../../core/offers/share-competing-offer.js';
import { submitOffer } from '../../core/offers/submit-offer.js';
import { addVestingSchedule } from '../../core/organisation/add-vesting-schedule.js';
import type { Result } from '../../core/shared/result.js';
import type { Actor, Offer } from '../../core/shared/types.js';
import { actorOf, allow, candidateOf, candidateOnly } from '../auth.js';
import { type App, type AppContext, respond } from '../context.js';
import { sendError } from '../errors.js';
import { compensationChartSvg, offerLetterHtml, offerLetterPdf } from '../offer-documents.js';
import {
  presentCandidateOffer,
  presentCompensation,
  presentCounter,
  presentOfferSummary,
  presentStaffOffer,
} from './offers.present.js';

const denied = { 401: errorBody, 403: errorBody };
const refusals = { 400: errorBody, 404: errorBody, 409: errorBody, 422: errorBody, ...denied };
const notFound = { code: 'offer.not_found', message: 'No such offer.' } as const;

export function offerRoutes(app: App, ctx: AppContext) {
  const offers = ctx.queries.offers;
  const staffOffer = async (orgId: string, id: string) => {
    const offer = await offers.staffOffer(orgId, id);
    return offer && presentStaffOffer(offer, ctx.clock.now());
  };
  const candidateOffer = async (orgId: string, candidateId: string, id: string) => {
    const offer = await offers.candidateOffer(orgId, candidateId, id);
    return offer && presentCandidateOffer(offer, ctx.clock.now());
  };

  async function answer(reply: FastifyReply, result: Result<Offer, DomainError>, status = 200) {
    if (!result.ok) return sendError(reply, result.error);
    return reply.code(status).send((await staffOffer(result.value.orgId, result.value.id))!);
  }

  /** The terms of an offer the caller may see (the candidate only once it was sent), else null. */
  async function visibleTerms(actor: Actor, offerId: string) {
    const offer =
      actor.kind === 'candidate'
        ? await offers.candidateOffer(actor.orgId, actor.candidateId, offerId)
        : await offers.staffOffer(actor.orgId, offerId);
    return offer?.terms ?? null;
  }

  async function letterData(actor: Actor, offerId: string, terms: OfferTerms) {
    const context = await offers.letterContext(actor.orgId, offerId);
    const schedule = await offers.schedule(actor.orgId, terms.vestingScheduleKey);
    return {
      company: context.company,
      candidateName: `${context.first_name} ${context.last_name}`,
      jobTitle: context.jobTitle,
      teamName: context.teamName,
      vestingScheduleName: schedule.name,
      issuedOn: ctx.clock.now(),
      terms,
      view: compensationByYear(terms, schedule),
    };
  }

  function documentRoutes(prefix: '/api/offers' | '/api/me/offers', guard: ReturnType<typeof allow>) {
    const tags = [prefix === '/api/offers' ? 'offers' : 'candidate portal'];
    app.get(
      `${prefix}/:id/compensation`,
      {
        preValidation: guard,
        schema: {
          tags,
          summary: 'Year-by-year pay for the offer beside the competing offers shared',
          params: idParams,
          response: { 200: compensationResponse, 404: errorBody, ...denied },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        if (!(await visibleTerms(actor, request.params.id))) return sendError(reply, notFound);
        return presentCompensation((await offers.compensation(actor.orgId, request.params.id))!);
      },
    );
    app.get(
      `${prefix}/:id/compensation.svg`,
      { preValidation: guard, schema: { tags, summary: 'The same as a chart (SVG)', params: idParams } },
      async (request, reply) => {
        const actor = actorOf(request);
        if (!(await visibleTerms(actor, request.params.id))) return sendError(reply, notFound);
        const view = presentCompensation((await offers.compensation(actor.orgId, request.params.id))!);
        return reply.type('image/svg+xml').send(compensationChartSvg([view.offer, ...view.competing]));
      },
    );
    app.get(
      `${prefix}/:id/letter`,
      { preValidation: guard, schema: { tags, summary: 'The offer letter (HTML)', params: idParams } },
      async (request, reply) => {
        const actor = actorOf(request);
        const terms = await visibleTerms(actor, request.params.id);
        if (!terms) return sendError(reply, notFound);
        return reply
          .type('text/html; charset=utf-8')
          .send(offerLetterHtml(await letterData(actor, request.params.id, terms)));
      },
    );
    app.get(
      `${prefix}/:id/letter.pdf`,
      { preValidation: guard, schema: { tags, summary: 'The offer letter (PDF)', params: idParams } },
      async (request, reply) => {
        const actor = actorOf(request);
        const terms = await visibleTerms(actor, request.params.id);
        if (!terms) return sendError(reply, notFound);
        const pdf = await offerLetterPdf(await letterData(actor, request.params.id, terms));
        return reply
          .type('application/pdf')
          .header('content-disposition', `inline; filename="offer-${request.params.id}.pdf"`)
          .send(Buffer.from(pdf));
      },
    );
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
        summary: 'Sends an approved offer to the candidate',
        params: idParams,
        response: { 200: offerSchema, ...refusals },
      },
    },
    async (request, reply) =>
      answer(reply, await sendOffer(ctx.deps, { actor: actorOf(request), offerId: request.params.id })),
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
  documentRoutes('/api/offers', allow('offer.read'));

  // ---- candidate
  app.get(
    '/api/me/offers',
    {
      preValidation: candidateOnly,
      schema: {
        tags: ['candidate portal'],
        summary: 'Offers I have received',
        response: { 200: z.object({ items: z.array(candidateOfferSchema) }), ...denied },
      },
    },
    async (request) => {
      const actor = candidateOf(request);
      const items = await offers.candidateOffers(actor.orgId, actor.candidateId);
      return { items: items.map((o) => presentCandidateOffer(o, ctx.clock.now())) };
    },
  );
  app.get(
    '/api/me/offers/:id',
    {
      preValidation: candidateOnly,
      schema: {
        tags: ['candidate portal'],
        params: idParams,
        response: { 200: candidateOfferSchema, 404: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const actor = candidateOf(request);
      return (
        (await candidateOffer(actor.orgId, actor.candidateId, request.params.id)) ??
        sendError(reply, notFound)
      );
    },
  );
  for (const response of ['accept', 'decline'] as const) {
    app.post(
      `/api/me/offers/:id/${response}`,
      {
        preValidation: candidateOnly,
        schema: {
          tags: ['candidate portal'],
          summary:
            response === 'accept' ? 'Accepts the offer: the application is hired' : 'Declines the offer',
          params: idParams,
          body: respondBody,
          response: { 200: candidateOfferSchema, ...refusals },
        },
      },
      async (request, reply) => {
        const actor = candidateOf(request);
        const result = await respondToOffer(ctx.deps, {
          actor,
          offerId: request.params.id,
          response,
          reason: request.body.reason,
        });
        if (!result.ok) return sendError(reply, result.error);
        return (await candidateOffer(actor.orgId, actor.candidateId, request.params.id))!;
      },
    );
  }
  app.post(
    '/api/me/offers/:id/counters',
    {
      preValidation: candidateOnly,
      schema: {
        tags: ['candidate portal'],
        summary: 'Counters one component of the offer',
        params: idParams,
        body: counterBody,
        response: { 201: offerCounterSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const result = await counterOffer(ctx.deps, {
        actor: candidateOf(request),
        offerId: request.params.id,
        ...request.body,
      });
      return respond(reply, result, presentCounter, 201);
    },
  );
  app.post(
    '/api/me/applications/:id/competing-offers',
    {
      preValidation: candidateOnly,
      schema: {
        tags: ['candidate portal'],
        summary: 'Shares a competing offer to compare side by side',
        params: idParams,
        body: competingBody,
        response: { 201: z.object({ id: z.string() }), ...refusals },
      },
    },
    async (request, reply) => {
      const result = await shareCompetingOffer(ctx.deps, {
        actor: candidateOf(request),
        applicationId: request.params.id,
        terms: request.body.terms,
      });
      return result.ok ? reply.code(201).send({ id: result.value.id }) : sendError(reply, result.error);
    },
  );
  documentRoutes('/api/me/offers', candidateOnly);
}
