import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { BoardRow, LivePost } from '../../db/boards/boards.queries.js';
import { boardQueries } from '../../db/boards/boards.queries.js';
import { type IntakeFile, questionsFor, receiveApplication } from '../boards/intake.js';
import { escapeHtml, jobSummary, postingHtml } from '../boards/postings.js';
import { MAX_ATTACHMENT_BYTES } from '../boards/resume-intake.js';
import type { App, AppContext } from '../context.js';

const boardParams = z.object({ token: z.string().min(1).max(63) });
const itemParams = boardParams.extend({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const common = {
  callback: z
    .string()
    .regex(/^[A-Za-z_$][\w$.]{0,63}$/, 'must be a JavaScript identifier')
    .optional(),
};
const renderAs = z.enum(['list', 'tree']).default('list');

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

const sha256 = (s: string) => createHash('sha256').update(s).digest();

/** HTTP Basic with the board's API key as the user name and an empty password. */
function keyMatches(board: BoardRow, authorization: string | undefined): boolean {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization ?? '');
  if (!match) return false;
  const [user] = Buffer.from(match[1]!, 'base64').toString('utf8').split(':');
  return timingSafeEqual(sha256(user ?? ''), Buffer.from(board.api_key_hash, 'hex'));
}

/**
 * The public Job Board API, shaped like Greenhouse's v1 so existing clients work unchanged. GETs
 * are public and cacheable; applying needs the board's key.
 */
export function jobBoardRoutes(app: App, ctx: AppContext) {
  const boards = boardQueries(ctx.db);
  const publicUrl = ctx.config.PUBLIC_URL;
  const hide = { hide: true };

  const departmentsOf = async (board: BoardRow, posts: LivePost[]) =>
    (await boards.teams(board.org_id)).map((team) => ({
      team,
      jobs: posts.filter((p) => p.team_id === team.id).map((p) => jobSummary(board, p, publicUrl)),
    }));
  const department = (d: Awaited<ReturnType<typeof departmentsOf>>[number], tree: boolean) => ({
    id: d.team.public_id,
    name: d.team.name,
    ...(tree ? { children: [] } : { parent_id: null, child_ids: [] }),
    jobs: d.jobs,
  });
  const officesOf = async (board: BoardRow, posts: LivePost[], tree: boolean) => {
    const teams = await boards.teams(board.org_id);
    return (await boards.offices(board.org_id)).map((office) => {
      const here = posts.filter((p) => p.office_ids.includes(office.id));
      return {
        id: office.public_id,
        name: office.name,
        location: office.location,
        ...(tree ? { children: [] } : { parent_id: null, child_ids: [] }),
        departments: teams.map((team) =>
          department(
            {
              team,
              jobs: here.filter((p) => p.team_id === team.id).map((p) => jobSummary(board, p, publicUrl)),
            },
            tree,
          ),
        ),
      };
    });
  };
  type Places = {
    teams: Awaited<ReturnType<typeof boards.teams>>;
    offices: Awaited<ReturnType<typeof boards.offices>>;
  };
  /** The organisation's teams and offices, read once per request rather than once per job. */
  const placesOf = async (board: BoardRow): Promise<Places> => ({
    teams: await boards.teams(board.org_id),
    offices: await boards.offices(board.org_id),
  });
  const withContent = (board: BoardRow, post: LivePost, { teams, offices }: Places) => {
    const team = teams.find((t) => t.id === post.team_id)!;
    return {
      ...jobSummary(board, post, publicUrl),
      // Entity-encoded HTML, as the real service sends it.
      content: escapeHtml(postingHtml(post)),
      departments: [{ id: team.public_id, name: team.name, parent_id: null, child_ids: [] }],
      offices: offices
        .filter((o) => post.office_ids.includes(o.id))
        .map((o) => ({
          id: o.public_id,
          name: o.name,
          location: o.location,
          parent_id: null,
          child_ids: [],
        })),
    };
  };
  const load = async (request: FastifyRequest, reply: FastifyReply) => {
    const board = await boards.board((request.params as { token: string }).token);
    if (!board) notFound(reply, request, 'Job board');
    return board;
  };

  app.get(
    '/v1/boards/:token',
    { schema: { ...hide, params: boardParams, querystring: z.object(common) } },
    async (request, reply) => {
      const board = await load(request, reply);
      return (
        board &&
        send(reply, request, 200, {
          name: board.name,
          content: board.intro ? `<p>${escapeHtml(board.intro)}</p>` : '',
        })
      );
    },
  );

  app.get(
    '/v1/boards/:token/jobs',
    {
      schema: {
        ...hide,
        params: boardParams,
        querystring: z.object({ ...common, content: flag.default(false) }),
      },
    },
    async (request, reply) => {
      const board = await load(request, reply);
      if (!board) return;
      const posts = await boards.posts(board.id);
      const jobs = request.query.content
        ? await placesOf(board).then((places) => posts.map((p) => withContent(board, p, places)))
        : posts.map((p) => jobSummary(board, p, publicUrl));
      return send(reply, request, 200, { jobs, meta: { total: jobs.length } });
    },
  );

  app.get(
    '/v1/boards/:token/jobs/:id',
    {
      schema: {
        ...hide,
        params: itemParams,
        querystring: z.object({
          ...common,
          questions: flag.default(false),
          pay_transparency: flag.default(false),
        }),
      },
    },
    async (request, reply) => {
      const board = await load(request, reply);
      if (!board) return;
      const post = await boards.post(board.id, request.params.id);
      if (!post) return notFound(reply, request, 'Job');
      const band = post.compensation_band;
      return send(reply, request, 200, {
        ...withContent(board, post, await placesOf(board)),
        ...(request.query.questions
          ? {
              questions: questionsFor(post),
              data_compliance: [
                {
                  type: 'gdpr',
                  requires_consent: board.gdpr_retention_days !== null,
                  requires_processing_consent: board.gdpr_retention_days !== null,
                  requires_retention_consent: false,
                  retention_period: board.gdpr_retention_days,
                },
              ],
            }
          : {}),
        ...(request.query.pay_transparency
          ? {
              pay_input_ranges: band
                ? [
                    {
                      min_cents: band.baseMinCents,
                      max_cents: band.baseMaxCents,
                      currency_type: band.currency,
                      title: `${post.locations.join('; ')} base salary range`,
                      blurb:
                        'The base salary range for this role; the offer depends on level, skills and location.',
                    },
                  ]
                : [],
            }
          : {}),
      });
    },
  );

  const renderQuery = z.object({ ...common, render_as: renderAs });
  const allDepartments = async (board: BoardRow, tree: boolean) =>
    (await departmentsOf(board, await boards.posts(board.id))).map((d) => department(d, tree));
  const allOffices = async (board: BoardRow, tree: boolean) =>
    officesOf(board, await boards.posts(board.id), tree);

  app.get(
    '/v1/boards/:token/departments',
    { schema: { ...hide, params: boardParams, querystring: renderQuery } },
    async (request, reply) => {
      const board = await load(request, reply);
      return (
        board &&
        send(reply, request, 200, {
          departments: await allDepartments(board, request.query.render_as === 'tree'),
        })
      );
    },
  );
  app.get(
    '/v1/boards/:token/departments/:id',
    { schema: { ...hide, params: itemParams, querystring: renderQuery } },
    async (request, reply) => {
      const board = await load(request, reply);
      if (!board) return;
      const one = (await allDepartments(board, request.query.render_as === 'tree')).find(
        (d) => d.id === request.params.id,
      );
      return one ? send(reply, request, 200, one) : notFound(reply, request, 'Department');
    },
  );
  app.get(
    '/v1/boards/:token/offices',
    { schema: { ...hide, params: boardParams, querystring: renderQuery } },
    async (request, reply) => {
      const board = await load(request, reply);
      return (
        board &&
        send(reply, request, 200, { offices: await allOffices(board, request.query.render_as === 'tree') })
      );
    },
  );
  app.get(
    '/v1/boards/:token/offices/:id',
    { schema: { ...hide, params: itemParams, querystring: renderQuery } },
    async (request, reply) => {
      const board = await load(request, reply);
      if (!board) return;
      const one = (await allOffices(board, request.query.render_as === 'tree')).find(
        (o) => o.id === request.params.id,
      );
      return one ? send(reply, request, 200, one) : notFound(reply, request, 'Office');
    },
  );

  const perIp = app.rateLimit({ max: ctx.config.SUBMISSIONS_PER_MINUTE_PER_IP, timeWindow: 60_000 });
  // The rate-limit plugin applies one limiter per request, so the board key's budget is counted
  // here: a fixed one-minute window per key, after the per-IP limit.
  const keyWindows = new Map<string, { start: number; count: number }>();
  const perKey = async (request: FastifyRequest, reply: FastifyReply) => {
    const key = sha256(request.headers.authorization ?? '').toString('hex');
    const now = Date.now();
    const window = keyWindows.get(key);
    if (!window || now - window.start >= 60_000) {
      keyWindows.set(key, { start: now, count: 1 });
      if (keyWindows.size > 10_000) keyWindows.clear();
      return;
    }
    window.count++;
    if (window.count > ctx.config.SUBMISSIONS_PER_MINUTE_PER_KEY) {
      const seconds = Math.ceil((window.start + 60_000 - now) / 1000);
      return reply.code(429).send({
        error: {
          code: 'rate.limited',
          message: `Too many submissions with this key; try again in ${seconds} s.`,
        },
      });
    }
  };

  app.post(
    '/v1/boards/:token/jobs/:id',
    { preHandler: [perIp, perKey], schema: { ...hide, params: itemParams } },
    async (request, reply) => {
      const board = await load(request, reply);
      if (!board) return;
      if (!keyMatches(board, request.headers.authorization)) {
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
      const outcome = await receiveApplication(
        ctx,
        {
          id: board.id,
          orgId: board.org_id,
          token: board.token,
          gdprRetentionDays: board.gdpr_retention_days,
        },
        post,
        {
          fields,
          files,
          idempotencyKey: request.headers['idempotency-key'] as string | undefined,
          source: `board:${board.token}`,
        },
      );
      if (!outcome.ok) {
        return send(reply, request, outcome.status, {
          message: outcome.message,
          errors: outcome.errors,
          ...(outcome.code ? { code: outcome.code } : {}),
        });
      }
      return send(reply, request, 200, {
        success: 'Candidate saved successfully',
        application_id: outcome.applicationId,
        created: outcome.created,
      });
    },
  );
}

/** A multipart or JSON body as flat fields plus files; nested multipart names (`a[b]`) become objects. */
export async function readBody(
  request: FastifyRequest,
): Promise<{ fields: Record<string, unknown>; files: IntakeFile[]; tooLarge?: string }> {
  if (!request.isMultipart()) {
    const body = request.body;
    return { fields: body && typeof body === 'object' ? (body as Record<string, unknown>) : {}, files: [] };
  }
  const fields: Record<string, unknown> = {};
  const files: IntakeFile[] = [];
  for await (const part of request.parts({
    limits: { fileSize: MAX_ATTACHMENT_BYTES, fields: 200, fieldSize: 200_000, files: 5 },
  })) {
    if (part.type === 'file') {
      const data = await part.toBuffer().catch(() => null);
      if (!data || part.file.truncated) return { fields, files, tooLarge: part.fieldname };
      // Browsers send an empty part for a file input left empty.
      if (data.length === 0 && !part.filename) continue;
      files.push({ field: part.fieldname, filename: part.filename, data });
    } else {
      setField(fields, part.fieldname, part.value);
    }
  }
  return { fields, files };
}

function setField(fields: Record<string, unknown>, name: string, value: unknown) {
  const nested = /^([\w-]+)\[([\w-]+)\]$/.exec(name);
  if (nested) {
    const [, outer, inner] = nested as unknown as [string, string, string];
    const target = (fields[outer] ?? {}) as Record<string, unknown>;
    target[inner] = value;
    fields[outer] = target;
  } else if (name.endsWith('[]')) {
    const key = name.slice(0, -2);
    fields[key] = [...((fields[key] as unknown[]) ?? []), value];
  } else {
    fields[name] = value;
  }
}
