import { type Kysely, type Selectable, sql } from 'kysely';
import type {
  OrganisationRepository,
  PeopleRepository,
  PoliciesRepository,
  TeamsRepository,
  User,
} from '../../core/organisation/organisation.port.js';
import type { FamilyPolicy, StaffRole } from '../../core/shared/types.js';
import { normalizeEmail } from '../candidates/candidates.repository.js';
import type { DB } from '../schema.js';

const toUser = (u: Selectable<DB['users']>): User => ({
  id: u.id,
  orgId: u.org_id,
  email: u.email,
  name: u.name,
  timezone: u.timezone,
  roles: u.roles as StaffRole[],
  teamIds: u.team_ids,
});

export function organisationRepository(trx: Kysely<DB>): OrganisationRepository {
  return {
    async teamNameTaken(orgId, name) {
      const row = await trx
        .selectFrom('teams')
        .select('id')
        .where('org_id', '=', orgId)
        .where(sql<string>`lower(name)`, '=', name.toLowerCase())
        .executeTakeFirst();
      return row !== undefined;
    },
    async insertTeam(team) {
      await trx
        .insertInto('teams')
        .values({
          id: team.id,
          org_id: team.orgId,
          name: team.name,
          timezone: team.timezone,
          created_at: team.createdAt,
        })
        .execute();
      return team;
    },
    async insertOffice(office) {
      await trx
        .insertInto('offices')
        .values({
          id: office.id,
          org_id: office.orgId,
          name: office.name,
          location: office.location,
          timezone: office.timezone,
          created_at: office.createdAt,
        })
        .execute();
      return office;
    },
    async emailTaken(orgId, email) {
      const row = await trx
        .selectFrom('users')
        .select('id')
        .where('org_id', '=', orgId)
        .where('email_normalized', '=', normalizeEmail(email))
        .executeTakeFirst();
      return row !== undefined;
    },
    async teamsExist(orgId, teamIds) {
      if (teamIds.length === 0) return true;
      const rows = await trx
        .selectFrom('teams')
        .select('id')
        .where('org_id', '=', orgId)
        .where('id', 'in', teamIds)
        .execute();
      return rows.length === new Set(teamIds).size;
    },
    async insertUser(user) {
      const row = await trx
        .insertInto('users')
        .values({
          id: user.id,
          org_id: user.orgId,
          email: user.email.trim(),
          email_normalized: normalizeEmail(user.email),
          name: user.name,
          timezone: user.timezone,
          password_hash: user.passwordHash,
          roles: user.roles,
          team_ids: user.teamIds,
          created_at: user.createdAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toUser(row);
    },
    async putPolicy(orgId, policy) {
      const values = {
        max_active_applications: policy.maxActiveApplications,
        consideration_order: policy.order,
        cooldown_days: policy.cooldownDays,
      };
      await trx
        .insertInto('policies')
        .values({ org_id: orgId, job_family: policy.jobFamily, ...values })
        .onConflict((oc) => oc.columns(['org_id', 'job_family']).doUpdateSet(values))
        .execute();
    },
    async holidayExists(orgId, day) {
      const row = await trx
        .selectFrom('org_holidays')
        .select('day')
        .where('org_id', '=', orgId)
        .where('day', '=', day)
        .executeTakeFirst();
      return row !== undefined;
    },
    async insertHoliday(orgId, holiday) {
      await trx
        .insertInto('org_holidays')
        .values({ org_id: orgId, ...holiday })
        .execute();
    },
    async insertVestingSchedule(orgId, schedule, at) {
      await trx
        .insertInto('vesting_schedules')
        .values({ org_id: orgId, key: schedule.key, definition: JSON.stringify(schedule), created_at: at })
        .execute();
    },
  };
}

/** Used when an org has no policy row for a family: internships are limited to two open applications, considered one at a time. */
export function defaultPolicy(jobFamily: string): FamilyPolicy {
  return jobFamily === 'internship'
    ? { jobFamily, maxActiveApplications: 2, order: 'sequential', cooldownDays: 0 }
    : { jobFamily, maxActiveApplications: null, order: 'parallel', cooldownDays: 0 };
}

export function peopleRepository(trx: Kysely<DB>): PeopleRepository {
  return {
    async staff(orgId, ids) {
      if (ids.length === 0) return [];
      const rows = await trx
        .selectFrom('users')
        .select(['id', 'timezone', 'roles'])
        .where('org_id', '=', orgId)
        .where('id', 'in', ids)
        .execute();
      return rows.map((r) => ({ id: r.id, timezone: r.timezone, roles: r.roles as StaffRole[] }));
    },
    async holidays(orgId) {
      const rows = await trx.selectFrom('org_holidays').select('day').where('org_id', '=', orgId).execute();
      return new Set(rows.map((r) => r.day));
    },
  };
}

export function teamsRepository(trx: Kysely<DB>): TeamsRepository {
  return {
    async exists(orgId, id) {
      const row = await trx
        .selectFrom('teams')
        .select('id')
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}

export function policiesRepository(trx: Kysely<DB>): PoliciesRepository {
  return {
    async forFamily(orgId, jobFamily) {
      const row = await trx
        .selectFrom('policies')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('job_family', '=', jobFamily)
        .executeTakeFirst();
      if (!row) return defaultPolicy(jobFamily);
      return {
        jobFamily,
        maxActiveApplications: row.max_active_applications,
        order: row.consideration_order as FamilyPolicy['order'],
        cooldownDays: row.cooldown_days,
      };
    },
  };
}
