import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import {
  peopleRepository,
  policiesRepository,
  teamsRepository,
} from '../../src/db/organisation/organisation.repository.js';
import { openTestDatabase } from '../support/db.js';
import { buildWorld, ids, TestClock, type World } from '../support/world.js';

let database: Database;
let world: World;
let other: World;
const clock = new TestClock();

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
  other = await buildWorld(database, clock);
});
afterAll(() => database?.close());

describe('people, teams and policies as the process modules read them', () => {
  it("gives the organisation's staff by id with zones and roles, leaving out anyone else", async () => {
    const { interviewer, hiring_manager: hm } = world.staff;
    await world.db
      .updateTable('users')
      .set({ timezone: 'Europe/Berlin' })
      .where('id', '=', hm.userId)
      .execute();
    const staff = await peopleRepository(world.db).staff(world.orgId, [
      interviewer.userId,
      hm.userId,
      other.staff.interviewer.userId,
      ids.next(),
    ]);
    expect(staff.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [
        { id: interviewer.userId, timezone: 'UTC', roles: ['interviewer'] },
        { id: hm.userId, timezone: 'Europe/Berlin', roles: ['hiring_manager'] },
      ].sort((a, b) => a.id.localeCompare(b.id)),
    );
    expect(await peopleRepository(world.db).staff(world.orgId, [])).toEqual([]);
  });

  it("gives the organisation's holidays only", async () => {
    await world.db
      .insertInto('org_holidays')
      .values([
        { org_id: world.orgId, day: '2026-12-25', name: 'Christmas' },
        { org_id: other.orgId, day: '2026-07-04', name: 'Independence Day' },
      ])
      .execute();
    expect(await peopleRepository(world.db).holidays(world.orgId)).toEqual(new Set(['2026-12-25']));
  });

  it("knows which teams are the organisation's", async () => {
    expect(await teamsRepository(world.db).exists(world.orgId, world.teams.A)).toBe(true);
    expect(await teamsRepository(world.db).exists(world.orgId, other.teams.A)).toBe(false);
  });

  it("gives a family's stored policy, else the default: internships limited and one at a time", async () => {
    const policies = policiesRepository(world.db);
    expect(await policies.forFamily(world.orgId, 'internship')).toEqual({
      jobFamily: 'internship',
      maxActiveApplications: 2,
      order: 'sequential',
      cooldownDays: 0,
    });
    expect(await policies.forFamily(world.orgId, 'full_time')).toEqual({
      jobFamily: 'full_time',
      maxActiveApplications: null,
      order: 'parallel',
      cooldownDays: 0,
    });
    await world.db
      .insertInto('policies')
      .values({
        org_id: world.orgId,
        job_family: 'full_time',
        max_active_applications: 3,
        consideration_order: 'sequential',
        cooldown_days: 90,
      })
      .execute();
    expect(await policies.forFamily(world.orgId, 'full_time')).toEqual({
      jobFamily: 'full_time',
      maxActiveApplications: 3,
      order: 'sequential',
      cooldownDays: 90,
    });
    expect((await policiesRepository(other.db).forFamily(other.orgId, 'full_time')).cooldownDays).toBe(0);
  });
});
