import type { Kysely, Selectable } from 'kysely';
import type { VestingSchedule } from '../../contracts/offer-terms.js';
import type { Clock } from '../../core/shared/ports.js';
import type { Actor, FamilyPolicy, StaffRole } from '../../core/shared/types.js';
import type { DB } from '../schema.js';
import { type AuditNote, auditedWrite, defaultPolicy, normalizeEmail, toProcess } from '../store.js';

/**
 * Reference data an admin keeps (teams, offices, users, policies): no process rules apply, so
 * routes call these directly; each write still records its audit event in the same transaction.
 */
export function organisation(db: Kysely<DB>, clock: Clock) {
  const audited = auditedWrite(db, clock);
  /** A new row of reference data, audited under its own id. */
  const created = <T extends { id: string }>(
    actor: Actor,
    entityType: AuditNote['entityType'],
    action: string,
    work: (trx: Kysely<DB>) => Promise<T>,
  ) => audited(actor, work, (row) => ({ entityType, entityId: row.id, action }));

  const presentUser = (u: Selectable<DB['users']>) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    timezone: u.timezone,
    roles: u.roles as StaffRole[],
    teamIds: u.team_ids,
  });

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
    createTeam: (actor: Actor, id: string, input: { name: string; timezone: string }) =>
      created(actor, 'team', 'team.created', (trx) =>
        trx
          .insertInto('teams')
          .values({
            id,
            org_id: actor.orgId,
            name: input.name,
            timezone: input.timezone,
            created_at: clock.now(),
          })
          .returning(['id', 'name', 'timezone', 'created_at'])
          .executeTakeFirstOrThrow()
          .then((t) => ({
            id: t.id,
            name: t.name,
            timezone: t.timezone,
            createdAt: t.created_at.toISOString(),
          })),
      ),

    listOffices: (orgId: string) =>
      db
        .selectFrom('offices')
        .select(['id', 'name', 'location', 'timezone'])
        .where('org_id', '=', orgId)
        .orderBy('name')
        .execute(),
    createOffice: (actor: Actor, id: string, input: { name: string; location: string; timezone: string }) =>
      created(actor, 'office', 'office.created', (trx) =>
        trx
          .insertInto('offices')
          .values({ id, org_id: actor.orgId, ...input, created_at: clock.now() })
          .returning(['id', 'name', 'location', 'timezone'])
          .executeTakeFirstOrThrow(),
      ),

    async listUsers(orgId: string) {
      const rows = await db
        .selectFrom('users')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('name')
        .execute();
      return rows.map(presentUser);
    },
    async emailTaken(orgId: string, email: string) {
      const row = await db
        .selectFrom('users')
        .select('id')
        .where('org_id', '=', orgId)
        .where('email_normalized', '=', normalizeEmail(email))
        .executeTakeFirst();
      return row !== undefined;
    },
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
    createUser: (
      actor: Actor,
      id: string,
      input: {
        email: string;
        name: string;
        timezone: string;
        passwordHash: string;
        roles: StaffRole[];
        teamIds: string[];
      },
    ) =>
      created(actor, 'user', 'user.created', (trx) =>
        trx
          .insertInto('users')
          .values({
            id,
            org_id: actor.orgId,
            email: input.email.trim(),
            email_normalized: normalizeEmail(input.email),
            name: input.name,
            timezone: input.timezone,
            password_hash: input.passwordHash,
            roles: input.roles,
            team_ids: input.teamIds,
            created_at: clock.now(),
          })
          .returningAll()
          .executeTakeFirstOrThrow()
          .then(presentUser),
      ),

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
    putPolicy: (actor: Actor, policy: FamilyPolicy) =>
      audited(
        actor,
        async (trx) => {
          const values = {
            max_active_applications: policy.maxActiveApplications,
            consideration_order: policy.order,
            cooldown_days: policy.cooldownDays,
          };
          await trx
            .insertInto('policies')
            .values({ org_id: actor.orgId, job_family: policy.jobFamily, ...values })
            .onConflict((oc) => oc.columns(['org_id', 'job_family']).doUpdateSet(values))
            .execute();
          return policy;
        },
        () => ({ entityType: 'policy', action: 'policy.set', data: { ...policy } }),
      ),

    addHoliday: (actor: Actor, holiday: { day: string; name: string }) =>
      audited(
        actor,
        async (trx) => {
          await trx
            .insertInto('org_holidays')
            .values({ org_id: actor.orgId, ...holiday })
            .execute();
        },
        () => ({ entityType: 'holiday', action: 'holiday.added', data: holiday }),
      ),

    addVestingSchedule: (actor: Actor, schedule: VestingSchedule) =>
      audited(
        actor,
        async (trx) => {
          await trx
            .insertInto('vesting_schedules')
            .values({
              org_id: actor.orgId,
              key: schedule.key,
              definition: JSON.stringify(schedule),
              created_at: clock.now(),
            })
            .execute();
        },
        () => ({ entityType: 'vesting', action: 'vesting.added', data: { key: schedule.key } }),
      ),

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
