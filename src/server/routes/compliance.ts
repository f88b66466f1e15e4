import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errorBody, idParams } from '../../contracts/common.js';
import {
  type AdverseImpactQuery,
  adverseImpactQuery,
  adverseImpactReport,
  agreementQuery,
  agreementReport,
  compliancePaths,
  officeCompliancePolicy,
  officePolicyList,
  officePolicyParams,
  portalOptOutAnswer,
  portalOptOutBody,
  putOfficePolicyBody,
} from '../../contracts/compliance.js';
import {
  adverseImpactTables,
  fourFifthsRule,
  seasonRange,
  smallSampleRule,
} from '../../core/compliance/adverse-impact.js';
import { agreement } from '../../core/compliance/agreement.js';
import { mayReadSelfIdentification } from '../../core/compliance/compliance.rules.js';
import { ll144Csv } from '../../core/compliance/ll144-csv.js';
import { complianceQueries } from '../../db/compliance/compliance.queries.js';
import { actorOf, allow, candidateOf, candidateOnly, staffOf } from '../auth.js';
import type { App, AppContext } from '../context.js';
import { sendError } from '../errors.js';

const denied = { 401: errorBody, 403: errorBody };
const tags = ['compliance'];
/** Self-identification reports: compliance.read, and never for anyone who also decides (ADR 0025). */
const csvAnswer = z.string().describe('text/csv: one row per report table, category and group');

/** Where self-identification may be collected, the fairness reports, and the candidate's opt-out. */
export function complianceRoutes(app: App, ctx: AppContext) {
  const queries = complianceQueries(ctx.db);
  /** The range a report covers: a season wins over from/to. */
  const rangeOf = (query: AdverseImpactQuery) => {
    const { from = null, to = null } = query.season ? seasonRange(query.season) : query;
    return { from, to, jobFamily: query.jobFamily ?? null };
  };
  const report = async (request: FastifyRequest) => {
    const query = request.query as AdverseImpactQuery;
    const range = rangeOf(query);
    const facts = await queries.adverseImpactFacts(actorOf(request).orgId, range);
    return {
      filters: { ...query, from: range.from, to: range.to },
      smallSampleRule,
      fourFifthsRule,
      tables: adverseImpactTables(facts, { round: query.round }),
    };
  };
  /** Runs after `allow('compliance.read')`: refuses a reader who also holds a deciding role. */
  const notADecider = async (request: FastifyRequest, reply: Parameters<typeof sendError>[0]) => {
    const verdict = mayReadSelfIdentification(staffOf(request).roles);
    if (!verdict.ok) return sendError(reply, verdict.error);
  };

  app.get(
    compliancePaths.officePolicies,
    {
      preValidation: allow('org.read'),
      schema: {
        tags,
        summary: 'Whether each office may collect voluntary self-identification',
        response: { 200: officePolicyList, ...denied },
      },
    },
    async (request) => ({ items: await queries.officePolicies(actorOf(request).orgId) }),
  );

  app.put(
    compliancePaths.officePolicy,
    {
      preValidation: allow('org.manage'),
      schema: {
        tags,
        summary: "Allows or stops the collection of self-identification on an office's postings",
        params: officePolicyParams,
        body: putOfficePolicyBody,
        response: { 200: officeCompliancePolicy, 404: errorBody, 409: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const result = await queries.putOfficePolicy(staffOf(request), {
        officeId: request.params.officeId,
        collect: request.body.collectSelfIdentification,
        expectedVersion: request.body.expectedVersion,
        at: ctx.clock.now(),
      });
      if (!result.ok) return sendError(reply, result.error);
      return result.value;
    },
  );

  app.get(
    compliancePaths.adverseImpact,
    {
      preValidation: [allow('compliance.read'), notADecider],
      schema: {
        tags,
        summary:
          'Selection rates and impact ratios per round and job family, by category and sex × race, with the four-fifths rule',
        description:
          'Counts only: no applicant is named. Refused (compliance.deciding_role) to anyone who also holds a deciding role.',
        querystring: adverseImpactQuery,
        response: { 200: adverseImpactReport, ...denied },
      },
    },
    report,
  );

  app.get(
    compliancePaths.adverseImpactCsv,
    {
      preValidation: [allow('compliance.read'), notADecider],
      schema: {
        tags,
        summary: 'The adverse-impact summary in the shape a NYC Local Law 144 bias audit publishes (CSV)',
        querystring: adverseImpactQuery,
        produces: ['text/csv'],
        response: { 200: csvAnswer, ...denied },
      },
    },
    async (request, reply) => {
      const csv = ll144Csv((await report(request)).tables);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="adverse-impact-ll144.csv"')
        .send(csv);
    },
  );

  app.get(
    compliancePaths.agreement,
    {
      preValidation: allow('compliance.agreement'),
      schema: {
        tags,
        summary:
          "How often the matcher's tier agreed with the resume-screen decision, per job family and month",
        querystring: agreementQuery,
        response: { 200: agreementReport, ...denied },
      },
    },
    async (request) => {
      const { from = null, to = null, jobFamily = null } = request.query;
      const decisions = await queries.screenDecisions(actorOf(request).orgId, { from, to, jobFamily });
      return agreement(decisions, { from, to, jobFamily });
    },
  );

  app.post(
    compliancePaths.portalOptOut,
    {
      preValidation: candidateOnly,
      schema: {
        tags: ['candidate portal'],
        summary: 'Opts my application out of (or back into) automated annotation of my resume',
        params: idParams,
        body: portalOptOutBody,
        response: { 200: portalOptOutAnswer, 400: errorBody, 404: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const { orgId, candidateId } = candidateOf(request);
      const { id } = request.params;
      const optOut = request.body.optOut;
      const found = await queries.setOptOutByCandidate(orgId, candidateId, id, optOut, ctx.clock.now());
      if (!found) return sendError(reply, { code: 'not_found', message: 'You have no such application.' });
      return { applicationId: id, screeningOptOut: optOut };
    },
  );
}
