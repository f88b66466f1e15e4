import type { FastifyReply } from 'fastify';
import { errorBody, idParams } from '../../contracts/common.js';
import type { DomainError } from '../../contracts/errors.js';
import {
  bookBody,
  bookedInterviewSchema,
  cancelBody,
  linkCancelBody,
  linkRescheduleBody,
  planBody,
  planResponse,
  rescheduleBody,
  schedulingLinkBody,
  schedulingLinkResponse,
  slotsQuery,
  slotsResponse,
  tokenParams,
} from '../../contracts/scheduling.js';
import { bookFromLink } from '../../core/scheduling/book-from-link.js';
import { cancelFromLink } from '../../core/scheduling/cancel-from-link.js';
import { cancelInterview, rescheduleInterview } from '../../core/scheduling/change-interview.js';
import { createSchedulingLink } from '../../core/scheduling/create-scheduling-link.js';
import { planHiringWeek } from '../../core/scheduling/plan-hiring-week.js';
import { rescheduleFromLink } from '../../core/scheduling/reschedule-from-link.js';
import { videoLink } from '../../core/scheduling/video.js';
import { viewSchedulingLink } from '../../core/scheduling/view-scheduling-link.js';
import type { Result } from '../../core/shared/result.js';
import type { BookedInterview, Interview, SchedulingLink } from '../../core/shared/types.js';
import { schedulingQueries } from '../../db/scheduling/scheduling.queries.js';
import { actorOf, allow } from '../auth.js';
import { type App, type AppContext, respond } from '../context.js';
import { sendError } from '../errors.js';
import { plannerThread } from '../planner-thread.js';
import { perAddress } from '../rate-limits.js';

const denied = { 401: errorBody, 403: errorBody };
const refusals = { 400: errorBody, 404: errorBody, 409: errorBody, 422: errorBody, ...denied };
const publicRefusals = { 400: errorBody, 404: errorBody, 409: errorBody, 410: errorBody, 422: errorBody };

export const presentInterview = (i: BookedInterview, roundName: string, videoRoomBaseUrl: string) => ({
  id: i.id,
  applicationId: i.applicationId,
  roundKey: i.roundKey,
  roundName,
  startsAt: i.startsAt.toISOString(),
  endsAt: i.endsAt.toISOString(),
  language: i.language,
  interviewerIds: i.interviewerIds,
  status: i.status,
  changeReason: i.changeReason,
  sequence: i.sequence,
  version: i.version,
  videoUrl: videoLink(i, videoRoomBaseUrl),
});

const presentLink = (link: SchedulingLink & { url: string }) => ({
  id: link.id,
  url: link.url,
  windowStart: link.windowStart.toISOString(),
  windowEnd: link.windowEnd.toISOString(),
  expiresAt: link.expiresAt.toISOString(),
});

