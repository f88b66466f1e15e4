import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { openTestDatabase } from '../support/db.js';
import { buildTestApp, loginAs } from '../support/http.js';
import { buildWorld, TestClock, type World } from '../support/world.js';

let database: Database;
let app: App;
let world: World;
const clock = new TestClock();

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
  app = await buildTestApp(database, clock);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const schemaPhrase = /expected|Invalid UUID|Invalid input|Too small|Too big|Required/;

describe('GET /api/auth/session', () => {
  it('answers 204 with no body when nobody is signed in, and the signed-in person otherwise', async () => {
    const nobody = await app.inject({ url: '/api/auth/session' });
    expect([nobody.statusCode, nobody.body]).toEqual([204, '']);
    const stale = await app.inject({ url: '/api/auth/session', headers: { cookie: 'hl_session=nope' } });
    expect(stale.statusCode).toBe(204);
    const cookie = await loginAs(app, world.slug, world.staff.recruiter.email);
    const me = await app.inject({ url: '/api/auth/session', headers: { cookie } });
    const same = await app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual(same.json());
    expect(me.json()).toMatchObject({ kind: 'staff', roles: ['recruiter'] });
  });

  it('is in the OpenAPI document with both answers', async () => {
    const doc = (await app.inject({ url: '/openapi.json' })).json();
    expect(Object.keys(doc.paths['/api/auth/session'].get.responses).sort()).toEqual(['200', '204']);
  });
});

describe('validation answers in words', () => {
  it('names each field of an empty or wrong job and says what is wrong, keeping the code and fields', async () => {
    const cookie = await loginAs(app, world.slug, world.staff.recruiter.email);
    const post = (payload: object) =>
      app.inject({ method: 'POST', url: '/api/jobs', headers: { cookie }, payload });
    const empty = await post({});
    const wrong = await post({
      title: '  ',
      teamId: 'team-a',
      processId: world.processes.A.id,
      employmentType: 'part_time',
      level: 'senior',
      headcount: 0,
      locations: [],
      posting: {},
    });
    for (const response of [empty, wrong]) {
      expect(response.statusCode).toBe(400);
      const { code, message, details } = response.json().error;
      expect(code).toBe('validation.failed');
      expect(message).not.toMatch(schemaPhrase);
      for (const issue of details.issues) expect(issue.message).not.toMatch(schemaPhrase);
    }
    const byField = Object.fromEntries(
      wrong.json().error.details.issues.map((i: { field: string; message: string }) => [i.field, i.message]),
    );
    expect(byField).toMatchObject({
      'body.title': 'must not be empty',
      'body.teamId': 'choose one from the list',
      'body.employmentType': 'must be one of the choices offered',
      'body.headcount': 'must be 1 or more',
      'body.locations': 'choose at least one',
    });
    expect(empty.json().error.details.issues).toContainEqual({ field: 'body.title', message: 'is required' });
  });

  it("keeps a schema's own message", async () => {
    const cookie = await loginAs(app, world.slug, world.staff.hr.email);
    const response = await app.inject({
      method: 'POST',
      url: `/api/offers/${crypto.randomUUID()}/rescind`,
      headers: { cookie },
      payload: { reason: ' ' },
    });
    expect(response.json().error.details.issues).toEqual([
      { field: 'body.reason', message: 'a reason is required' },
    ]);
  });
});
