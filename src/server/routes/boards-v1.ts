import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  v1Applied,
  v1Board,
  v1Department,
  v1Departments,
  v1Job,
  v1Jobs,
  v1Office,
  v1Offices,
  v1Refused,
  v1Status,
} from '../../contracts/boards.js';
import { errorBody } from '../../contracts/common.js';
import { collectsSelfIdentification } from '../../core/compliance/compliance.rules.js';
import { type BoardRow, boardQueries } from '../../db/boards/boards.queries.js';
import { boardAndPost } from '../../db/boards/boards.repository.js';
import { complianceQueries } from '../../db/compliance/compliance.queries.js';
import { receiveApplication } from '../boards/intake.js';
import { keyMatches } from '../boards/keys.js';
import { jobSummary } from '../boards/postings.js';
import { readBody } from '../boards/request-body.js';
import {
  presentBoard,
  presentDepartments,
  presentJob,
  presentOffices,
  withContent,
} from '../boards/v1-present.js';
import type { App, AppContext } from '../context.js';
import { formTypes } from '../http-guards.js';
import { keyBudget, perAddress } from '../rate-limits.js';
import { answerCache, entityTag, notModified, revalidate } from './boards-v1.cache.js';
import { complianceAdditions, screeningOptOutQuestion } from './compliance.present.js';

type Stamped = BoardRow & { stamp: string };

