import { createHash } from 'node:crypto';
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
import { type BoardRow, boardQueries } from '../../db/boards/boards.queries.js';
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
import { errorPayload } from '../errors.js';
import { formTypes } from '../http-guards.js';

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

/** Answers as JSON, or as JSONP when the client asked with `?callback=`. */
function send(reply: FastifyReply, request: FastifyRequest, status: number, body: unknown) {
  const callback = (request.query as { callback?: string }).callback;
  reply.code(status).header('access-control-allow-origin', '*');
  if (callback)
    return reply
      .type('application/javascript; charset=utf-8')
      .send(`/**/${callback}(${JSON.stringify(body)});`);
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(body));
}

const notFound = (reply: FastifyReply, request: FastifyRequest, what: string) =>
  send(reply, request, 404, { status: 404, error: `${what} not found` });

/**
 * The public Job Board API, shaped like Greenhouse's v1 so existing clients work unchanged. GETs
 * are public and cacheable; applying needs the board's key.
 */
export function jobBoardRoutes(app: App, ctx: AppContext) {
  const boards = boardQueries(ctx.db);
  const publicUrl = ctx.config.PUBLIC_URL;
  const load = async (request: FastifyRequest, reply: FastifyReply) => {
    const board = await boards.board((request.params as { token: string }).token);
    if (!board) notFound(reply, request, 'Job board');
    return board;
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

  app.get(
    '/v1/boards/:token',
    {
      schema: {
        ...open,
        summary: "The board's name and intro",
        params: boardParams,
        querystring: z.object(common),
        response: { 200: v1Board, ...missing },
      },
    },
    async (request, reply) => {
      const board = await load(request, reply);
      if (board) return send(reply, request, 200, presentBoard(board));
    },
  );

  app.get(
    '/v1/boards/:token/jobs',
    {
      schema: {
        ...open,
        summary: "The board's open jobs; ?content=true adds each one's description, departments and offices",
        params: boardParams,
        querystring: z.object({ ...common, content: flag.default(false) }),
        response: { 200: v1Jobs, ...missing },
      },
    },
    async (request, reply) => {
      const board = await load(request, reply);
      if (!board) return;
      const posts = await boards.posts(board.id);
      const jobs = request.query.content
        ? await boards
            .places(board.org_id)
            .then((p) => posts.map((post) => withContent(board, post, p, publicUrl)))
        : posts.map((post) => jobSummary(board, post, publicUrl));
      return send(reply, request, 200, { jobs, meta: { total: jobs.length } });
    },
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
        response: { 200: v1Job, ...missing },
      },
    },
    async (request, reply) => {
      const board = await load(request, reply);
      if (!board) return;
      const post = await boards.post(board.id, request.params.id);
      if (!post) return notFound(reply, request, 'Job');
      const { questions, pay_transparency: pay } = request.query;
      const job = presentJob(board, post, await boards.places(board.org_id), publicUrl, { questions, pay });
      return send(reply, request, 200, job);
    },
  );

  const list = (what: 'departments' | 'offices') => ({
    ...open,
    summary: `The organisation's ${what} with their open jobs, as a list or (?render_as=tree) a tree`,
    params: boardParams,
    querystring: renderQuery,
    response: { 200: what === 'departments' ? v1Departments : v1Offices, ...missing },
  });
  const one = (what: 'department' | 'office') => ({
    ...open,
    summary: `One ${what} with its open jobs`,
    params: itemParams,
    querystring: renderQuery,
    response: { 200: what === 'department' ? v1Department : v1Office, ...missing },
  });

  app.get('/v1/boards/:token/departments', { schema: list('departments') }, async (request, reply) => {
    const board = await load(request, reply);
    const tree = request.query.render_as === 'tree';
    if (board) return send(reply, request, 200, { departments: await departments(board, tree) });
  });
  app.get('/v1/boards/:token/departments/:id', { schema: one('department') }, async (request, reply) => {
    const board = await load(request, reply);
    if (!board) return;
    const found = (await departments(board, request.query.render_as === 'tree')).find(
      (d) => d.id === request.params.id,
    );
    return found ? send(reply, request, 200, found) : notFound(reply, request, 'Department');
  });
  app.get('/v1/boards/:token/offices', { schema: list('offices') }, async (request, reply) => {
    const board = await load(request, reply);
    const tree = request.query.render_as === 'tree';
    if (board) return send(reply, request, 200, { offices: await offices(board, tree) });
  });
  app.get('/v1/boards/:token/offices/:id', { schema: one('office') }, async (request, reply) => {
    const board = await load(request, reply);
    if (!board) return;
    const found = (await offices(board, request.query.render_as === 'tree')).find(
      (o) => o.id === request.params.id,
    );
    return found ? send(reply, request, 200, found) : notFound(reply, request, 'Office');
  });

  const perIp = app.rateLimit({ max: ctx.config.SUBMISSIONS_PER_MINUTE_PER_IP, timeWindow: 60_000 });
  const perKey = keyBudget(ctx.config.SUBMISSIONS_PER_MINUTE_PER_KEY);

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
          'employments[], data_compliance[...]. Each missing or invalid field is named in the 422 answer.',
        params: itemParams,
        response: { 200: v1Applied, 401: v1Status, 422: v1Refused, 429: errorBody, ...missing },
      },
    },
    async (request, reply) => {
      const board = await load(request, reply);
      if (!board) return;
      if (!keyMatches(board.api_key_hash, request.headers.authorization)) {
        reply.header('www-authenticate', 'Basic realm="job board"');
        return send(reply, request, 401, { status: 401, error: 'Invalid Basic Auth credentials' });
      }
      const post = await boards.post(board.id, request.params.id);
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

/**
 * The board key's submission budget: a fixed one-minute window per key, checked after the per-IP
 * limit (the rate-limit plugin applies one limiter per request).
 */
function keyBudget(perMinute: number) {
  const windows = new Map<string, { start: number; count: number }>();
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const key = createHash('sha256')
      .update(request.headers.authorization ?? '')
      .digest('hex');
    const now = Date.now();
    const window = windows.get(key);
    if (!window || now - window.start >= 60_000) {
      windows.set(key, { start: now, count: 1 });
      if (windows.size > 10_000) windows.clear();
      return;
    }
    window.count++;
    if (window.count > perMinute) {
      const seconds = Math.ceil((window.start + 60_000 - now) / 1000);
      return reply.code(429).send(
        errorPayload({
          code: 'rate.limited',
          message: `Too many submissions with this key; try again in ${seconds} s.`,
        }),
      );
    }
  };
}
