import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { errorBody, idParams } from '../../contracts/common.js';
import {
  codeBody,
  myFactorsResponse,
  passkeyAloneOptionsBody,
  passkeyResponseBody,
  recoveryCodesResponse,
  resetMfaResponse,
  totpEnrolmentResponse,
  webauthnOptionsResponse,
} from '../../contracts/security.js';
import {
  addPasskey,
  confirmTotpEnrolment,
  type Enrolled,
  type Enrolling,
  enrolmentContext,
  pendingEnrolment,
  startTotpEnrolment,
} from '../../core/accounts/mfa-enrol.js';
import {
  beginPasskeyRegistration,
  beginPasskeySignIn,
  removeFactor,
  resetMfa,
} from '../../core/accounts/mfa-manage.js';
import { beginPasskeySignInAlone, finishPasskeySignInAlone } from '../../core/accounts/mfa-passwordless.js';
import { type Proof, proveSecondFactor } from '../../core/accounts/mfa-prove-factor.js';
import { regenerateRecoveryCodes } from '../../core/accounts/mfa-recovery-codes.js';
import { actorOf, allow, originOf, refuseToken, sendThrottled, staffOf, staffOnly } from '../auth.js';
import type { App, AppContext } from '../context.js';
import { respond } from '../context.js';
import { sendError } from '../errors.js';
import {
  factorCheck,
  newTotpSecret,
  passkeyAloneOptions,
  passkeyRegistrationOptions,
  passkeySignInOptions,
  verifyPasskeyRegistration,
} from '../mfa-factors.js';
import { missingKey, secretBox } from '../secrets.js';
import { clearPending, pendingToken, setSessionCookie } from '../session-cookies.js';

declare module 'fastify' {
  interface FastifyRequest {
    enrolling: Omit<Enrolling, 'terms' | 'origin'> | null;
  }
}

const tags = ['mfa'];
/** The browser's key to a passkey-alone sign-in it started. */
const PASSKEY_COOKIE = 'hl_passkey';
const refusals = {
  400: errorBody,
  401: errorBody,
  403: errorBody,
  409: errorBody,
  422: errorBody,
  429: errorBody,
};

