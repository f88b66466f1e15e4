import { z } from 'zod';
import { errorBody, idParams } from '../../contracts/common.js';
import {
  candidateOfferSchema,
  competingBody,
  counterBody,
  offerCounterSchema,
  respondBody,
  signBody,
} from '../../contracts/offers.js';
import { counterOffer } from '../../core/offers/counter-offer.js';
import { respondToOffer } from '../../core/offers/respond-to-offer.js';
import { shareCompetingOffer } from '../../core/offers/share-competing-offer.js';
import { candidateOf, candidateOnly } from '../auth.js';
import { type App, type AppContext, respond } from '../context.js';
import { sendError } from '../errors.js';
import { offerDocumentRoutes, offerLetters } from './offers.documents.js';
import { presentCandidateOffer, presentCounter } from './offers.present.js';

const denied = { 401: errorBody, 403: errorBody };
const refusals = { 400: errorBody, 404: errorBody, 409: errorBody, 422: errorBody, ...denied };
const notFound = { code: 'offer.not_found', message: 'No such offer.' } as const;

/** The candidate's side of offers: read, accept or decline, sign, counter, share a competing offer. */
export function candidateOfferRoutes(app: App, ctx: AppContext) {
  const offers = ctx.queries.offers;
  const { letter } = offerLetters(ctx);
  const candidateOffer = async (orgId: string, candidateId: string, id: string) => {
    const offer = await offers.candidateOffer(orgId, candidateId, id);
    return offer && presentCandidateOffer(offer, ctx.clock.now());
  };
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
    '/api/me/offers/:id/sign',
    {
      preValidation: candidateOnly,
      schema: {
        tags: ['candidate portal'],
        summary: 'Signs the offer letter and so accepts the offer: the application is hired',
        description:
          'The signature is the candidate’s full name typed over the letter. Kept with it: when, from which ' +
          'address and browser, and the SHA-256 of the letter as shown (GET …/letter), so the signed letter ' +
          '(…/signed-letter.pdf) can be checked against it.',
        params: idParams,
        body: signBody,
        response: { 200: candidateOfferSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const actor = candidateOf(request);
      const shown = await letter(actor, request.params.id);
      if (!shown) return sendError(reply, notFound);
      const result = await respondToOffer(ctx.deps, {
        actor,
        offerId: request.params.id,
        response: 'accept',
        signature: {
          typedName: request.body.typedName,
          letterSha256: shown.sha256,
          address: request.ip,
          userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
        },
      });
      if (!result.ok) return sendError(reply, result.error);
      return (await candidateOffer(actor.orgId, actor.candidateId, request.params.id))!;
    },
  );
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
  offerDocumentRoutes(app, ctx, '/api/me/offers', candidateOnly);
}
