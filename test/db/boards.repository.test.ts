import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../src/core/shared/types.js';
import { boardsRepository } from '../../src/db/boards/boards.repository.js';
import type { Database } from '../../src/db/database.js';
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

const boards = () => boardsRepository(world.db);
let n = 0;
const insert = (fields: { employmentTypes?: Job['employmentType'][]; teamIds?: string[] } = {}) =>
  boards().insert({
    id: ids.next(),
    orgId: world.orgId,
    token: `repo-${++n}-${world.slug}`,
    name: 'Careers',
    intro: 'Hello',
    employmentTypes: fields.employmentTypes ?? ['internship'],
    teamIds: fields.teamIds ?? [],
    gdprRetentionDays: 30,
    apiKeyHash: 'a'.repeat(64),
    createdAt: clock.now(),
  });
const postedJobs = async (boardId: string) =>
  (await world.db.selectFrom('job_posts').select('job_id').where('board_id', '=', boardId).execute()).map(
    (p) => p.job_id,
  );

describe('boards repository', () => {
  it('inserts a board, finds its token taken, and locks it only within its organisation', async () => {
    const board = await insert();
    expect(board).toMatchObject({
      orgId: world.orgId,
      employmentTypes: ['internship'],
      gdprRetentionDays: 30,
    });
    expect(await boards().tokenTaken(board.token)).toBe(true);
    expect(await boards().tokenTaken(`free-${world.slug}`)).toBe(false);
    expect(await boards().lock(world.orgId, board.id)).toEqual(board);
    expect(await boards().lock(ids.next(), board.id)).toBeNull();
  });

  it('lists the open jobs its filter matches, once each, with stable post ids', async () => {
    const board = await insert({ teamIds: [world.teams.B] });
    await boards().publishOpenJobs(world.orgId, board.id, clock.now());
    expect((await postedJobs(board.id)).sort()).toEqual(
      [world.jobs.internB.id, world.jobs.internB2.id].sort(),
    );
    const before = await world.db
      .selectFrom('job_posts')
      .select('id')
      .where('board_id', '=', board.id)
      .execute();
    await boards().publishOpenJobs(world.orgId, board.id, clock.now());
    await boards().publish(world.orgId, world.jobs.internB.id, clock.now());
    const after = await world.db
      .selectFrom('job_posts')
      .select('id')
      .where('board_id', '=', board.id)
      .execute();
    expect(after).toEqual(before);
    // A full-time job matches no internship board.
    await boards().publish(world.orgId, world.jobs.fullTimeA.id, clock.now());
    expect(await postedJobs(board.id)).not.toContain(world.jobs.fullTimeA.id);
  });

  it('updates only the fields given (null clears the retention period) and replaces the key hash', async () => {
    const board = await insert();
    const renamed = await boards().update(world.orgId, board.id, { name: 'Jobs' });
    expect(renamed).toEqual({ ...board, name: 'Jobs' });
    expect(await boards().update(world.orgId, board.id, {})).toEqual(renamed);
    expect(
      (await boards().update(world.orgId, board.id, { gdprRetentionDays: null })).gdprRetentionDays,
    ).toBeNull();
    await boards().setKeyHash(world.orgId, board.id, 'b'.repeat(64));
    const row = await world.db
      .selectFrom('boards')
      .select('api_key_hash')
      .where('id', '=', board.id)
      .executeTakeFirstOrThrow();
    expect(row.api_key_hash).toBe('b'.repeat(64));
  });
});
