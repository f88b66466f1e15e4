import { createHash } from 'node:crypto';
import { errorBody, idParams } from '../../contracts/common.js';
import { compensationResponse } from '../../contracts/offers.js';
import { compensationByYear } from '../../core/offers/compensation.rules.js';
import type { Actor } from '../../core/shared/types.js';
import { actorOf, type allow } from '../auth.js';
import type { App, AppContext } from '../context.js';
import { sendError } from '../errors.js';
import { compensationChartSvg, offerLetterHtml, offerLetterPdf } from '../offer-documents.js';
import { presentCompensation } from './offers.present.js';

const denied = { 401: errorBody, 403: errorBody };
const notFound = { code: 'offer.not_found', message: 'No such offer.' } as const;

/** The letter of an offer as the caller may see it, and the hash a signature binds to. */
export function offerLetters(ctx: AppContext) {
  const offers = ctx.queries.offers;
  /** The offer the caller may see (the candidate only once it was sent), else null. */
  const visible = (actor: Actor, offerId: string) =>
    actor.kind === 'candidate'
      ? offers.candidateOffer(actor.orgId, actor.candidateId, offerId)
      : offers.staffOffer(actor.orgId, offerId);

  /** A sent letter is dated the day it was sent, so it reads (and hashes) the same every time. */
  async function letter(actor: Actor, offerId: string) {
    const offer = await visible(actor, offerId);
    if (!offer) return null;
    const { terms } = offer;
    const context = await offers.letterContext(actor.orgId, offerId);
    const schedule = await offers.schedule(actor.orgId, terms.vestingScheduleKey);
    const data = {
      company: context.company,
      candidateName: `${context.first_name} ${context.last_name}`,
      jobTitle: context.jobTitle,
      teamName: context.teamName,
      vestingScheduleName: schedule.name,
      issuedOn: offer.sentAt ? new Date(offer.sentAt) : ctx.clock.now(),
      terms,
      view: compensationByYear(terms, schedule),
    };
    const html = offerLetterHtml(data);
    return { offer, data, html, sha256: createHash('sha256').update(html).digest('hex') };
  }
  return { visible, letter };
}

/** The offer's documents: the year-by-year view, its chart, the letter and the signed letter. */
export function offerDocumentRoutes(
  app: App,
  ctx: AppContext,
  prefix: '/api/offers' | '/api/me/offers',
  guard: ReturnType<typeof allow>,
) {
  const offers = ctx.queries.offers;
  const { visible, letter } = offerLetters(ctx);
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
      if (!(await visible(actor, request.params.id))) return sendError(reply, notFound);
      return presentCompensation((await offers.compensation(actor.orgId, request.params.id))!);
    },
  );
  app.get(
    `${prefix}/:id/compensation.svg`,
    { preValidation: guard, schema: { tags, summary: 'The same as a chart (SVG)', params: idParams } },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!(await visible(actor, request.params.id))) return sendError(reply, notFound);
      const view = presentCompensation((await offers.compensation(actor.orgId, request.params.id))!);
      return reply.type('image/svg+xml').send(compensationChartSvg([view.offer, ...view.competing]));
    },
  );
  app.get(
    `${prefix}/:id/letter`,
    {
      preValidation: guard,
      schema: {
        tags,
        summary: 'The offer letter (HTML); once sent, its SHA-256 is what a signature binds to',
        params: idParams,
      },
    },
    async (request, reply) => {
      const found = await letter(actorOf(request), request.params.id);
      if (!found) return sendError(reply, notFound);
      return reply.type('text/html; charset=utf-8').header('x-letter-sha256', found.sha256).send(found.html);
    },
  );
  app.get(
    `${prefix}/:id/letter.pdf`,
    { preValidation: guard, schema: { tags, summary: 'The offer letter (PDF)', params: idParams } },
    async (request, reply) => {
      const found = await letter(actorOf(request), request.params.id);
      if (!found) return sendError(reply, notFound);
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="offer-${request.params.id}.pdf"`)
        .send(Buffer.from(await offerLetterPdf(found.data)));
    },
  );
  app.get(
    `${prefix}/:id/signed-letter.pdf`,
    {
      preValidation: guard,
      schema: {
        tags,
        summary: 'The signed letter (PDF): the letter with the record of its signature',
        params: idParams,
      },
    },
    async (request, reply) => {
      const found = await letter(actorOf(request), request.params.id);
      if (!found) return sendError(reply, notFound);
      const { signature } = found.offer;
      if (!signature)
        return sendError(reply, { code: 'offer.not_signed', message: 'This offer has not been signed.' });
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="signed-offer-${request.params.id}.pdf"`)
        .send(Buffer.from(await offerLetterPdf(found.data, signature)));
    },
  );
}
