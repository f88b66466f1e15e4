import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSession } from '../../src/core/accounts/start-session.js';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { openTestDatabase } from '../support/db.js';
import { buildTestApp, loginAs } from '../support/http.js';
import { buildWorld, ok, TestClock, type World } from '../support/world.js';

/**
 * SCIM 2.0 as Okta and Microsoft Entra call it: the request bodies are theirs, as their
 * provisioning documentation and validators send them; the answers are checked against RFC 7644.
 */
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const LIST = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
const PATCH = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

let database: Database;
let app: App;
let world: World;
let other: World;
let token: string;
let otherToken: string;
const clock = new TestClock();

function scim(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: unknown,
  bearer = token,
) {
  return app.inject({
    method,
    url,
    headers: {
      authorization: `Bearer ${bearer}`,
      ...(payload ? { 'content-type': 'application/scim+json' } : {}),
    },
    ...(payload ? { payload: JSON.stringify(payload) } : {}),
  });
}

function expectScimError(response: LightMyRequestResponse, status: number, scimType?: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toContain('application/scim+json');
  const body = response.json();
  expect(body.schemas).toEqual([ERROR]);
  expect(body.status).toBe(String(status));
  expect(typeof body.detail).toBe('string');
  if (scimType) expect(body.scimType).toBe(scimType);
}

function expectUser(body: Record<string, unknown>) {
  expect(body.schemas).toContain(USER);
  expect(typeof body.id).toBe('string');
  expect(typeof body.userName).toBe('string');
  expect(typeof body.active).toBe('boolean');
  expect(body.meta).toMatchObject({ resourceType: 'User' });
  expect(String((body.meta as { location: string }).location)).toMatch(/\/scim\/v2\/Users\/[0-9a-f-]{36}$/);
}

async function newToken(world: World) {
  const cookie = await loginAs(app, world.slug, world.staff.admin.email);
  const created = await app.inject({
    method: 'POST',
    url: '/api/scim-tokens',
    headers: { cookie },
    payload: { name: 'IdP' },
  });
  expect(created.statusCode, created.body).toBe(201);
  return created.json().token as string;
}

const userRow = (id: string) =>
  world.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
  other = await buildWorld(database, clock);
  app = await buildTestApp(database, clock);
  token = await newToken(world);
  otherToken = await newToken(other);
  const cookie = await loginAs(app, world.slug, world.staff.admin.email);
  const mapped = await app.inject({
    method: 'PUT',
    url: '/api/sso/group-mappings',
    headers: { cookie },
    payload: {
      mappings: [{ group: 'Recruiters', roles: ['recruiter', 'coordinator'], teamIds: [world.teams.B] }],
    },
  });
  expect(mapped.statusCode, mapped.body).toBe(200);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

describe('discovery and authentication', () => {
  it('refuses a request without a valid token, in SCIM error shape', async () => {
    expectScimError(await app.inject({ method: 'GET', url: '/scim/v2/Users' }), 401);
    expectScimError(await scim('GET', '/scim/v2/Users', undefined, 'scim_not-a-token'), 401);
  });

  it('ServiceProviderConfig, Schemas and ResourceTypes', async () => {
    const config = (await scim('GET', '/scim/v2/ServiceProviderConfig')).json();
    expect(config.schemas).toEqual(['urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig']);
    expect(config).toMatchObject({
      patch: { supported: true },
      filter: { supported: true },
      bulk: { supported: false },
    });
    expect(config.authenticationSchemes[0].type).toBe('oauthbearertoken');
    const schemas = (await scim('GET', '/scim/v2/Schemas')).json();
    expect(schemas.schemas).toEqual([LIST]);
    expect(schemas.Resources.map((s: { id: string }) => s.id)).toEqual([USER, GROUP]);
    const types = (await scim('GET', '/scim/v2/ResourceTypes')).json();
    expect(types.Resources.map((t: { endpoint: string }) => t.endpoint)).toEqual(['/Users', '/Groups']);
  });

  it('an unsupported filter is invalidFilter', async () => {
    expectScimError(await scim('GET', '/scim/v2/Users?filter=userName%20co%20%22a%22'), 400, 'invalidFilter');
  });
});

