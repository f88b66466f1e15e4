import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scheduleInterview } from '../../src/core/scheduling/schedule-interview.js';
import type { Database } from '../../src/db/database.js';
import { buildApp } from '../../src/server/app.js';
import type { App } from '../../src/server/context.js';
import { openTestDatabase } from '../support/db.js';
import { candidateLogin, testConfig } from '../support/http.js';
import { testWorker } from '../support/worker.js';
import { buildWorld, ids, ok, TestClock, type World } from '../support/world.js';

// A plan's days and its once-a-day reminder follow the candidate's midnight: one candidate at UTC+8
// and one at UTC-8, with the clock moved across each one's midnight and across UTC's.
const practiceFixture = fileURLToPath(new URL('../fixtures/practice/', import.meta.url));
const clock = new TestClock(new Date('2026-03-02T20:00:00Z'));
let database: Database;
let app: App;
let world: World;
let n = 0;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
  app = await buildApp({ database, config: testConfig, clock, ids, practiceRoot: practiceFixture });
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

/** A candidate in `zone` with a coding round on 5 March from 21:00 UTC, and a plan with reminders. */
async function planned(zone: string) {
  const person = { email: `zoned.${++n}@example.com`, firstName: 'Zoe', lastName: `Zone ${n}` };
  const application = await world.atTechnicalRound(person);
  const cookie = await candidateLogin(app, database, world.slug, person.email);
  const zoned = await app.inject({
    method: 'PUT',
    url: '/api/me/preferences',
    payload: { language: null, timezone: zone, unsubscribed: false },
    headers: { cookie },
  });
  expect(zoned.statusCode, zoned.body).toBe(200);
  ok(
    await scheduleInterview(world.deps, {
      actor: world.staff.coordinator,
      applicationId: application.id,
      roundKey: 'tech',
      // An hour apart, as they share an interviewer.
      startsAt: new Date(Date.parse('2026-03-05T21:00:00Z') + (n - 1) * 3_600_000),
      interviewerIds: [world.staff.interviewer.userId],
      language: 'en',
    }),
  );
  const made = await app.inject({
    method: 'POST',
    url: '/api/me/practice/plan',
    payload: { reminders: true },
    headers: { cookie },
  });
  expect(made.statusCode, made.body).toBe(201);
  const reminders = async () =>
    (
      await database.db
        .selectFrom('deliveries')
        .select('id')
        .where('candidate_id', '=', application.candidateId)
        .where('subject', 'like', '%practice%')
        .execute()
    ).length;
  return { plan: made.json() as { days: { date: string }[] }, reminders };
}

describe("a plan's days in the candidate's zone", () => {
  it('dates the days and sends one reminder per local day, at UTC+8 and at UTC-8', async () => {
    // 20:00 UTC on 2 March is 04:00 on 3 March in Shanghai and 12:00 on 2 March in Los Angeles.
    const east = await planned('Asia/Shanghai');
    const west = await planned('America/Los_Angeles');
    // The round is 05:00 on 6 March in Shanghai, 14:00 on 5 March in Los Angeles: the days run to the day before.
    expect(east.plan.days.map((d) => d.date)).toEqual(['2026-03-03', '2026-03-04', '2026-03-05']);
    expect(west.plan.days.map((d) => d.date)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04']);
    const worker = testWorker(world);
    const sweep = async () => {
      await worker.drain(true);
      await worker.drain(true);
      return [await east.reminders(), await west.reminders()];
    };
    expect(await sweep()).toEqual([1, 1]);
    // 01:00 UTC on 3 March: a new UTC day, but still 3 March in Shanghai and 2 March in Los Angeles.
    clock.advanceMs(5 * 3_600_000);
    expect(await sweep()).toEqual([1, 1]);
    // 08:30 UTC: just past midnight in Los Angeles (3 March), still the same day in Shanghai.
    clock.advanceMs(7.5 * 3_600_000);
    expect(await sweep()).toEqual([1, 2]);
    // 16:30 UTC: just past midnight in Shanghai (4 March).
    clock.advanceMs(8 * 3_600_000);
    expect(await sweep()).toEqual([2, 2]);
    await worker.close();
  }, 60_000);
});
