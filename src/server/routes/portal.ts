import { z } from 'zod';
import {
  applicationSchema,
  attachmentSchema,
  candidateApplyBody,
  candidateSchema,
  errorBody,
  idempotencyHeaders,
  idParams,
  withdrawBody,
} from '../../contracts/api.js';
import { candidateOfferSchema } from '../../contracts/offers.js';
import { submitApplication } from '../../core/applications/submit-application.js';
import { withdrawApplication } from '../../core/applications/withdraw-application.js';
import { eraseCandidate } from '../../core/candidates/erase-candidate.js';
import { localTime } from '../../core/feedback/business-days.rules.js';
import { videoLink } from '../../core/scheduling/video.js';
import { offerQueries } from '../../db/offers/offers.queries.js';
import { presentCandidate } from '../../db/queries.js';
import { schedulingQueries } from '../../db/scheduling/scheduling.queries.js';
import { candidateOf, candidateOnly, SESSION_COOKIE } from '../auth.js';
import type { App, AppContext } from '../context.js';
import { sendError } from '../errors.js';

const preparation = z.object({
  roundName: z.string(),
  durationMinutes: z.number(),
  whatItTests: z.string(),
  format: z.string(),
  commonMistakes: z.array(z.string()),
  sampleQuestions: z.array(z.string()),
});
/** R-CAND-1: where the application stands, what comes next and when we last wrote. */
const portalApplication = applicationSchema.extend({
  jobTitle: z.string(),
  currentRoundName: z.string().nullable(),
  nextRoundName: z.string().nullable(),
  lastHeardAt: z.string().nullable(),
  /** R-CAND-2: how to prepare for the current round, from the question bank. */
  preparation: preparation.nullable(),
});
const SAMPLE_QUESTIONS = 3;
const candidateInterview = z.object({
  id: z.string(),
  applicationId: z.string(),
  jobTitle: z.string(),
  roundName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  /** In the candidate's own time zone. */
  startsAtLocal: z.string(),
  timezone: z.string(),
  language: z.string(),
  status: z.enum(['scheduled', 'cancelled']),
  changeReason: z.string().nullable(),
  videoUrl: z.string().nullable(),
});
const dataExport = z.object({
  exportedAt: z.string(),
  profile: candidateSchema.extend({ resumeText: z.string().nullable() }),
  applications: z.array(portalApplication),
  interviews: z.array(candidateInterview),
  offers: z.array(candidateOfferSchema),
  attachments: z.array(attachmentSchema),
  messages: z.array(
    z.object({
      subject: z.string(),
      body: z.string(),
      status: z.string(),
      createdAt: z.string(),
      deliveredAt: z.string().nullable(),
    }),
  ),
});
const refusals = { 400: errorBody, 401: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

/** What a candidate signed in by link can do: only ever with their own applications. */
export function candidatePortalRoutes(app: App, ctx: AppContext) {
  const scheduling = schedulingQueries(ctx.db, ctx.clock);
  const portalView = (a: Awaited<ReturnType<typeof ctx.queries.candidateApplications>>[number]) => {
    const index = a.plan.findIndex((r) => r.key === a.currentRound);
    const current = a.plan[index];
    const kit = current ? ctx.catalog.interviewKit(current.roundType) : undefined;
    return {
      ...a,
      currentRoundName: current?.name ?? null,
      nextRoundName: current ? (a.plan[index + 1]?.name ?? 'Offer') : null,
      preparation:
        current && kit
          ? {
              roundName: current.name,
              durationMinutes: current.durationMinutes,
              ...kit.preparation,
              sampleQuestions: kit.questions.slice(0, SAMPLE_QUESTIONS).map((q) => q.prompt),
            }
          : null,
    };
  };
  const myInterviews = async (orgId: string, candidateId: string) => {
    const { timezone } = await scheduling.candidateZone(orgId, candidateId);
    const rows = await scheduling.candidateInterviews(orgId, candidateId);
    return rows.map((r) => ({
      id: r.id,
      applicationId: r.application_id,
      jobTitle: r.job_title,
      roundName: r.plan.find((p) => p.key === r.round_key)?.name ?? r.round_key,
      startsAt: r.starts_at.toISOString(),
      endsAt: r.ends_at.toISOString(),
      startsAtLocal: localTime(r.starts_at, timezone),
      timezone,
      language: r.language,
      status: r.status,
      changeReason: r.change_reason,
      videoUrl:
        r.status === 'scheduled'
          ? videoLink({ id: r.id, videoUrl: r.video_url }, ctx.config.VIDEO_ROOM_BASE_URL)
          : null,
    }));
  };
  const mine = async (orgId: string, candidateId: string, applicationId: string) =>
    portalView(
      (await ctx.queries.candidateApplications(orgId, candidateId)).find((a) => a.id === applicationId)!,
    );

  app.get(
    '/api/me/applications',
    {
      preHandler: candidateOnly,
      schema: {
        tags: ['candidate portal'],
        summary: 'My applications',
        response: { 200: z.object({ items: z.array(portalApplication) }), 401: errorBody, 403: errorBody },
      },
    },
    async (request) => {
      const actor = candidateOf(request);
      return {
        items: (await ctx.queries.candidateApplications(actor.orgId, actor.candidateId)).map(portalView),
      };
    },
  );

  app.get(
    '/api/me/interviews',
    {
      preHandler: candidateOnly,
      schema: {
        tags: ['candidate portal'],
        summary: 'My interviews, soonest first, in my time zone, with the video link of those still on',
        response: { 200: z.object({ items: z.array(candidateInterview) }), 401: errorBody, 403: errorBody },
      },
    },
    async (request) => {
      const actor = candidateOf(request);
      return { items: await myInterviews(actor.orgId, actor.candidateId) };
    },
  );

  app.get(
    '/api/me/export',
    {
      preHandler: candidateOnly,
      schema: {
        tags: ['candidate portal'],
        summary: 'Everything held about me, as a JSON file (R-CAND-4)',
        response: { 200: dataExport, 401: errorBody, 403: errorBody },
      },
    },
    async (request, reply) => {
      const { orgId, candidateId } = candidateOf(request);
      const [profile, applications, interviews, offers, attachments, messages] = await Promise.all([
        ctx.db.selectFrom('candidates').selectAll().where('id', '=', candidateId).executeTakeFirstOrThrow(),
        ctx.queries.candidateApplications(orgId, candidateId),
        myInterviews(orgId, candidateId),
        offerQueries(ctx.db, ctx.clock, ctx.catalog).candidateOffers(orgId, candidateId),
        ctx.queries.attachments(orgId, candidateId),
        ctx.queries.candidateMessages(orgId, candidateId),
      ]);
      reply.header('content-disposition', 'attachment; filename="my-hireloop-data.json"');
      return {
        exportedAt: ctx.clock.now().toISOString(),
        profile: { ...presentCandidate(profile), resumeText: profile.resume_text },
        applications: applications.map(portalView),
        interviews,
        offers,
        attachments,
        messages,
      };
    },
  );

  app.post(
    '/api/me/applications',
    {
      preHandler: candidateOnly,
      schema: {
        tags: ['candidate portal'],
        summary: 'Applies to an open job as myself',
        headers: idempotencyHeaders,
        body: candidateApplyBody,
        response: { 201: portalApplication, 200: portalApplication, ...refusals },
      },
    },
    async (request, reply) => {
      const actor = candidateOf(request);
      const result = await submitApplication(ctx.deps, {
        actor,
        jobId: request.body.jobId,
        idempotencyKey: request.headers['idempotency-key'],
        source: 'candidate_portal',
      });
      if (!result.ok) return sendError(reply, result.error);
      const { application, created } = result.value;
      return reply.code(created ? 201 : 200).send(await mine(actor.orgId, actor.candidateId, application.id));
    },
  );

  app.post(
    '/api/me/applications/:id/withdraw',
    {
      preHandler: candidateOnly,
      schema: {
        tags: ['candidate portal'],
        summary: 'Withdraws my application (R-CAND-3)',
        params: idParams,
        body: withdrawBody,
        response: { 200: portalApplication, ...refusals },
      },
    },
    async (request, reply) => {
      const actor = candidateOf(request);
      const result = await withdrawApplication(ctx.deps, {
        actor,
        applicationId: request.params.id,
        reason: request.body.reason,
      });
      if (!result.ok) return sendError(reply, result.error);
      return mine(actor.orgId, actor.candidateId, result.value.id);
    },
  );

  app.post(
    '/api/me/erasure',
    {
      preHandler: candidateOnly,
      schema: {
        tags: ['candidate portal'],
        summary: 'Erases my personal data and withdraws my open applications; signs me out (R-CAND-4)',
        body: z.object({ email: z.string().trim().min(1).max(255) }),
        response: {
          200: z.object({ withdrawn: z.number() }),
          400: errorBody,
          401: errorBody,
          403: errorBody,
          409: errorBody,
        },
      },
    },
    async (request, reply) => {
      const actor = candidateOf(request);
      const me = await ctx.queries.me(actor);
      // Typing one's own address confirms an action that cannot be undone.
      if (request.body.email.toLowerCase() !== me.email.toLowerCase()) {
        return reply.code(400).send({
          error: {
            code: 'validation.failed',
            message: 'email: type the address you applied with to confirm',
            details: {
              issues: [{ field: 'body.email', message: 'type the address you applied with to confirm' }],
            },
          },
        });
      }
      const result = await eraseCandidate(ctx.deps, { actor });
      if (!result.ok) return sendError(reply, result.error);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return result.value;
    },
  );
}
