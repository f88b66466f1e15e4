import type { Kysely } from 'kysely';
import type { FamilyPolicy, StaffRole } from '../../core/shared/types.js';
import { toProcess } from '../processes/processes.repository.js';
import type { DB } from '../schema.js';
import { defaultPolicy } from './organisation.repository.js';

/** The organisation's reference data as admins list it. */
export function organisationQueries(db: Kysely<DB>) {
  return {
    async listTeams(orgId: string) {
      const rows = await db
        .selectFrom('teams')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('name')
        .execute();
      return rows.map((t) => ({
        id: t.id,
        name: t.name,
        timezone: t.timezone,
        createdAt: t.created_at.toISOString(),
      }));
    },

    listOffices: (orgId: string) =>
      db
        .selectFrom('offices')
        .select(['id', 'name', 'location', 'timezone'])
        .where('org_id', '=', orgId)
        .orderBy('name')
        .execute(),

    async listUsers(orgId: string) {
      const rows = await db
        .selectFrom('users')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('name')
        .execute();
      return rows.map((u) => ({
        id: u.id,
        email: u.email,
        name: u.name,
        timezone: u.timezone,
        roles: u.roles as StaffRole[],
        teamIds: u.team_ids,
      }));
    },

    /** True when every id names a team of the organisation. */
    async teamsExist(orgId: string, teamIds: string[]) {
      if (teamIds.length === 0) return true;
      const rows = await db
        .selectFrom('teams')
        .select('id')
        .where('org_id', '=', orgId)
        .where('id', 'in', teamIds)
        .execute();
      return rows.length === new Set(teamIds).size;
    },

    /** Every job family's policy: the ones set, and the defaults of the shipped families. */
    async listPolicies(orgId: string): Promise<FamilyPolicy[]> {
      const rows = await db.selectFrom('policies').selectAll().where('org_id', '=', orgId).execute();
      const stored = rows.map((r) => ({
        jobFamily: r.job_family,
        maxActiveApplications: r.max_active_applications,
        order: r.consideration_order as FamilyPolicy['order'],
        cooldownDays: r.cooldown_days,
      }));
      const families = new Set(stored.map((p) => p.jobFamily));
      const defaults = ['full_time', 'internship', 'contract']
        .filter((f) => !families.has(f))
        .map(defaultPolicy);
      return [...stored, ...defaults].sort((a, b) => a.jobFamily.localeCompare(b.jobFamily));
    },

    async listProcesses(orgId: string, teamId?: string) {
      let query = db.selectFrom('processes').selectAll().where('org_id', '=', orgId);
      if (teamId) query = query.where('team_id', '=', teamId);
      const rows = await query.orderBy('created_at').orderBy('version').execute();
      return rows.map(toProcess);
    },
    async getProcess(orgId: string, id: string) {
      const row = await db
        .selectFrom('processes')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toProcess(row) : null;
    },
  };
}
