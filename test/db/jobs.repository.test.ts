import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { jobsRepository } from '../../src/db/jobs/jobs.repository.js';
import { openTestDatabase } from '../support/db.js';
import { buildWorld, ids, TestClock, type World } from '../support/world.js';

let database: Database;
let world: World;
const clock = new TestClock();

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
});
afterAll(() => database?.close());

const jobs = () => jobsRepository(world.db, clock);
const band = {
  currency: 'USD',
  baseMinCents: 150_000_00,
  baseMaxCents: 190_000_00,
  approverRoles: ['admin' as const],
};

describe('jobs repository', () => {
  it('inserts a draft job and locks it again only within its organisation', async () => {
    const job = await jobs().insert({
      id: ids.next(),
      orgId: world.orgId,
      status: 'draft',
      title: 'Backend engineer',
      teamId: world.teams.A,
      processId: world.processes.A.id,
      employmentType: 'full_time',
      jobFamily: 'engineering',
      headcount: 3,
      level: 'senior',
      locations: ['Remote'],
      officeIds: [],
      posting: { summary: 'Build things' },
      compensationBand: band,
    });
    expect(job).toMatchObject({
      orgId: world.orgId,
      teamId: world.teams.A,
      title: 'Backend engineer',
      status: 'draft',
      headcount: 3,
      hiredCount: 0,
      compensationBand: band,
      version: 1,
    });
    expect(await jobs().lock(world.orgId, job.id)).toEqual(job);
    expect(await jobs().lock(ids.next(), job.id)).toBeNull();
  });

  it('updates only the fields given, moves the version on, and keeps the band unless told', async () => {
    const job = world.jobs.fullTimeA;
    clock.advanceMs(60_000);
    const filled = await jobs().update(world.orgId, job.id, { hiredCount: 1 });
    expect(filled).toMatchObject({
      hiredCount: 1,
      title: job.title,
      status: 'open',
      version: job.version + 1,
    });
    const renamed = await jobs().update(world.orgId, job.id, { title: 'Renamed', compensationBand: band });
    expect(renamed).toMatchObject({ title: 'Renamed', hiredCount: 1, compensationBand: band });
    const closed = await jobs().update(world.orgId, job.id, { status: 'closed' });
    expect(closed).toMatchObject({ status: 'closed', title: 'Renamed', compensationBand: band });
    const row = await world.db
      .selectFrom('jobs')
      .select(['updated_at', 'posting'])
      .where('id', '=', job.id)
      .executeTakeFirstOrThrow();
    expect(row.updated_at).toEqual(clock.now());
    expect(row.posting).toEqual({});
    expect(
      (await jobs().update(world.orgId, job.id, { compensationBand: null })).compensationBand,
    ).toBeNull();
  });
});
