import { z } from 'zod';
import {
  assessmentItemParams,
  assessmentTokenParams,
  candidateAssessmentSchema,
  createAssessmentBody,
  createdAssessmentSchema,
  eventsBody,
  problemSummarySchema,
  runResponse,
  saveAnswerBody,
  savedAnswerResponse,
  staffAssessmentSchema,
  startedResponse,
  submitBody,
  submittedResponse,
  uploadedFileResponse,
} from '../../contracts/assessments.js';
import { errorBody, idParams } from '../../contracts/common.js';
import { openAssessment } from '../../core/assessments/open-assessment.js';
import { recordEvents } from '../../core/assessments/record-events.js';
import { runAnswer } from '../../core/assessments/run-answer.js';
import { saveAnswer } from '../../core/assessments/save-answer.js';
import { sendAssessment } from '../../core/assessments/send-assessment.js';
import { startAssessment } from '../../core/assessments/start-assessment.js';
import { submitAssessment } from '../../core/assessments/submit-assessment.js';
import { uploadDeliverable } from '../../core/assessments/upload-deliverable.js';
import { assessmentsQueries } from '../../db/assessments/assessments.queries.js';
import { receiveDeliverable } from '../assessments/deliverables.js';
import { assessmentPresenter } from '../assessments/present.js';
import { actorOf, allow, signedIn } from '../auth.js';
import { candidateWorkDenied, maySeeWorkOn } from '../candidate-work.js';
import { type App, type AppContext, respond } from '../context.js';
import { sendError } from '../errors.js';
import { perAddress } from '../rate-limits.js';

const denied = { 401: errorBody, 403: errorBody };
const refusals = {
  400: errorBody,
  404: errorBody,
  409: errorBody,
  410: errorBody,
  422: errorBody,
  ...denied,
};
const tags = ['assessments'];

/**
 * Timed technical assessments: staff send one to an application, the candidate opens the emailed
 * link (the token is the only credential; only its hash is stored), starts the clock, runs code
 * against the examples, and submits; hidden tests grade the submission, and the score, code and
 * timeline join the application for the interviewers and the hiring manager.
 */
