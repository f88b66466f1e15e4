import { errorBody, idParams } from '../../contracts/common.js';
import {
  criteriaList,
  jobScreeningSettings,
  jobScreeningSettingsBody,
  orgScreeningSettings,
  replaceCriteriaBody,
  screeningEvidence,
} from '../../contracts/screening.js';
import { replaceCriteria } from '../../core/screening/replace-criteria.js';
import { setBlindReview } from '../../core/screening/set-blind-review.js';
import { screeningQueries } from '../../db/screening/screening.queries.js';
import { screeningJob } from '../../db/screening/screening.repository.js';
import { actorOf, allow } from '../auth.js';
import { type App, type AppContext, respond } from '../context.js';
import { sendError } from '../errors.js';

const denied = { 401: errorBody, 403: errorBody };
const refused = { 400: errorBody, 404: errorBody, 409: errorBody, 422: errorBody, ...denied };
const noJob = { code: 'job.not_found', message: 'No such job.' } as const;

/**
 * Resume screening (ADR 0025): each job's criteria, the evidence a matcher found for an
 * application, and blind review. Annotations are computed by the worker, never in a request.
 */
export function screeningRoutes(app: App, ctx: AppContext) {
  const reads = screeningQueries(ctx.db);

  app.get(
    '/api/jobs/:id/screening/criteria',
    {
      preValidation: allow('job.read'),
      schema: {
        tags: ['screening'],
        summary: "The job's screening criteria",
        description:
          'Must-haves and nice-to-haves, each weighted, with what a matcher checks. Until criteria are ' +
          "stored (when the job is opened, or edited) the posting's qualifications are answered as version 0.",
        params: idParams,
        response: { 200: criteriaList, 404: errorBody, ...denied },
      },
    },
    async (request, reply) =>
      (await reads.criteria(actorOf(request).orgId, request.params.id)) ?? sendError(reply, noJob),
  );

  app.put(
    '/api/jobs/:id/screening/criteria',
    {
      preValidation: allow('job.manage'),
      schema: {
        tags: ['screening'],
        summary: "Replaces the job's screening criteria as a whole",
        description:
          'expectedVersion is the version read (0 for criteria not yet stored); another change in between ' +
          'answers 409 conflict.stale_version. A criterion sent with the id of a current one keeps its id and ' +
          "source; the others are the recruiter's own. The job's applications still at the resume screen are " +
          'annotated again by the worker.',
        params: idParams,
        body: replaceCriteriaBody,
        response: { 200: criteriaList, ...refused },
      },
    },
    async (request, reply) =>
      respond(
        reply,
        await replaceCriteria(ctx.deps, {
          actor: actorOf(request),
          jobId: request.params.id,
          ...request.body,
        }),
        (v) => ({ jobId: request.params.id, ...v }),
      ),
  );

  app.get(
    '/api/applications/:id/screening',
    {
      preValidation: allow('application.read'),
      schema: {
        tags: ['screening'],
        summary: "The evidence behind an application's tier: a verdict and quoted passages per criterion",
        description:
          'The newest annotation (or why there is none), the criteria, and the resume text the passages ' +
          "point into. Under blind review the text's names, contacts, links, addresses, age signals and " +
          'schools are replaced by runs of █ of the same length, so the offsets still hold.',
        params: idParams,
        response: { 200: screeningEvidence, 404: errorBody, ...denied },
      },
    },
    async (request, reply) =>
      (await reads.evidence(actorOf(request).orgId, request.params.id)) ??
      sendError(reply, { code: 'application.not_found', message: 'No such application.' }),
  );

  app.get(
    '/api/screening/settings',
    {
      preValidation: allow('org.read'),
      schema: {
        tags: ['screening'],
        summary: "The organisation's blind-review switch",
        response: { 200: orgScreeningSettings, ...denied },
      },
    },
    async (request) => ({ blindReview: (await reads.settings(actorOf(request).orgId, null)).org }),
  );

  app.put(
    '/api/screening/settings',
    {
      preValidation: allow('org.manage'),
      schema: {
        tags: ['screening'],
        summary: 'Turns blind review on or off for every job that does not set its own',
        description:
          'While an application is at the resume screen and undecided, the screener sees no name, email or ' +
          'phone, a redacted resume text, and no original file; everything shows after the decision.',
        body: orgScreeningSettings,
        response: { 200: orgScreeningSettings, 400: errorBody, ...denied },
      },
    },
    async (request, reply) =>
      respond(
        reply,
        await setBlindReview(ctx.deps, { actor: actorOf(request), blindReview: request.body.blindReview }),
        (v) => ({ blindReview: Boolean(v.blindReview) }),
      ),
  );

  app.get(
    '/api/jobs/:id/screening/settings',
    {
      preValidation: allow('job.read'),
      schema: {
        tags: ['screening'],
        summary: "The job's blind-review switch (null: the organisation's) and what applies",
        params: idParams,
        response: { 200: jobScreeningSettings, 404: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const orgId = actorOf(request).orgId;
      if (!(await screeningJob(ctx.db, orgId, request.params.id))) return sendError(reply, noJob);
      const settings = await reads.settings(orgId, request.params.id);
      return { blindReview: settings.job, effective: settings.effective };
    },
  );

  app.put(
    '/api/jobs/:id/screening/settings',
    {
      preValidation: allow('job.manage'),
      schema: {
        tags: ['screening'],
        summary: "Sets the job's own blind-review switch; null inherits the organisation's",
        params: idParams,
        body: jobScreeningSettingsBody,
        response: { 200: jobScreeningSettings, ...refused },
      },
    },
    async (request, reply) =>
      respond(
        reply,
        await setBlindReview(ctx.deps, {
          actor: actorOf(request),
          jobId: request.params.id,
          blindReview: request.body.blindReview,
        }),
        (v) => v,
      ),
  );
}
