import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { openTestDatabase } from '../support/db.js';
import { buildTestApp, loginAs } from '../support/http.js';
import { buildWorld, TestClock, type World } from '../support/world.js';

let database: Database;
let world: World;
let app: App;
beforeAll(async () => {
  database = await openTestDatabase();
  const clock = new TestClock();
  world = await buildWorld(database, clock);
  app = await buildTestApp(database, clock);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

it('a role without the permission learns nothing of the body schema: 403 comes before validation', async () => {
  const cookie = await loginAs(app, world.slug, `recruiter@${world.slug}.example`);
  const response = await app.inject({
    method: 'POST',
    url: '/api/users',
    headers: { cookie },
    payload: { nonsense: 1 },
  });
  expect(response.statusCode).toBe(403);
  expect(response.json().error.code).toBe('permission.denied');
  expect(response.body).not.toContain('email');
});

it('without a session the answer is 401 whatever the body holds', async () => {
  const response = await app.inject({ method: 'POST', url: '/api/teams', payload: { name: 42 } });
  expect(response.statusCode).toBe(401);
  expect(response.json().error.code).toBe('auth.required');
});
