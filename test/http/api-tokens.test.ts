import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateUser } from '../../src/core/accounts/update-user.js';
import {
  permissions,
  scopeNames,
  scopesFor,
  sessionOnlyActions,
  tokenScopes,
} from '../../src/core/shared/permissions.js';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { openTestDatabase } from '../support/db.js';
import { buildTestApp, errorCode, loginAs } from '../support/http.js';
import { buildWorld, ok, TestClock, type World } from '../support/world.js';

let database: Database;
let app: App;
let world: World;
let clock: TestClock;
const cookies: Record<string, string> = {};

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
const withCookie = (cookie: string, method: Method, url: string, payload?: object) =>
  app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const withToken = (
  token: string,
  method: Method,
  url: string,
  payload?: object,
  headers: Record<string, string> = {},
) =>
  app.inject({
    method,
    url,
    headers: { authorization: `Bearer ${token}`, ...headers },
    ...(payload ? { payload } : {}),
  });

async function personalToken(
  role: keyof World['staff'],
  scopes: string[],
  expiresInDays: number | null = 30,
) {
  const made = await withCookie(cookies[role]!, 'POST', '/api/auth/tokens', {
    name: `${role} script`,
    scopes,
    expiresInDays,
  });
  expect(made.statusCode, made.body).toBe(201);
  return made.json() as { id: string; token: string; prefix: string };
}

