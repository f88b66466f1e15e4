import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  candidateLinkBody,
  candidateLinkResponse,
  loginBody,
  meResponse,
  redeemLinkBody,
} from '../../contracts/accounts.js';
import { errorBody } from '../../contracts/common.js';
import { endSession } from '../../core/accounts/end-session.js';
import { redeemSignInLink } from '../../core/accounts/redeem-sign-in-link.js';
import { requestSignInLink } from '../../core/accounts/request-sign-in-link.js';
import { type StartedSession, startSession } from '../../core/accounts/start-session.js';
import { type Action, isAllowed, permissions } from '../../core/shared/permissions.js';
import type { Actor, StaffRole } from '../../core/shared/types.js';
import type { accountQueries } from '../../db/accounts/accounts.queries.js';
import { actorOf, checkPassword, SESSION_COOKIE, signedIn } from '../auth.js';
import type { App, AppContext } from '../context.js';
import { sendError } from '../errors.js';

type Person = Awaited<ReturnType<ReturnType<typeof accountQueries>['me']>>;

/** Who is signed in, with what a staff member's roles allow. */
function presentMe(actor: Actor, person: Person) {
  if (actor.kind === 'staff' && 'roles' in person) {
    return {
      kind: 'staff' as const,
      orgId: actor.orgId,
      userId: actor.userId,
      name: person.name,
      email: person.email,
      timezone: person.timezone,
      roles: person.roles as StaffRole[],
      teamIds: person.team_ids,
      can: (Object.keys(permissions) as Action[]).filter((action) => isAllowed(actor, action)),
    };
  }
  if (actor.kind === 'candidate' && 'first_name' in person) {
    return {
      kind: 'candidate' as const,
      orgId: actor.orgId,
      candidateId: actor.candidateId,
      name: `${person.first_name} ${person.last_name}`,
      email: person.email,
    };
  }
  throw new Error('session points at the wrong kind of person');
}

export function authRoutes(app: App, ctx: AppContext) {
  const { accounts, config, deps } = ctx;

  /** Hands the session's secret to the browser; the answer itself carries nothing. */
  function withSession(reply: FastifyReply, session: StartedSession) {
    reply.setCookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      secure: config.COOKIE_SECURE,
      sameSite: 'lax',
      path: '/',
      // Relative, so a browser whose clock is off from ours still keeps the cookie as long as the session lives.
      maxAge: config.SESSION_DAYS * 86_400,
    });
    return reply.code(204).send(null);
  }

  // Password guessing is slowed per client address; a real person never needs more than a few tries.
  const perIp = app.rateLimit({ max: config.LOGIN_ATTEMPTS_PER_MINUTE_PER_IP, timeWindow: 60_000 });
  app.post(
    '/api/auth/login',
    {
      preValidation: perIp,
      schema: {
        tags: ['auth'],
        summary: 'Staff sign-in with email and password; sets the session cookie',
        body: loginBody,
        response: { 204: z.null(), 401: errorBody, 429: errorBody },
      },
    },
    async (request, reply) => {
      const staff = await accounts.staffForSignIn(request.body.org, request.body.email);
      // Checked even when nobody matched, so a wrong email takes as long as a wrong password.
      const valid = await checkPassword(staff?.passwordHash, request.body.password);
      if (!staff || !valid) {
        return sendError(reply, {
          code: 'auth.invalid_credentials',
          message: 'Wrong organisation, email or password.',
        });
      }
      const holder = { userId: staff.userId };
      const session = await startSession(deps, { orgId: staff.orgId, holder, days: config.SESSION_DAYS });
      return session.ok ? withSession(reply, session.value) : sendError(reply, session.error);
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'Ends the current session', response: { 204: z.null() } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await endSession(deps, { token });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      preValidation: signedIn,
      schema: { tags: ['auth'], summary: 'Who is signed in', response: { 200: meResponse, 401: errorBody } },
    },
    async (request) => {
      const actor = actorOf(request);
      if (actor.kind === 'board') throw new Error('sessions never belong to a board');
      return presentMe(actor, await accounts.me(actor));
    },
  );

  app.post(
    '/api/auth/candidate-links',
    {
      // Also keeps one address from flooding candidates' inboxes with sign-in emails.
      preValidation: perIp,
      schema: {
        tags: ['auth'],
        summary: 'Asks for a passwordless sign-in link for a candidate (sent through the outbox)',
        description: 'Always answers 202, whether or not the email is known, so addresses cannot be probed.',
        body: candidateLinkBody,
        response: { 202: candidateLinkResponse },
      },
    },
    async (request, reply) => {
      const asked = await requestSignInLink(deps, { ...request.body, publicUrl: config.PUBLIC_URL });
      if (!asked.ok) return sendError(reply, asked.error);
      return reply.code(202).send({ status: 'sent_if_known' as const });
    },
  );

  app.post(
    '/api/auth/candidate-links/redeem',
    {
      schema: {
        tags: ['auth'],
        summary: 'Redeems a sign-in link once; sets the candidate session cookie',
        body: redeemLinkBody,
        response: { 204: z.null(), 401: errorBody },
      },
    },
    async (request, reply) => {
      const session = await redeemSignInLink(deps, {
        token: request.body.token,
        sessionDays: config.SESSION_DAYS,
      });
      return session.ok ? withSession(reply, session.value) : sendError(reply, session.error);
    },
  );
}
