import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DomainError } from '../contracts/errors.js';
import type { Clock, Deps, Ids } from '../core/shared/ports.js';
import type { Result } from '../core/shared/result.js';
import type { accountQueries } from '../db/accounts/accounts.queries.js';
import type { applicationQueries } from '../db/applications/applications.queries.js';
import type { candidateQueries } from '../db/candidates/candidates.queries.js';
import type { feedbackQueries } from '../db/feedback/feedback.queries.js';
import type { jobQueries } from '../db/jobs/jobs.queries.js';
import type { offerQueries } from '../db/offers/offers.queries.js';
import type { organisationQueries } from '../db/organisation/organisation.queries.js';
import type { PadRelay } from '../db/pad-relay.js';
import type { DB } from '../db/schema.js';
import type { workspaceQueries } from '../db/workspace/workspace.queries.js';
import type { ResumeReaders } from './boards/resume-readers.js';
import type { Config } from './config.js';
import { sendError } from './errors.js';
import type { Grading } from './problems.js';
import type { ReportReads } from './replica.js';
import type { ShippedCatalog } from './templates.js';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** The read models routes answer from, one per module. */
export interface Queries {
  applications: ReturnType<typeof applicationQueries>;
  candidates: ReturnType<typeof candidateQueries>;
  jobs: ReturnType<typeof jobQueries>;
  feedback: ReturnType<typeof feedbackQueries>;
  offers: ReturnType<typeof offerQueries>;
  workspace: ReturnType<typeof workspaceQueries>;
}

export interface AppContext {
  db: Kysely<DB>;
  config: Config;
  clock: Clock;
  ids: Ids;
  deps: Deps;
  catalog: ShippedCatalog;
  queries: Queries;
  organisation: ReturnType<typeof organisationQueries>;
  accounts: ReturnType<typeof accountQueries>;
  /** Runs candidates' code and queries in the sandboxes, which start on first use. */
  grading: Grading;
  /** Reads the text of résumés and cover letters in limited processes, which start on first use. */
  resumes: ResumeReaders;
  /**
   * Where request budgets are counted: the database on PostgreSQL, so every node shares them; null
   * on PGlite, whose one process counts in memory.
   */
  sharedLimits: Kysely<DB> | null;
  /** Pads' edits between nodes; without one a pad's sockets must all reach this process. */
  padRelay?: PadRelay;
  /** Where reports read: a replica when DATABASE_READ_URL is set, else the primary. */
  reports: ReportReads;
}

/** Sends a use case's value (shaped by `present`) or its error with the status from the one table. */
export function respond<T, R>(
  reply: FastifyReply,
  result: Result<T, DomainError>,
  present: (value: T) => R,
  status = 200,
) {
  if (!result.ok) return sendError(reply, result.error);
  return reply.code(status).send(present(result.value));
}
