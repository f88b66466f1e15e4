import { errorBody } from '../../contracts/common.js';
import {
  drillQuery,
  drillResponse,
  funnelResponse,
  reportFilter,
  timingResponse,
  trendsResponse,
} from '../../contracts/workspace.js';
import { OFFER_TARGET_DAYS } from '../../core/offers/offer.rules.js';
import { TREND_WEEKS } from '../../db/workspace/reports.queries.js';
import { allow, staffOf } from '../auth.js';
import type { App, AppContext } from '../context.js';

const errors = { 400: errorBody, 401: errorBody, 403: errorBody };
const RANGE =
  '`from` and `to` are days in the reader’s time zone, both included; the range applies to the day ' +
  'applications applied (funnel, application to offer), decisions were taken (time in step, decisions ' +
  'without evidence) or scorecards were due (feedback on time).';

/** The reports: funnel, timing, weekly trends, and the applications behind any of their figures. */
export function reportRoutes(app: App, ctx: AppContext) {
  const read = ctx.reports.queries;
  const reader = (request: Parameters<typeof staffOf>[0]) => {
    const actor = staffOf(request);
    return { orgId: actor.orgId, userId: actor.userId };
  };
  const target = () => ({ now: ctx.clock.now(), targetDays: OFFER_TARGET_DAYS });

  app.get(
    '/api/reports/timing',
    {
      preValidation: allow('application.read'),
      schema: {
        tags: ['reports'],
        summary:
          'Time in each step with its spread, application to offer against the 4–6-week target, feedback on time',
        description: RANGE,
        querystring: reportFilter,
        response: { 200: timingResponse, ...errors },
      },
    },
    async (request) => ({
      freshness: await ctx.reports.freshness(),
      ...(await read.timing({ ...request.query, ...reader(request) }, target())),
    }),
  );

  app.get(
    '/api/reports/funnel',
    {
      preValidation: allow('application.read'),
      schema: {
        tags: ['reports'],
        summary:
          'Applications reaching each round, per job and team, with the pass-through rate between rounds',
        description: RANGE,
        querystring: reportFilter,
        response: { 200: funnelResponse, ...errors },
      },
    },
    async (request) => ({
      freshness: await ctx.reports.freshness(),
      items: await read.funnel({ ...request.query, ...reader(request) }),
    }),
  );

  app.get(
    '/api/reports/trends',
    {
      preValidation: allow('application.read'),
      schema: {
        tags: ['reports'],
        summary: 'Week by week: applications, decisions (and those without evidence), offers sent, hires',
        description: `Weeks start on Monday in the reader’s time zone; without a range, the last ${TREND_WEEKS} weeks up to today, and never more than two years. ${RANGE}`,
        querystring: reportFilter,
        response: { 200: trendsResponse, ...errors },
      },
    },
    async (request) => read.trends({ ...request.query, ...reader(request) }, ctx.clock.now()),
  );

  app.get(
    '/api/reports/applications',
    {
      preValidation: allow('application.read'),
      schema: {
        tags: ['reports'],
        summary: 'The applications behind one figure of a report, oldest first',
        description:
          '`measure` names the figure: `applied` (the funnel’s total), `reached` (a round of a job’s funnel, ' +
          'with `jobId` and `round`), `hired`, `without_evidence` (decisions taken without their evidence), ' +
          `\`open_past_target\` (open applications past the offer target, with no offer sent). ${RANGE}`,
        querystring: drillQuery,
        response: { 200: drillResponse, ...errors },
      },
    },
    async (request) => read.drill({ ...request.query, ...reader(request) }, target()),
  );
}
