import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { candidateLinkBody, errorBody, loginBody, meResponse, redeemLinkBody } from '../../contracts/api.js';
import { type Action, isAllowed, permissions } from '../../core/shared/permissions.js';
import type { StaffRole } from '../../core/shared/types.js';
import {
  actorOf,
  checkPassword,
  hashToken,
  newToken,
  SESSION_COOKIE,
  sendSignInLink,
  signedIn,
} from '../auth.js';
import type { App, AppContext } from '../context.js';
import { sendError } from '../errors.js';

export function authRoutes(app: App, ctx: AppContext) {
  const { accounts, clock, config } = ctx;

  async function startSession(
    reply: FastifyReply,
    orgId: string,
    who: { userId: string } | { candidateId: string },
  ) {
    const token = newToken();
    const now = clock.now();
    const expires = new Date(now.getTime() + config.SESSION_DAYS * 86_400_000);
    await accounts.createSession({
      token_hash: hashToken(token),
      org_id: orgId,
      user_id: 'userId' in who ? who.userId : null,
      candidate_id: 'candidateId' in who ? who.candidateId : null,
      created_at: now,
      expires_at: expires,
    });
    reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      secure: config.COOKIE_SECURE,
      sameSite: 'lax',
      path: '/',
      // Relative, so a browser whose clock is off from ours still keeps the cookie as long as the session lives.
      maxAge: config.SESSION_DAYS * 86_400,
    });
  }

  // Password guessing is slowed per client address; a real person never needs more than a few tries.
  const perIp = app.rateLimit({ max: ctx.config.LOGIN_ATTEMPTS_PER_MINUTE_PER_IP, timeWindow: 60_000 });
  app.post(
    '/api/auth/login',
    {
      preHandler: perIp,
      schema: {
        tags: ['auth'],
        summary: 'Staff sign-in with email and password; sets the session cookie',
        body: loginBody,
        response: { 204: z.null(), 401: errorBody, 429: errorBody },
      },
    },
    async (request, reply) => {
      const org = await accounts.orgBySlug(request.body.org);
      const user = org ? await accounts.userForLogin(org.id, request.body.email) : undefined;
      const valid = await checkPassword(user?.password_hash, request.body.password);
      if (!org || !user || !valid) {
        return sendError(reply, {
          code: 'auth.invalid_credentials',
          message: 'Wrong organisation, email or password.',
        });
      }
      await startSession(reply, org.id, { userId: user.id });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'Ends the current session', response: { 204: z.null() } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await accounts.deleteSession(hashToken(token));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    {
      preHandler: signedIn,
      schema: { tags: ['auth'], summary: 'Who is signed in', response: { 200: meResponse, 401: errorBody } },
    },
    async (request) => {
      const actor = actorOf(request);
      if (actor.kind === 'board') throw new Error('sessions never belong to a board');
      const person = await ctx.queries.me(actor);
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
    },
  );

  app.post(
    '/api/auth/candidate-links',
    {
      // Also keeps one address from flooding candidates' inboxes with sign-in emails.
      preHandler: perIp,
      schema: {
        tags: ['auth'],
        summary: 'Asks for a passwordless sign-in link for a candidate (sent through the outbox)',
        description: 'Always answers 202, whether or not the email is known, so addresses cannot be probed.',
        body: candidateLinkBody,
        response: { 202: z.object({ status: z.literal('sent_if_known') }) },
      },
    },
    async (request, reply) => {
      const org = await accounts.orgBySlug(request.body.org);
      const candidate = org ? await accounts.candidateByEmail(org.id, request.body.email) : undefined;
      if (org && candidate) {
        await sendSignInLink(ctx, org.id, candidate.id);
      }
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
      const link = await accounts.redeemSignInLink(hashToken(request.body.token), clock.now());
      if (!link) {
        return sendError(reply, {
          code: 'auth.invalid_link',
          message: 'This sign-in link is unknown, used or expired; ask for a new one.',
        });
      }
      await startSession(reply, link.org_id, { candidateId: link.candidate_id });
      return reply.code(204).send(null);
    },
  );
}
