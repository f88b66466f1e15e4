import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hireApplication } from '../../src/core/applications/hire-application.js';
import { submitApplication } from '../../src/core/applications/submit-application.js';
import { createJob } from '../../src/core/jobs/create-job.js';
import { transitionJob } from '../../src/core/jobs/transition-job.js';
import { updateJob } from '../../src/core/jobs/update-job.js';
import { createOffer } from '../../src/core/offers/create-offer.js';
import { reviseOffer } from '../../src/core/offers/revise-offer.js';
import type { Database } from '../../src/db/database.js';
import { openTestDatabase } from '../support/db.js';
import { buildWorld, ok, TestClock, type World } from '../support/world.js';

let database: Database;
let world: World;

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildWorld(database, new TestClock());
});
afterAll(async () => database.close());

const codes = (results: { ok: boolean; error?: { code: string } }[]) =>
  results.map((r) => (r.ok ? 'ok' : r.error!.code)).sort();

async function passed(jobId: string) {
  const app = ok(
    await submitApplication(world.deps, {
      actor: world.staff.recruiter,
      jobId,
      candidate: world.candidate(),
      source: 'test',
    }),
  ).application;
  await world.passAllRounds(app.id);
  return app.id;
}

describe('concurrent writes never lose an update', () => {
  it('twelve edits of one job from the same version: one wins, eleven are told to reload, the winner’s title stays', async () => {
    const { version } = await world.db
      .selectFrom('jobs')
      .select('version')
      .where('id', '=', world.jobs.internB2.id)
      .executeTakeFirstOrThrow();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        updateJob(world.deps, {
          actor: world.staff.recruiter,
          jobId: world.jobs.internB2.id,
          expectedVersion: version,
          change: { title: `Edit ${i}` },
        }),
      ),
    );
    expect(codes(results)).toEqual([...Array(11).fill('conflict.stale_version'), 'ok']);
    const winner = results.find((r) => r.ok)!;
    const stored = await world.db
      .selectFrom('jobs')
      .select(['title', 'version'])
      .where('id', '=', world.jobs.internB2.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ title: winner.ok ? winner.value.title : '', version: version + 1 });
  });

  it('R-APP-1: six simultaneous internship applications by one candidate: exactly two are accepted', async () => {
    const jobs = [];
    for (let i = 0; i < 6; i++) {
      const job = ok(
        await createJob(world.deps, {
          actor: world.staff.recruiter,
          fields: {
            title: `Intern ${i}`,
            teamId: world.teams.B,
            processId: world.processes.B.id,
            employmentType: 'internship',
            jobFamily: 'internship',
            headcount: 3,
            level: 'intern',
            locations: ['x'],
            officeIds: [],
            posting: {},
          },
        }),
      );
      jobs.push(
        ok(await transitionJob(world.deps, { actor: world.staff.recruiter, jobId: job.id, to: 'open' })).id,
      );
    }
    const person = world.candidate();
    const results = await Promise.all(
      jobs.map((jobId) =>
        submitApplication(world.deps, {
          actor: world.staff.recruiter,
          jobId,
          candidate: person,
          source: 'test',
        }),
      ),
    );
    expect(codes(results)).toEqual([
      'application.limit_reached',
      'application.limit_reached',
      'application.limit_reached',
      'application.limit_reached',
      'ok',
      'ok',
    ]);
  });

  it('R-JOB-4: five simultaneous hires for a job with two seats: two hired, the job closed, never over headcount', async () => {
    const job = ok(
      await createJob(world.deps, {
        actor: world.staff.recruiter,
        fields: {
          title: 'Two seats',
          teamId: world.teams.A,
          processId: world.processes.A.id,
          employmentType: 'full_time',
          jobFamily: 'full_time',
          headcount: 2,
          level: 'mid',
          locations: ['x'],
          officeIds: [],
          posting: {},
        },
      }),
    );
    ok(await transitionJob(world.deps, { actor: world.staff.recruiter, jobId: job.id, to: 'open' }));
    const apps = [];
    for (let i = 0; i < 5; i++) apps.push(await passed(job.id));
    const results = await Promise.all(
      apps.map((applicationId) => hireApplication(world.deps, { actor: world.staff.hr, applicationId })),
    );
    expect(codes(results)).toEqual([
      'job.headcount_filled',
      'job.headcount_filled',
      'job.headcount_filled',
      'ok',
      'ok',
    ]);
    const stored = await world.db
      .selectFrom('jobs')
      .select(['status', 'hired_count'])
      .where('id', '=', job.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: 'closed', hired_count: 2 });
  });

  it('R-OFFER-4: eight counter-offers on the same revision: one revision is written, the others must reload', async () => {
    const offer = ok(
      await createOffer(world.deps, {
        actor: world.staff.recruiter,
        applicationId: await passed(world.jobs.fullTimeA.id),
        terms: {
          currency: 'USD',
          baseSalaryCents: 100_000_00,
          signOn: { amountCents: 0, instalments: 1, clawbackMonths: 0 },
          targetBonusBps: 0,
          equity: { kind: 'value', valueCents: 0 },
          startDate: '2026-06-01',
          expiresAt: '2026-06-01T00:00:00Z',
          level: 'L',
          location: 'x',
        },
      }),
    );
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        reviseOffer(world.deps, {
          actor: world.staff.hr,
          offerId: offer.id,
          expectedRevision: 1,
          changes: { baseSalaryCents: 100_000_00 + (i + 1) * 1000 },
          reason: `counter ${i}`,
        }),
      ),
    );
    expect(codes(results)).toEqual([...Array(7).fill('offer.stale_revision'), 'ok']);
    const revisions = await world.db
      .selectFrom('offer_revisions')
      .select('revision')
      .where('offer_id', '=', offer.id)
      .execute();
    expect(revisions.map((r) => r.revision).sort()).toEqual([1, 2]);
  });
});
