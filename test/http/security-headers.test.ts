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

it('no page can be framed by another site, no link leaks in a Referer, and personal data is not cached', async () => {
  const cookie = await loginAs(app, world.slug, `recruiter@${world.slug}.example`);
  for (const url of ['/api/auth/me', '/api/applications', '/healthz', '/app/', '/no-such-page']) {
    const response = await app.inject({ url, headers: { cookie } });
    expect(response.headers['x-frame-options'], url).toBe('DENY');
    expect(response.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
    expect(response.headers['referrer-policy'], url).toBe('no-referrer');
    expect(response.headers['x-content-type-options'], url).toBe('nosniff');
    expect(response.headers['cache-control'], url).toBe('no-store');
  }
});