export function assessmentRoutes(app: App, ctx: AppContext) {
  const deps = { ...ctx.deps, grader: ctx.grading };
  const reads = assessmentsQueries(ctx.db);
  const present = assessmentPresenter(reads, ctx.grading);
  const perIp = app.rateLimit({
    max: ctx.config.ASSESSMENT_REQUESTS_PER_MINUTE_PER_IP,
    timeWindow: 60_000,
    keyGenerator: perAddress('assessment-links'),
  });
  const iso = (date: Date) => date.toISOString();

  app.get(
    '/api/problems',
    {
      preValidation: allow('interview.read'),
      schema: {
        tags,
        summary: 'The shipped coding problems and SQL questions an assessment can use',
        response: { 200: z.object({ items: z.array(problemSummarySchema) }), ...denied },
      },
    },
    async () => ({ items: present.problemList() }),
  );

  app.post(
    '/api/applications/:id/assessments',
    {
      preValidation: allow('interview.schedule'),
      schema: {
        tags,
        summary: 'Sends the candidate a timed assessment; the link is emailed and returned once',
        params: idParams,
        body: createAssessmentBody,
        response: { 201: createdAssessmentSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (actor.kind !== 'staff') throw new Error('staff route');
      const sent = await sendAssessment(deps, {
        actor,
        applicationId: request.params.id,
        ...request.body,
        linkBase: `${ctx.config.PUBLIC_URL}/candidate/assessment`,
      });
      if (!sent.ok) return sendError(reply, sent.error);
      const row = (await reads.byId(actor.orgId, sent.value.id))!;
      return reply.code(201).send({ ...(await present.staff(row, ctx.clock.now())), url: sent.value.url });
    },
  );

  app.get(
    '/api/applications/:id/assessments',
    {
      preValidation: signedIn,
      schema: {
        tags,
        summary:
          "An application's assessments with score, code and timeline: for the hiring team and the application's interviewers",
        params: idParams,
        response: { 200: z.object({ items: z.array(staffAssessmentSchema) }), ...denied },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!(await maySeeWorkOn(reads, actor, request.params.id)))
        return sendError(reply, candidateWorkDenied);
      const rows = await reads.ofApplication(actor.orgId, request.params.id);
      const now = ctx.clock.now();
      return { items: await Promise.all(rows.map((row) => present.staff(row, now))) };
    },
  );

  app.get(
    '/api/assessments/:token',
    {
      preValidation: perIp,
      schema: {
        tags,
        summary: "The candidate's view: the problems (without hidden tests), the clock and their saved work",
        params: assessmentTokenParams,
        response: { 200: candidateAssessmentSchema, 404: errorBody },
      },
    },
    async (request, reply) => {
      const opened = await openAssessment(deps, request.params);
      if (!opened.ok) return sendError(reply, opened.error);
      const row = (await reads.byToken(deps.tokens.hash(request.params.token)))!;
      return present.candidate(row, ctx.clock.now());
    },
  );

  app.post(
    '/api/assessments/:token/start',
    {
      preValidation: perIp,
      schema: {
        tags,
        summary: 'Starts the clock (once; starting again keeps the first deadline)',
        params: assessmentTokenParams,
        response: { 200: startedResponse, ...refusals },
      },
    },
    async (request, reply) =>
      respond(reply, await startAssessment(deps, request.params), (clock) => ({
        startedAt: iso(clock.startedAt),
        deadlineAt: iso(clock.deadlineAt),
      })),
  );

  app.put(
    '/api/assessments/:token/answers/:item',
    {
      preValidation: perIp,
      schema: {
        tags,
        summary: "Saves the candidate's work on one problem; refused once time is up",
        params: assessmentItemParams,
        body: saveAnswerBody,
        response: { 200: savedAnswerResponse, ...refusals },
      },
    },
    async (request, reply) => {
      const { token, item } = request.params;
      const saved = await saveAnswer(deps, { token, itemIndex: item, ...request.body });
      return respond(reply, saved, (s) => ({ savedAt: iso(s.savedAt) }));
    },
  );

  app.post(
    '/api/assessments/:token/answers/:item/run',
    {
      preValidation: perIp,
      schema: {
        tags,
        summary: 'Runs the code against the public examples (or a query against the dataset)',
        params: assessmentItemParams,
        body: saveAnswerBody,
        response: { 200: runResponse, ...refusals },
      },
    },
    async (request, reply) => {
      const { token, item } = request.params;
      const run = await runAnswer(deps, { token, itemIndex: item, ...request.body });
      return respond(reply, run, (result) => result);
    },
  );

  app.put(
    '/api/assessments/:token/answers/:item/file',
    {
      preValidation: perIp,
      schema: {
        tags,
        summary:
          "Uploads a case study's deliverable (PDF or PowerPoint, up to 20 MB) as multipart form data; a new upload replaces the last",
        consumes: ['multipart/form-data'],
        params: assessmentItemParams,
        response: { 200: uploadedFileResponse, ...refusals },
      },
    },
    async (request, reply) => {
      const { token, item } = request.params;
      const uploaded = await uploadDeliverable(deps, {
        token,
        itemIndex: item,
        receive: () => receiveDeliverable(request),
      });
      return respond(reply, uploaded, (u) => ({ savedAt: iso(u.savedAt), filename: u.filename }));
    },
  );

  app.get(
    '/api/assessments/:id/items/:item/file',
    {
      preValidation: signedIn,
      schema: {
        tags,
        summary: "Downloads a case study's deliverable: for the hiring team and the candidate's interviewers",
        params: idParams.extend({ item: z.coerce.number().int().min(0).max(4) }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (actor.kind !== 'staff') return sendError(reply, candidateWorkDenied);
      const row = await reads.byId(actor.orgId, request.params.id);
      if (!row) return sendError(reply, { code: 'assessment.not_found', message: 'No such assessment.' });
      if (!(await maySeeWorkOn(reads, actor, row.application_id)))
        return sendError(reply, candidateWorkDenied);
      const file = await reads.deliverable(actor.orgId, row.id, request.params.item);
      if (!file)
        return sendError(reply, { code: 'not_found', message: 'Nothing was uploaded for this item.' });
      return reply
        .header('content-type', file.content_type)
        .header('content-disposition', `attachment; filename="${file.filename.replace(/[^\w.-]+/g, '_')}"`)
        .header('x-content-type-options', 'nosniff')
        .send(file.data);
    },
  );

  app.post(
    '/api/assessments/:token/events',
    {
      preValidation: perIp,
      schema: {
        tags,
        summary: 'Records pastes (their length, never their text) and focus changes for the timeline',
        params: assessmentTokenParams,
        body: eventsBody,
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      const events = request.body.events.map((e) => ({
        kind: e.kind,
        itemIndex: e.item,
        detail: e.characters === undefined ? {} : { characters: e.characters },
      }));
      const recorded = await recordEvents(deps, { token: request.params.token, events });
      return respond(reply, recorded, () => null, 204);
    },
  );

  app.post(
    '/api/assessments/:token/submit',
    {
      preValidation: perIp,
      schema: {
        tags,
        summary: 'Submits the answers; hidden tests grade them. Refused by the server once time is up',
        params: assessmentTokenParams,
        body: submitBody,
        response: {
          200: submittedResponse,
          ...refusals,
        },
      },
    },
    async (request, reply) => {
      const answers = request.body.answers.map(({ item, ...answer }) => ({ itemIndex: item, ...answer }));
      const submitted = await submitAssessment(deps, { token: request.params.token, answers });
      return respond(reply, submitted, (s) => ({
        submittedAt: iso(s.submittedAt),
        scorePercent: s.scorePercent,
      }));
    },
  );
}
