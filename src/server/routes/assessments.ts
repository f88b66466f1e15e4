import type { FastifyReply } from 'fastify';
import JSZip from 'jszip';
import { z } from 'zod';
import { errorBody, idParams } from '../../contracts/api.js';
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
  staffAssessmentSchema,
  submitBody,
} from '../../contracts/assessments.js';
import type { DomainError } from '../../contracts/errors.js';
import { type CodeLanguage, codeLanguages } from '../../contracts/problems.js';
import {
  assessmentStatus,
  overallScore,
  refuseStart,
  refuseWork,
} from '../../core/assessments/assessment.rules.js';
import type { Actor } from '../../core/shared/types.js';
import { assessmentStore } from '../../db/assessments/assessments.repository.js';
import type { AssessmentItemRow } from '../../db/schema.js';
import { actorOf, allow, hashToken, newToken, signedIn } from '../auth.js';
import { candidateWorkDenied, maySeeCandidateWork } from '../candidate-work.js';
import type { App, AppContext } from '../context.js';
import { sendError } from '../errors.js';
import type { CodeGrade, SqlGrade } from '../problems.js';

const denied = { 401: errorBody, 403: errorBody };
const refusals = {
  400: errorBody,
  404: errorBody,
  409: errorBody,
  410: errorBody,
  422: errorBody,
  ...denied,
};
type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof assessmentStore>['byToken']>>>;

/**
 * Timed technical assessments: staff send one to an application, the candidate opens the emailed
 * link (the token is the only credential; only its hash is stored), starts the clock, runs code
 * against the examples, and submits; hidden tests grade the submission, and the score, code and
 * timeline join the application for the interviewers and the hiring manager.
 */
