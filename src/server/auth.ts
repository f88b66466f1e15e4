import { hash, verify } from '@node-rs/argon2';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DomainError } from '../contracts/errors.js';
import { type Action, isAllowed } from '../core/shared/permissions.js';
import type { Actor } from '../core/shared/types.js';
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

function requireActor(request: FastifyRequest, reply: FastifyReply): Actor | null {
  if (!request.actor) {
    sendError(reply, { code: 'auth.required', message: 'Sign in first.' });
    return null;
  }
  return request.actor;
}

/** The one guard for staff endpoints: deny unless the permission table allows the actor's role. */
export function allow(action: Action) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const actor = requireActor(request, reply);
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

export async function signedIn(request: FastifyRequest, reply: FastifyReply) {
  requireActor(request, reply);
}

export async function staffOnly(request: FastifyRequest, reply: FastifyReply) {
  const actor = requireActor(request, reply);
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
