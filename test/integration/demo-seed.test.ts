import { afterAll, beforeAll, expect, it } from 'vitest';
import { steps } from '../../src/contracts/vocabulary.js';
import type { Database } from '../../src/db/database.js';
import { seedDemo } from '../../src/db/seed-demo.js';
import { hashPassword } from '../../src/server/auth.js';
import { loadCatalog } from '../../src/server/templates.js';
import { openTestDatabase } from '../support/db.js';
import { ids } from '../support/world.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

it('seeds a living demo once: three zones, every template, candidates at every step and status', async () => {
  const options = { now: new Date('2026-05-01T00:00:00Z'), ids, catalog: loadCatalog(), hashPassword };
  expect(await seedDemo(database.db, options)).toBe(true);
  expect(await seedDemo(database.db, options)).toBe(false);
  const db = database.db;
  const zones = await db.selectFrom('teams').select('timezone').distinct().execute();
  expect(zones.map((z) => z.timezone).sort()).toEqual([
    'America/Los_Angeles',
    'Asia/Shanghai',
    'Asia/Singapore',
  ]);
  // A link for a candidate to pick their recruiter screen, and its email in the outbox.
  expect(await db.selectFrom('scheduling_links').select('id').execute()).toHaveLength(1);
  expect(
    await db.selectFrom('outbox').select('seq').where('kind', '=', 'candidate.scheduling_link').execute(),
  ).toHaveLength(1);
  // A coding screen's timed assessment, sent, and its email in the outbox.
  expect(await db.selectFrom('assessments').select('id').execute()).toHaveLength(1);
  expect(
    await db.selectFrom('outbox').select('seq').where('kind', '=', 'candidate.assessment_link').execute(),
  ).toHaveLength(1);
  // Interviewers with profiles in all three offices, for the planner.
  const profiled = await db
    .selectFrom('interviewer_profiles')
    .innerJoin('users', 'users.id', 'interviewer_profiles.user_id')
    .select('users.timezone')
    .distinct()
    .execute();
  expect(profiled.map((p) => p.timezone).sort()).toEqual([
    'America/Los_Angeles',
    'Asia/Shanghai',
    'Asia/Singapore',
  ]);
  const templateKeys = await db.selectFrom('processes').select('template_key').distinct().execute();
  expect(templateKeys).toHaveLength(8);
  const jobs = await db.selectFrom('jobs').select(['status', 'employment_type', 'posting']).execute();
  expect(jobs.every((j) => j.status === 'open')).toBe(true);
  expect(jobs.find((j) => j.employment_type === 'internship')?.posting).toMatchObject({
    internship: { term: 'Summer 2025', minimumWeeks: 12 },
  });
  const apps = await db.selectFrom('applications').select(['status', 'stage_index', 'plan']).execute();
  const activeSteps = new Set(
    apps
      .filter((a) => a.status === 'active')
      .map((a) => (a.stage_index >= a.plan.length ? 'offer' : a.plan[a.stage_index]!.step)),
  );
  expect([...activeSteps].sort()).toEqual([...steps, 'offer'].sort());
  expect(new Set(apps.map((a) => a.status))).toEqual(
    new Set(['active', 'queued', 'rejected', 'withdrawn', 'hired']),
  );
  expect(apps.some((a) => a.plan.some((r) => r.addedReason))).toBe(true);
  const offers = await db.selectFrom('offers').select('status').orderBy('status').execute();
  expect(offers.map((o) => o.status)).toEqual(['pending_approval', 'sent']);
  expect(await db.selectFrom('competing_offers').select('id').execute()).toHaveLength(1);
  const scorecards = await db.selectFrom('scorecards').select('status').execute();
  expect(new Set(scorecards.map((c) => c.status))).toEqual(new Set(['pending', 'submitted']));
});