/** Booking, moving and cancelling interviews, scheduling links (both sides) and the planner. */
export function schedulingRoutes(app: App, ctx: AppContext) {
  const planner = plannerThread();
  app.addHook('onClose', () => planner.close());
  const plannerDeps = { ...ctx.deps, planner };
  const interviews = schedulingQueries(ctx.db);
  const videoRoomBaseUrl = ctx.config.VIDEO_ROOM_BASE_URL;

  /** A booking use case's answer: the interview as it now is, or the refusal. */
  const answerBooked = async (reply: FastifyReply, result: Result<Interview, DomainError>) => {
    if (!result.ok) return sendError(reply, result.error);
    const { interview, roundName } = (await interviews.interview(result.value.id))!;
    return reply.send(presentInterview(interview, roundName, videoRoomBaseUrl));
  };

  app.post(
    '/api/applications/:id/scheduling-links',
    {
      preValidation: allow('interview.schedule'),
      schema: {
        tags: ['scheduling'],
        summary: 'Emails the candidate a link to pick a time for the current round with this panel',
        params: idParams,
        body: schedulingLinkBody,
        response: { 201: schedulingLinkResponse, ...refusals },
      },
    },
    async (request, reply) => {
      const { windowStart, windowEnd, ...body } = request.body;
      const result = await createSchedulingLink(ctx.deps, {
        ...body,
        actor: actorOf(request),
        applicationId: request.params.id,
        windowStart: windowStart ? new Date(windowStart) : undefined,
        windowEnd: windowEnd ? new Date(windowEnd) : undefined,
        pageUrl: `${ctx.config.PUBLIC_URL}/schedule`,
      });
      return respond(reply, result, presentLink, 201);
    },
  );

  app.post(
    '/api/interviews/:id/reschedule',
    {
      preValidation: allow('interview.schedule'),
      schema: {
        tags: ['scheduling'],
        summary: 'Moves an interview; everyone gets an updated invite (SEQUENCE + 1) with the reason',
        params: idParams,
        body: rescheduleBody,
        response: { 200: bookedInterviewSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const result = await rescheduleInterview(ctx.deps, {
        ...request.body,
        actor: actorOf(request),
        interviewId: request.params.id,
        startsAt: new Date(request.body.startsAt),
      });
      return answerBooked(reply, result);
    },
  );

  app.post(
    '/api/interviews/:id/cancel',
    {
      preValidation: allow('interview.schedule'),
      schema: {
        tags: ['scheduling'],
        summary:
          'Cancels an interview: holds released, open feedback dropped, a cancellation sent to everyone',
        params: idParams,
        body: cancelBody,
        response: { 200: bookedInterviewSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const result = await cancelInterview(ctx.deps, {
        ...request.body,
        actor: actorOf(request),
        interviewId: request.params.id,
      });
      return answerBooked(reply, result);
    },
  );

  app.post(
    '/api/scheduling/plans',
    {
      preValidation: allow('interview.schedule'),
      schema: {
        tags: ['scheduling'],
        summary:
          'Plans interviews for many applications at once (HiGHS on a MIP, or a heuristic for large inputs); with commit, books the current rounds',
        body: planBody,
        response: { 200: planResponse, ...refusals },
      },
    },
    async (request, reply) => {
      const { from, to, ...body } = request.body;
      const input = { ...body, actor: actorOf(request), from: new Date(from), to: new Date(to) };
      return respond(reply, await planHiringWeek(plannerDeps, input), (plan) => plan);
    },
  );

  // The candidate's side: the token in the link is the only credential.
  const perIp = app.rateLimit({
    max: ctx.config.SCHEDULING_REQUESTS_PER_MINUTE_PER_IP,
    timeWindow: 60_000,
    keyGenerator: perAddress('scheduling-api'),
  });

  app.get(
    '/api/scheduling/:token',
    {
      preValidation: perIp,
      schema: {
        tags: ['self-scheduling'],
        summary: "The candidate's page: open slots in their time zone, with each interviewer's local time",
        security: [],
        params: tokenParams,
        querystring: slotsQuery,
        response: { 200: slotsResponse, ...publicRefusals },
      },
    },
    async (request, reply) => {
      const input = { token: request.params.token, timezone: request.query.timezone, videoRoomBaseUrl };
      return respond(reply, await viewSchedulingLink(ctx.deps, input), (view) => view);
    },
  );

  app.post(
    '/api/scheduling/:token/book',
    {
      preValidation: perIp,
      schema: {
        tags: ['self-scheduling'],
        summary: 'Books one of the offered slots, confirming the interview language',
        security: [],
        params: tokenParams,
        body: bookBody,
        response: { 200: bookedInterviewSchema, ...publicRefusals },
      },
    },
    async (request, reply) => {
      const choice = {
        ...request.body,
        token: request.params.token,
        startsAt: new Date(request.body.startsAt),
      };
      return answerBooked(reply, await bookFromLink(ctx.deps, choice));
    },
  );

  app.post(
    '/api/scheduling/:token/reschedule',
    {
      preValidation: perIp,
      schema: {
        tags: ['self-scheduling'],
        summary: 'Moves the interview booked through this link to another offered slot, with a reason',
        security: [],
        params: tokenParams,
        body: linkRescheduleBody,
        response: { 200: bookedInterviewSchema, ...publicRefusals },
      },
    },
    async (request, reply) => {
      const choice = {
        ...request.body,
        token: request.params.token,
        startsAt: new Date(request.body.startsAt),
      };
      return answerBooked(reply, await rescheduleFromLink(ctx.deps, choice));
    },
  );

  app.post(
    '/api/scheduling/:token/cancel',
    {
      preValidation: perIp,
      schema: {
        tags: ['self-scheduling'],
        summary: 'Cancels the interview booked through this link, with a reason',
        security: [],
        params: tokenParams,
        body: linkCancelBody,
        response: { 200: bookedInterviewSchema, ...publicRefusals },
      },
    },
    async (request, reply) => {
      const input = { token: request.params.token, reason: request.body.reason };
      return answerBooked(reply, await cancelFromLink(ctx.deps, input));
    },
  );
}
