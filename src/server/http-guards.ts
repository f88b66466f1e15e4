import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DomainError } from '../contracts/errors.js';
import { bearerOf } from './auth.js';
import type { Config } from './config.js';
import type { App } from './context.js';
import { errorPayload, sendError } from './errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a request may change something on behalf of whoever's cookies it carries: the algorithm
 * of Go's net/http CrossOriginProtection. Browsers send `Sec-Fetch-Site` (all since 2023) or at
 * least `Origin` on every cross-origin request; a request with neither comes from a script or a
 * server, which no other site can drive. `trusted` is our public origin, for a proxy that rewrites
 * the Host header.
 */
export function crossOriginRefusal(
  headers: FastifyRequest['headers'],
  trusted: string,
): DomainError<'csrf.refused'> | null {
  const site = headers['sec-fetch-site'];
  const origin = headers.origin;
  if (site === 'same-origin' || site === 'none') return null;
  if (origin === trusted) return null;
  if (site !== undefined)
    return refusal(`The request came from another site (${site}), so it was not carried out.`, { site });
  if (origin === undefined) return null;
  if (hostOf(origin) === headers.host?.toLowerCase()) return null;
  return refusal('The request came from another origin, so it was not carried out.', { origin });
}

const refusal = (reason: string, details: Record<string, unknown>): DomainError<'csrf.refused'> => ({
  code: 'csrf.refused',
  message: `${reason} Open Hireloop itself and try again.`,
  details,
});

function hostOf(origin: string) {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** What the routes that read their body with `readBody` take: a browser's form post, or JSON. */
export const formTypes = ['multipart/form-data', 'application/json'];

/** The media types a route takes: JSON unless its schema says otherwise (`consumes`). */
function mediaRefusal(request: FastifyRequest, reply: FastifyReply) {
  const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  if (!type || !request.routeOptions.url) return;
  const consumes = (request.routeOptions.schema as { consumes?: string[] } | undefined)?.consumes ?? [
    'application/json',
  ];
  if (consumes.includes(type)) return;
  // The framework's own 415, so a form post cannot reach a JSON endpoint, even one without a body.
  return reply.code(415).send(
    errorPayload({
      code: 'validation.failed',
      message: `This endpoint takes ${consumes.join(' or ')}, not ${type}.`,
      details: { reason: 'FST_ERR_CTP_INVALID_MEDIA_TYPE', accepts: consumes },
    }),
  );
}

const ZERO_BYTE = 'must not contain a zero byte';
type Issue = { field: string; message: string };

/**
 * Every text in a value that holds U+0000, named like validation issues (`body.first_name`,
 * `query.q`). PostgreSQL cannot store a zero byte in text or JSON, so such a request can never
 * succeed. Iterative: a deeply nested JSON body must not exhaust the stack.
 */
export function zeroByteIssues(value: unknown, root: string): Issue[] {
  const issues: Issue[] = [];
  const pending: [unknown, string][] = [[value, root]];
  while (pending.length > 0 && issues.length < 20) {
    const [item, field] = pending.pop()!;
    if (typeof item === 'string') {
      if (item.includes('\u0000')) issues.push({ field, message: ZERO_BYTE });
    } else if (item && typeof item === 'object' && !ArrayBuffer.isView(item)) {
      for (const [key, inner] of Object.entries(item)) {
        const path = `${field}.${key}`;
        if (key.includes('\u0000')) issues.push({ field: path, message: ZERO_BYTE });
        else pending.push([inner, path]);
      }
    }
  }
  return issues.reverse();
}

/** Thrown where a body is read by hand (multipart forms); the error handler answers it. */
export class ZeroByteError extends Error {
  constructor(readonly issues: Issue[]) {
    super(issues.map((i) => `${i.field}: ${i.message}`).join('; '));
  }
}

export const zeroByteRefusal = (issues: Issue[]): DomainError<'validation.failed'> => ({
  code: 'validation.failed',
  message: issues.map((i) => `${i.field}: ${i.message}`).join('; '),
  details: { issues },
});

/**
 * The same rule for a WebSocket upgrade (a GET, so the hook above lets it by), as the socket
 * route's own onRequest hook: the websocket plugin closes a refused socket only once its own
 * hooks have run. Browsers send Origin on every upgrade, so a socket opened by another site's
 * page carries one that does not match.
 */
export function sameOriginUpgrade(config: Pick<Config, 'PUBLIC_URL'>) {
  const trusted = new URL(config.PUBLIC_URL).origin;
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const refused = crossOriginRefusal(request.headers, trusted);
    if (refused) return sendError(reply, refused);
  };
}

/**
 * The checks every request passes before any route sees it: no cross-site writes (sockets: see
 * `sameOriginUpgrade`), JSON where JSON is expected, and no zero byte in any text (params, query, headers,
 * parsed body; multipart fields are checked as they are read, in `boards/request-body.ts`).
 */
export function registerHttpGuards(app: App, config: Pick<Config, 'PUBLIC_URL'>) {
  const trusted = new URL(config.PUBLIC_URL).origin;
  app.addHook('onRequest', async (request, reply) => {
    if (SAFE_METHODS.has(request.method)) return;
    // A request with an API token acts by that token alone, never by cookies: a page on another
    // site cannot add the header without the token, so there is nothing to forge.
    const refused = bearerOf(request.headers) === null && crossOriginRefusal(request.headers, trusted);
    if (refused) return sendError(reply, refused);
    return mediaRefusal(request, reply);
  });
  // Runs before the routes' own preValidation guards, and after the body is parsed.
  app.addHook('preValidation', async (request, reply) => {
    const issues = [
      ...zeroByteIssues(request.params, 'params'),
      ...zeroByteIssues(request.query, 'query'),
      ...zeroByteIssues(request.headers, 'headers'),
      ...zeroByteIssues(request.body, 'body'),
    ];
    if (issues.length > 0) return sendError(reply, zeroByteRefusal(issues));
  });
}
