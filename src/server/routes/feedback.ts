import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { errorBody, idParams } from '../../contracts/common.js';
import type { DomainError } from '../../contracts/errors.js';
import {
  debriefResponse,
  holidayBody,
  holidaySchema,
  insightSchema,
  interviewSchema,
  kitResponse,
  myInterviewSchema,
  roundParams,
  scheduleInterviewBody,
  scorecardAmendBody,
  scorecardDraftBody,
  scorecardListResponse,
  scorecardSchema,
  scorecardSubmitBody,
  voteBody,
  voteResponse,
} from '../../contracts/feedback.js';
import { localTime } from '../../core/availability/availability.rules.js';
import { castCommitteeVote } from '../../core/feedback/cast-committee-vote.js';
import { kitProposal } from '../../core/feedback/feedback.rules.js';
import { getDebrief } from '../../core/feedback/get-debrief.js';
import { getInterviewerInsights } from '../../core/feedback/get-interviewer-insights.js';
import { listScorecards } from '../../core/feedback/list-scorecards.js';
import { amendScorecard, saveScorecardDraft, submitScorecard } from '../../core/feedback/write-scorecard.js';
import { addHoliday } from '../../core/organisation/add-holiday.js';
import { scheduleInterview } from '../../core/scheduling/schedule-interview.js';
import { isAllowed } from '../../core/shared/permissions.js';
import type { Result } from '../../core/shared/result.js';
import type { Actor, Scorecard } from '../../core/shared/types.js';
import { actorOf, allow } from '../auth.js';
import { type App, type AppContext, respond } from '../context.js';
import { sendError } from '../errors.js';

const denied = { 401: errorBody, 403: errorBody };
const refusals = { 400: errorBody, 404: errorBody, 409: errorBody, 422: errorBody, ...denied };
const staffOf = (actor: Actor) => {
  if (actor.kind !== 'staff') throw new Error('staff route without a staff guard');
  return actor;
};

type MyInterviews = Awaited<ReturnType<AppContext['queries']['feedback']['myInterviews']>>;

/** My interviews with their start and feedback deadline in my own time zone. */
function presentMyInterviews({ timezone, items }: MyInterviews) {
  return {
    items: items.map((i) => ({
      ...i,
      startsAtLocal: localTime(new Date(i.startsAt), timezone),
      timezone,
      feedbackDueAtLocal: localTime(new Date(i.feedbackDueAt), timezone),
    })),
  };
}

