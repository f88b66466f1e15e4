import path from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyReply } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Clock, Ids } from '../core/shared/ports.js';
import { accountQueries } from '../db/accounts/accounts.queries.js';
import { applicationQueries } from '../db/applications/applications.queries.js';
import { candidateQueries } from '../db/candidates/candidates.queries.js';
import { type Database, databaseAnswers, isDatabaseUnavailable } from '../db/database.js';
import { feedbackQueries } from '../db/feedback/feedback.queries.js';
import { jobQueries } from '../db/jobs/jobs.queries.js';
import { offerQueries } from '../db/offers/offers.queries.js';
import { organisationQueries } from '../db/organisation/organisation.queries.js';
import type { PadRelay } from '../db/pad-relay.js';
import { InvalidCursorError } from '../db/pagination.js';
import { createDeps } from '../db/store.js';
import { workspaceQueries } from '../db/workspace/workspace.queries.js';
import { authenticate, SESSION_COOKIE } from './auth.js';
import { resumeReaders } from './boards/resume-readers.js';
import type { Config } from './config.js';
import type { App, AppContext } from './context.js';
import { docsPolicy, documentPolicy } from './csp.js';
import { errorPayload, issueWords, sendError } from './errors.js';
import { registerHttpGuards, ZeroByteError, zeroByteRefusal } from './http-guards.js';
import { type Grading, grader, loadProblemSet } from './problems.js';
import { databaseRateLimitStore } from './rate-limits.js';
import { reportReads } from './replica.js';
import { accountRoutes } from './routes/accounts.js';
import { applicationRoutes } from './routes/applications.js';
import { assessmentRoutes } from './routes/assessments.js';
import { authRoutes } from './routes/auth.js';
import { availabilityRoutes } from './routes/availability.js';
import { boardAdminRoutes } from './routes/boards.js';
import { careerSiteRoutes } from './routes/boards-career-site.js';
import { jobBoardRoutes } from './routes/boards-v1.js';
import { candidateRoutes } from './routes/candidates.js';
import { complianceRoutes } from './routes/compliance.js';
import { feedbackRoutes } from './routes/feedback.js';
import { inboxRoutes } from './routes/inbox.js';
import { jobRoutes } from './routes/jobs.js';
import { mergeRoutes } from './routes/merges.js';
import { messageRoutes } from './routes/messages.js';
import { mfaRoutes } from './routes/mfa.js';
import { mockRoutes } from './routes/mock.js';
import { noteRoutes } from './routes/notes.js';
import { notificationRoutes } from './routes/notifications.js';
import { offerRoutes } from './routes/offers.js';
import { candidateOfferRoutes } from './routes/offers.portal.js';
import { organisationRoutes } from './routes/organisation.js';
import { padRoutes } from './routes/pads.js';
import { candidatePortalRoutes } from './routes/portal.js';
import { loadPracticeContent } from './routes/practice.content.js';
import { practiceRoutes } from './routes/practice.js';
import { processRoutes } from './routes/processes.js';
import { reportRoutes } from './routes/reports.js';
import { retentionRoutes } from './routes/retention.js';
import { schedulingRoutes } from './routes/scheduling.js';
import { schedulePageRoutes } from './routes/scheduling-page.js';
import { scimRoutes } from './routes/scim.js';
import { screeningRoutes } from './routes/screening.js';
import { searchRoutes } from './routes/search.js';
import { ssoRoutes } from './routes/sso.js';
import { tagRoutes } from './routes/tags.js';
import { webAppRoutes } from './routes/web-app.js';
import { workspaceRoutes } from './routes/workspace.js';
import { loadCatalog, type ShippedCatalog, templatesRoot } from './templates.js';

export interface BuildOptions {
  database: Database;
  config: Config;
  clock?: Clock;
  ids?: Ids;
  catalog?: ShippedCatalog;
  /** Where logs go; standard output when absent. */
  logStream?: NodeJS.WritableStream;
  /** The sandboxes, when the caller shares them (with the worker); the app closes them. */
  grading?: Grading;
  /** A read replica for reports (DATABASE_READ_URL); the caller closes it. */
  readDatabase?: Database;
  /** Pads' edits relayed between nodes (several serve nodes on one PostgreSQL). */
  padRelay?: PadRelay;
  /** The practice set's folder (templates/practice unless given; tests pass a fixture). */
  practiceRoot?: string;
  /** False once the process is shutting down: /readyz then sends the load balancer elsewhere. */
  accepting?: () => boolean;
}