beforeAll(async () => {
  database = await openTestDatabase();
  clock = new TestClock();
  world = await buildWorld(database, clock);
  app = await buildTestApp(database, clock);
  for (const role of ['admin', 'recruiter', 'interviewer', 'hiring_manager'] as const)
    cookies[role] = await loginAs(app, world.slug, world.staff[role].email);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

it('every action of the permission table but token management belongs to exactly one scope', () => {
  const inScopes = scopeNames.flatMap((scope) => [...tokenScopes[scope]]);
  expect(new Set(inScopes).size).toBe(inScopes.length);
  expect([...inScopes, ...sessionOnlyActions].sort()).toEqual(Object.keys(permissions).sort());
});

describe('making and seeing tokens', () => {
  it('shows the secret once, keeps only its hash, and lists tokens without it', async () => {
    const made = await personalToken('recruiter', ['candidates:read', 'applications:write']);
    expect(made.token).toMatch(/^hlt_[A-Za-z0-9_-]{43}$/);
    expect(made.token.startsWith(made.prefix)).toBe(true);
    expect(made).toMatchObject({
      kind: 'personal',
      status: 'active',
      scopes: ['applications:write', 'candidates:read'],
    });
    const row = await world.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', made.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(world.deps.tokens.hash(made.token));
    expect(JSON.stringify(row)).not.toContain(made.token);
    const listed = await withCookie(cookies.recruiter!, 'GET', '/api/auth/tokens');
    expect(listed.body).not.toContain(made.token);
    expect(listed.json().items.map((t: { id: string }) => t.id)).toContain(made.id);
    // Nobody else sees my tokens in their list.
    const theirs = await withCookie(cookies.interviewer!, 'GET', '/api/auth/tokens');
    expect(theirs.json().items.map((t: { id: string }) => t.id)).not.toContain(made.id);
  });

  it('refuses scopes my roles cannot use, unknown scopes, and no scope, naming the field', async () => {
    const beyond = await withCookie(cookies.interviewer!, 'POST', '/api/auth/tokens', {
      name: 'too much',
      scopes: ['offers:write', 'organisation:read'],
    });
    expect(beyond.statusCode).toBe(422);
    expect(errorCode(beyond)).toBe('token.scope_not_allowed');
    expect(beyond.json().error.details).toMatchObject({ field: 'scopes', scopes: ['offers:write'] });
    const bad = await withCookie(cookies.recruiter!, 'POST', '/api/auth/tokens', {
      name: '',
      scopes: ['everything'],
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().error.details.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['body.name', 'body.scopes.0']));
    const none = await withCookie(cookies.recruiter!, 'POST', '/api/auth/tokens', {
      name: 'empty',
      scopes: [],
    });
    expect(none.json().error.details.issues[0]).toMatchObject({ field: 'body.scopes' });
  });

  it('a token cannot make, list or revoke tokens, change a password or list sessions', async () => {
    const { token, id } = await personalToken('admin', scopesFor(['admin']));
    for (const [method, url, payload] of [
      ['POST', '/api/auth/tokens', { name: 'child', scopes: ['organisation:read'] }],
      ['GET', '/api/auth/tokens'],
      ['DELETE', `/api/auth/tokens/${id}`],
      ['POST', '/api/tokens', { name: 'child', scopes: ['organisation:read'] }],
      ['GET', '/api/tokens'],
      ['POST', '/api/auth/password', { currentPassword: 'x', newPassword: 'a new long passphrase' }],
      ['GET', '/api/auth/sessions'],
    ] as const) {
      const answer = await withToken(token, method, url, payload);
      expect(answer.statusCode, `${method} ${url}`).toBe(403);
      expect(errorCode(answer), `${method} ${url}`).toBe('token.session_required');
    }
    const me = await withToken(token, 'GET', '/api/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ kind: 'staff', userId: world.staff.admin.userId });
    expect(me.json().can).not.toContain('token.manage');
  });
});

describe('using a token', () => {
  it('acts within its scopes only, and never beyond the owner’s roles', async () => {
    const reader = await personalToken('recruiter', ['candidates:read']);
    const list = await withToken(reader.token, 'GET', '/api/applications?limit=5');
    expect(list.statusCode, list.body).toBe(200);
    const write = await withToken(reader.token, 'POST', '/api/applications', {
      jobId: world.jobs.fullTimeA.id,
      candidate: { email: 'token.person@example.com', firstName: 'Token', lastName: 'Person' },
    });
    expect(write.statusCode).toBe(403);
    expect(errorCode(write)).toBe('permission.denied');
    const teams = await withToken(reader.token, 'GET', '/api/teams');
    expect(errorCode(teams)).toBe('permission.denied');

    // The owner loses a role: the token loses it with them, at once.
    const writer = await personalToken('recruiter', ['applications:write', 'candidates:read']);
    const me = (await withCookie(cookies.admin!, 'GET', `/api/users/${world.staff.recruiter.userId}`)).json();
    ok(
      await updateUser(world.deps, {
        actor: world.staff.admin,
        userId: world.staff.recruiter.userId,
        expectedVersion: me.version,
        changes: { roles: ['interviewer'] },
      }),
    );
    const after = await withToken(writer.token, 'GET', '/api/applications?limit=5');
    expect(errorCode(after)).toBe('permission.denied');
    ok(
      await updateUser(world.deps, {
        actor: world.staff.admin,
        userId: world.staff.recruiter.userId,
        expectedVersion: me.version + 1,
        changes: { roles: ['recruiter'] },
      }),
    );
    expect((await withToken(writer.token, 'GET', '/api/applications?limit=5')).statusCode).toBe(200);
  });

  it('writes need no same-site headers, and the audit log names the token; cookies still need them', async () => {
    const writer = await personalToken('recruiter', ['applications:write', 'candidates:read']);
    const crossSite = { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' };
    const created = await withToken(
      writer.token,
      'POST',
      '/api/applications',
      {
        jobId: world.jobs.fullTimeA.id,
        candidate: { email: 'bearer.person@example.com', firstName: 'Bearer', lastName: 'Person' },
        source: 'api',
      },
      crossSite,
    );
    expect(created.statusCode, created.body).toBeLessThan(300);
    const viaCookie = await app.inject({
      method: 'POST',
      url: '/api/applications',
      headers: { cookie: cookies.recruiter!, ...crossSite },
      payload: {
        jobId: world.jobs.fullTimeA.id,
        candidate: { email: 'c@example.com', firstName: 'C', lastName: 'D' },
      },
    });
    expect(errorCode(viaCookie)).toBe('csrf.refused');
    const audit = await world.db
      .selectFrom('audit_events')
      .select(['action', 'token_id', 'actor_id'])
      .where('token_id', '=', writer.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['token.used', 'application.submitted']),
    );
    expect(audit.every((a) => a.actor_id === world.staff.recruiter.userId)).toBe(true);
    const listed = (await withCookie(cookies.recruiter!, 'GET', '/api/auth/tokens')).json();
    expect(listed.items.find((t: { id: string }) => t.id === writer.id)).toMatchObject({
      lastUsedAt: clock.now().toISOString(),
      lastUsedAddress: '127.0.0.1',
    });
  });

  it('a bearer token wins over a cookie sent with it, and a wrong one is refused rather than ignored', async () => {
    const reader = await personalToken('interviewer', ['organisation:read']);
    const both = await app.inject({
      method: 'GET',
      url: '/api/users',
      headers: { authorization: `Bearer ${reader.token}`, cookie: cookies.admin! },
    });
    expect(errorCode(both)).toBe('permission.denied');
    for (const header of ['Bearer hlt_nope', `Bearer ${reader.token}x`, 'Bearer ']) {
      const answer = await app.inject({
        method: 'GET',
        url: '/api/teams',
        headers: { authorization: header },
      });
      expect(answer.statusCode, header).toBe(401);
    }
    expect(
      errorCode(
        await app.inject({ method: 'GET', url: '/api/teams', headers: { authorization: 'Bearer hlt_nope' } }),
      ),
    ).toBe('auth.invalid_token');
  });

  it('stops at its expiry by the clock, and at once when revoked', async () => {
    const short = await personalToken('hiring_manager', ['organisation:read'], 1);
    expect((await withToken(short.token, 'GET', '/api/teams')).statusCode).toBe(200);
    clock.advanceMs(86_400_000 + 1000);
    expect(errorCode(await withToken(short.token, 'GET', '/api/teams'))).toBe('auth.invalid_token');
    const listed = (await withCookie(cookies.hiring_manager!, 'GET', '/api/auth/tokens')).json();
    expect(listed.items.find((t: { id: string }) => t.id === short.id)?.status).toBe('expired');

    const revocable = await personalToken('hiring_manager', ['organisation:read']);
    const other = await withCookie(cookies.interviewer!, 'DELETE', `/api/auth/tokens/${revocable.id}`);
    expect(errorCode(other)).toBe('token.not_found');
    expect(
      (await withCookie(cookies.hiring_manager!, 'DELETE', `/api/auth/tokens/${revocable.id}`)).statusCode,
    ).toBe(204);
    expect(errorCode(await withToken(revocable.token, 'GET', '/api/teams'))).toBe('auth.invalid_token');
    expect(
      errorCode(await withCookie(cookies.hiring_manager!, 'DELETE', `/api/auth/tokens/${revocable.id}`)),
    ).toBe('token.not_found');
  });
});

describe('organisation tokens', () => {
  it('admins make them with scopes; they act for the organisation and never reach another one', async () => {
    const denied = await withCookie(cookies.recruiter!, 'POST', '/api/tokens', {
      name: 'x',
      scopes: ['candidates:read'],
    });
    expect(errorCode(denied)).toBe('permission.denied');
    const made = await withCookie(cookies.admin!, 'POST', '/api/tokens', {
      name: 'ATS sync',
      scopes: ['candidates:read', 'applications:write'],
      expiresInDays: null,
    });
    expect(made.statusCode, made.body).toBe(201);
    const { token, id } = made.json();
    expect(made.json()).toMatchObject({
      kind: 'organisation',
      expiresAt: null,
      createdBy: { id: world.staff.admin.userId },
    });
    // Beyond the admin's own roles (admins do not submit applications), within its scopes.
    const created = await withToken(token, 'POST', '/api/applications', {
      jobId: world.jobs.fullTimeA.id,
      candidate: { email: 'org.token@example.com', firstName: 'Org', lastName: 'Token' },
      source: 'ats',
    });
    expect(created.statusCode, created.body).toBeLessThan(300);
    expect(errorCode(await withToken(token, 'GET', '/api/users'))).toBe('permission.denied');
    expect(errorCode(await withToken(token, 'GET', '/api/audit-events'))).toBe('permission.denied');

    const other = await buildWorld(database, clock);
    const foreignApplication = await other.apply();
    const foreign = await withToken(token, 'GET', `/api/applications/${foreignApplication.id}`);
    expect(foreign.statusCode).toBe(404);
    const foreignJob = await withToken(token, 'POST', '/api/applications', {
      jobId: other.jobs.fullTimeA.id,
      candidate: { email: 'cross.org@example.com', firstName: 'Cross', lastName: 'Org' },
    });
    expect(foreignJob.statusCode).toBe(404);

    const listed = (await withCookie(cookies.admin!, 'GET', '/api/tokens')).json();
    expect(listed.items.map((t: { id: string }) => t.id)).toContain(id);
    // An admin of the other organisation can neither see nor revoke it.
    const otherAdmin = await loginAs(app, other.slug, other.staff.admin.email);
    expect((await withCookie(otherAdmin, 'GET', '/api/tokens')).json().items).toEqual([]);
    expect(errorCode(await withCookie(otherAdmin, 'DELETE', `/api/tokens/${id}`))).toBe('token.not_found');
    expect((await withCookie(cookies.admin!, 'DELETE', `/api/tokens/${id}`)).statusCode).toBe(204);
    expect(errorCode(await withToken(token, 'GET', '/api/applications?limit=1'))).toBe('auth.invalid_token');
  });
});