export function feedbackRoutes(app: App, ctx: AppContext) {
  const feedback = ctx.queries.feedback;

  /** The caller's own scorecard on an interview, in the list shape. */
  async function ownScorecard(actor: Actor, interviewId: string) {
    const staff = staffOf(actor);
    const interview = await feedback.interview(staff.orgId, interviewId);
    if (!interview) return null;
    const list = await feedback.scorecards(staff.orgId, interview.application_id, {
      onlyInterviewerId: staff.userId,
      showPrivate: true,
    });
    return list.items.find((s) => s.interviewId === interviewId) ?? null;
  }

  async function answer(
    reply: FastifyReply,
    actor: Actor,
    interviewId: string,
    result: Result<Scorecard, DomainError>,
  ) {
    if (!result.ok) return sendError(reply, result.error);
    return (await ownScorecard(actor, interviewId))!;
  }

  app.post(
    '/api/applications/:id/interviews',
    {
      preValidation: allow('interview.schedule'),
      schema: {
        tags: ['interviews'],
        summary:
          "Records an interview for the application's current round and opens each interviewer's scorecard",
        params: idParams,
        body: scheduleInterviewBody,
        response: { 201: interviewSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const result = await scheduleInterview(ctx.deps, {
        actor: actorOf(request),
        applicationId: request.params.id,
        ...request.body,
        startsAt: new Date(request.body.startsAt),
      });
      if (!result.ok) return sendError(reply, result.error);
      const list = await feedback.interviewsForApplication(result.value.orgId, result.value.applicationId);
      return reply.code(201).send(list.find((i) => i.id === result.value.id)!);
    },
  );

  app.get(
    '/api/applications/:id/interviews',
    {
      preValidation: allow('application.read'),
      schema: {
        tags: ['interviews'],
        params: idParams,
        response: { 200: z.object({ items: z.array(interviewSchema) }), ...denied },
      },
    },
    async (request) => ({
      items: await feedback.interviewsForApplication(actorOf(request).orgId, request.params.id),
    }),
  );

  app.get(
    '/api/my/interviews',
    {
      preValidation: allow('interview.read'),
      schema: {
        tags: ['interviews'],
        summary: 'My interviews, in my time zone, with my feedback deadlines',
        response: { 200: z.object({ items: z.array(myInterviewSchema) }), ...denied },
      },
    },
    async (request) => {
      const actor = staffOf(actorOf(request));
      return presentMyInterviews(await feedback.myInterviews(actor.orgId, actor.userId));
    },
  );

  app.get(
    '/api/interviews/:id/kit',
    {
      preValidation: allow('interview.read'),
      schema: {
        tags: ['interviews'],
        summary:
          "The interview kit with the candidate's resume: for the interview's interviewers and the hiring team",
        description:
          '`proposal` names the questions proposed to the reader: of the job’s level, none the candidate ' +
          'was asked in another interview of any of their applications, the organisation’s least-asked ' +
          'first, and a different slice for each interviewer of the candidate. Every kit question stays ' +
          'in `kit.questions`; the scorecard’s `content.askedQuestionIds` records which were asked.',
        params: idParams,
        response: { 200: kitResponse, 404: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const actor = staffOf(actorOf(request));
      const kit = await feedback.kit(actor.orgId, request.params.id);
      if (!kit) return sendError(reply, { code: 'interview.not_found', message: 'No such interview.' });
      // Interviewers see the kit of their own interviews only.
      if (!kit.interview.interviewerIds.includes(actor.userId) && !isAllowed(actor, 'application.read')) {
        return sendError(reply, {
          code: 'scorecard.not_on_interview',
          message: 'You are not an interviewer on this interview.',
        });
      }
      const { history, jobLevel, ...found } = kit;
      const proposal =
        found.kit &&
        history &&
        kitProposal(found.kit, history, {
          interviewId: found.interview.id,
          readerId: actor.userId,
          candidateId: found.candidate.id,
          jobLevel,
        });
      return { ...found, proposal, serverNow: ctx.deps.clock.now().toISOString() };
    },
  );

  app.get(
    '/api/interviews/:id/scorecard',
    {
      preValidation: allow('feedback.write'),
      schema: {
        tags: ['feedback'],
        summary: 'My scorecard for this interview',
        params: idParams,
        response: { 200: scorecardSchema, 403: errorBody, 401: errorBody },
      },
    },
    async (request, reply) =>
      (await ownScorecard(actorOf(request), request.params.id)) ??
      sendError(reply, {
        code: 'scorecard.not_on_interview',
        message: 'You are not an interviewer on this interview.',
      }),
  );
  app.put(
    '/api/interviews/:id/scorecard',
    {
      preValidation: allow('feedback.write'),
      schema: {
        tags: ['feedback'],
        summary: 'Autosaves my draft, at any time, also before the interview starts',
        params: idParams,
        body: scorecardDraftBody,
        response: { 200: scorecardSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      return answer(
        reply,
        actor,
        request.params.id,
        await saveScorecardDraft(ctx.deps, { actor, interviewId: request.params.id, ...request.body }),
      );
    },
  );
  app.post(
    '/api/interviews/:id/scorecard/submit',
    {
      preValidation: allow('feedback.write'),
      schema: {
        tags: ['feedback'],
        summary: 'Submits my scorecard; final, and the same submission twice is stored once',
        description:
          'Submitting waits for the interview to start: before then the answer is 409 ' +
          '`scorecard.interview_not_started`, whose message names the start in my time zone and whose ' +
          'details carry `startsAt` (UTC), `startsAtLocal` and `timezone`. A draft (PUT) may be saved ' +
          'at any time.',
        params: idParams,
        body: scorecardSubmitBody,
        response: { 200: scorecardSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      return answer(
        reply,
        actor,
        request.params.id,
        await submitScorecard(ctx.deps, { actor, interviewId: request.params.id, ...request.body }),
      );
    },
  );
  app.post(
    '/api/interviews/:id/scorecard/amendments',
    {
      preValidation: allow('feedback.write'),
      schema: {
        tags: ['feedback'],
        summary: 'Amends my submitted scorecard as a new, visible revision',
        params: idParams,
        body: scorecardAmendBody,
        response: { 200: scorecardSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      return answer(
        reply,
        actor,
        request.params.id,
        await amendScorecard(ctx.deps, { actor, interviewId: request.params.id, ...request.body }),
      );
    },
  );

  app.get(
    '/api/applications/:id/scorecards',
    {
      preValidation: allow('feedback.write'),
      schema: {
        tags: ['feedback'],
        summary:
          "An application's scorecards: the hiring team sees all; an interviewer sees others' only after submitting their own",
        params: idParams,
        response: { 200: scorecardListResponse, ...denied },
      },
    },
    async (request, reply) =>
      respond(
        reply,
        await listScorecards({ feedback }, { actor: actorOf(request), applicationId: request.params.id }),
        (list) => list,
      ),
  );

  app.get(
    '/api/applications/:id/rounds/:roundKey/debrief',
    {
      preValidation: allow('feedback.debrief'),
      schema: {
        tags: ['feedback'],
        summary: "A round's scorecards side by side, with votes and the decision",
        params: roundParams,
        response: { 200: debriefResponse, 404: errorBody, 422: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const result = await getDebrief(
        { catalog: ctx.catalog, feedback },
        { actor: actorOf(request), applicationId: request.params.id, roundKey: request.params.roundKey },
      );
      return respond(reply, result, (debrief) => debrief);
    },
  );

  app.post(
    '/api/applications/:id/rounds/:roundKey/votes',
    {
      preValidation: allow('committee.vote'),
      schema: {
        tags: ['feedback'],
        summary: 'A committee member votes on the current round',
        params: roundParams,
        body: voteBody,
        response: {
          200: voteResponse,
          ...refusals,
        },
      },
    },
    async (request, reply) => {
      const result = await castCommitteeVote(ctx.deps, {
        actor: staffOf(actorOf(request)),
        applicationId: request.params.id,
        roundKey: request.params.roundKey,
        ...request.body,
      });
      return result.ok ? result.value : sendError(reply, result.error);
    },
  );

  app.get(
    '/api/holidays',
    {
      preValidation: allow('org.read'),
      schema: {
        tags: ['organisation'],
        summary: 'The holiday calendar feedback deadlines skip',
        response: { 200: z.object({ items: z.array(holidaySchema) }), ...denied },
      },
    },
    async (request) => ({ items: await feedback.holidays(actorOf(request).orgId) }),
  );
  app.post(
    '/api/holidays',
    {
      preValidation: allow('org.manage'),
      schema: {
        tags: ['organisation'],
        body: holidayBody,
        response: { 201: holidaySchema, 400: errorBody, 409: errorBody, ...denied },
      },
    },
    async (request, reply) =>
      respond(reply, await addHoliday(ctx.deps, { actor: actorOf(request), ...request.body }), (h) => h, 201),
  );

  app.get(
    '/api/insights/interviewers',
    {
      preValidation: allow('insight.read'),
      schema: {
        tags: ['feedback'],
        summary: 'Per interviewer: agreement with decisions, leniency against the panel, on-time rate',
        response: { 200: z.object({ items: z.array(insightSchema) }), ...denied },
      },
    },
    async (request, reply) => {
      const result = await getInterviewerInsights(
        { clock: ctx.clock, feedback },
        { actor: actorOf(request) },
      );
      return respond(reply, result, (items) => ({ items }));
    },
  );
}
