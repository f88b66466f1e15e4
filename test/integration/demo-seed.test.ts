import { afterAll, beforeAll, expect, it } from 'vitest';
import { steps } from '../../src/contracts/vocabulary.js';
import type { Actor, StaffRole } from '../../src/core/shared/types.js';
import { listDecisionQueue } from '../../src/core/workspace/list-decision-queue.js';
import type { Database } from '../../src/db/database.js';
import { seedDemo } from '../../src/db/seed-demo.js';
import { reportQueries } from '../../src/db/workspace/reports.queries.js';
import { workspaceQueries } from '../../src/db/workspace/workspace.queries.js';
import { hashPassword } from '../../src/server/auth.js';
import { loadCatalog } from '../../src/server/templates.js';
import { openTestDatabase } from '../support/db.js';
import { ids } from '../support/world.js';

// Seeded in December: the season recruited for is next summer's.
const now = new Date('2026-12-01T15:00:00Z');
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  const options = { now, ids, catalog: loadCatalog(), hashPassword };
  expect(await seedDemo(database.db, options)).toBe(true);
  expect(await seedDemo(database.db, options)).toBe(false);
});
afterAll(async () => database.close());

const staffActor = async (email: string): Promise<Actor> => {
  const user = await database.db
    .selectFrom('users')
    .select(['id', 'org_id', 'roles', 'team_ids'])
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return {
    kind: 'staff',
    orgId: user.org_id,
    userId: user.id,
    roles: user.roles as StaffRole[],
    teamIds: user.team_ids,
  };
};

