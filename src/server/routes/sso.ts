import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errorBody, idParams } from '../../contracts/common.js';
import {
  groupMappingsBody,
  groupMappingsResponse,
  newScimTokenResponse,
  providerQuery,
  providerResponse,
  savedPolicyResponse,
  scimTokenBody,
  scimTokensResponse,
  securityPolicySchema,
  ssoCallbackQuery,
  ssoConnectionBody,
  ssoConnectionResponse,
} from '../../contracts/security.js';
import { saveSecurityPolicy } from '../../core/accounts/mfa-manage.js';
import { createScimToken, revokeScimToken } from '../../core/accounts/scim-groups.js';
import { beginSsoFlow, takeSsoFlow } from '../../core/accounts/sso-flow.js';
import { saveGroupMappings, saveSsoConnection } from '../../core/accounts/sso-save-connection.js';
import { signInWithIdentity } from '../../core/accounts/sso-sign-in.js';
import type { StaffRole } from '../../core/shared/types.js';
import { scimQueries } from '../../db/accounts/scim.queries.js';
import { ssoQueries } from '../../db/accounts/sso.queries.js';
import { allow, originOf, staffOf } from '../auth.js';
import { type App, type AppContext, respond } from '../context.js';
import { sendError } from '../errors.js';
import { callbackUrl, oidcClient } from '../oidc.js';
import { missingKey, secretBox } from '../secrets.js';
import { setSessionCookie } from '../session-cookies.js';

/** The browser's key to its OpenID flow; the flow itself (state, nonce, PKCE verifier) is in the database. */
const FLOW_COOKIE = 'hl_sso';
const tags = ['sso'];
const denied = { 400: errorBody, 401: errorBody, 403: errorBody };
const admin = allow('org.manage');

