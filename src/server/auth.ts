import { hash, verify } from '@node-rs/argon2';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DomainError } from '../contracts/errors.js';
import { noteTokenUse } from '../core/accounts/note-token-use.js';
import { type Action, isAllowed, sessionOnlyActions } from '../core/shared/permissions.js';
import type { Actor } from '../core/shared/types.js';
import type { AppContext } from './context.js';
import { sendError } from './errors.js';

export const SESSION_COOKIE = 'hl_session';

export const hashPassword = (password: string) => hash(password);
// A real hash to verify against when the email is unknown, so both answers take the same time.
const decoyHash = hash('decoy password that matches nothing');
export async function checkPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  if (!stored) {
    await verify(await decoyHash, password);
    return false;
  }
  return verify(stored, password);
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** The secret of an `Authorization: Bearer` header, or null when the request has none. */
export function bearerOf(headers: FastifyRequest['headers']): string | null {
  const value = headers.authorization;
  const match = typeof value === 'string' ? /^Bearer[ ]+(\S+)\s*$/i.exec(value) : null;
  return match?.[1] ?? null;
}

/**
 * Who a request acts for: an API token (`Authorization: Bearer`), which then is the only
 * credential looked at, or else the session cookie. A token that is unknown, revoked or expired is
 * refused at once rather than treated as nobody, so an integration learns why.
 */
export async function authenticate(ctx: AppContext, request: FastifyRequest, reply: FastifyReply) {
  // SCIM's bearer is the organisation's SCIM token, checked by its own routes; it is never a person.
  if (request.url.startsWith('/scim/')) {
    request.actor = null;
    return;
  }
  const bearer = bearerOf(request.headers);
  if (bearer === null) {
    const token = request.cookies[SESSION_COOKIE];
    request.actor = token
      ? await ctx.accounts.actorForSession(ctx.deps.tokens.hash(token), ctx.clock.now())
      : null;
    return;
  }
  const actor = await ctx.accounts.actorForToken(ctx.deps.tokens.hash(bearer), ctx.clock.now());
  if (actor?.kind !== 'staff' || !actor.token) {
    return sendError(reply, {
      code: 'auth.invalid_token',
      message: 'This API token is unknown, revoked or expired.',
    });
  }
  request.actor = actor;
  // The store notes a use at most once a minute; this node also skips the round trip meanwhile.
  const now = ctx.clock.now().getTime();
  if (now - (tokenTouched.get(actor.token.tokenId) ?? Number.NEGATIVE_INFINITY) < 60_000) return;
  if (tokenTouched.size > 10_000) tokenTouched.clear();
  tokenTouched.set(actor.token.tokenId, now);
  const route = request.routeOptions.url ?? 'unknown';
  await noteTokenUse(ctx.deps, { actor: { ...actor, token: actor.token }, address: request.ip, route });
}
const tokenTouched = new Map<string, number>();

function requireActor(request: FastifyRequest, reply: FastifyReply): Actor | null {
  if (!request.actor) {
    sendError(reply, { code: 'auth.required', message: 'Sign in first.' });
    return null;
  }
  return request.actor;
}

/** Refuses a request made with an API token; true when it was refused. */
export function refuseToken(actor: Actor, reply: FastifyReply): boolean {
  if (actor.kind !== 'staff' || !actor.token) return false;
  sendError(reply, {
    code: 'token.session_required',
    message: 'API tokens cannot do this; sign in to Hireloop and do it there.',
  });
  return true;
}

/** The one guard for staff endpoints: deny unless the permission table allows the actor's role. */
export function allow(action: Action) {
  const sessionOnly = (sessionOnlyActions as readonly Action[]).includes(action);
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const actor = requireActor(request, reply);
    if (actor && sessionOnly && refuseToken(actor, reply)) return;
    if (actor && !isAllowed(actor, action)) {
      return sendError(reply, {
        code: 'permission.denied',
        message: 'Your role does not allow this.',
        details: { action },
      });
    }
  };
}

export async function candidateOnly(request: FastifyRequest, reply: FastifyReply) {
  const actor = requireActor(request, reply);
  if (actor && actor.kind !== 'candidate') {
    return sendError(reply, {
      code: 'permission.denied',
      message: 'This is for candidates signed in by link.',
    });
  }
}

/**
 * Signed in with a session (the person's own sessions, password, coding pads): API tokens reach
 * only what the permission table names, so their scopes always hold them in.
 */
export async function signedIn(request: FastifyRequest, reply: FastifyReply) {
  const actor = requireActor(request, reply);
  if (actor) refuseToken(actor, reply);
}

/** Anyone signed in, with a session or an API token (who am I). */
export async function signedInOrToken(request: FastifyRequest, reply: FastifyReply) {
  requireActor(request, reply);
}

export async function staffOnly(request: FastifyRequest, reply: FastifyReply) {
  const actor = requireActor(request, reply);
  if (actor && refuseToken(actor, reply)) return;
  if (actor && actor.kind !== 'staff') {
    return sendError(reply, {
      code: 'permission.denied',
      message: 'This is for staff signed in by password.',
    });
  }
}

/** Where a request comes from, as a session remembers it; the address honours TRUST_PROXY. */
export function originOf(request: FastifyRequest) {
  const userAgent = request.headers['user-agent'];
  return { userAgent: userAgent ? userAgent.slice(0, 400) : null, address: request.ip };
}

/** A refusal that says when to come back: the wait in its message, and a Retry-After header. */
export function sendThrottled(reply: FastifyReply, error: DomainError) {
  const wait = error.details?.retryAfterSeconds;
  if (typeof wait === 'number') reply.header('retry-after', String(wait));
  return sendError(reply, error);
}

/** Narrows the actor after a guard ran; reaching here without one is a bug in route wiring. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new Error('route has no guard');
  return request.actor;
}

export function staffOf(request: FastifyRequest): Actor & { kind: 'staff' } {
  const actor = actorOf(request);
  if (actor.kind !== 'staff') throw new Error('route is not guarded by staffOnly');
  return actor;
}

export function candidateOf(request: FastifyRequest): Actor & { kind: 'candidate' } {
  const actor = actorOf(request);
  if (actor.kind !== 'candidate') throw new Error('route is not guarded by candidateOnly');
  return actor;
}
