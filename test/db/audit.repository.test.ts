import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRepository } from '../../src/db/audit.repository.js';
import type { Database } from '../../src/db/database.js';
import { openTestDatabase } from '../support/db.js';
import { buildWorld, ids, TestClock, type World } from '../support/world.js';

let database: Database;
let world: World;
const clock = new TestClock(new Date('2026-07-01T08:00:00Z'));

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
});
afterAll(() => database?.close());

describe('audit repository', () => {
  it('records who did what to which entity, when and why, with the id of each kind of actor', async () => {
    const entityId = ids.next();
    const candidateId = ids.next();
    const boardId = ids.next();
    const audit = auditRepository(world.db, clock);
    const base = { orgId: world.orgId, entityType: 'application' as const, entityId };
    await audit.record({
      ...base,
      actor: world.staff.recruiter,
      action: 'a.staff',
      reason: 'Because.',
      data: { n: 1 },
    });
    clock.advanceMs(1000);
    await audit.record({
      ...base,
      actor: { kind: 'candidate', orgId: world.orgId, candidateId },
      action: 'a.candidate',
    });
    await audit.record({ ...base, actor: { kind: 'board', orgId: world.orgId, boardId }, action: 'a.board' });
    await audit.record({ ...base, actor: { kind: 'system' }, action: 'a.system' });
    const rows = await world.db
      .selectFrom('audit_events')
      .select(['actor_kind', 'actor_id', 'action', 'reason', 'data', 'at'])
      .where('entity_id', '=', entityId)
      .orderBy('seq')
      .execute();
    const later = new Date('2026-07-01T08:00:01Z');
    expect(rows).toEqual([
      {
        actor_kind: 'staff',
        actor_id: world.staff.recruiter.userId,
        action: 'a.staff',
        reason: 'Because.',
        data: { n: 1 },
        at: new Date('2026-07-01T08:00:00Z'),
      },
      {
        actor_kind: 'candidate',
        actor_id: candidateId,
        action: 'a.candidate',
        reason: null,
        data: {},
        at: later,
      },
      { actor_kind: 'board', actor_id: boardId, action: 'a.board', reason: null, data: {}, at: later },
      { actor_kind: 'system', actor_id: null, action: 'a.system', reason: null, data: {}, at: later },
    ]);
  });
});
