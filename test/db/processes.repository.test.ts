import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { processesRepository } from '../../src/db/processes/processes.repository.js';
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

const processes = () => processesRepository(world.db, clock);

describe('processes repository', () => {
  it('keeps versions of a lineage, gives the latest, and repoints every job of the lineage to a version', async () => {
    const first = world.processes.A;
    expect(await processes().get(world.orgId, first.id)).toEqual(first);
    expect(await processes().get(ids.next(), first.id)).toBeNull();
    expect(await processes().latestVersion(world.orgId, first.lineageId)).toEqual(first);

    const rounds = first.definition.rounds.slice(0, 2);
    const second = await processes().insert({
      ...first,
      id: ids.next(),
      version: first.version + 1,
      definition: { ...first.definition, rounds },
    });
    expect(second).toMatchObject({ lineageId: first.lineageId, version: first.version + 1 });
    expect(second.definition.rounds).toEqual(rounds);
    expect(await processes().latestVersion(world.orgId, first.lineageId)).toEqual(second);

    await processes().repointJobs(world.orgId, first.lineageId, second.id);
    const onA = await world.db
      .selectFrom('jobs')
      .select(['team_id', 'process_id'])
      .where('org_id', '=', world.orgId)
      .execute();
    for (const job of onA)
      expect(job.process_id).toBe(job.team_id === world.teams.A ? second.id : world.processes.B.id);
    expect(onA.some((j) => j.team_id === world.teams.B)).toBe(true);
  });
});
