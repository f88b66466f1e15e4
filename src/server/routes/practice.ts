import path from 'node:path';
import { z } from 'zod';
import { errorBody } from '../../contracts/common.js';
import {
  planBody,
  planTickBody,
  practiceAnswerBody,
  practiceGradeSchema,
  practiceItemParams,
  practiceLinkBody,
  practiceLinkSchema,
  practicePlanSchema,
  practiceSpaceSchema,
  practiceTokenParams,
  publicItemParams,
  publicResultSchema,
  timedPracticeParams,
  timedPracticeSchema,
  timedResultSchema,
} from '../../contracts/practice.js';
import { endPlan } from '../../core/practice/end-plan.js';
import { makePlan } from '../../core/practice/make-plan.js';
import type { PracticePlan } from '../../core/practice/practice.port.js';
import { publishPracticeLink } from '../../core/practice/publish-practice-link.js';
import { runPractice } from '../../core/practice/run-practice.js';
import { startTimedPractice } from '../../core/practice/start-timed-practice.js';
import { submitTimedPractice } from '../../core/practice/submit-timed-practice.js';
import { tickPlanItem } from '../../core/practice/tick-plan-item.js';
import { practiceQueries } from '../../db/practice/practice.queries.js';
import { allow, candidateOf, candidateOnly, staffOf } from '../auth.js';
import type { App, AppContext } from '../context.js';
import { sendError } from '../errors.js';
import { perAddress } from '../rate-limits.js';
import { remotePools } from '../sandbox/pools.js';
import { type PracticeContent, planItemsFor, practiceGrading } from './practice.content.js';
import { practicePresenter } from './practice.present.js';

const tags = ['practice'];
const refusals = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  404: errorBody,
  409: errorBody,
  429: errorBody,
};
const linkGone = {
  code: 'practice.link_not_found' as const,
  message: 'This practice link is not published.',
};

/**
 * The practice space: the candidate's own (kept as theirs, never shown to staff) and the public one
 * an organisation may publish (nothing stored for its visitors). `root` is the practice set's
 * folder, templates/practice unless told.
 */