export function mfaRoutes(app: App, ctx: AppContext) {
  const { config, deps } = ctx;
  const box = secretBox(config);
  const check = factorCheck(config, box);
  const terms = { days: config.SESSION_DAYS, idleMinutes: config.STAFF_SESSION_IDLE_MINUTES };
  const limits = {
    failuresPerAccount: config.MFA_FAILURES_PER_ACCOUNT,
    lockMinutes: config.LOGIN_LOCK_MINUTES,
  };
  app.decorateRequest('enrolling', null);

  /** Staff signed in, or someone whose sign-in waits for them to enrol a factor. */
  async function enroller(request: FastifyRequest, reply: FastifyReply) {
    const actor = request.actor;
    // A person's own second factors are set up in a session, never with an API token.
    if (actor && refuseToken(actor, reply)) return;
    if (actor?.kind === 'staff') {
      request.enrolling = { orgId: actor.orgId, userId: actor.userId };
      return;
    }
    if (actor) return sendError(reply, { code: 'permission.denied', message: 'This is for staff.' });
    const token = pendingToken(request);
    const pending = token ? await pendingEnrolment(deps, token) : null;
    if (!pending?.ok) return sendError(reply, { code: 'auth.required', message: 'Sign in first.' });
    request.enrolling = { ...pending.value, pendingToken: token };
  }
  const who = (request: FastifyRequest): Enrolling => {
    if (!request.enrolling) throw new Error('route is not guarded by enroller');
    return { ...request.enrolling, terms, origin: originOf(request) };
  };
  /** A finished enrolment: the recovery codes, and the session when the sign-in was waiting for it. */
  const enrolled = (reply: FastifyReply, value: Enrolled) => {
    if (value.session) {
      setSessionCookie(reply, config, value.session);
      clearPending(reply);
    }
    return reply.code(200).send({ recoveryCodes: value.recoveryCodes });
  };
  const proved = async (request: FastifyRequest, reply: FastifyReply, proof: Proof) => {
    const session = await proveSecondFactor(deps, {
      token: pendingToken(request),
      proof,
      check,
      terms,
      origin: originOf(request),
      limits,
    });
    if (!session.ok) return sendThrottled(reply, session.error);
    setSessionCookie(reply, config, session.value);
    clearPending(reply);
    return reply.code(204).send(null);
  };
  const signInStep = { 204: z.null(), ...refusals };

  app.post(
    '/api/auth/mfa/totp',
    {
      schema: {
        tags,
        summary: 'Finishes a waiting sign-in with a code from the authenticator app; sets the session cookie',
        description:
          'Wrong codes count against the account (MFA_FAILURES_PER_ACCOUNT per LOGIN_LOCK_MINUTES).',
        body: codeBody,
        response: signInStep,
      },
    },
    async (request, reply) => proved(request, reply, { kind: 'totp', code: request.body.code }),
  );
  app.post(
    '/api/auth/mfa/recovery-code',
    {
      schema: {
        tags,
        summary: 'Finishes a waiting sign-in with a recovery code (each works once)',
        body: codeBody,
        response: signInStep,
      },
    },
    async (request, reply) => proved(request, reply, { kind: 'recovery_code', code: request.body.code }),
  );
  app.post(
    '/api/auth/mfa/passkey/options',
    {
      schema: {
        tags,
        summary: 'WebAuthn options for finishing a waiting sign-in with a passkey',
        response: { 200: webauthnOptionsResponse, ...refusals },
      },
    },
    async (request, reply) => {
      const options = await beginPasskeySignIn(deps, {
        token: pendingToken(request),
        options: (passkeys) => passkeySignInOptions(config, passkeys),
      });
      return respond(reply, options, (value) => value);
    },
  );
  app.post(
    '/api/auth/mfa/passkey',
    {
      schema: {
        tags,
        summary: 'Finishes a waiting sign-in with a passkey assertion; sets the session cookie',
        body: passkeyResponseBody,
        response: signInStep,
      },
    },
    async (request, reply) => proved(request, reply, { kind: 'passkey', response: request.body.response }),
  );

  app.post(
    '/api/auth/passkey/options',
    {
      schema: {
        tags,
        summary: 'WebAuthn options for signing in with a passkey alone (no password)',
        description: 'Sets a short-lived cookie the answer must come back with. Limited per client address.',
        body: passkeyAloneOptionsBody,
        response: { 200: webauthnOptionsResponse, ...refusals },
      },
    },
    async (request, reply) => {
      const options = await passkeyAloneOptions(config);
      const started = await beginPasskeySignInAlone(deps, {
        orgSlug: request.body.org,
        challenge: options.challenge,
        address: request.ip,
        perMinutePerAddress: config.LOGIN_ATTEMPTS_PER_MINUTE_PER_IP,
      });
      if (!started.ok) return sendThrottled(reply, started.error);
      reply.setCookie(PASSKEY_COOKIE, started.value.token, {
        httpOnly: true,
        secure: config.COOKIE_SECURE,
        sameSite: 'strict',
        path: '/api/auth/',
        maxAge: 120,
      });
      return reply.send(options as { challenge: string });
    },
  );
  app.post(
    '/api/auth/passkey',
    {
      schema: {
        tags,
        summary: 'Signs in with a passkey alone (user verification required); sets the session cookie',
        body: passkeyResponseBody,
        response: signInStep,
      },
    },
    async (request, reply) => {
      const session = await finishPasskeySignInAlone(deps, {
        token: request.cookies[PASSKEY_COOKIE] ?? '',
        response: request.body.response,
        check,
        terms,
        origin: originOf(request),
      });
      reply.clearCookie(PASSKEY_COOKIE, { path: '/api/auth/' });
      if (!session.ok) return sendError(reply, session.error);
      setSessionCookie(reply, config, session.value);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/account/mfa',
    {
      preValidation: enroller,
      schema: { tags, summary: 'My second factors', response: { 200: myFactorsResponse, ...refusals } },
    },
    async (request, reply) =>
      respond(reply, await enrolmentContext(deps, who(request)), (value) => ({
        totp: value.totp,
        passkeys: value.passkeys.map((p) => ({
          id: p.id,
          name: p.name,
          createdAt: p.createdAt.toISOString(),
          lastUsedAt: p.lastUsedAt?.toISOString() ?? null,
        })),
        recoveryCodesLeft: value.recoveryCodes,
        required: value.required,
      })),
  );
  app.post(
    '/api/account/mfa/totp',
    {
      preValidation: enroller,
      schema: {
        tags,
        summary: 'Starts setting up an authenticator app: a new key and its otpauth:// URI for a QR code',
        description: 'The app counts once POST /api/account/mfa/totp/confirm accepts a first code.',
        response: { 200: totpEnrolmentResponse, 503: errorBody, ...refusals },
      },
    },
    async (request, reply) => {
      if (!box) return sendError(reply, missingKey);
      const me = who(request);
      const context = await enrolmentContext(deps, me);
      if (!context.ok) return sendError(reply, context.error);
      const { secret, uri } = newTotpSecret(context.value.account.email, 'Hireloop');
      const started = await startTotpEnrolment(deps, { who: me, secretEnc: box.seal(secret) });
      return respond(reply, started, () => ({ otpauthUri: uri, secret }));
    },
  );
  app.post(
    '/api/account/mfa/totp/confirm',
    {
      preValidation: enroller,
      schema: {
        tags,
        summary: 'Confirms the authenticator app with a first code; answers recovery codes (once)',
        description: 'When the sign-in was waiting for this enrolment, the session cookie is set too.',
        body: codeBody,
        response: { 200: recoveryCodesResponse, ...refusals },
      },
    },
    async (request, reply) => {
      const done = await confirmTotpEnrolment(deps, {
        who: who(request),
        code: request.body.code,
        check,
        limits,
      });
      return done.ok ? enrolled(reply, done.value) : sendThrottled(reply, done.error);
    },
  );
  app.delete(
    '/api/account/mfa/totp',
    {
      preValidation: staffOnly,
      schema: { tags, summary: 'Removes my authenticator app', response: { 204: z.null(), ...refusals } },
    },
    async (request, reply) =>
      respond(
        reply,
        await removeFactor(deps, { actor: staffOf(request), factor: { kind: 'totp' } }),
        () => null,
        204,
      ),
  );
  app.post(
    '/api/account/mfa/passkeys/options',
    {
      preValidation: enroller,
      schema: {
        tags,
        summary: 'WebAuthn options for registering a passkey',
        response: { 200: webauthnOptionsResponse, ...refusals },
      },
    },
    async (request, reply) => {
      const me = who(request);
      const context = await enrolmentContext(deps, me);
      if (!context.ok) return sendError(reply, context.error);
      const options = await passkeyRegistrationOptions(config, context.value.account, context.value.passkeys);
      const stored = await beginPasskeyRegistration(deps, { ...me, challenge: options.challenge });
      return respond(reply, stored, () => options);
    },
  );
  app.post(
    '/api/account/mfa/passkeys',
    {
      preValidation: enroller,
      schema: {
        tags,
        summary:
          'Registers a passkey from its attestation; answers recovery codes when it is the first factor',
        body: passkeyResponseBody,
        response: { 200: recoveryCodesResponse, ...refusals },
      },
    },
    async (request, reply) => {
      const me = who(request);
      const context = await enrolmentContext(deps, me);
      const expected = context.ok ? context.value.registrationChallenge : null;
      const verified = expected
        ? await verifyPasskeyRegistration(config, request.body.response, expected)
        : null;
      if (!verified)
        return sendError(reply, {
          code: 'mfa.passkey_invalid',
          message: 'The passkey could not be verified; try again.',
        });
      const done = await addPasskey(deps, {
        who: me,
        passkey: { ...verified, name: request.body.name ?? 'Passkey' },
      });
      return done.ok ? enrolled(reply, done.value) : sendError(reply, done.error);
    },
  );
  app.delete(
    '/api/account/mfa/passkeys/:id',
    {
      preValidation: staffOnly,
      schema: {
        tags,
        summary: 'Removes one of my passkeys',
        params: z.object({ id: z.string().min(1).max(1000) }),
        response: { 204: z.null(), 404: errorBody, ...refusals },
      },
    },
    async (request, reply) =>
      respond(
        reply,
        await removeFactor(deps, {
          actor: staffOf(request),
          factor: { kind: 'passkey', id: request.params.id },
        }),
        () => null,
        204,
      ),
  );
  app.post(
    '/api/account/mfa/recovery-codes',
    {
      preValidation: staffOnly,
      schema: {
        tags,
        summary: 'New recovery codes (the old ones stop working)',
        response: { 200: recoveryCodesResponse, ...refusals },
      },
    },
    async (request, reply) =>
      respond(reply, await regenerateRecoveryCodes(deps, { actor: staffOf(request) }), (v) => v),
  );
  app.post(
    '/api/users/:id/mfa/reset',
    {
      preValidation: allow('org.manage'),
      schema: {
        tags,
        summary:
          "Clears a user's second factors (a lost phone); they enrol again if the organisation requires it",
        params: idParams,
        response: { 200: resetMfaResponse, 404: errorBody, ...refusals },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      if (actor.kind !== 'staff') throw new Error('allow() admits staff only');
      return respond(reply, await resetMfa(deps, { actor, userId: request.params.id }), (v) => v);
    },
  );
}
