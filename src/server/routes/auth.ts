import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  candidateLinkBody,
  candidateLinkResponse,
  changePasswordBody,
  endedSessionsResponse,
  loginBody,
  meResponse,
  redeemLinkBody,
  sessionsResponse,
} from '../../contracts/accounts.js';
import { errorBody, idParams } from '../../contracts/common.js';
import { signInStepResponse } from '../../contracts/security.js';
import { changePassword } from '../../core/accounts/change-password.js';
import {
  endMyOtherSessions,
  endMySession,
  endSession,
  holderOf,
  touchSession,
} from '../../core/accounts/end-session.js';
import {
  admitPasswordAttempt,
  forgivePasswordFailures,
  type PasswordLimits,
  recordPasswordFailure,
  signInAccount,
} from '../../core/accounts/guard-sign-in.js';
import { beginSignIn } from '../../core/accounts/mfa-begin-sign-in.js';
import { recordFailedSignIn, recordSignIn } from '../../core/accounts/record-sign-in.js';
import { redeemSignInLink } from '../../core/accounts/redeem-sign-in-link.js';
import { requestSignInLink } from '../../core/accounts/request-sign-in-link.js';
import type { StartedSession } from '../../core/accounts/start-session.js';
import { type Action, isAllowed, permissions } from '../../core/shared/permissions.js';
import type { Actor, StaffRole } from '../../core/shared/types.js';
import type { accountQueries } from '../../db/accounts/accounts.queries.js';
import {
  actorOf,
  bearerOf,
  checkPassword,
  hashPassword,
  originOf,
  SESSION_COOKIE,
  sendThrottled,
  signedIn,
  signedInOrToken,
  staffOf,
  staffOnly,
} from '../auth.js';
import { type App, type AppContext, respond } from '../context.js';
import { sendError } from '../errors.js';
import { newPasswordProblem } from '../passwords.js';
import { answerPendingStep } from '../session-cookies.js';

type Person = Awaited<ReturnType<ReturnType<typeof accountQueries>['me']>>;
type SessionRow = Awaited<ReturnType<ReturnType<typeof accountQueries>['sessionsOf']>>[number];