describe('Okta', () => {
  let id: string;
  it('looks the user up, creates them, and finds them by userName', async () => {
    const filter = encodeURIComponent('userName eq "isabella@example.com"');
    const none = (await scim('GET', `/scim/v2/Users?filter=${filter}&startIndex=1&count=100`)).json();
    expect(none).toEqual({ schemas: [LIST], totalResults: 0, startIndex: 1, itemsPerPage: 0, Resources: [] });
    const created = await scim('POST', '/scim/v2/Users', {
      schemas: [USER],
      userName: 'isabella@example.com',
      name: { givenName: 'Isabella', familyName: 'Gonzalez' },
      emails: [{ primary: true, value: 'isabella@example.com', type: 'work' }],
      displayName: 'Isabella Gonzalez',
      locale: 'en-US',
      externalId: '00ujl29u0le5T6Aj10h7',
      groups: [],
      password: '1mz050nq',
      active: true,
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers['content-type']).toContain('application/scim+json');
    const user = created.json();
    expectUser(user);
    expect(user).toMatchObject({
      userName: 'isabella@example.com',
      externalId: '00ujl29u0le5T6Aj10h7',
      active: true,
    });
    expect(user.name).toMatchObject({ givenName: 'Isabella', familyName: 'Gonzalez' });
    expect(user).not.toHaveProperty('password');
    id = user.id;
    expect((await userRow(id)).password_hash).toBeNull();
    const found = (await scim('GET', `/scim/v2/Users?filter=${filter}&startIndex=1&count=100`)).json();
    expect(found).toMatchObject({ totalResults: 1, startIndex: 1, itemsPerPage: 1 });
    expect(found.Resources[0].id).toBe(id);
  });

  it('a second create of the same userName is a uniqueness conflict', async () => {
    const again = await scim('POST', '/scim/v2/Users', {
      schemas: [USER],
      userName: 'isabella@example.com',
      active: true,
    });
    expectScimError(again, 409, 'uniqueness');
  });

  it('a group with the user as member grants the mapped roles and teams; removing them takes them back', async () => {
    const group = await scim('POST', '/scim/v2/Groups', {
      schemas: [GROUP],
      displayName: 'Recruiters',
      members: [],
    });
    expect(group.statusCode, group.body).toBe(201);
    expect(group.json()).toMatchObject({
      schemas: [GROUP],
      displayName: 'Recruiters',
      members: [],
      meta: { resourceType: 'Group' },
    });
    const groupId = group.json().id;
    const added = await scim('PATCH', `/scim/v2/Groups/${groupId}`, {
      schemas: [PATCH],
      Operations: [{ op: 'add', path: 'members', value: [{ value: id, display: 'isabella@example.com' }] }],
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().members).toEqual([expect.objectContaining({ value: id })]);
    expect(await userRow(id)).toMatchObject({
      roles: ['recruiter', 'coordinator'],
      team_ids: [world.teams.B],
    });
    const user = (await scim('GET', `/scim/v2/Users/${id}`)).json();
    expect(user.groups).toEqual([expect.objectContaining({ value: groupId, display: 'Recruiters' })]);

    const removed = await scim('PATCH', `/scim/v2/Groups/${groupId}`, {
      schemas: [PATCH],
      Operations: [{ op: 'remove', path: `members[value eq "${id}"]` }],
    });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(await userRow(id)).toMatchObject({ roles: ['interviewer'], team_ids: [] });
    const renamed = await scim('PATCH', `/scim/v2/Groups/${groupId}`, {
      schemas: [PATCH],
      Operations: [{ op: 'replace', value: { id: groupId, displayName: 'Sourcers' } }],
    });
    expect(renamed.json().displayName).toBe('Sourcers');
  });

  it('PATCH replace active false deprovisions: disabled, every session ended', async () => {
    const session = ok(
      await startSession(world.deps, {
        orgId: world.orgId,
        holder: { userId: id },
        terms: { days: 14, idleMinutes: 43_200 },
        origin: { userAgent: null, address: null },
      }),
    );
    const cookie = `hl_session=${session.token}`;
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(
      200,
    );
    const patched = await scim('PATCH', `/scim/v2/Users/${id}`, {
      schemas: [PATCH],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().active).toBe(false);
    expect((await userRow(id)).disabled_at).not.toBeNull();
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(
      401,
    );
    // Okta re-activates with PUT of the whole user.
    const put = await scim('PUT', `/scim/v2/Users/${id}`, {
      schemas: [USER],
      id,
      userName: 'isabella@example.com',
      name: { givenName: 'Isabella', familyName: 'Gonzalez-Smith' },
      emails: [{ primary: true, value: 'isabella@example.com', type: 'work' }],
      active: true,
    });
    expect(put.json()).toMatchObject({ active: true, displayName: 'Isabella Gonzalez-Smith' });
  });

  it("another organisation's token never sees or changes this organisation's users", async () => {
    expectScimError(await scim('GET', `/scim/v2/Users/${id}`, undefined, otherToken), 404);
    expectScimError(
      await scim(
        'PATCH',
        `/scim/v2/Users/${id}`,
        { schemas: [PATCH], Operations: [{ op: 'replace', value: { active: false } }] },
        otherToken,
      ),
      404,
    );
    expectScimError(await scim('DELETE', `/scim/v2/Users/${id}`, undefined, otherToken), 404);
    const filter = encodeURIComponent('userName eq "isabella@example.com"');
    expect(
      (await scim('GET', `/scim/v2/Users?filter=${filter}`, undefined, otherToken)).json().totalResults,
    ).toBe(0);
    const list = (await scim('GET', '/scim/v2/Users?count=200', undefined, otherToken)).json();
    expect(list.Resources.map((u: { id: string }) => u.id)).not.toContain(id);
    expect((await userRow(id)).disabled_at).toBeNull();
  });
});

describe('Microsoft Entra', () => {
  let id: string;
  it('creates a user with its own request shape and deactivates it with a capitalised op and a string boolean', async () => {
    const created = await scim('POST', '/scim/v2/Users', {
      schemas: [USER, 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
      externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
      userName: 'Test_User_ab6490ee@testuser.com',
      active: true,
      emails: [{ primary: true, type: 'work', value: 'Test_User_ab6490ee@testuser.com' }],
      meta: { resourceType: 'User' },
      name: { formatted: 'givenName familyName', familyName: 'familyName', givenName: 'givenName' },
      roles: [],
    });
    expect(created.statusCode, created.body).toBe(201);
    expectUser(created.json());
    id = created.json().id;
    const byExternalId = encodeURIComponent('externalId eq "0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef"');
    expect((await scim('GET', `/scim/v2/Users?filter=${byExternalId}`)).json().Resources[0].id).toBe(id);
    const renamed = await scim('PATCH', `/scim/v2/Users/${id}`, {
      schemas: [PATCH],
      Operations: [
        { op: 'Add', path: 'name.givenName', value: 'Jane' },
        { op: 'Replace', path: 'name.familyName', value: 'Doe' },
        { op: 'Add', path: 'title', value: 'Engineer' },
      ],
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json().displayName).toBe('Jane Doe');
    const off = await scim('PATCH', `/scim/v2/Users/${id}`, {
      schemas: [PATCH],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    });
    expect(off.json().active).toBe(false);
    expect((await userRow(id)).disabled_at).not.toBeNull();
  });

  it('group membership with Add and Remove of members values; lists without members', async () => {
    const created = await scim('POST', '/scim/v2/Groups', {
      schemas: [GROUP],
      externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
      displayName: 'Recruiters',
      meta: { resourceType: 'Group' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const groupId = created.json().id;
    const filter = encodeURIComponent('displayName eq "Recruiters"');
    const listed = (await scim('GET', `/scim/v2/Groups?excludedAttributes=members&filter=${filter}`)).json();
    expect(listed).toMatchObject({ schemas: [LIST], totalResults: 1 });
    expect(listed.Resources[0]).not.toHaveProperty('members');
    const add = await scim('PATCH', `/scim/v2/Groups/${groupId}`, {
      schemas: [PATCH],
      Operations: [{ op: 'Add', path: 'members', value: [{ value: id }] }],
    });
    expect(add.statusCode, add.body).toBe(200);
    expect((await userRow(id)).roles).toEqual(['recruiter', 'coordinator']);
    const remove = await scim('PATCH', `/scim/v2/Groups/${groupId}`, {
      schemas: [PATCH],
      Operations: [{ op: 'Remove', path: 'members', value: [{ value: id }] }],
    });
    expect(remove.statusCode).toBe(200);
    expect((await userRow(id)).roles).toEqual(['interviewer']);
    expectScimError(
      await scim('PATCH', `/scim/v2/Groups/${groupId}`, {
        schemas: [PATCH],
        Operations: [{ op: 'Move', path: 'members' }],
      }),
      400,
      'invalidSyntax',
    );
    expect((await scim('DELETE', `/scim/v2/Groups/${groupId}`)).statusCode).toBe(204);
    expectScimError(await scim('GET', `/scim/v2/Groups/${groupId}`), 404);
  });

  it('DELETE deprovisions; the user is gone for SCIM but kept for history', async () => {
    expect((await scim('DELETE', `/scim/v2/Users/${id}`)).statusCode).toBe(204);
    expectScimError(await scim('GET', `/scim/v2/Users/${id}`), 404);
    expect((await userRow(id)).disabled_at).not.toBeNull();
  });

  it('pages with startIndex and count', async () => {
    const first = (await scim('GET', '/scim/v2/Users?startIndex=1&count=2')).json();
    const second = (await scim('GET', '/scim/v2/Users?startIndex=3&count=2')).json();
    expect(first).toMatchObject({ startIndex: 1, itemsPerPage: 2 });
    expect(second.startIndex).toBe(3);
    expect(first.totalResults).toBe(second.totalResults);
    const ids = [...first.Resources, ...second.Resources].map((u: { id: string }) => u.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('tokens', () => {
  it('are listed without their secret, note their last use, and stop working once revoked', async () => {
    const cookie = await loginAs(app, world.slug, world.staff.admin.email);
    const listed = await app.inject({ method: 'GET', url: '/api/scim-tokens', headers: { cookie } });
    expect(listed.body).not.toContain(token);
    const item = listed.json().items[0];
    expect(item.lastUsedAt).not.toBeNull();
    const stored = await world.db
      .selectFrom('scim_tokens')
      .select('token_hash')
      .where('id', '=', item.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    // Another organisation's admin cannot revoke it.
    const otherCookie = await loginAs(app, other.slug, other.staff.admin.email);
    const foreign = await app.inject({
      method: 'DELETE',
      url: `/api/scim-tokens/${item.id}`,
      headers: { cookie: otherCookie },
    });
    expect(foreign.statusCode).toBe(404);
    expect((await scim('GET', '/scim/v2/Users')).statusCode).toBe(200);
    const revoked = await app.inject({
      method: 'DELETE',
      url: `/api/scim-tokens/${item.id}`,
      headers: { cookie },
    });
    expect(revoked.statusCode).toBe(204);
    expectScimError(await scim('GET', '/scim/v2/Users'), 401);
  });
});