const boardParams = z.object({ token: z.string().min(1).max(63) });
const itemParams = boardParams.extend({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const common = {
  callback: z
    .string()
    .regex(/^[A-Za-z_$][\w$.]{0,63}$/, 'must be a JavaScript identifier')
    .optional()
    .describe('Answers as JSONP, calling this function'),
};
const renderQuery = z.object({ ...common, render_as: z.enum(['list', 'tree']).default('list') });
const tags = ['job board API (Greenhouse v1)'];
/** Reading a board needs no session; applying needs the board's key. */
const open = { tags, security: [] };
const missing = { 400: errorBody, 404: v1Status };
const notModifiedOr = {
  304: z.null().describe("Not modified: the answer's ETag matches If-None-Match; no body"),
};

/** Answers as JSON, or as JSONP when the client asked with `?callback=`. */
function sendJson(reply: FastifyReply, request: FastifyRequest, status: number, json: string) {
  const callback = (request.query as { callback?: string }).callback;
  reply.code(status).header('access-control-allow-origin', '*');
  if (callback) return reply.type('application/javascript; charset=utf-8').send(`/**/${callback}(${json});`);
  return reply.type('application/json; charset=utf-8').send(json);
}
const send = (reply: FastifyReply, request: FastifyRequest, status: number, body: unknown) =>
  sendJson(reply, request, status, JSON.stringify(body));

const notFound = (reply: FastifyReply, request: FastifyRequest, what: string) =>
  send(reply, request, 404, { status: 404, error: `${what} not found` });

/**
 * The public Job Board API, shaped like Greenhouse's v1 so existing clients work unchanged. GETs
 * are public and answered from a per-node cache checked against the board's stamp on every request
 * (boards-v1.cache.ts), with an ETag; applying needs the board's key.
 */
export function jobBoardRoutes(app: App, ctx: AppContext) {
  const boards = boardQueries(ctx.db);
  const publicUrl = ctx.config.PUBLIC_URL;
  const cache = answerCache(ctx.clock);
  const compliance = complianceQueries(ctx.db);
  /**
   * A GET's answer: `variant` names it among the board's answers (the parsed query, never the raw
   * address, and without the JSONP callback, which is applied on the way out). A null from
   * `render` is a 404 for `what`.
   */
  const answer =
    (
      variant: (request: FastifyRequest) => string,
      render: (board: Stamped, request: FastifyRequest) => Promise<unknown>,
      what = '',
    ) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const board = await boards.stamped((request.params as { token: string }).token);
      if (!board) return notFound(reply, request, 'Job board');
      const entry = await cache.answer(`${board.id} ${variant(request)}`, board.stamp, () =>
        render(board, request),
      );
      if (!entry) return notFound(reply, request, what);
      const tag = entityTag(entry, (request.query as { callback?: string }).callback);
      revalidate(reply, tag);
      if (notModified(request, tag)) return reply.code(304).header('access-control-allow-origin', '*').send();
      return sendJson(reply, request, 200, entry.json);
    };
  const departments = async (board: BoardRow, tree: boolean) =>
    presentDepartments(
      board,
      await boards.posts(board.id),
      (await boards.places(board.org_id)).teams,
      publicUrl,
      tree,
    );
  const offices = async (board: BoardRow, tree: boolean) =>
    presentOffices(board, await boards.posts(board.id), await boards.places(board.org_id), publicUrl, tree);
  type Query = Record<string, string | number | boolean | undefined>;
  type Params = { id: number };
  const q = (request: FastifyRequest) => request.query as Query;
  const id = (request: FastifyRequest) => (request.params as Params).id;
  const tree = (request: FastifyRequest) => q(request).render_as === 'tree';

  app.get(
    '/v1/boards/:token',
    {
      schema: {
        ...open,
        summary: "The board's name and intro",
        params: boardParams,
        querystring: z.object(common),
        response: { 200: v1Board, ...notModifiedOr, ...missing },
      },
    },
    answer(
      () => 'board',
      async (board) => presentBoard(board),
    ),
  );

  app.get(
    '/v1/boards/:token/jobs',
    {
      schema: {
        ...open,
        summary: "The board's open jobs; ?content=true adds each one's description, departments and offices",
        params: boardParams,
        querystring: z.object({ ...common, content: flag.default(false) }),
        response: { 200: v1Jobs, ...notModifiedOr, ...missing },
      },
    },
    answer(
      (request) => `jobs content=${q(request).content}`,
      async (board, request) => {
        const jobs = q(request).content
          ? await Promise.all([boards.posts(board.id), boards.places(board.org_id)]).then(([posts, places]) =>
              posts.map((post) => withContent(board, post, places, publicUrl)),
            )
          : (await boards.summaries(board.id)).map((post) => jobSummary(board, post, publicUrl));
        return { jobs, meta: { total: jobs.length } };
      },
    ),
  );

  app.get(
    '/v1/boards/:token/jobs/:id',
    {
      schema: {
        ...open,
        summary:
          'One job by its post id; ?questions=true adds the application form, ?pay_transparency=true its pay range',
        params: itemParams,
        querystring: z.object({
          ...common,
          questions: flag.default(false),
          pay_transparency: flag.default(false),
        }),
        response: { 200: v1Job, ...notModifiedOr, ...missing },
      },
    },
    answer(
      (request) => `job ${id(request)} questions=${q(request).questions} pay=${q(request).pay_transparency}`,
      async (board, request) => {
        const post = await boards.post(board.id, id(request));
        if (!post) return null;
        const add = { questions: q(request).questions === true, pay: q(request).pay_transparency === true };
        const job = presentJob(board, post, await boards.places(board.org_id), publicUrl, add);
        if (!add.questions) return job;
        // An office's policy change rewrites the office row, so the board's stamp renews this answer.
        const collect = collectsSelfIdentification(
          post.office_ids,
          await compliance.allowingOffices(board.org_id),
        );
        return {
          ...job,
          questions: [...(job.questions ?? []), screeningOptOutQuestion],
          ...complianceAdditions(collect),
        };
      },
      'Job',
    ),
  );

  const list = (what: 'departments' | 'offices') => ({
    ...open,
    summary: `The organisation's ${what} with their open jobs, as a list or (?render_as=tree) a tree`,
    params: boardParams,
    querystring: renderQuery,
    response: { 200: what === 'departments' ? v1Departments : v1Offices, ...notModifiedOr, ...missing },
  });
  const one = (what: 'department' | 'office') => ({
    ...open,
    summary: `One ${what} with its open jobs`,
    params: itemParams,
    querystring: renderQuery,
    response: { 200: what === 'department' ? v1Department : v1Office, ...notModifiedOr, ...missing },
  });

  app.get(
    '/v1/boards/:token/departments',
    { schema: list('departments') },
    answer(
      (request) => `departments tree=${tree(request)}`,
      async (board, request) => ({ departments: await departments(board, tree(request)) }),
    ),
  );
  app.get(
    '/v1/boards/:token/departments/:id',
    { schema: one('department') },
    answer(
      (request) => `department ${id(request)} tree=${tree(request)}`,
      async (board, request) =>
        (await departments(board, tree(request))).find((d) => d.id === id(request)) ?? null,
      'Department',
    ),
  );
  app.get(
    '/v1/boards/:token/offices',
    { schema: list('offices') },
    answer(
      (request) => `offices tree=${tree(request)}`,
      async (board, request) => ({ offices: await offices(board, tree(request)) }),
    ),
  );
  app.get(
    '/v1/boards/:token/offices/:id',
    { schema: one('office') },
    answer(
      (request) => `office ${id(request)} tree=${tree(request)}`,
      async (board, request) =>
        (await offices(board, tree(request))).find((o) => o.id === id(request)) ?? null,
      'Office',
    ),
  );

  const perIp = app.rateLimit({
    max: ctx.config.SUBMISSIONS_PER_MINUTE_PER_IP,
    timeWindow: 60_000,
    keyGenerator: perAddress('board-submissions-per-ip'),
  });
  // Checked after the per-IP limit (the rate-limit plugin applies one limiter per request).
  const perKey = keyBudget({
    db: ctx.sharedLimits,
    name: 'board-submissions-per-key',
    perMinute: ctx.config.SUBMISSIONS_PER_MINUTE_PER_KEY,
    keyOf: (request) => request.headers.authorization ?? '',
    message: (seconds) => `Too many submissions with this key; try again in ${seconds} s.`,
  });

  app.post(
    '/v1/boards/:token/jobs/:id',
    {
      preValidation: [perIp, perKey],
      schema: {
        tags,
        security: [{ boardKey: [] }],
        consumes: formTypes,
        summary:
          'Submits an application: multipart/form-data or JSON, with HTTP Basic auth (user name: the board key, empty password)',
        description:
          'Fields: first_name, last_name, email (required), phone, resume or resume_content + resume_content_filename ' +
          '(base64) or resume_text, the same for cover_letter, question_{id}, mapped_url_token, educations[], ' +
          'employments[], data_compliance[...]; voluntary self-identification as gender, race, veteran_status, ' +
          'disability_status or demographic_answers[] where the posting asks for it (refused with ' +
          'compliance.not_collected elsewhere), and screening_opt_out. Each missing or invalid field is named in the 422 answer.',
        params: itemParams,
        response: { 200: v1Applied, 401: v1Status, 422: v1Refused, 429: errorBody, ...missing },
      },
    },
    async (request, reply) => {
      const found = await boardAndPost(ctx.db, request.params.token, request.params.id);
      if (!found) return notFound(reply, request, 'Job board');
      const { board, post } = found;
      if (!keyMatches(board.api_key_hash, request.headers.authorization)) {
        reply.header('www-authenticate', 'Basic realm="job board"');
        return send(reply, request, 401, { status: 401, error: 'Invalid Basic Auth credentials' });
      }
      if (!post) return notFound(reply, request, 'Job');
      const { fields, files, tooLarge } = await readBody(request);
      if (tooLarge) {
        return send(reply, request, 422, {
          message: 'The application has invalid or missing fields.',
          errors: [{ field: tooLarge, message: 'the file is larger than 10 MB' }],
        });
      }
      const idempotencyKey = request.headers['idempotency-key'] as string | undefined;
      const source = `board:${board.token}`;
      const outcome = await receiveApplication(ctx, board, post, { fields, files, idempotencyKey, source });
      if (!outcome.ok) {
        const { status, message, errors, code } = outcome;
        return send(reply, request, status, { message, errors, ...(code ? { code } : {}) });
      }
      const { applicationId: application_id, created } = outcome;
      return send(reply, request, 200, { success: 'Candidate saved successfully', application_id, created });
    },
  );
}