/** "Firefox on Linux" from a user agent: enough to recognise a device, without the fingerprint. */
export function deviceOf(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const browser =
    [
      [/Edg\//, 'Edge'],
      [/OPR\/|Opera/, 'Opera'],
      [/Firefox\//, 'Firefox'],
      [/Chrom(e|ium)\//, 'Chrome'],
      [/Safari\//, 'Safari'],
      [/curl\//i, 'curl'],
    ].find(([pattern]) => (pattern as RegExp).test(userAgent))?.[1] ?? 'A browser';
  const system = [
    [/Android/, 'Android'],
    [/iPhone|iPad|iOS/, 'iOS'],
    [/Windows/, 'Windows'],
    [/Mac OS X|Macintosh/, 'macOS'],
    [/CrOS/, 'ChromeOS'],
    [/Linux/, 'Linux'],
  ].find(([pattern]) => (pattern as RegExp).test(userAgent))?.[1];
  return system ? `${browser} on ${system}` : String(browser);
}

const presentSession = (session: SessionRow) => ({
  id: session.id,
  createdAt: session.createdAt.toISOString(),
  lastSeenAt: session.lastSeenAt.toISOString(),
  expiresAt: session.expiresAt.toISOString(),
  device: deviceOf(session.userAgent),
  address: session.address,
  current: session.current,
});

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
  const staffTerms = { days: config.SESSION_DAYS, idleMinutes: config.STAFF_SESSION_IDLE_MINUTES };
  const candidateTerms = { days: config.SESSION_DAYS, idleMinutes: config.CANDIDATE_SESSION_IDLE_MINUTES };
  const passwordLimits: PasswordLimits = {
    attemptsPerMinutePerAddress: config.LOGIN_ATTEMPTS_PER_MINUTE_PER_IP,
    failuresPerAccountAndAddress: config.LOGIN_FAILURES_PER_ACCOUNT_AND_IP,
    failuresPerAccount: config.LOGIN_FAILURES_PER_ACCOUNT,
    lockMinutes: config.LOGIN_LOCK_MINUTES,
  };
  const tokenOf = (request: FastifyRequest) => request.cookies[SESSION_COOKIE] ?? '';

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

  // Runs after the session lookup: a used session does not go idle. The store writes once a minute
  // at most; this node also skips the round trip for a session it touched less than a minute ago.
  const touched = new Map<string, number>();
  app.addHook('onRequest', async (request) => {
    if (!request.actor || request.actor.kind === 'board' || bearerOf(request.headers)) return;
    const token = tokenOf(request);
    const key = deps.tokens.hash(token); // no secrets kept in memory past the request
    const now = ctx.clock.now().getTime();
    if (now - (touched.get(key) ?? Number.NEGATIVE_INFINITY) < 60_000) return;
    if (touched.size > 10_000) touched.clear();
    touched.set(key, now);
    await touchSession(deps, { token });
  });

  app.post(
    '/api/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Staff sign-in with email and password; sets the session cookie',
        description:
          'Attempts are limited per client address; failed ones per account from one address and per account ' +
          'from all addresses. A spent budget answers 429 (rate.limited, auth.account_throttled) with the wait, ' +
          'even for the right password, until its window ends. A user with a second factor, or whom the ' +
          'organisation requires to enrol one, gets 200 with what is needed next and a short-lived pending ' +
          'cookie instead of a session (see the mfa endpoints).',
        body: loginBody,
        response: { 200: signInStepResponse, 204: z.null(), 401: errorBody, 403: errorBody, 429: errorBody },
      },
    },
    async (request, reply) => {
      const { org, email, password } = request.body;
      const attempt = { account: signInAccount(org, email), address: request.ip, limits: passwordLimits };
      const admitted = await admitPasswordAttempt(deps, attempt);
      if (!admitted.ok) return sendThrottled(reply, admitted.error);
      const staff = await accounts.staffForSignIn(org, email);
      // Checked even when nobody matched, so a wrong email takes as long as a wrong password.
      const valid = await checkPassword(staff?.passwordHash, password);
      if (!staff || !valid) {
        await recordPasswordFailure(deps, attempt);
        await recordFailedSignIn(deps, { org, email, userId: staff?.userId ?? null, address: request.ip });
        return sendError(reply, {
          code: 'auth.invalid_credentials',
          message: 'Wrong organisation, email or password.',
        });
      }
      await forgivePasswordFailures(deps, attempt);
      // A user with a second factor (or who must enrol one) gets a pending state, not yet a session.
      const step = await beginSignIn(deps, { ...staff, terms: staffTerms, origin: originOf(request) });
      if (!step.ok) return sendError(reply, step.error);
      if (step.value.status !== 'session') return answerPendingStep(reply, config, step.value);
      await recordSignIn(deps, { orgId: staff.orgId, userId: staff.userId, address: request.ip });
      return withSession(reply, step.value.session);
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
      preValidation: signedInOrToken,
      schema: { tags: ['auth'], summary: 'Who is signed in', response: { 200: meResponse, 401: errorBody } },
    },
    async (request) => {
      const actor = actorOf(request);
      if (actor.kind === 'board') throw new Error('sessions never belong to a board');
      return presentMe(actor, await accounts.me(actor));
    },
  );

  app.get(
    '/api/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'Who is signed in, if anyone',
        description:
          'The same answer as GET /api/auth/me for a session; 204 with no body when nobody is signed in, ' +
          'so a page that only wants to know does not meet an error.',
        response: { 200: meResponse, 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = request.actor;
      if (!actor || actor.kind === 'board') return reply.code(204).send(null);
      return presentMe(actor, await accounts.me(actor));
    },
  );

  app.post(
    '/api/auth/candidate-links',
    {
      schema: {
        tags: ['auth'],
        summary: 'Asks for a passwordless sign-in link for a candidate (sent through the outbox)',
        description:
          'Always answers 202, whether or not the email is known, so addresses cannot be probed; the same ' +
          'work is done either way. Requests are limited per client address (429 rate.limited), and each ' +
          'recipient gets at most SIGN_IN_EMAILS_PER_HOUR_PER_RECIPIENT emails an hour: beyond that the ' +
          'answer is the same 202 and no email is sent.',
        body: candidateLinkBody,
        response: { 202: candidateLinkResponse, 429: errorBody },
      },
    },
    async (request, reply) => {
      const asked = await requestSignInLink(deps, {
        ...request.body,
        publicUrl: config.PUBLIC_URL,
        address: request.ip,
        limits: {
          requestsPerMinutePerAddress: config.SIGN_IN_LINK_REQUESTS_PER_MINUTE_PER_IP,
          emailsPerHourPerRecipient: config.SIGN_IN_EMAILS_PER_HOUR_PER_RECIPIENT,
        },
      });
      if (!asked.ok) return sendThrottled(reply, asked.error);
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
        response: { 204: z.null(), 401: errorBody, 429: errorBody },
      },
    },
    async (request, reply) => {
      const session = await redeemSignInLink(deps, {
        token: request.body.token,
        terms: candidateTerms,
        origin: originOf(request),
        perMinutePerAddress: config.SIGN_IN_LINK_REDEMPTIONS_PER_MINUTE_PER_IP,
      });
      if (!session.ok) return sendThrottled(reply, session.error);
      return withSession(reply, session.value);
    },
  );

  app.get(
    '/api/auth/sessions',
    {
      preValidation: signedIn,
      schema: {
        tags: ['auth'],
        summary: 'My sessions still running: when and from where they were opened and last used',
        response: { 200: sessionsResponse, 401: errorBody },
      },
    },
    async (request) => {
      const holder = holderOf(actorOf(request));
      const items = await accounts.sessionsOf(holder, deps.tokens.hash(tokenOf(request)), ctx.clock.now());
      return { items: items.map(presentSession) };
    },
  );

  app.delete(
    '/api/auth/sessions/:id',
    {
      preValidation: signedIn,
      schema: {
        tags: ['auth'],
        summary: 'Ends one of my sessions (another browser signed in as me)',
        params: idParams,
        response: { 204: z.null(), 400: errorBody, 401: errorBody, 404: errorBody },
      },
    },
    async (request, reply) => {
      const ended = await endMySession(deps, { actor: actorOf(request), sessionId: request.params.id });
      return respond(reply, ended, () => null, 204);
    },
  );

  app.post(
    '/api/auth/sessions/end-others',
    {
      preValidation: signedIn,
      schema: {
        tags: ['auth'],
        summary: 'Ends all my sessions but this one',
        response: { 200: endedSessionsResponse, 401: errorBody },
      },
    },
    async (request, reply) => {
      const ended = await endMyOtherSessions(deps, {
        actor: actorOf(request),
        currentToken: tokenOf(request),
      });
      return respond(reply, ended, (value) => value);
    },
  );

  app.post(
    '/api/auth/password',
    {
      preValidation: staffOnly,
      schema: {
        tags: ['auth'],
        summary: 'Changes my password (staff); every other session of mine ends',
        description:
          'Wrong current passwords count against the same budgets as sign-in attempts. The new password needs ' +
          '12 to 128 characters and must not be a common or breached one (422 password.too_common), nor the ' +
          'email; the owner is emailed that it changed.',
        body: changePasswordBody,
        response: {
          200: endedSessionsResponse,
          400: errorBody,
          401: errorBody,
          403: errorBody,
          422: errorBody,
          429: errorBody,
        },
      },
    },
    async (request, reply) => {
      const actor = staffOf(request);
      const attempt = { account: `user:${actor.userId}`, address: request.ip, limits: passwordLimits };
      const admitted = await admitPasswordAttempt(deps, attempt);
      if (!admitted.ok) return sendThrottled(reply, admitted.error);
      if (!(await checkPassword(await accounts.passwordHash(actor.userId), request.body.currentPassword))) {
        await recordPasswordFailure(deps, attempt);
        return sendError(reply, {
          code: 'auth.wrong_password',
          message: 'Your current password is not right.',
          details: { field: 'currentPassword' },
        });
      }
      const refused = newPasswordProblem(
        request.body.newPassword,
        await accounts.personalWords(actor.userId),
      );
      if (refused) return sendError(reply, refused);
      const passwordHash = await hashPassword(request.body.newPassword);
      const changed = await changePassword(deps, { actor, passwordHash, currentToken: tokenOf(request) });
      return respond(reply, changed, (value) => ({ ended: value.endedSessions }));
    },
  );
}
