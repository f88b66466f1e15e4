import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VestingSchedule } from '../../src/contracts/offer-terms.js';
import type { Database } from '../../src/db/database.js';
import {
  organisationRepository,
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

describe('the reference data admins keep', () => {
  it('knows team names without case, per organisation', async () => {
    const organisation = organisationRepository(world.db);
    const team = {
      id: ids.next(),
      orgId: world.orgId,
      name: 'Gamma',
      timezone: 'UTC',
      createdAt: clock.now(),
    };
    expect(await organisation.insertTeam(team)).toEqual(team);
    expect(await organisation.teamNameTaken(world.orgId, 'gAMMA')).toBe(true);
    expect(await organisation.teamNameTaken(other.orgId, 'Gamma')).toBe(false);
  });

  it("checks that every team named is the organisation's", async () => {
    const organisation = organisationRepository(world.db);
    expect(await organisation.teamsExist(world.orgId, [])).toBe(true);
    expect(await organisation.teamsExist(world.orgId, [world.teams.A, world.teams.B, world.teams.A])).toBe(
      true,
    );
    expect(await organisation.teamsExist(world.orgId, [world.teams.A, other.teams.A])).toBe(false);
  });

  it('stores a user under the normalised email sign-in looks for', async () => {
    const organisation = organisationRepository(world.db);
    const user = await organisation.insertUser({
      id: ids.next(),
      orgId: world.orgId,
      email: ' New.Person@Example.com ',
      name: 'New Person',
      timezone: 'Europe/Paris',
      roles: ['recruiter'],
      teamIds: [world.teams.A],
      passwordHash: 'hash',
      createdAt: clock.now(),
    });
    expect(user).toMatchObject({
      email: 'New.Person@Example.com',
      roles: ['recruiter'],
      teamIds: [world.teams.A],
    });
    expect(await organisation.emailTaken(world.orgId, 'new.person@example.COM')).toBe(true);
    expect(await organisation.emailTaken(other.orgId, 'new.person@example.com')).toBe(false);
  });

  it('sets a policy, and setting it again replaces it', async () => {
    const organisation = organisationRepository(world.db);
    const policy = {
      jobFamily: 'contract',
      maxActiveApplications: 3,
      order: 'parallel' as const,
      cooldownDays: 10,
    };
    await organisation.putPolicy(world.orgId, policy);
    await organisation.putPolicy(world.orgId, { ...policy, cooldownDays: 20 });
    expect(await policiesRepository(world.db).forFamily(world.orgId, 'contract')).toEqual({
      ...policy,
      cooldownDays: 20,
    });
  });

  it('adds holidays and vesting schedules of its own', async () => {
    const organisation = organisationRepository(world.db);
    await organisation.insertHoliday(world.orgId, { day: '2026-01-01', name: 'New Year' });
    expect(await organisation.holidayExists(world.orgId, '2026-01-01')).toBe(true);
    expect(await organisation.holidayExists(other.orgId, '2026-01-01')).toBe(false);
    const schedule: VestingSchedule = {
      key: 'even-4',
      name: 'Even over four years',
      yearlyBps: [2500, 2500, 2500, 2500],
      cliffMonths: 12,
      frequency: 'monthly',
    };
    await organisation.insertVestingSchedule(world.orgId, schedule, clock.now());
    const row = await world.db
      .selectFrom('vesting_schedules')
      .select('definition')
      .where('org_id', '=', world.orgId)
      .where('key', '=', 'even-4')
      .executeTakeFirstOrThrow();
    expect(row.definition).toEqual(schedule);
  });
});