it('seeds a living demo once: three zones, every template, candidates at every step and status', async () => {
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
  const jobs = await db.selectFrom('jobs').select('status').execute();
  expect(jobs.every((j) => j.status === 'open')).toBe(true);
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

it('names the coming season: no title or term names a year already past when seeded', async () => {
  const jobs = await database.db.selectFrom('jobs').select(['title', 'employment_type', 'posting']).execute();
  const years = jobs.flatMap((j) =>
    [...`${j.title} ${JSON.stringify(j.posting)}`.matchAll(/\b20\d\d\b/g)].map((m) => Number(m[0])),
  );
  expect(years.length).toBeGreaterThan(0);
  expect(years.filter((y) => y < now.getUTCFullYear())).toEqual([]);
  const internships = jobs.filter((j) => j.employment_type === 'internship');
  expect(internships.length).toBe(2);
  for (const internship of internships) {
    expect(internship.title).toContain('2027 Summer');
    expect(internship.posting).toMatchObject({ internship: { term: 'Summer 2027', minimumWeeks: 12 } });
  }
  expect(jobs.map((j) => j.title)).toContain('Software Engineer, New Grad 2027 - TikTok User and Relation');
});

it('spreads the season: steps take different times, and decisions rest on their evidence', async () => {
  const db = database.db;
  const org = await db.selectFrom('orgs').select('id').where('slug', '=', 'tiktok').executeTakeFirstOrThrow();
  const reader = await db
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', org.id)
    .executeTakeFirstOrThrow();
  const timing = await reportQueries(db).timing(
    { orgId: org.id, userId: reader.id },
    { now, targetDays: 42 },
  );
  const medians = timing.timeInStep.map((s) => s.medianDays);
  expect(timing.timeInStep.map((s) => s.step)).toEqual([...steps]);
  expect(new Set(medians).size).toBeGreaterThanOrEqual(3);
  // One decision taken without all of its evidence, with the reason on the record.
  const overrides = await db
    .selectFrom('round_decisions')
    .select('override_reason')
    .where('override_reason', 'is not', null)
    .execute();
  expect(overrides).toHaveLength(1);
  expect(timing.decisionsWithoutEvidence.reduce((n, t) => n + t.withoutEvidence, 0)).toBe(1);
  // Every scorecard was handed in after its interview started; every interview decided was held.
  const early = await db
    .selectFrom('scorecards')
    .innerJoin('interviews', 'interviews.id', 'scorecards.interview_id')
    .select('scorecards.id')
    .where('scorecards.status', '=', 'submitted')
    .whereRef('scorecards.submitted_at', '<', 'interviews.starts_at')
    .execute();
  expect(early).toEqual([]);
  const decidedBeforeHeld = await db
    .selectFrom('round_decisions')
    .innerJoin('interviews', (join) =>
      join
        .onRef('interviews.application_id', '=', 'round_decisions.application_id')
        .onRef('interviews.round_key', '=', 'round_decisions.round_key'),
    )
    .select('round_decisions.id')
    .whereRef('round_decisions.decided_at', '<', 'interviews.starts_at')
    .execute();
  expect(decidedBeforeHeld).toEqual([]);
  // Nothing in the past is dated after the moment of seeding, except interviews still to come.
  const decisions = await db.selectFrom('round_decisions').select('decided_at').execute();
  expect(decisions.every((d) => d.decided_at < now)).toBe(true);
  // The senior loop's hiring committee has votes in.
  expect((await db.selectFrom('committee_votes').select('vote').execute()).length).toBeGreaterThan(0);
});

it('most candidates applied themselves, on the job board or the career site; some were referred or sourced', async () => {
  const db = database.db;
  const submitted = await db
    .selectFrom('applications')
    .innerJoin('audit_events', (join) =>
      join
        .onRef('audit_events.entity_id', '=', 'applications.id')
        .on('audit_events.action', '=', 'application.submitted'),
    )
    .select(['applications.source', 'audit_events.actor_kind', 'audit_events.actor_id'])
    .execute();
  const bySource = (pattern: RegExp) => submitted.filter((s) => pattern.test(s.source));
  const own = bySource(/^(board|careers):/);
  expect(own.length).toBeGreaterThan(submitted.length / 3);
  expect(bySource(/^board:/).length).toBeGreaterThan(0);
  expect(bySource(/^careers:/).length).toBeGreaterThan(0);
  // Sent by the candidate through a board, never on a recruiter's behalf.
  expect(new Set(own.map((s) => s.actor_kind))).toEqual(new Set(['board']));
  // A signed-in candidate applying from the portal is on the record as themself.
  const portal = bySource(/^candidate_portal$/);
  expect(portal.map((s) => s.actor_kind)).toEqual(['candidate']);
  expect(bySource(/^(referral|sourced)$/).every((s) => s.actor_kind === 'staff')).toBe(true);
  expect(bySource(/^(referral|sourced)$/).length).toBeGreaterThan(0);
});

it('the HM is not on every panel, and their decision queue holds complete and incomplete panels', async () => {
  const db = database.db;
  const hm = await staffActor('hm@tiktok.example');
  if (hm.kind !== 'staff') throw new Error('the HM is staff');
  const interviews = await db.selectFrom('interviews').select(['interviewer_ids', 'starts_at']).execute();
  const withHm = interviews.filter((i) => i.interviewer_ids.includes(hm.userId));
  expect(withHm.length).toBeGreaterThan(0);
  expect(withHm.length).toBeLessThan(interviews.length / 3);
  // Some interviews are still to come.
  expect(interviews.some((i) => i.starts_at > now)).toBe(true);
  const queue = await listDecisionQueue(
    { workspace: workspaceQueries(db), clock: { now: () => now } },
    { actor: hm, limit: 100, offset: 0, filter: {} },
  );
  if (!queue.ok) throw new Error(queue.error.message);
  // The HM's queue holds only the rounds the HM decides.
  expect(queue.value.items.every((i) => i.decidedBy === 'hiring_manager')).toBe(true);
  const items = queue.value.items;
  const complete = items.filter((i) => i.decidableNow && i.panel.expected > 1);
  const incomplete = items.filter((i) => i.panel.submitted > 0 && i.panel.submitted < i.panel.expected);
  expect(complete.length).toBeGreaterThan(0);
  expect(incomplete.length).toBeGreaterThan(0);
  // A complete panel of three (a majority either way) is ready to decide.
  expect(complete.some((i) => i.panel.expected === 3)).toBe(true);
});
