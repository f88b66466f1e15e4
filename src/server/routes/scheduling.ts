import type { FastifyReply } from 'fastify';
import { errorBody, idParams } from '../../contracts/api.js';
import type { DomainError } from '../../contracts/errors.js';
import {
  bookBody,
  bookedInterviewSchema,
  calendarImportBody,
  calendarImportResponse,
  cancelBody,
  freeQuery,
  freeResponse,
  interviewerListQuery,
  interviewerListResponse,
  linkCancelBody,
  linkRescheduleBody,
  overrideBody,
  overrideParams,
  planBody,
  planResponse,
  profileBody,
  profileResponse,
  rescheduleBody,
  schedulingLinkBody,
  schedulingLinkResponse,
  slotsQuery,
  slotsResponse,
  tokenParams,
} from '../../contracts/scheduling.js';
import { commonFreeTime } from '../../core/availability/availability.rules.js';
import { localTime } from '../../core/feedback/business-days.rules.js';
import { cancelInterview, rescheduleInterview } from '../../core/scheduling/change-interview.js';
import { scheduleInterview } from '../../core/scheduling/schedule-interview.js';
import { createSchedulingLink, MIN_NOTICE_MS } from '../../core/scheduling/self-scheduling.js';
import { videoLink } from '../../core/scheduling/video.js';
import { isAllowed } from '../../core/shared/permissions.js';
import type { Result } from '../../core/shared/result.js';
import type { Actor, BookedInterview, Interview } from '../../core/shared/types.js';
import { schedulingQueries } from '../../db/scheduling/scheduling.queries.js';
import { toBookedInterview } from '../../db/scheduling/scheduling.repository.js';
import { actorOf, allow, hashToken, newToken } from '../auth.js';
import { busyFromIcs, CalendarError, calendarWindow, fetchCalendar } from '../calendar-import.js';
import type { App, AppContext } from '../context.js';
import { sendError } from '../errors.js';
import { plannerThread } from '../planner-thread.js';
import { selfScheduling } from '../self-scheduling.js';

const denied = { 401: errorBody, 403: errorBody };
const refusals = { 400: errorBody, 404: errorBody, 409: errorBody, 422: errorBody, ...denied };
const publicRefusals = { 400: errorBody, 404: errorBody, 409: errorBody, 410: errorBody, 422: errorBody };

