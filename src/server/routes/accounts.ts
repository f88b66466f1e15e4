import { z } from 'zod';
import {
  auditListResponse,
  auditQuery,
  candidateLinkResponse,
  createdTokenResponse,
  createTokenBody,
  endedSessionsResponse,
  passwordResetBody,
  passwordResetRequestBody,
  tokenListResponse,
} from '../../contracts/accounts.js';
import { errorBody, idParams } from '../../contracts/common.js';
import type { TokenScope } from '../../contracts/vocabulary.js';
import { createApiToken } from '../../core/accounts/create-api-token.js';
import { requestPasswordReset } from '../../core/accounts/request-password-reset.js';
import { resetPassword } from '../../core/accounts/reset-password.js';
import { revokeApiToken } from '../../core/accounts/revoke-api-token.js';
import { auditCsv } from '../audit-csv.js';
import { actorOf, allow, hashPassword, sendThrottled, staffOf, staffOnly } from '../auth.js';
import { type App, type AppContext, respond } from '../context.js';
import { sendError } from '../errors.js';
import { newPasswordProblem } from '../passwords.js';

const denied = { 401: errorBody, 403: errorBody };
/** The most entries one export holds; narrow the dates for more. */
const EXPORT_ROWS = 10_000;

/** Password resets for the signed-out, API tokens, and the audit log. */
export function accountRoutes(app: App, ctx: AppContext) {
  const { accounts, config, deps } = ctx;

  app.post(
    '/api/auth/password-resets',
    {
      schema: {
        tags: ['auth'],
        summary: 'Asks for a password reset link by email (staff)',
        description:
          'Always 202, whether or not the account exists, after the same work. Requests are limited per client ' +
          'address (429 rate.limited); each address gets at most PASSWORD_RESET_EMAILS_PER_HOUR_PER_RECIPIENT ' +
          'links an hour, beyond which the answer is the same and no email goes. A link works once, for 30 minutes.',
        body: passwordResetRequestBody,
        response: { 202: candidateLinkResponse, 400: errorBody, 429: errorBody },
      },
    },
    async (request, reply) => {
      const asked = await requestPasswordReset(deps, {
        ...request.body,
        publicUrl: config.PUBLIC_URL,
        address: request.ip,
        limits: {
          requestsPerMinutePerAddress: config.PASSWORD_RESET_REQUESTS_PER_MINUTE_PER_IP,
          emailsPerHourPerRecipient: config.PASSWORD_RESET_EMAILS_PER_HOUR_PER_RECIPIENT,
        },
      });
      if (!asked.ok) return sendThrottled(reply, asked.error);
      return reply.code(202).send({ status: 'sent_if_known' as const });
    },
  );

  app.post(
    '/api/auth/password-resets/redeem',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sets a new password with a reset link; every session of the account ends',
        body: passwordResetBody,
        response: {
          200: endedSessionsResponse,
          400: errorBody,
          401: errorBody,
          422: errorBody,
          429: errorBody,
        },
      },
    },
    async (request, reply) => {
      const refused = newPasswordProblem(request.body.newPassword, []);
      if (refused) return sendError(reply, refused);
      const reset = await resetPassword(deps, {
        token: request.body.token,
        passwordHash: await hashPassword(request.body.newPassword),
        address: request.ip,
        perMinutePerAddress: config.SIGN_IN_LINK_REDEMPTIONS_PER_MINUTE_PER_IP,
      });
      if (!reset.ok) return sendThrottled(reply, reset.error);
      return { ended: reset.value.endedSessions };
    },
  );

  for (const kind of ['personal', 'organisation'] as const) {
    const base = kind === 'personal' ? '/api/auth/tokens' : '/api/tokens';
    const guard = kind === 'personal' ? staffOnly : allow('token.manage');
    const whose = kind === 'personal' ? 'My personal API tokens' : "The organisation's API tokens";
    const listOf = (request: Parameters<typeof staffOf>[0]) => {
      const actor = staffOf(request);
      const scope = kind === 'personal' ? { kind, userId: actor.userId } : { kind };
      return accounts.tokens.list(actor.orgId, scope, ctx.clock.now());
    };

    app.get(
      base,
      {
        preValidation: guard,
        schema: {
          tags: ['auth'],
          summary: `${whose}, newest first: never their secrets`,
          response: { 200: tokenListResponse, ...denied },
        },
      },
      async (request) => ({ items: await listOf(request) }),
    );

    app.post(
      base,
      {
        preValidation: guard,
        schema: {
          tags: ['auth'],
          summary: `Makes one of ${whose.toLowerCase()}; the answer holds its secret, shown this once`,
          description:
            kind === 'personal'
              ? 'It acts as you, with your roles as they are at each use, and never beyond its scopes; only scopes ' +
                'your roles can use are accepted (422 token.scope_not_allowed). Made from a session, not a token.'
              : 'It acts for the organisation within its scopes, whoever made it. Admins only, from a session.',
          body: createTokenBody,
          response: { 201: createdTokenResponse, 400: errorBody, 422: errorBody, ...denied },
        },
      },
      async (request, reply) => {
        const actor = staffOf(request);
        const { name, scopes, expiresInDays } = request.body;
        const input = { actor, kind, name, scopes: scopes as TokenScope[], expiresInDays };
        const created = await createApiToken(deps, input);
        if (!created.ok) return sendError(reply, created.error);
        const listed = (await listOf(request)).find((t) => t.id === created.value.id);
        return reply.code(201).send({ ...listed!, token: created.value.token });
      },
    );

    app.delete(
      `${base}/:id`,
      {
        preValidation: guard,
        schema: {
          tags: ['auth'],
          summary: `Revokes one of ${whose.toLowerCase()} at once`,
          params: idParams,
          response: { 204: z.null(), 400: errorBody, 404: errorBody, ...denied },
        },
      },
      async (request, reply) => {
        const input = { actor: staffOf(request), tokenId: request.params.id, kind };
        return respond(reply, await revokeApiToken(deps, input), () => null, 204);
      },
    );
  }

  app.get(
    '/api/audit-events',
    {
      preValidation: allow('audit.read'),
      schema: {
        tags: ['organisation'],
        summary: 'The audit log, newest first: who did what, when, and with which API token',
        description:
          'Filters: actorId, action (exact, or a prefix ending with a dot such as `auth.`), entityType and entityId ' +
          '(the target), tokenId, from and to (ISO 8601; from inclusive, to exclusive). Sign-ins, failed ' +
          'sign-ins, role changes, disabling, tokens made, revoked and used are all here.',
        querystring: auditQuery,
        response: { 200: auditListResponse, 400: errorBody, ...denied },
      },
    },
    async (request) => accounts.audit.list(actorOf(request).orgId, request.query),
  );

  app.get(
    '/api/audit-events/export',
    {
      preValidation: allow('audit.read'),
      schema: {
        tags: ['organisation'],
        summary: `The audit log as CSV with the same filters, newest first (at most ${EXPORT_ROWS} entries)`,
        querystring: auditQuery.omit({ cursor: true, limit: true }),
        response: { 200: z.string().describe('text/csv'), 400: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const page = await accounts.audit.list(actorOf(request).orgId, {
        ...request.query,
        limit: EXPORT_ROWS,
      });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="audit-log.csv"')
        .send(auditCsv(page.items));
    },
  );
}
