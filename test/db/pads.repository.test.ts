import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { padsQueries } from '../../src/db/pads/pads.queries.js';
import { padsRepository } from '../../src/db/pads/pads.repository.js';
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

it('keeps a pad, in its organisation only, and its edits and runs in the order received', async () => {
  const pads = padsRepository(world.db);
  const application = await world.apply();
  const pad = {
    id: ids.next(),
    orgId: world.orgId,
    applicationId: application.id,
    problemSlug: 'two-sum',
    language: 'python',
    createdAt: clock.now(),
  };
  await pads.insert({ ...pad, tokenHash: ids.next(), createdBy: world.staff.interviewer.userId });
  expect(await pads.get(world.orgId, pad.id)).toEqual(pad);
  expect(await pads.get(ids.next(), pad.id)).toBeNull();

  await pads.recordEdit(pad.id, clock.now(), 'staff:x', new Uint8Array([1, 2]));
  await pads.recordRun(pad.id, clock.now(), 'staff:x', { outcome: 'completed', passed: 1, total: 2 });
  await pads.recordEdit(pad.id, clock.now(), 'candidate', new Uint8Array([3]));
  const events = await padsQueries(world.db).events(pad.id);
  expect(events.map((e) => [e.kind, e.author, e.update ? [...e.update] : null, e.detail])).toEqual([
    ['edit', 'staff:x', [1, 2], {}],
    ['run', 'staff:x', null, { outcome: 'completed', passed: 1, total: 2 }],
    ['edit', 'candidate', [3], {}],
  ]);
});