export function schedulingRoutes(app: App, ctx: AppContext) {
  const planner = plannerThread();
  app.addHook('onClose', () => planner.close());
  const scheduling = schedulingQueries(ctx.db, ctx.clock);
  const present = (i: BookedInterview, roundName: string) => ({
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
    videoUrl: videoLink(i, ctx.config.VIDEO_ROOM_BASE_URL),
  });

  /** A booking use case's answer: the interview as it now is, or the refusal. */
  const answerBooked = async (reply: FastifyReply, result: Result<Interview, DomainError>) => {
    if (!result.ok) return sendError(reply, result.error);
    const row = await ctx.db
      .selectFrom('interviews')
      .innerJoin('applications', 'applications.id', 'interviews.application_id')
      .selectAll('interviews')
      .select(['applications.candidate_id', 'applications.plan'])
      .where('interviews.id', '=', result.value.id)
      .executeTakeFirstOrThrow();
    return reply.send(
      present(toBookedInterview(row), row.plan.find((r) => r.key === row.round_key)?.name ?? row.round_key),
    );
  };

  /** A calendar feed's address can be a secret: only its owner sees it; others see its host. */
  const shown = async (actor: Actor, userId: string) => {
    const profile = (await scheduling.profile(actor.orgId, userId))!;
    return actor.kind === 'staff' && actor.userId === userId ? profile : { ...profile, calendarUrl: null };
  };

  /** Interviewers manage their own availability; coordinators, recruiters and admins anyone's. */
  async function mayManage(reply: FastifyReply, actor: Actor, userId: string) {
    if (actor.kind !== 'staff') return false;
    if (actor.userId !== userId && !isAllowed(actor, 'availability.manage')) {
      await sendError(reply, {
        code: 'permission.denied',
        message: 'You may change only your own availability.',
      });
      return false;
    }
    if (!(await scheduling.profile(actor.orgId, userId))) {
      await sendError(reply, { code: 'not_found', message: 'No such staff member.' });
      return false;
    }
    return true;
  }

  app.get(
    '/api/interviewers',
    {
      preHandler: allow('availability.manage'),
      schema: {
        tags: ['scheduling'],
        summary:
          'Staff who interview, by name, with their zone, training and languages (filter by round type or language)',
        querystring: interviewerListQuery,
        response: { 200: interviewerListResponse, 400: errorBody, ...denied },
      },
    },
    async (request) => scheduling.interviewers(actorOf(request).orgId, request.query),
  );

  app.get(
    '/api/interviewers/:id/availability',
    {
      preHandler: allow('interview.read'),
      schema: {
        tags: ['scheduling'],
        summary:
          "An interviewer's working hours, weekly cap, training, languages, calendar feed and date overrides",
        params: idParams,
        response: { 200: profileResponse, 404: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!(await scheduling.profile(actor.orgId, request.params.id)))
        return sendError(reply, { code: 'not_found', message: 'No such staff member.' });
      return shown(actor, request.params.id);
    },
  );

  app.put(
    '/api/interviewers/:id/availability',
    {
      preHandler: allow('interview.read'),
      schema: {
        tags: ['scheduling'],
        summary: 'Saves availability; send the version you loaded (0 the first time)',
        params: idParams,
        body: profileBody,
        response: { 200: profileResponse, ...refusals },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!(await mayManage(reply, actor, request.params.id))) return;
      const { expectedVersion, ...input } = request.body;
      const saved = await scheduling.saveProfile(actor, request.params.id, input, expectedVersion);
      if (saved === null) {
        return sendError(reply, {
          code: 'conflict.stale_version',
          message: 'Someone changed this availability since you loaded it; reload and try again.',
          details: { field: 'expectedVersion' },
        });
      }
      return shown(actor, request.params.id);
    },
  );

  app.put(
    '/api/interviewers/:id/overrides/:day',
    {
      preHandler: allow('interview.read'),
      schema: {
        tags: ['scheduling'],
        summary: "Sets one local date's hours (leave, a holiday, a late day); [] means not available",
        params: overrideParams,
        body: overrideBody,
        response: { 200: profileResponse, ...refusals },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!(await mayManage(reply, actor, request.params.id))) return;
      await scheduling.putOverride(
        actor,
        request.params.id,
        request.params.day,
        request.body.hours,
        request.body.reason,
      );
      return shown(actor, request.params.id);
    },
  );

  app.delete(
    '/api/interviewers/:id/overrides/:day',
    {
      preHandler: allow('interview.read'),
      schema: {
        tags: ['scheduling'],
        params: overrideParams,
        response: { 200: profileResponse, ...refusals },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!(await mayManage(reply, actor, request.params.id))) return;
      const removed = await scheduling.deleteOverride(actor, request.params.id, request.params.day);
      if (removed === 0) return sendError(reply, { code: 'not_found', message: 'No override on that day.' });
      return shown(actor, request.params.id);
    },
  );

  async function importCalendar(
    reply: FastifyReply,
    actor: Actor,
    userId: string,
    text: () => Promise<string>,
  ) {
    const profile = await scheduling.profile(actor.orgId, userId);
    const window = calendarWindow(ctx.clock.now());
    try {
      const blocks = busyFromIcs(await text(), profile!.timezone, window);
      const imported = await scheduling.replaceCalendarBusy(actor, userId, blocks, ctx.ids.next);
      return { imported, from: new Date(window.start).toISOString(), to: new Date(window.end).toISOString() };
    } catch (error) {
      if (error instanceof CalendarError)
        return sendError(reply, { code: error.code, message: error.message });
      throw error;
    }
  }

  app.post(
    '/api/interviewers/:id/calendar',
    {
      preHandler: allow('interview.read'),
      bodyLimit: 3 * 1024 * 1024,
      schema: {
        tags: ['scheduling'],
        summary:
          'Imports busy times from an iCalendar file, replacing the previous import (the next 90 days)',
        params: idParams,
        body: calendarImportBody,
        response: { 200: calendarImportResponse, ...refusals },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!(await mayManage(reply, actor, request.params.id))) return;
      return importCalendar(reply, actor, request.params.id, async () => request.body.ics);
    },
  );

  app.post(
    '/api/interviewers/:id/calendar/sync',
    {
      preHandler: allow('interview.read'),
      schema: {
        tags: ['scheduling'],
        summary: "Fetches the interviewer's calendar feed URL now and imports its busy times",
        params: idParams,
        response: { 200: calendarImportResponse, ...refusals },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!(await mayManage(reply, actor, request.params.id))) return;
      const profile = await scheduling.profile(actor.orgId, request.params.id);
      if (!profile?.calendarUrl) {
        return sendError(reply, {
          code: 'validation.failed',
          message: 'No calendar feed URL is set for this interviewer.',
          details: { field: 'calendarUrl' },
        });
      }
      const url = profile.calendarUrl;
      return importCalendar(reply, actor, request.params.id, () =>
        fetchCalendar(url, ctx.config.ALLOW_PRIVATE_NETWORK_URLS),
      );
    },
  );

  app.get(
    '/api/interviewers/:id/free',
    {
      preHandler: allow('interview.read'),
      schema: {
        tags: ['scheduling'],
        summary:
          "An interviewer's free time between two instants (working hours minus busy time, full weeks left out)",
        params: idParams,
        querystring: freeQuery,
        response: { 200: freeResponse, 404: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const window = { start: Date.parse(request.query.from), end: Date.parse(request.query.to) };
      const [person] = await scheduling.attendees(actorOf(request).orgId, [request.params.id], window);
      if (!person) return sendError(reply, { code: 'not_found', message: 'No such staff member.' });
      return {
        timezone: person.timezone,
        items: commonFreeTime([person], window).map((i) => ({
          startsAt: new Date(i.start).toISOString(),
          endsAt: new Date(i.end).toISOString(),
          startsAtLocal: localTime(new Date(i.start), person.timezone),
          endsAtLocal: localTime(new Date(i.end), person.timezone),
        })),
      };
    },
  );

  app.post(
    '/api/applications/:id/scheduling-links',
    {
      preHandler: allow('interview.schedule'),
      schema: {
        tags: ['scheduling'],
        summary: 'Emails the candidate a link to pick a time for the current round with this panel',
        params: idParams,
        body: schedulingLinkBody,
        response: { 201: schedulingLinkResponse, ...refusals },
      },
    },
    async (request, reply) => {
      const token = newToken();
      const url = `${ctx.config.PUBLIC_URL}/schedule/${token}`;
      const body = request.body;
      const result = await createSchedulingLink(ctx.deps, {
        actor: actorOf(request),
        applicationId: request.params.id,
        ...body,
        windowStart: body.windowStart ? new Date(body.windowStart) : undefined,
        windowEnd: body.windowEnd ? new Date(body.windowEnd) : undefined,
        tokenHash: hashToken(token),
        url,
      });
      if (!result.ok) return sendError(reply, result.error);
      return reply.code(201).send({
        id: result.value.id,
        url,
        windowStart: result.value.windowStart.toISOString(),
        windowEnd: result.value.windowEnd.toISOString(),
        expiresAt: result.value.expiresAt.toISOString(),
      });
    },
  );

  app.post(
    '/api/interviews/:id/reschedule',
    {
      preHandler: allow('interview.schedule'),
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
        actor: actorOf(request),
        interviewId: request.params.id,
        startsAt: new Date(request.body.startsAt),
        reason: request.body.reason,
        expectedVersion: request.body.expectedVersion,
      });
      return answerBooked(reply, result);
    },
  );

  app.post(
    '/api/interviews/:id/cancel',
    {
      preHandler: allow('interview.schedule'),
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
        actor: actorOf(request),
        interviewId: request.params.id,
        reason: request.body.reason,
        expectedVersion: request.body.expectedVersion,
      });
      return answerBooked(reply, result);
    },
  );

  app.post(
    '/api/scheduling/plans',
    {
      preHandler: allow('interview.schedule'),
      schema: {
        tags: ['scheduling'],
        summary:
          'Plans interviews for many applications at once (HiGHS on a MIP, or a heuristic for large inputs); with commit, books the current rounds',
        body: planBody,
        response: { 200: planResponse, ...refusals },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const body = request.body;
      const now = ctx.clock.now().getTime();
      const window = {
        start: Math.max(Date.parse(body.from), now + MIN_NOTICE_MS),
        end: Date.parse(body.to),
      };
      const applicationIds = body.applicationIds
        ? [...new Set(body.applicationIds)]
        : await scheduling.toSchedule(actor.orgId, { teamId: body.teamId, jobId: body.jobId }, 500);
      const data = await scheduling.planInput(actor.orgId, {
        applicationIds,
        window: { start: Math.min(window.start, window.end), end: window.end },
        roundsAhead: body.roundsAhead,
        panelSize: body.panelSize,
        earliest: now + MIN_NOTICE_MS,
      });
      const plan = await planner.plan(
        { ...data.input, minGapMinutes: body.minGapMinutes },
        { method: body.method, timeLimitSeconds: body.timeLimitSeconds },
      );
      const zones = new Map(data.input.candidates.map((c) => [c.id, c.timezone]));
      const items = [];
      for (const a of plan.assignments) {
        let interviewId: string | null = null;
        let notBooked: { code: string; message: string } | null = null;
        if (body.commit) {
          if (data.currentRound.get(a.candidateId) !== a.roundKey) {
            notBooked = {
              code: 'round.not_current',
              message: 'Booked once the round before it is decided (R-ROUND-1).',
            };
          } else {
            const round = data.rounds.get(a.candidateId)!.find((r) => r.key === a.roundKey)!;
            const booked = await scheduleInterview(ctx.deps, {
              actor,
              applicationId: a.candidateId,
              roundKey: a.roundKey,
              startsAt: new Date(a.start),
              durationMinutes: round.durationMinutes,
              interviewerIds: a.interviewerIds,
              language: data.input.candidates.find((c) => c.id === a.candidateId)!.language,
            });
            if (booked.ok) interviewId = booked.value.id;
            else notBooked = { code: booked.error.code, message: booked.error.message };
          }
        }
        items.push({
          applicationId: a.candidateId,
          roundKey: a.roundKey,
          startsAt: new Date(a.start).toISOString(),
          endsAt: new Date(a.end).toISOString(),
          candidateStartsAtLocal: localTime(new Date(a.start), zones.get(a.candidateId) ?? 'UTC'),
          interviewers: a.interviewerIds.map((id) => {
            const who = data.names.get(id)!;
            return {
              id,
              name: who.name,
              timezone: who.timezone,
              startsAtLocal: localTime(new Date(a.start), who.timezone),
            };
          }),
          interviewId,
          notBooked,
        });
      }
      return {
        solver: plan.solver,
        optimal: plan.optimal,
        gap: plan.gap,
        objective: plan.objective,
        milliseconds: plan.milliseconds,
        roundsRequested: plan.roundsRequested,
        roundsPlanned: plan.assignments.length,
        items,
        skipped: data.skipped,
      };
    },
  );

  // The candidate's side: the token in the link is the only credential.
  const perIp = app.rateLimit({ max: ctx.config.SCHEDULING_REQUESTS_PER_MINUTE_PER_IP, timeWindow: 60_000 });
  const candidateSide = selfScheduling(ctx);
  const notFound = { code: 'not_found' as const, message: 'This scheduling link does not exist.' };

  app.get(
    '/api/scheduling/:token',
    {
      preHandler: perIp,
      schema: {
        tags: ['self-scheduling'],
        summary: "The candidate's page: open slots in their time zone, with each interviewer's local time",
        security: [],
        params: tokenParams,
        querystring: slotsQuery,
        response: { 200: slotsResponse, ...publicRefusals },
      },
    },
    async (request, reply) =>
      (await candidateSide.view(request.params.token, request.query.timezone)) ?? sendError(reply, notFound),
  );

  app.post(
    '/api/scheduling/:token/book',
    {
      preHandler: perIp,
      schema: {
        tags: ['self-scheduling'],
        summary: 'Books one of the offered slots, confirming the interview language (R-ROUND-6)',
        security: [],
        params: tokenParams,
        body: bookBody,
        response: { 200: bookedInterviewSchema, ...publicRefusals },
      },
    },
    async (request, reply) =>
      answerBooked(reply, await candidateSide.book(request.params.token, request.body)),
  );

  app.post(
    '/api/scheduling/:token/reschedule',
    {
      preHandler: perIp,
      schema: {
        tags: ['self-scheduling'],
        summary: 'Moves the interview booked through this link to another offered slot, with a reason',
        security: [],
        params: tokenParams,
        body: linkRescheduleBody,
        response: { 200: bookedInterviewSchema, ...publicRefusals },
      },
    },
    async (request, reply) =>
      answerBooked(reply, await candidateSide.reschedule(request.params.token, request.body)),
  );

  app.post(
    '/api/scheduling/:token/cancel',
    {
      preHandler: perIp,
      schema: {
        tags: ['self-scheduling'],
        summary: 'Cancels the interview booked through this link, with a reason',
        security: [],
        params: tokenParams,
        body: linkCancelBody,
        response: { 200: bookedInterviewSchema, ...publicRefusals },
      },
    },
    async (request, reply) =>
      answerBooked(reply, await candidateSide.cancel(request.params.token, request.body.reason)),
  );
}
