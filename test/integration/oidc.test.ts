import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LightMyRequestResponse } from 'fastify';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { openTestDatabase } from '../support/db.js';
import { buildTestApp, loginAs, testConfig } from '../support/http.js';
import { buildWorld, TestClock, type World } from '../support/world.js';

/**
 * Single sign-on against a real, certified OpenID provider (oidc-provider) listening on loopback.
 * The test plays the browser: it follows the redirects, and the provider's login and consent
 * screens are answered by the test as the person `signingIn`.
 */
interface Person {
  email: string;
  email_verified: boolean;
  name: string;
  groups: string[];
}
const people = new Map<string, Person>();
let signingIn = '';

let idp: Server;
let issuer: string;
let provider: Provider;
let database: Database;
let app: App;
let world: World;
let adminCookie: string;
const clock = new TestClock();
const callback = new URL('/api/sso/callback', testConfig.PUBLIC_URL).href;

async function interaction(req: IncomingMessage, res: ServerResponse) {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name === 'login') {
    return provider.interactionFinished(
      req,
      res,
      { login: { accountId: signingIn } },
      { mergeWithLastSubmission: false },
    );
  }
  const grant = new provider.Grant({
    accountId: details.session?.accountId as string,
    clientId: details.params.client_id as string,
  });
  const missing = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  return provider.interactionFinished(
    req,
    res,
    { consent: { grantId: await grant.save() } },
    { mergeWithLastSubmission: true },
  );
}

/** Follows the provider's redirects with its cookies, as a browser would, until it sends us back. */
async function throughProvider(authorizationUrl: string) {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  for (let hop = 0; hop < 20; hop++) {
    if (url.startsWith(callback)) return new URL(url);
    const response = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const [name = '', value = ''] = pair.split('=');
      jar.set(name.trim(), value);
    }
    const location = response.headers.get('location');
    if (!location) throw new Error(`the provider answered ${response.status}: ${await response.text()}`);
    url = new URL(location, url).href;
  }
  throw new Error('too many redirects');
}

const cookieOf = (response: LightMyRequestResponse, name: string) => {
  const cookie = response.cookies.find((c) => c.name === name && c.value);
  return cookie ? `${name}=${cookie.value}` : null;
};

/** One sign-in through the provider; `tamper` may change the request to it or its answer back. */
async function signIn(
  accountId: string,
  tamper: { authorization?: (url: URL) => void; callback?: (url: URL) => void } = {},
) {
  signingIn = accountId;
  const start = await app.inject({ method: 'GET', url: `/api/sso/start?org=${world.slug}` });
  expect(start.statusCode, start.body).toBe(302);
  const flow = cookieOf(start, 'hl_sso') as string;
  const authorization = new URL(String(start.headers.location));
  expect(authorization.origin).toBe(issuer);
  expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorization.searchParams.get('state')).toBeTruthy();
  expect(authorization.searchParams.get('nonce')).toBeTruthy();
  tamper.authorization?.(authorization);
  const back = await throughProvider(authorization.href);
  tamper.callback?.(back);
  const done = await app.inject({
    method: 'GET',
    url: `${back.pathname}${back.search}`,
    headers: { cookie: flow },
  });
  expect(done.statusCode).toBe(302);
  return {
    location: String(done.headers.location),
    session: cookieOf(done, 'hl_session'),
    /** The provider issued a code: a refusal after it is ours, not the provider's. */
    issuedCode: Boolean(back.searchParams.get('code')),
    replay: () =>
      app.inject({ method: 'GET', url: `${back.pathname}${back.search}`, headers: { cookie: flow } }),
  };
}

const userByEmail = (email: string) =>
  world.db.selectFrom('users').selectAll().where('email_normalized', '=', email).executeTakeFirst();

beforeAll(async () => {
  idp = createServer();
  await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
  provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'hireloop',
        client_secret: 'a-client-secret-for-the-test-only',
        redirect_uris: [callback],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
    scopes: ['openid', 'email', 'profile', 'groups'],
    findAccount: async (_ctx, id) => ({
      accountId: id,
      claims: async () => ({ sub: id, ...people.get(id) }),
    }),
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, details) => `/interaction/${details.uid}` },
    pkce: { required: () => true },
    cookies: { keys: ['a-cookie-key-for-the-test-only'] },
  });
  const handle = provider.callback();
  idp.on('request', (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      interaction(req, res).catch((error: Error) => {
        res.statusCode = 500;
        res.end(error.message);
      });
    } else handle(req, res);
  });

  database = await openTestDatabase();
  world = await buildWorld(database, clock);
  app = await buildTestApp(database, clock);
  adminCookie = await loginAs(app, world.slug, world.staff.admin.email);
  const saved = await app.inject({
    method: 'PUT',
    url: '/api/sso/connection',
    headers: { cookie: adminCookie },
    payload: {
      displayName: 'Test IdP',
      issuer,
      clientId: 'hireloop',
      clientSecret: 'a-client-secret-for-the-test-only',
      defaultRoles: ['interviewer'],
      groupsClaim: 'groups',
      enabled: true,
    },
  });
  expect(saved.statusCode, saved.body).toBe(200);
  const mapped = await app.inject({
    method: 'PUT',
    url: '/api/sso/group-mappings',
    headers: { cookie: adminCookie },
    payload: {
      mappings: [
        { group: 'recruiting', roles: ['recruiter'], teamIds: [world.teams.A] },
        { group: 'people-ops', roles: ['hr'], teamIds: [world.teams.A, world.teams.B] },
      ],
    },
  });
  expect(mapped.statusCode, mapped.body).toBe(200);
  people.set('sub-ada', {
    email: 'ada@idp.example',
    email_verified: true,
    name: 'Ada Lovelace',
    groups: ['recruiting', 'unmapped'],
  });
  people.set('sub-hr', { email: world.staff.hr.email, email_verified: true, name: 'HR', groups: [] });
  people.set('sub-unverified', {
    email: world.staff.admin.email,
    email_verified: false,
    name: 'Not the admin',
    groups: [],
  });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  await new Promise((resolve) => idp?.close(resolve));
});

