import type { FastifyReply, FastifyRequest } from 'fastify';
import { PENDING_MINUTES, type SignInStep } from '../core/accounts/mfa-begin-sign-in.js';
import type { StartedSession } from '../core/accounts/start-session.js';
import { SESSION_COOKIE } from './auth.js';
import type { Config } from './config.js';

/** A sign-in waiting for its second factor or an enrolment; only its hash is in the database. */
export const PENDING_COOKIE = 'hl_pending';

export function setSessionCookie(reply: FastifyReply, config: Config, session: StartedSession) {
  reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    secure: config.COOKIE_SECURE,
    sameSite: 'lax',
    path: '/',
    maxAge: config.SESSION_DAYS * 86_400,
  });
}

export const pendingToken = (request: FastifyRequest) => request.cookies[PENDING_COOKIE] ?? '';

export function clearPending(reply: FastifyReply) {
  reply.clearCookie(PENDING_COOKIE, { path: '/api/' });
}

/** Answers a password sign-in that cannot start a session yet: the pending secret goes in a cookie. */
export function answerPendingStep(
  reply: FastifyReply,
  config: Config,
  step: Exclude<SignInStep, { status: 'session' }>,
) {
  reply.setCookie(PENDING_COOKIE, step.pending.token, {
    httpOnly: true,
    secure: config.COOKIE_SECURE,
    sameSite: 'strict',
    path: '/api/',
    // Relative, like the session cookie: the database's expiry is what counts.
    maxAge: PENDING_MINUTES * 60,
  });
  return reply.code(200).send({
    status:
      step.status === 'second_factor' ? ('second_factor_required' as const) : ('enrolment_required' as const),
    methods: (step.status === 'second_factor' ? step.methods : []) as (
      | 'totp'
      | 'passkey'
      | 'recovery_code'
    )[],
    expiresAt: step.pending.expiresAt.toISOString(),
  });
}