export const systemClock: Clock = { now: () => new Date() };
export const randomIds: Ids = { next: () => crypto.randomUUID() };

/** PostgreSQL's (and PGlite's) refusal of U+0000 in text (22021) and in JSON (22P05). */
const unstorableText = (error: unknown) => {
  const code = (error as { code?: unknown }).code;
  return code === '22021' || code === '22P05';
};

/** Builds the HTTP app without listening, so tests can drive it with inject(). */
export async function buildApp(options: BuildOptions): Promise<App> {
  const { database, config } = options;
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? randomIds;
  const db = database.db;
  const catalog = options.catalog ?? loadCatalog();
  const ctx: AppContext = {
    db,
    config,
    clock,
    ids,
    deps: createDeps(db, clock, ids, catalog),
    catalog,
    queries: {
      applications: applicationQueries(db),
      candidates: candidateQueries(db),
      jobs: jobQueries(db),
      feedback: feedbackQueries(db, catalog),
      offers: offerQueries(db, catalog),
      workspace: workspaceQueries(db),
    },
    organisation: organisationQueries(db),
    accounts: accountQueries(db),
    grading:
      options.grading ??
      grader(loadProblemSet(), {
        threads: config.SANDBOX_RUNNERS,
        snapshotDir: path.join(config.DATA_DIR, 'sandbox'),
      }),
    resumes: resumeReaders(),
    sharedLimits: database.kind === 'postgres' ? db : null,
    padRelay: options.padRelay,
    reports: reportReads(db, options.readDatabase?.db),
  };

  const app = Fastify({
    logger: {
      level: config.LOG_LEVEL,
      ...(options.logStream ? { stream: options.logStream } : {}),
      // Personal data and secrets stay out of logs: no headers, no query strings (searches carry names),
      // and no link tokens in paths (a scheduling, assessment or pad link is the candidate's key).
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({
          id: req.id,
          method: req.method,
          path: req.url.split('?')[0]?.replace(/[A-Za-z0-9_-]{40,}/g, ':token'),
        }),
      },
    },
    // request.ip is the client named in X-Forwarded-For only when the peer is a trusted proxy.
    trustProxy: config.TRUST_PROXY,
    // JSON applications carry base64 files of up to 10 MB.
    bodyLimit: 15 * 1024 * 1024,
    // Job board clients call paths with and without a trailing slash.
    routerOptions: { ignoreTrailingSlash: true },
    // Errors the router raises before any handler (a bad URL, an over-long id) speak our format too.
    frameworkErrors: (error, _request, reply) => {
      sendError(reply as FastifyReply, {
        code: 'validation.failed',
        message: error.message,
        details: { reason: error.code },
      });
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.addHook('onClose', () => ctx.grading.close());
  app.addHook('onClose', () => ctx.resumes.close());
  await app.register(cookie);
  await app.register(multipart);
  await app.register(rateLimit, {
    global: false,
    // Several nodes count one budget per address: in the database, on PostgreSQL.
    ...(ctx.sharedLimits ? { store: databaseRateLimitStore(ctx.sharedLimits) } : {}),
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      message: `Too many requests from your address; try again in ${Math.ceil(context.ttl / 1000)} s.`,
    }),
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Hireloop API',
        version: '0.1.0',
        description:
          'Staff endpoints need a session cookie from POST /api/auth/login or an API token (Authorization: Bearer, ' +
          'held to its scopes); candidate endpoints a session from a sign-in link. ' +
          'Errors are { error: { code, message, details } }. Lists are cursor-paginated: pass nextCursor back as cursor.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          // Personal and organisation API tokens (ADR 0015).
          apiToken: { type: 'http', scheme: 'bearer' },
          // The public job board API: user name = the board's API key, empty password.
          boardKey: { type: 'http', scheme: 'basic' },
          // SCIM provisioning: an organisation's SCIM token (Admin → Sign-in and security).
          scimToken: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { apiToken: [] }],
    },
    transform: jsonSchemaTransform,
    // Schemas with an id (the job board's recursive trees) become components.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: docsPolicy });

  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    // Pages are never framed by another site, and links carry secrets no other site may see.
    reply.header('x-frame-options', 'DENY');
    // Pages and the web app set their own policy (src/server/csp.ts); anything else runs nothing.
    if (!reply.hasHeader('content-security-policy')) reply.header('content-security-policy', documentPolicy);
    reply.header('referrer-policy', 'no-referrer');
    // Answers hold personal data unless a route says otherwise (public pages, hashed assets).
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });

  registerHttpGuards(app, config);
  app.decorateRequest('actor', null);
  // A session cookie or an API token (Authorization: Bearer) becomes the request's actor.
  app.addHook('onRequest', (request, reply) => authenticate(ctx, request, reply));

  app.setNotFoundHandler((request, reply) =>
    sendError(reply, {
      code: 'not_found',
      message: `No route for ${request.method} ${request.url.split('?')[0]}.`,
    }),
  );

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => ({
        field: [error.validationContext, ...v.instancePath.split('/').filter(Boolean)].join('.'),
        message: issueWords(v),
      }));
      return sendError(reply, {
        code: 'validation.failed',
        message: issues.map((i) => `${i.field}: ${i.message}`).join('; '),
        details: { issues },
      });
    }
    if (error instanceof ZeroByteError) return sendError(reply, zeroByteRefusal(error.issues));
    if (error instanceof InvalidCursorError) {
      return sendError(reply, {
        code: 'validation.failed',
        message: `cursor: ${error.message}`,
        details: { issues: [{ field: 'query.cursor', message: error.message }] },
      });
    }
    if (error.statusCode === 429) {
      return sendError(reply, { code: 'rate.limited', message: error.message });
    }
    if (error.statusCode && error.statusCode < 500) {
      // The framework's own status (413, 415, …) for a request it could not take.
      return reply.code(error.statusCode).send(
        errorPayload({
          code: 'validation.failed',
          message: error.message,
          details: { reason: error.code },
        }),
      );
    }
    if (unstorableText(error)) {
      // A zero byte no check caught (text the server made from a file or a program's output): the
      // request cannot succeed, so it is the client's 422, not our 500.
      request.log.warn({ reason: error.message }, 'text the database cannot store');
      return reply.code(422).send(
        errorPayload({
          code: 'validation.failed',
          message: 'The request holds a zero byte (U+0000), which cannot be stored; remove it and try again.',
          details: { reason: 'zero_byte' },
        }),
      );
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ reason: error.message }, 'database unavailable');
      return sendError(reply, {
        code: 'database.unavailable',
        message: 'The database cannot be reached just now; nothing was changed. Try again in a moment.',
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(reply, { code: 'internal.error', message: 'Something went wrong on our side.' });
  });

  app.get('/healthz', { schema: { hide: true } }, async (_request, reply) => {
    if (await databaseAnswers(db)) return { status: 'ok', database: database.kind };
    return reply.code(503).send({ status: 'unavailable', database: database.kind });
  });
  // Ready for traffic: not shutting down, and the database answers (a load balancer's check).
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    if (options.accepting?.() !== false && (await databaseAnswers(db))) return { status: 'ready' };
    return reply.code(503).send({ status: options.accepting?.() === false ? 'draining' : 'unavailable' });
  });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  authRoutes(app, ctx);
  mfaRoutes(app, ctx);
  ssoRoutes(app, ctx);
  scimRoutes(app, ctx);
  accountRoutes(app, ctx);
  organisationRoutes(app, ctx);
  processRoutes(app, ctx);
  jobRoutes(app, ctx);
  applicationRoutes(app, ctx);
  screeningRoutes(app, ctx);
  candidateRoutes(app, ctx);
  messageRoutes(app, ctx);
  // The practice set, read once: the portal's samples, the practice space and mock interviews' kits.
  const practice = loadPracticeContent(
    options.practiceRoot ?? path.join(templatesRoot, 'practice'),
    ctx.grading.problems,
  );
  candidatePortalRoutes(app, ctx, practice);
  offerRoutes(app, ctx);
  candidateOfferRoutes(app, ctx);
  feedbackRoutes(app, ctx);
  availabilityRoutes(app, ctx);
  schedulingRoutes(app, ctx);
  schedulePageRoutes(app, ctx);
  notificationRoutes(app, ctx);
  jobBoardRoutes(app, ctx);
  boardAdminRoutes(app, ctx);
  careerSiteRoutes(app, ctx);
  workspaceRoutes(app, ctx);
  reportRoutes(app, ctx);
  assessmentRoutes(app, ctx);
  noteRoutes(app, ctx);
  tagRoutes(app, ctx);
  complianceRoutes(app, ctx);
  retentionRoutes(app, ctx);
  searchRoutes(app, ctx);
  inboxRoutes(app, ctx);
  mergeRoutes(app, ctx);
  practiceRoutes(app, ctx, practice);
  mockRoutes(app, ctx, practice);
  await padRoutes(app, ctx);
  await webAppRoutes(app);

  return app;
}
