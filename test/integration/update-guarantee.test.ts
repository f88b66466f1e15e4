import { afterAll, beforeAll, expect, it } from 'vitest';
import { decideApplicationRound } from '../../src/core/applications/decide-round.js';
import { submitApplication } from '../../src/core/applications/submit-application.js';
import { messageCandidate } from '../../src/core/notifications/message-candidate.js';
import { businessDaysBetween } from '../../src/core/notifications/notification.rules.js';
import { saveNotificationSettings } from '../../src/core/notifications/save-notification-settings.js';
import type { Database } from '../../src/db/database.js';
import { openTestDatabase } from '../support/db.js';
import { testWorker } from '../support/worker.js';
import { buildWorld, ok, TestClock } from '../support/world.js';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

/** A small deterministic generator, so the season is the same on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

it('R-FB-5: over a six-week season, no open application goes more than N business days without a message', async () => {
  const N = 5;
  const APPLICATIONS = 200;
  const HOUR = 3_600_000;
  const clock = new TestClock(new Date('2026-03-02T00:00:00Z'));
  const world = await buildWorld(database, clock);
  await saveNotificationSettings(world.deps, {
    actor: world.staff.admin,
    settings: {
      updateEveryBusinessDays: N,
      shareRejectionFeedback: false,
      defaultLanguage: 'en',
      defaultTimezone: 'UTC',
    },
  });
  const worker = testWorker(world);
  const rand = random(20260302);
  const zones = ['America/Los_Angeles', 'Asia/Singapore', 'Asia/Shanghai', 'Europe/London'];
  const applications: { id: string; zone: string; submittedAt: Date }[] = [];
  const deciders = {
    resume: world.staff.recruiter,
    tech: world.staff.hiring_manager,
    hr: world.staff.hr,
  } as const;
  let decisions = 0;
  let personalMessages = 0;
  const end = new Date(clock.now().getTime() + 42 * 24 * HOUR);

  while (clock.now() < end) {
    // Applications arrive over the first two weeks.
    if (applications.length < APPLICATIONS && clock.now().getTime() < Date.parse('2026-03-16T00:00:00Z')) {
      for (let i = 0; i < 5 && applications.length < APPLICATIONS; i++) {
        const zone = zones[applications.length % zones.length]!;
        const person = { ...world.candidate(), timezone: zone };
        const app = ok(
          await submitApplication(world.deps, {
            actor: world.staff.recruiter,
            jobId: world.jobs.fullTimeA.id,
            candidate: person,
            source: 'season',
          }),
        ).application;
        applications.push({ id: app.id, zone, submittedAt: clock.now() });
      }
    }
    // The team works slowly: now and then a round is decided; now and then a recruiter writes instead of the robot.
    for (const app of applications) {
      const roll = rand();
      if (roll < 0.012) {
        const current = await world.db
          .selectFrom('applications')
          .select(['status', 'stage_index', 'plan'])
          .where('id', '=', app.id)
          .executeTakeFirstOrThrow();
        const round = current.plan[current.stage_index];
        if (current.status !== 'active' || !round) continue;
        ok(
          await decideApplicationRound(world.deps, {
            actor: deciders[round.key as keyof typeof deciders],
            applicationId: app.id,
            roundKey: round.key,
            decision: rand() < 0.4 ? 'reject' : 'advance',
            rationale: 'Season decision.',
            overrideReason: 'Decided in the test without its interview.',
          }),
        );
        decisions++;
      } else if (roll < 0.015) {
        ok(
          await messageCandidate(world.deps, {
            actor: world.staff.recruiter,
            applicationId: app.id,
            subject: 'Checking in',
            body: 'Still reviewing.',
          }),
        );
        personalMessages++;
      }
    }
    await worker.drain(true);
    clock.advanceMs(3 * HOUR);
  }

  const messages = await world.db
    .selectFrom('deliveries')
    .innerJoin('outbox', 'outbox.seq', 'deliveries.event_seq')
    .select(['deliveries.application_id', 'deliveries.created_at', 'outbox.kind'])
    .where('deliveries.org_id', '=', world.orgId)
    .where('deliveries.candidate_id', 'is not', null)
    .orderBy('deliveries.created_at')
    .execute();
  const statuses = await world.db
    .selectFrom('applications')
    .select(['id', 'status', 'ended_at'])
    .where('org_id', '=', world.orgId)
    .execute();
  let worstGap = 0;
  const violations: string[] = [];
  for (const app of applications) {
    const times = messages.filter((m) => m.application_id === app.id).map((m) => m.created_at);
    const state = statuses.find((s) => s.id === app.id)!;
    const until = state.ended_at ?? clock.now();
    const points = [app.submittedAt, ...times.filter((t) => t <= until), until];
    for (let i = 1; i < points.length; i++) {
      const gap = businessDaysBetween(points[i - 1]!, points[i]!, app.zone, new Set());
      worstGap = Math.max(worstGap, gap);
      if (gap > N)
        violations.push(
          `${app.id}: ${gap} business days from ${points[i - 1]!.toISOString()} to ${points[i]!.toISOString()}`,
        );
    }
    if (state.status !== 'active' && state.status !== 'queued') {
      // Every ending is told with a decision message.
      expect(
        times.some((t) => t >= state.ended_at!),
        app.id,
      ).toBe(true);
    }
  }
  const count = (kind: string) => messages.filter((m) => m.kind === kind).length;
  const warnings = await world.db
    .selectFrom('outbox')
    .select('seq')
    .where('org_id', '=', world.orgId)
    .where('kind', '=', 'staff.update_due_tomorrow')
    .execute();
  const report = {
    applications: applications.length,
    stillOpen: statuses.filter((s) => s.status === 'active' || s.status === 'queued').length,
    decisions,
    personalMessages,
    candidateMessages: messages.length,
    automaticUpdates: count('candidate.status_update'),
    recruiterWarnings: warnings.length,
    worstSilenceBusinessDays: worstGap,
    guaranteeBusinessDays: N,
    violations: violations.length,
  };
  console.log(`R-FB-5 season report: ${JSON.stringify(report, null, 2)}`);
  expect(violations).toEqual([]);
  expect(report.automaticUpdates).toBeGreaterThan(APPLICATIONS);
  expect(report.recruiterWarnings).toBeGreaterThanOrEqual(report.automaticUpdates);
  worker.close();
}, 600_000);