export function ssoRoutes(app: App, ctx: AppContext) {
  const { config, deps } = ctx;
  const box = secretBox(config);
  const oidc = oidcClient(config, box);
  const sso = ssoQueries(ctx.db);
  const scim = scimQueries(ctx.db);
  const terms = { days: config.SESSION_DAYS, idleMinutes: config.STAFF_SESSION_IDLE_MINUTES };
  /** Sign-in failures go back to the sign-in page with a code it puts in words; nothing is signed in. */
  const backToSignIn = (reply: FastifyReply, code: string) =>
    reply.redirect(`/app/sign-in?sso_error=${encodeURIComponent(code)}`, 302);

  app.get(
    '/api/sso/provider',
    {
      schema: {
        tags,
        summary: "An organisation's identity provider, for the sign-in page's button",
        querystring: providerQuery,
        response: { 200: providerResponse },
      },
    },
    async (request) => {
      const found = await sso.provider(request.query.org);
      return {
        displayName: found?.display_name ?? null,
        passwordSignIn: found?.password_sign_in ?? 'everyone',
      };
    },
  );

  app.get(
    '/api/sso/start',
    {
      schema: {
        tags,
        summary: "Sends the browser to the organisation's identity provider (authorization code with PKCE)",
        description:
          'A refusal (no single sign-on, no SECRETS_KEY, too many starts from one address) redirects to ' +
          '/app/sign-in?sso_error=<code>.',
        querystring: providerQuery,
        response: { 302: z.null() },
      },
    },
    async (request, reply) => {
      if (!box) return backToSignIn(reply, missingKey.code);
      const checks = oidc.newChecks();
      const flow = await beginSsoFlow(deps, {
        orgSlug: request.query.org,
        checks,
        address: request.ip,
        perMinutePerAddress: config.LOGIN_ATTEMPTS_PER_MINUTE_PER_IP,
      });
      if (!flow.ok) return backToSignIn(reply, flow.error.code);
      const url = await oidc.authorizationUrl(flow.value.connection, checks).catch(() => null);
      if (!url) return backToSignIn(reply, 'sso.provider_unreachable');
      reply.setCookie(FLOW_COOKIE, flow.value.token, {
        httpOnly: true,
        secure: config.COOKIE_SECURE,
        // Lax: the provider's redirect back is a top-level navigation from another site.
        sameSite: 'lax',
        path: '/api/sso/',
        maxAge: 600,
      });
      return reply.redirect(url, 302);
    },
  );

  app.get(
    '/api/sso/callback',
    {
      schema: {
        tags,
        summary:
          'Where the identity provider sends the browser back; checks state, nonce and PKCE, then signs in',
        description: 'Answers a redirect: to /app/ with a session, or to /app/sign-in?sso_error=<code>.',
        querystring: ssoCallbackQuery,
        response: { 302: z.null() },
      },
    },
    async (request, reply) => {
      const flow = await takeSsoFlow(deps, { token: request.cookies[FLOW_COOKIE] ?? '' });
      reply.clearCookie(FLOW_COOKIE, { path: '/api/sso/' });
      if (!flow.ok) return backToSignIn(reply, flow.error.code);
      const current = new URL(request.url, config.PUBLIC_URL);
      const identity = await oidc
        .identity(flow.value.connection, flow.value.checks, current)
        .catch((error: Error) => {
          request.log.warn({ reason: error.message }, 'OpenID Connect sign-in refused');
          return null;
        });
      if (!identity) return backToSignIn(reply, 'sso.failed');
      const signedIn = await signInWithIdentity(deps, {
        orgId: flow.value.orgId,
        identity,
        terms,
        origin: originOf(request),
      });
      if (!signedIn.ok) return backToSignIn(reply, signedIn.error.code);
      setSessionCookie(reply, config, signedIn.value.session);
      return reply.redirect('/app/', 302);
    },
  );

  const presentConnection = async (orgId: string) => {
    const row = await sso.connection(orgId);
    return {
      configured: Boolean(row),
      displayName: row?.display_name ?? '',
      issuer: row?.issuer ?? '',
      clientId: row?.client_id ?? '',
      hasSecret: Boolean(row),
      defaultRoles: (row?.default_roles ?? ['interviewer']) as StaffRole[],
      groupsClaim: row?.groups_claim ?? 'groups',
      enabled: row?.enabled ?? false,
      callbackUrl: callbackUrl(config),
      scimUrl: new URL('/scim/v2', config.PUBLIC_URL).href,
    };
  };
  app.get(
    '/api/sso/connection',
    {
      preValidation: admin,
      schema: {
        tags,
        summary: "The organisation's OpenID Connect provider (never its secret)",
        response: { 200: ssoConnectionResponse, ...denied },
      },
    },
    async (request) => presentConnection(staffOf(request).orgId),
  );
  app.put(
    '/api/sso/connection',
    {
      preValidation: admin,
      schema: {
        tags,
        summary: "Connects the organisation's OpenID Connect provider; the secret is stored encrypted",
        body: ssoConnectionBody,
        response: { 200: ssoConnectionResponse, 503: errorBody, ...denied },
      },
    },
    async (request, reply) => {
      const { clientSecret, ...connection } = request.body;
      if (!box) return sendError(reply, missingKey);
      const actor = staffOf(request);
      const saved = await saveSsoConnection(deps, {
        actor,
        connection,
        clientSecretEnc: clientSecret === null ? null : box.seal(clientSecret),
      });
      if (!saved.ok) return sendError(reply, saved.error);
      return presentConnection(actor.orgId);
    },
  );
  const presentMappings = async (orgId: string) => ({
    items: (await sso.mappings(orgId)).map((m) => ({
      group: m.group_name,
      roles: m.roles as StaffRole[],
      teamIds: m.team_ids,
    })),
  });
  app.get(
    '/api/sso/group-mappings',
    {
      preValidation: admin,
      schema: {
        tags,
        summary: 'Which directory groups grant which roles and teams',
        response: { 200: groupMappingsResponse, ...denied },
      },
    },
    async (request) => presentMappings(staffOf(request).orgId),
  );
  app.put(
    '/api/sso/group-mappings',
    {
      preValidation: admin,
      schema: {
        tags,
        summary: 'Replaces the group mappings (used at single sign-on and by SCIM groups)',
        body: groupMappingsBody,
        response: { 200: groupMappingsResponse, 404: errorBody, ...denied },
      },
    },
    async (request, reply) =>
      respond(
        reply,
        await saveGroupMappings(deps, { actor: staffOf(request), mappings: request.body.mappings }),
        (v) => v,
      ),
  );
  app.get(
    '/api/security/policy',
    {
      preValidation: admin,
      schema: {
        tags,
        summary: 'Who must use a second factor, and who may use a password',
        response: { 200: securityPolicySchema, ...denied },
      },
    },
    async (request) => {
      const row = await sso.policy(staffOf(request).orgId);
      return { mfaRequired: row.mfa_required, passwordSignIn: row.password_sign_in };
    },
  );
  app.put(
    '/api/security/policy',
    {
      preValidation: admin,
      schema: {
        tags,
        summary: 'Sets who must use a second factor and who may use a password',
        description:
          'Sessions of people the requirement now covers who have no factor end; they enrol at next sign-in.',
        body: securityPolicySchema,
        response: { 200: savedPolicyResponse, 422: errorBody, ...denied },
      },
    },
    async (request, reply) =>
      respond(
        reply,
        await saveSecurityPolicy(deps, { actor: staffOf(request), policy: request.body }),
        (v) => v,
      ),
  );
  scimTokenRoutes(app, ctx, scim);
}

function scimTokenRoutes(app: App, ctx: AppContext, scim: ReturnType<typeof scimQueries>) {
  const { deps } = ctx;
  app.get(
    '/api/scim-tokens',
    {
      preValidation: admin,
      schema: {
        tags,
        summary: "The organisation's SCIM tokens (never the tokens themselves)",
        response: { 200: scimTokensResponse, ...denied },
      },
    },
    async (request: FastifyRequest) => ({
      items: (await scim.tokens(staffOf(request).orgId)).map((t) => ({
        id: t.id,
        name: t.name,
        createdAt: t.created_at.toISOString(),
        lastUsedAt: t.last_used_at?.toISOString() ?? null,
      })),
    }),
  );
  app.post(
    '/api/scim-tokens',
    {
      preValidation: admin,
      schema: {
        tags,
        summary: 'Creates a bearer token for SCIM provisioning; the token is shown once',
        body: scimTokenBody,
        response: { 201: newScimTokenResponse, ...denied },
      },
    },
    async (request, reply) =>
      respond(
        reply,
        await createScimToken(deps, { actor: staffOf(request), name: request.body.name }),
        (v) => ({ ...v, createdAt: v.createdAt.toISOString(), lastUsedAt: null }),
        201,
      ),
  );
  app.delete(
    '/api/scim-tokens/:id',
    {
      preValidation: admin,
      schema: {
        tags,
        summary: 'Revokes a SCIM token',
        params: idParams,
        response: { 204: z.null(), 404: errorBody, ...denied },
      },
    },
    async (request, reply) =>
      respond(
        reply,
        await revokeScimToken(deps, { actor: staffOf(request), id: request.params.id }),
        () => null,
        204,
      ),
  );
}