describe('OpenID Connect sign-in', () => {
  it('the sign-in page learns the provider by the organisation', async () => {
    const found = await app.inject({ method: 'GET', url: `/api/sso/provider?org=${world.slug}` });
    expect(found.json()).toEqual({ displayName: 'Test IdP', passwordSignIn: 'everyone' });
    const none = await app.inject({ method: 'GET', url: '/api/sso/provider?org=nobody' });
    expect(none.json().displayName).toBeNull();
    const start = await app.inject({ method: 'GET', url: '/api/sso/start?org=nobody' });
    expect(start.headers.location).toBe('/app/sign-in?sso_error=sso.not_configured');
  });

  let adaId: string;
  it('a first sign-in creates the user with roles and teams from their groups', async () => {
    const { location, session } = await signIn('sub-ada');
    expect(location).toBe('/app/');
    expect(session).toBeTruthy();
    const me = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: session as string },
    });
    expect(me.json()).toMatchObject({
      email: 'ada@idp.example',
      name: 'Ada Lovelace',
      roles: ['recruiter'],
      teamIds: [world.teams.A],
    });
    const user = await userByEmail('ada@idp.example');
    expect(user?.password_hash).toBeNull();
    adaId = user?.id as string;
  });

  it('a second sign-in finds the same user, and their groups set their roles again', async () => {
    people.set('sub-ada', { ...(people.get('sub-ada') as Person), groups: ['people-ops'] });
    const { location, session } = await signIn('sub-ada');
    expect(location).toBe('/app/');
    const me = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: session as string },
    });
    expect(me.json()).toMatchObject({
      userId: adaId,
      roles: ['hr'],
      teamIds: [world.teams.A, world.teams.B],
    });
    const count = await world.db
      .selectFrom('users')
      .select('id')
      .where('email_normalized', '=', 'ada@idp.example')
      .execute();
    expect(count).toHaveLength(1);
  });

  it('an existing user is matched by their verified email; an unverified one matches nobody', async () => {
    const { session } = await signIn('sub-hr');
    const me = await app.inject({
      method: 'GET',
      url: '/api/auth/me',
      headers: { cookie: session as string },
    });
    // No mapped group: the user keeps the roles they had.
    expect(me.json()).toMatchObject({ userId: world.staff.hr.userId, roles: ['hr'] });
    const unverified = await signIn('sub-unverified');
    expect(unverified.location).toBe('/app/sign-in?sso_error=sso.no_verified_email');
    expect(unverified.session).toBeNull();
  });

  it('a disabled user is refused', async () => {
    const disabled = await app.inject({
      method: 'POST',
      url: `/api/users/${adaId}/disable`,
      headers: { cookie: adminCookie },
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
    const { location, session } = await signIn('sub-ada');
    expect(location).toBe('/app/sign-in?sso_error=sso.account_disabled');
    expect(session).toBeNull();
  });

  it('a tampered state is refused', async () => {
    const { location, session } = await signIn('sub-hr', {
      callback: (url) => url.searchParams.set('state', `${url.searchParams.get('state')}x`),
    });
    expect(location).toBe('/app/sign-in?sso_error=sso.failed');
    expect(session).toBeNull();
  });

  it('the untampered flow of the same person signs in (the refusals above are the tampering)', async () => {
    const { session, issuedCode } = await signIn('sub-hr');
    expect(issuedCode).toBe(true);
    expect(session).toBeTruthy();
  });

  it('a tampered nonce is refused (the ID token carries another nonce than the flow kept)', async () => {
    const { location, session, issuedCode } = await signIn('sub-hr', {
      authorization: (url) => url.searchParams.set('nonce', 'a-nonce-of-the-attackers-choosing'),
    });
    expect(issuedCode).toBe(true);
    expect(location).toBe('/app/sign-in?sso_error=sso.failed');
    expect(session).toBeNull();
  });

  it('a flow is used once, and only by the browser that started it', async () => {
    const first = await signIn('sub-hr');
    expect(first.session).toBeTruthy();
    const replay = await first.replay();
    expect(replay.headers.location).toBe('/app/sign-in?sso_error=sso.failed');
    const stranger = await app.inject({ method: 'GET', url: '/api/sso/callback?code=x&state=y' });
    expect(stranger.headers.location).toBe('/app/sign-in?sso_error=sso.failed');
  });

  it('the client secret is stored encrypted and never shown back', async () => {
    const row = await world.db.selectFrom('sso_connections').selectAll().executeTakeFirstOrThrow();
    expect(row.client_secret_enc).not.toContain('a-client-secret');
    const shown = await app.inject({
      method: 'GET',
      url: '/api/sso/connection',
      headers: { cookie: adminCookie },
    });
    expect(shown.body).not.toContain('a-client-secret');
    expect(shown.json()).toMatchObject({ configured: true, hasSecret: true, issuer, callbackUrl: callback });
  });
});