export function assessmentRoutes(app: App, ctx: AppContext) {
  const grading = ctx.grading;
  const problems = grading.problems;
  const store = assessmentStore(ctx.db, ctx.clock);
  const perIp = app.rateLimit({ max: ctx.config.ASSESSMENT_REQUESTS_PER_MINUTE_PER_IP, timeWindow: 60_000 });

  const problemOf = (item: AssessmentItemRow) =>
    item.kind === 'coding'
      ? problems.coding.get(item.slug)
      : item.kind === 'sql'
        ? problems.sql.get(item.slug)
        : problems.caseStudies.get(item.slug);
  const clockOf = (row: Row) => ({
    startBy: row.start_by,
    startedAt: row.started_at,
    deadlineAt: row.deadline_at,
    submittedAt: row.submitted_at,
  });
  const iso = (date: Date | null) => date?.toISOString() ?? null;

  async function staffView(row: Row) {
    const [answers, timeline] = await Promise.all([store.answers(row.id), store.timeline(row.id)]);
    return {
      id: row.id,
      applicationId: row.application_id,
      status: assessmentStatus(clockOf(row), ctx.clock.now()),
      durationMinutes: row.duration_minutes,
      startBy: row.start_by.toISOString(),
      startedAt: iso(row.started_at),
      deadlineAt: iso(row.deadline_at),
      submittedAt: iso(row.submitted_at),
      scorePercent: row.score_percent,
      createdAt: row.created_at.toISOString(),
      items: row.items.map((item, index) => {
        const answer = answers.find((a) => a.item_index === index);
        return {
          kind: item.kind,
          slug: item.slug,
          title: problemOf(item)?.title ?? item.slug,
          answer: answer
            ? {
                language: answer.language,
                code: answer.code,
                savedAt: answer.saved_at.toISOString(),
                grade: answer.grade,
                file:
                  answer.filename && answer.size_bytes !== null
                    ? {
                        filename: answer.filename,
                        sizeBytes: answer.size_bytes,
                        url: `/api/assessments/${row.id}/items/${index}/file`,
                      }
                    : null,
              }
            : null,
        };
      }),
      timeline: timeline.map((e) => ({
        at: e.at.toISOString(),
        kind: e.kind,
        item: e.item_index,
        detail: e.detail,
      })),
    };
  }

  const mayRead = (actor: Actor, applicationId: string) => maySeeCandidateWork(ctx, actor, applicationId);
  const readDenied = candidateWorkDenied;

  /** The assessment behind a token, or a 404 sent. */
  async function byToken(token: string, reply: FastifyReply) {
    const row = await store.byToken(hashToken(token));
    if (!row)
      sendError(reply, { code: 'assessment.not_found', message: 'This assessment link does not exist.' });
    return row ?? null;
  }

  const languagesOf = (item: AssessmentItemRow): readonly string[] =>
    item.kind === 'sql' ? ['sql'] : item.kind === 'case_study' ? ['file'] : codeLanguages;

  /** The assessment behind a token while work on it is accepted, or the refusal sent. */
  async function workable(token: string, reply: FastifyReply) {
    const row = await byToken(token, reply);
    const refusal = row && refuseWork(clockOf(row), ctx.clock.now());
    if (refusal) sendError(reply, refusal);
    return refusal ? null : row;
  }

  /** The item at `index` and whether `language` suits it, or the refusal to send. */
  function itemFor(row: Row, index: number, language: string): DomainError | { item: AssessmentItemRow } {
    const item = row.items[index];
    if (!item)
      return {
        code: 'assessment.unknown_item',
        message: `This assessment has no problem ${index + 1}.`,
        details: { field: 'item' },
      };
    const allowed: readonly string[] = languagesOf(item);
    if (!allowed.includes(language))
      return {
        code: 'validation.failed',
        message: `language: problem ${index + 1} is answered in ${allowed.join(', ')}`,
        details: { issues: [{ field: 'body.language', message: `must be one of ${allowed.join(', ')}` }] },
      };
    return { item };
  }

  /** Hidden tests for a coding answer; the reference rows for a query. */
  async function grade(
    item: AssessmentItemRow,
    language: string,
    code: string,
  ): Promise<CodeGrade | SqlGrade> {
    if (item.kind === 'sql') return grading.gradeSql(problems.sql.get(item.slug)!, code);
    return grading.gradeCode(problems.coding.get(item.slug)!, language as CodeLanguage, code, 'hidden');
  }

  /** A run while working: the examples for code; for a query its rows, not whether they match. */
  async function tryOut(item: AssessmentItemRow, language: string, code: string) {
    if (item.kind === 'case_study') throw new Error('a case study is uploaded, not run');
    if (item.kind === 'coding')
      return grading.gradeCode(problems.coding.get(item.slug)!, language as CodeLanguage, code, 'examples');
    const { correct: _, ...rows } = await grading.gradeSql(problems.sql.get(item.slug)!, code);
    return rows;
  }

  const scoreOf = (result: CodeGrade | SqlGrade) =>
    'correct' in result ? (result.correct ? 100 : 0) : result.scorePercent;

  app.get(
    '/api/problems',
    {
      preHandler: allow('interview.read'),
      schema: {
        tags: ['assessments'],
        summary: 'The shipped coding problems and SQL questions an assessment can use',
        response: { 200: z.object({ items: z.array(problemSummarySchema) }), ...denied },
      },
    },
    async () => ({
      items: [
        ...[...problems.coding.values()].map((p) => ({ kind: 'coding' as const, ...summary(p) })),
        ...[...problems.sql.values()].map((q) => ({ kind: 'sql' as const, ...summary(q) })),
        ...[...problems.caseStudies.values()].map((c) => ({
          kind: 'case_study' as const,
          slug: c.slug,
          title: c.title,
          difficulty: 'medium' as const,
          topics: [c.audience],
          minutes: c.daysToDeliver * 24 * 60,
        })),
      ],
    }),
  );

  app.post(
    '/api/applications/:id/assessments',
    {
      preHandler: allow('interview.schedule'),
      schema: {
        tags: ['assessments'],
        summary: 'Sends the candidate a timed assessment; the link is emailed and returned once',
        params: idParams,
        body: createAssessmentBody,
        response: { 201: createdAssessmentSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (actor.kind !== 'staff') throw new Error('staff route');
      const application = await ctx.db
        .selectFrom('applications')
        .select(['id', 'status', 'candidate_id'])
        .where('org_id', '=', actor.orgId)
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!application)
        return sendError(reply, { code: 'application.not_found', message: 'No such application.' });
      if (application.status !== 'active')
        return sendError(reply, {
          code: 'application.not_active',
          message: 'This application is no longer active.',
        });
      const missing = request.body.items.findIndex((item) => !problemOf(item));
      if (missing >= 0)
        return sendError(reply, {
          code: 'problem.not_found',
          message: `There is no ${request.body.items[missing]?.kind} problem "${request.body.items[missing]?.slug}".`,
          details: { field: `items.${missing}.slug` },
        });
      const study =
        request.body.items[0]?.kind === 'case_study'
          ? problems.caseStudies.get(request.body.items[0].slug)
          : null;
      const durationMinutes = request.body.durationMinutes ?? (study ? study.daysToDeliver * 24 * 60 : 60);
      const token = newToken();
      const url = `${ctx.config.PUBLIC_URL}/candidate/assessment/${token}`;
      const id = ctx.ids.next();
      await store.create({
        id,
        actor,
        applicationId: application.id,
        tokenHash: hashToken(token),
        items: request.body.items,
        durationMinutes,
        startBy: new Date(ctx.clock.now().getTime() + request.body.startWithinDays * 86_400_000),
        invitation: { candidateId: application.candidate_id, url, problemCount: request.body.items.length },
      });
      const row = await store.byId(actor.orgId, id);
      return reply.code(201).send({ ...(await staffView(row!)), url });
    },
  );

  app.get(
    '/api/applications/:id/assessments',
    {
      preHandler: signedIn,
      schema: {
        tags: ['assessments'],
        summary:
          "An application's assessments with score, code and timeline: for the hiring team and the application's interviewers",
        params: idParams,
        response: { 200: z.object({ items: z.array(staffAssessmentSchema) }), ...denied },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (!(await mayRead(actor, request.params.id))) return sendError(reply, readDenied);
      const rows = await store.ofApplication(actor.orgId, request.params.id);
      return { items: await Promise.all(rows.map(staffView)) };
    },
  );

  app.get(
    '/api/assessments/:token',
    {
      preHandler: perIp,
      schema: {
        tags: ['assessments'],
        summary: "The candidate's view: the problems (without hidden tests), the clock and their saved work",
        params: assessmentTokenParams,
        response: { 200: candidateAssessmentSchema, 404: errorBody },
      },
    },
    async (request, reply) => {
      const row = await byToken(request.params.token, reply);
      if (!row) return;
      const now = ctx.clock.now();
      const status = assessmentStatus(clockOf(row), now);
      const answers = row.started_at ? await store.answers(row.id) : [];
      if (status === 'not_started') await store.event(row.id, { kind: 'opened', itemIndex: null });
      return {
        companyName: row.company_name,
        jobTitle: row.job_title,
        status,
        durationMinutes: row.duration_minutes,
        startBy: row.start_by.toISOString(),
        startedAt: iso(row.started_at),
        deadlineAt: iso(row.deadline_at),
        serverNow: now.toISOString(),
        // The problems stay hidden until the clock starts.
        items: row.items.map((item, index) => {
          const saved = answers.find((a) => a.item_index === index);
          const shown = row.started_at !== null;
          const coding = item.kind === 'coding' ? problems.coding.get(item.slug) : undefined;
          const question = item.kind === 'sql' ? problems.sql.get(item.slug) : undefined;
          const study = item.kind === 'case_study' ? problems.caseStudies.get(item.slug) : undefined;
          return {
            kind: item.kind,
            title: (coding ?? question ?? study)?.title ?? item.slug,
            difficulty: (coding ?? question)?.difficulty ?? 'medium',
            statement: shown ? ((coding ?? question)?.statement ?? study?.brief ?? '') : '',
            constraints: shown ? (coding?.constraints ?? study?.asks ?? []) : [],
            deliverable: study?.deliverable ?? '',
            highlighting: coding?.highlighting ?? false,
            languages: [...languagesOf(item)],
            starter: (shown ? (coding?.starter ?? { sql: '' }) : {}) as Record<string, string>,
            examples: shown ? (coding?.examples ?? []) : [],
            saved: saved
              ? { language: saved.language, code: saved.code, savedAt: saved.saved_at.toISOString() }
              : null,
          };
        }),
      };
    },
  );

  app.post(
    '/api/assessments/:token/start',
    {
      preHandler: perIp,
      schema: {
        tags: ['assessments'],
        summary: 'Starts the clock (once; starting again keeps the first deadline)',
        params: assessmentTokenParams,
        response: { 200: z.object({ startedAt: z.string(), deadlineAt: z.string() }), ...refusals },
      },
    },
    async (request, reply) => {
      const row = await byToken(request.params.token, reply);
      if (!row) return;
      const refusal = refuseStart(clockOf(row), ctx.clock.now());
      if (refusal) return sendError(reply, refusal);
      await store.start(row.id);
      const started = (await store.byToken(hashToken(request.params.token)))!;
      return { startedAt: started.started_at!.toISOString(), deadlineAt: started.deadline_at!.toISOString() };
    },
  );

  app.put(
    '/api/assessments/:token/answers/:item',
    {
      preHandler: perIp,
      schema: {
        tags: ['assessments'],
        summary: "Saves the candidate's work on one problem; refused once time is up",
        params: assessmentItemParams,
        body: saveAnswerBody,
        response: { 200: z.object({ savedAt: z.string() }), ...refusals },
      },
    },
    async (request, reply) => {
      const row = await workable(request.params.token, reply);
      if (!row) return;
      const checked = itemFor(row, request.params.item, request.body.language);
      if ('code' in checked) return sendError(reply, checked);
      await store.saveAnswer(row.id, request.params.item, request.body.language, request.body.code);
      return { savedAt: ctx.clock.now().toISOString() };
    },
  );

  app.post(
    '/api/assessments/:token/answers/:item/run',
    {
      preHandler: perIp,
      schema: {
        tags: ['assessments'],
        summary: 'Runs the code against the public examples (or a query against the dataset)',
        params: assessmentItemParams,
        body: saveAnswerBody,
        response: { 200: runResponse, ...refusals },
      },
    },
    async (request, reply) => {
      const row = await workable(request.params.token, reply);
      if (!row) return;
      const checked = itemFor(row, request.params.item, request.body.language);
      if ('code' in checked) return sendError(reply, checked);
      const result = await tryOut(checked.item, request.body.language, request.body.code);
      await store.event(row.id, {
        kind: 'run',
        itemIndex: request.params.item,
        detail: {
          language: request.body.language,
          outcome: result.outcome,
          ...('passed' in result ? { passed: result.passed, total: result.total } : {}),
        },
      });
      return result;
    },
  );

  app.put(
    '/api/assessments/:token/answers/:item/file',
    {
      preHandler: perIp,
      schema: {
        tags: ['assessments'],
        summary:
          "Uploads a case study's deliverable (PDF or PowerPoint, up to 20 MB) as multipart form data; a new upload replaces the last",
        consumes: ['multipart/form-data'],
        params: assessmentItemParams,
        response: { 200: z.object({ savedAt: z.string(), filename: z.string() }), ...refusals },
      },
    },
    async (request, reply) => {
      const row = await workable(request.params.token, reply);
      if (!row) return;
      const checked = itemFor(row, request.params.item, 'file');
      if ('code' in checked) return sendError(reply, checked);
      const part = request.isMultipart()
        ? await request.file({ limits: { fileSize: MAX_DELIVERABLE_BYTES } })
        : undefined;
      const data = part ? await part.toBuffer().catch(() => null) : null;
      const kind = data && !part?.file.truncated ? await deliverableKind(data) : null;
      if (!part || !data || !kind) {
        const why = !part
          ? 'send the deliverable as multipart form data'
          : !data || part.file.truncated
            ? 'larger than 20 MB'
            : 'not a PDF or a PowerPoint (.pptx) file';
        return sendError(reply, {
          code: 'validation.failed',
          message: `file: ${why}`,
          details: { issues: [{ field: 'body.file', message: why }] },
        });
      }
      const filename = part.filename.slice(0, 200) || `case-study.${kind.extension}`;
      await store.saveDeliverable(row, request.params.item, {
        id: ctx.ids.next(),
        filename,
        contentType: kind.contentType,
        data,
      });
      return { savedAt: ctx.clock.now().toISOString(), filename };
    },
  );

  app.get(
    '/api/assessments/:id/items/:item/file',
    {
      preHandler: signedIn,
      schema: {
        tags: ['assessments'],
        summary: "Downloads a case study's deliverable: for the hiring team and the candidate's interviewers",
        params: idParams.extend({ item: z.coerce.number().int().min(0).max(4) }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (actor.kind !== 'staff') return sendError(reply, readDenied);
      const row = await store.byId(actor.orgId, request.params.id);
      if (!row) return sendError(reply, { code: 'assessment.not_found', message: 'No such assessment.' });
      if (!(await mayRead(actor, row.application_id))) return sendError(reply, readDenied);
      const file = await store.deliverable(actor.orgId, row.id, request.params.item);
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
      preHandler: perIp,
      schema: {
        tags: ['assessments'],
        summary: 'Records pastes (their length, never their text) and focus changes for the timeline',
        params: assessmentTokenParams,
        body: eventsBody,
        response: { 204: z.null(), ...refusals },
      },
    },
    async (request, reply) => {
      const row = await workable(request.params.token, reply);
      if (!row) return;
      await store.events(
        row.id,
        request.body.events.map((e) => ({
          kind: e.kind,
          itemIndex: e.item,
          detail: e.characters === undefined ? {} : { characters: e.characters },
        })),
      );
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/assessments/:token/submit',
    {
      preHandler: perIp,
      schema: {
        tags: ['assessments'],
        summary: 'Submits the answers; hidden tests grade them. Refused by the server once time is up',
        params: assessmentTokenParams,
        body: submitBody,
        response: {
          200: z.object({ submittedAt: z.string(), scorePercent: z.number().nullable() }),
          ...refusals,
        },
      },
    },
    async (request, reply) => {
      const row = await byToken(request.params.token, reply);
      if (!row) return;
      const arrivedAt = ctx.clock.now();
      const refusal = refuseWork(clockOf(row), arrivedAt);
      if (refusal) {
        if (refusal.code === 'assessment.time_up')
          await store.event(row.id, {
            kind: 'late_refused',
            itemIndex: null,
            detail: { at: arrivedAt.toISOString() },
          });
        return sendError(reply, refusal);
      }
      const saved = await store.answers(row.id);
      const graded: { itemIndex: number; language: string; code: string; grade: CodeGrade | SqlGrade }[] = [];
      for (const [index, item] of row.items.entries()) {
        if (item.kind === 'case_study') {
          if (!saved.some((a) => a.item_index === index && a.attachment_id))
            return sendError(reply, {
              code: 'validation.failed',
              message: `Upload your deliverable for problem ${index + 1} before submitting.`,
              details: { issues: [{ field: `body.answers.${index}`, message: 'no file uploaded yet' }] },
            });
          continue;
        }
        // What was sent now, else what was saved last, else nothing (scored 0).
        const sent =
          request.body.answers.find((a) => a.item === index) ?? saved.find((a) => a.item_index === index);
        if (!sent) continue;
        const language = sent.language;
        const checked = itemFor(row, index, language);
        if ('code' in checked) return sendError(reply, checked);
        graded.push({
          itemIndex: index,
          language,
          code: sent.code,
          grade: await grade(item, language, sent.code),
        });
      }
      // Case studies are for people to grade; the score covers the rest.
      const scored = row.items.flatMap((item, index) => {
        if (item.kind === 'case_study') return [];
        const answer = graded.find((g) => g.itemIndex === index);
        return [answer ? scoreOf(answer.grade) : 0];
      });
      const scorePercent = scored.length > 0 ? overallScore(scored) : null;
      const outcome = await store.submit({
        id: row.id,
        orgId: row.org_id,
        applicationId: row.application_id,
        candidateId: row.candidate_id,
        arrivedAt,
        answers: graded,
        scorePercent,
      });
      if (outcome === 'already_submitted')
        return sendError(reply, {
          code: 'assessment.already_submitted',
          message: 'This assessment was already submitted.',
        });
      return { submittedAt: arrivedAt.toISOString(), scorePercent };
    },
  );
}

const summary = (p: {
  slug: string;
  title: string;
  difficulty: 'easy' | 'medium' | 'hard';
  topics: string[];
  minutes: number;
}) => ({
  slug: p.slug,
  title: p.title,
  difficulty: p.difficulty,
  topics: p.topics,
  minutes: p.minutes,
});

const MAX_DELIVERABLE_BYTES = 20 * 1024 * 1024;

/** What an upload is, by its content: a PDF, or a zip that holds a PowerPoint presentation. */
async function deliverableKind(data: Buffer) {
  if (data.subarray(0, 5).toString('latin1') === '%PDF-')
    return { contentType: 'application/pdf', extension: 'pdf' };
  if (data.subarray(0, 4).toString('latin1') !== 'PK\u0003\u0004') return null;
  const zip = await JSZip.loadAsync(data, { checkCRC32: false }).catch(() => null);
  return zip?.file('ppt/presentation.xml')
    ? {
        contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
        extension: 'pptx',
      }
    : null;
}
