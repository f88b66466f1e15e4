import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import type { App } from '../../src/server/context.js';
import { openTestDatabase } from '../support/db.js';
import { errorCode } from '../support/http.js';
import { buildWorld, ids, PASSWORD, TestClock, type World } from '../support/world.js';

let database: Database;
let app: App;
let world: World;

beforeAll(async () => {
  database = await openTestDatabase();
  const clock = new TestClock();
  world = await buildWorld(database, clock);
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    LOGIN_ATTEMPTS_PER_MINUTE_PER_IP: '3',
  });
  app = await buildApp({ database, config, clock, ids });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

it('password guessing is slowed: after the limit, even the right password gets 429 rate.limited', async () => {
  const attempt = (password: string) =>
    app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { org: world.slug, email: world.staff.recruiter.email, password },
    });
  for (let i = 0; i < 3; i++) expect((await attempt(`guess-${i}`)).statusCode).toBe(401);
  const blocked = await attempt(PASSWORD);
  expect([blocked.statusCode, errorCode(blocked)]).toEqual([429, 'rate.limited']);
  expect(blocked.json().error.message).toMatch(/try again/i);
});