export function practiceRoutes(app: App, ctx: AppContext, content: PracticeContent) {
  const grading = practiceGrading(content, {
    threads: ctx.config.SANDBOX_RUNNERS,
    snapshotDir: path.join(ctx.config.DATA_DIR, 'sandbox-practice'),
    // With a sandbox node, candidates' practice code runs there, as assessments' does.
    ...(ctx.config.SANDBOX_URL && ctx.config.SANDBOX_SECRET
      ? {
          pools: remotePools({
            url: ctx.config.SANDBOX_URL,
            secret: ctx.config.SANDBOX_SECRET,
            dataset: 'practice',
          }),
        }
      : {}),
  });
  app.addHook('onClose', () => grading.close());
  const deps = { ...ctx.deps, practice: grading.port };
  const reads = practiceQueries(ctx.db);
  const present = practicePresenter(content, ctx.catalog);
  const perIp = app.rateLimit({
    max: ctx.config.ASSESSMENT_REQUESTS_PER_MINUTE_PER_IP,
    timeWindow: 60_000,
    keyGenerator: perAddress('practice-links'),
  });
  const explanation = (kind: string, slug: string) => content.explanations.get(`${kind}:${slug}`) ?? null;
  /** A plan as the candidate reads it, its progress counted from their attempts. */
  const presentPlan = async (plan: PracticePlan) =>
    present.plan(plan, await reads.attempts(plan.orgId, plan.candidateId));
  const linkOrg = async (token: string) => reads.link(ctx.deps.tokens.hash(token));

  app.get(
    '/api/me/practice',
    {
      preValidation: candidateOnly,
      schema: {
        tags,
        summary:
          'My practice space: my rounds, the practice set, my attempts and my plan (never seen by staff)',
        response: { 200: practiceSpaceSchema, ...refusals },
      },
    },
    async (request) => {
      const { orgId, candidateId } = candidateOf(request);
      const [companyName, rounds, plans, attempts] = await Promise.all([
        reads.orgName(orgId),
        reads.roundsOf(orgId, candidateId),
        reads.plans(orgId, candidateId),
        reads.attempts(orgId, candidateId),
      ]);
      const active = plans.find((p) => p.endedAt === null);
      return present.space({
        companyName,
        rounds,
        attempts: attempts.map(present.attempt),
        plan: active ? present.plan(active, attempts) : null,
        now: ctx.clock.now(),
      });
    },
  );

  app.post(
    '/api/me/practice/:kind/:slug/run',
    {
      preValidation: candidateOnly,
      schema: {
        tags,
        summary: "Runs my answer on the item's public tests and keeps the attempt as mine",
        params: practiceItemParams,
        body: practiceAnswerBody,
        response: { 200: practiceGradeSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const { orgId, candidateId } = candidateOf(request);
      const result = await runPractice(deps, {
        candidate: { orgId, candidateId },
        owner: `practice:${candidateId}`,
        ...request.params,
        ...request.body,
      });
      if (!result.ok) return sendError(reply, result.error);
      return practiceGradeSchema.parse(result.value.grade);
    },
  );

  app.post(
    '/api/me/practice/:kind/:slug/timed',
    {
      preValidation: candidateOnly,
      schema: {
        tags,
        summary: "Starts a timed practice on one item, on the item's own minutes",
        params: practiceItemParams,
        response: { 201: timedPracticeSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const actor = candidateOf(request);
      const result = await startTimedPractice(deps, { actor, ...request.params });
      if (!result.ok) return sendError(reply, result.error);
      const a = result.value;
      return reply.code(201).send({
        id: a.id,
        kind: a.kind,
        slug: a.slug,
        startedAt: a.startedAt.toISOString(),
        deadlineAt: a.deadlineAt!.toISOString(),
        serverNow: ctx.clock.now().toISOString(),
      });
    },
  );

  app.post(
    '/api/me/practice/timed/:id/submit',
    {
      preValidation: candidateOnly,
      schema: {
        tags,
        summary: 'Submits my timed practice: its score on the public tests and the worked explanation',
        params: timedPracticeParams,
        body: practiceAnswerBody,
        response: { 200: timedResultSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const actor = candidateOf(request);
      const result = await submitTimedPractice(deps, { actor, id: request.params.id, ...request.body });
      if (!result.ok) return sendError(reply, result.error);
      const { attempt, grade } = result.value;
      return {
        attempt: present.attempt(attempt),
        grade: practiceGradeSchema.parse(grade),
        explanation: explanation(attempt.kind, attempt.slug),
      };
    },
  );

  app.post(
    '/api/me/practice/plan',
    {
      preValidation: candidateOnly,
      schema: {
        tags,
        summary: 'Makes my preparation plan for my next scheduled round (replacing one in force)',
        body: planBody,
        response: { 201: practicePlanSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const actor = candidateOf(request);
      const result = await makePlan(deps, {
        actor,
        reminders: request.body.reminders,
        itemsFor: (roundType) => planItemsFor(content, roundType),
      });
      if (!result.ok) return sendError(reply, result.error);
      return reply.code(201).send(await presentPlan(result.value));
    },
  );

  app.put(
    '/api/me/practice/plan/ticks',
    {
      preValidation: candidateOnly,
      schema: {
        tags,
        summary: 'Ticks off (or back on) a brief read or a prompt rehearsed on a day of my plan',
        body: planTickBody,
        response: { 200: practicePlanSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const actor = candidateOf(request);
      const result = await tickPlanItem(deps, { actor, ...request.body });
      if (!result.ok) return sendError(reply, result.error);
      return presentPlan(result.value);
    },
  );

  app.delete(
    '/api/me/practice/plan',
    {
      preValidation: candidateOnly,
      schema: {
        tags,
        summary: 'Ends my preparation plan and its reminders',
        response: { 200: z.object({ ended: z.boolean() }), ...refusals },
      },
    },
    async (request, reply) => {
      const result = await endPlan(deps, { actor: candidateOf(request) });
      if (!result.ok) return sendError(reply, result.error);
      return result.value;
    },
  );

  app.get(
    '/api/organisation/practice-link',
    {
      preValidation: allow('org.manage'),
      schema: {
        tags,
        summary:
          "Whether the organisation's public practice link is published (off unless an admin turns it on)",
        response: { 200: practiceLinkSchema, ...refusals },
      },
    },
    async (request) => {
      const link = await reads.linkOf(staffOf(request).orgId);
      return { published: link !== null, publishedAt: link?.published_at.toISOString() ?? null, url: null };
    },
  );

  app.put(
    '/api/organisation/practice-link',
    {
      preValidation: allow('org.manage'),
      schema: {
        tags,
        summary: 'Publishes a new public practice link (shown once) or takes it down',
        body: practiceLinkBody,
        response: { 200: practiceLinkSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const result = await publishPracticeLink(ctx.deps, { actor: staffOf(request), ...request.body });
      if (!result.ok) return sendError(reply, result.error);
      const { token, publishedAt } = result.value;
      return {
        published: token !== null,
        publishedAt: publishedAt?.toISOString() ?? null,
        url: token ? `${ctx.config.PUBLIC_URL}/candidate/practice/open/${token}` : null,
      };
    },
  );

  app.get(
    '/api/practice/:token',
    {
      onRequest: perIp,
      schema: {
        tags,
        summary: "An organisation's public practice space; nothing is stored for its visitors",
        security: [],
        params: practiceTokenParams,
        response: { 200: practiceSpaceSchema, 404: errorBody, 429: errorBody },
      },
    },
    async (request, reply) => {
      const org = await linkOrg(request.params.token);
      if (!org) return sendError(reply, linkGone);
      return present.space({
        companyName: org.name,
        rounds: null,
        attempts: null,
        plan: null,
        now: ctx.clock.now(),
      });
    },
  );

  const publicGrade = async (
    token: string,
    params: z.infer<typeof practiceItemParams>,
    answer: z.infer<typeof practiceAnswerBody>,
    ip: string,
  ) => {
    if (!(await linkOrg(token))) return { ok: false as const, error: linkGone };
    return runPractice(deps, { candidate: null, owner: `practice-link:${ip}`, ...params, ...answer });
  };

  app.post(
    '/api/practice/:token/:kind/:slug/run',
    {
      onRequest: perIp,
      schema: {
        tags,
        summary: "Runs a visitor's answer on the item's public tests; nothing is kept",
        security: [],
        params: publicItemParams,
        body: practiceAnswerBody,
        response: { 200: practiceGradeSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const { token, ...item } = request.params;
      const result = await publicGrade(token, item, request.body, request.ip);
      if (!result.ok) return sendError(reply, result.error);
      return practiceGradeSchema.parse(result.value.grade);
    },
  );

  app.post(
    '/api/practice/:token/:kind/:slug/submit',
    {
      onRequest: perIp,
      schema: {
        tags,
        summary:
          "Grades a visitor's timed practice (its clock kept by their browser) and explains the solution",
        security: [],
        params: publicItemParams,
        body: practiceAnswerBody,
        response: { 200: publicResultSchema, ...refusals },
      },
    },
    async (request, reply) => {
      const { token, ...item } = request.params;
      const { language, code } = request.body;
      const result = await publicGrade(token, item, { language, code }, request.ip);
      if (!result.ok) return sendError(reply, result.error);
      return {
        grade: practiceGradeSchema.parse(result.value.grade),
        explanation: explanation(item.kind, item.slug),
      };
    },
  );
}
