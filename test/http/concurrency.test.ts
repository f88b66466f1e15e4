import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { openTestDatabase } from '../support/db.js';
import { buildTestApp, errorCode, loginAs } from '../support/http.js';
import { buildWorld, TestClock, type World } from '../support/world.js';

let database: Database;
let app: App;
let world: World;

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

it('20 simultaneous decisions on the same round: exactly one wins, the others conflict, one audit entry', async () => {
  const recruiter = await loginAs(app, world.slug, world.staff.recruiter.email);
  const hm = await loginAs(app, world.slug, world.staff.hiring_manager.email);
  const created = await app.inject({
    method: 'POST',
    url: '/api/applications',
    headers: { cookie: recruiter },
    payload: { jobId: world.jobs.fullTimeA.id, candidate: world.candidate() },
  });
  const id = created.json().id;
  const responses = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      app.inject({
        method: 'POST',
        url: `/api/applications/${id}/decisions`,
        headers: { cookie: i % 2 ? hm : recruiter },
        payload: { roundKey: 'resume', decision: i % 3 ? 'advance' : 'reject', rationale: `decider ${i}` },
      }),
    ),
  );
  const winners = responses.filter((r) => r.statusCode === 200);
  const losers = responses.filter((r) => r.statusCode !== 200);
  expect(winners).toHaveLength(1);
  expect(losers).toHaveLength(19);
  for (const loser of losers) {
    expect(loser.statusCode).toBe(409);
    expect(['round.already_decided', 'conflict.concurrent_change']).toContain(errorCode(loser));
  }
  const decisions = await database.db
    .selectFrom('round_decisions')
    .selectAll()
    .where('application_id', '=', id)
    .execute();
  expect(decisions).toHaveLength(1);
  const audit = await database.db
    .selectFrom('audit_events')
    .select('action')
    .where('entity_id', '=', id)
    .where('action', 'in', ['round.advanced', 'round.rejected'])
    .execute();
  expect(audit).toHaveLength(1);
  expect(decisions[0]!.rationale).toBe(winners[0]!.json().decisions[0].rationale);
});
