import type { Kysely } from 'kysely';
import type { DirectoryUser, SsoRepository } from '../../core/accounts/sso-port.js';
import type { StaffRole } from '../../core/shared/types.js';
import { normalizeEmail } from '../candidates/candidates.repository.js';
import type { DB } from '../schema.js';

const userColumns = [
  'users.id',
  'users.org_id',
  'users.email',
  'users.name',
  'users.roles',
  'users.team_ids',
  'users.external_id',
  'users.disabled_at',
] as const;

const directoryUser = (row: {
  id: string;
  org_id: string;
  email: string;
  name: string;
  roles: string[];
  team_ids: string[];
  external_id: string | null;
  disabled_at: Date | null;
}): DirectoryUser => ({
  id: row.id,
  orgId: row.org_id,
  email: row.email,
  name: row.name,
  roles: row.roles as StaffRole[],
  teamIds: row.team_ids,
  externalId: row.external_id,
  disabledAt: row.disabled_at,
});

/** OpenID Connect connections, the identities they vouch for, group mappings and directory users. */
export function ssoRepository(trx: Kysely<DB>): SsoRepository {
  const users = (orgId: string) =>
    trx.selectFrom('users').select(userColumns).where('users.org_id', '=', orgId);
  return {
    async connection(orgId) {
      const row = await trx
        .selectFrom('sso_connections')
        .selectAll()
        .where('org_id', '=', orgId)
        .executeTakeFirst();
      return row
        ? {
            orgId: row.org_id,
            displayName: row.display_name,
            issuer: row.issuer,
            clientId: row.client_id,
            clientSecretEnc: row.client_secret_enc,
            defaultRoles: row.default_roles as StaffRole[],
            groupsClaim: row.groups_claim,
            enabled: row.enabled,
          }
        : null;
    },
    async putConnection(c, at) {
      const values = {
        display_name: c.displayName,
        issuer: c.issuer,
        client_id: c.clientId,
        client_secret_enc: c.clientSecretEnc,
        default_roles: c.defaultRoles,
        groups_claim: c.groupsClaim,
        enabled: c.enabled,
        updated_at: at,
      };
      await trx
        .insertInto('sso_connections')
        .values({ org_id: c.orgId, ...values })
        .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
        .execute();
    },
    async mappings(orgId) {
      const rows = await trx
        .selectFrom('group_mappings')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('group_name')
        .execute();
      return rows.map((row) => ({
        group: row.group_name,
        roles: row.roles as StaffRole[],
        teamIds: row.team_ids,
      }));
    },
    async replaceMappings(orgId, mappings) {
      await trx.deleteFrom('group_mappings').where('org_id', '=', orgId).execute();
      if (mappings.length) {
        await trx
          .insertInto('group_mappings')
          .values(
            mappings.map((m) => ({
              org_id: orgId,
              group_name: m.group,
              roles: m.roles,
              team_ids: m.teamIds,
            })),
          )
          .execute();
      }
    },
    async existingTeams(orgId, teamIds) {
      if (!teamIds.length) return [];
      const rows = await trx
        .selectFrom('teams')
        .select('id')
        .where('org_id', '=', orgId)
        .where('id', 'in', teamIds)
        .execute();
      return rows.map((row) => row.id);
    },
    async userByIdentity(orgId, issuer, subject) {
      const row = await users(orgId)
        .innerJoin('sso_identities', 'sso_identities.user_id', 'users.id')
        .where('sso_identities.org_id', '=', orgId)
        .where('sso_identities.issuer', '=', issuer)
        .where('sso_identities.subject', '=', subject)
        .executeTakeFirst();
      return row ? directoryUser(row) : null;
    },
    async userByEmail(orgId, email) {
      const row = await users(orgId)
        .where('users.email_normalized', '=', normalizeEmail(email))
        .executeTakeFirst();
      return row ? directoryUser(row) : null;
    },
    async userById(orgId, userId) {
      const row = await users(orgId).where('users.id', '=', userId).executeTakeFirst();
      return row ? directoryUser(row) : null;
    },
    async linkIdentity(link) {
      await trx
        .insertInto('sso_identities')
        .values({
          org_id: link.orgId,
          issuer: link.issuer,
          subject: link.subject,
          user_id: link.userId,
          created_at: link.at,
        })
        .execute();
    },
    async insertUser(user) {
      await trx
        .insertInto('users')
        .values({
          id: user.id,
          org_id: user.orgId,
          email: user.email,
          email_normalized: normalizeEmail(user.email),
          name: user.name,
          timezone: user.timezone,
          password_hash: null,
          roles: user.roles,
          team_ids: user.teamIds,
          external_id: user.externalId,
          created_at: user.at,
        })
        .execute();
    },
    async updateUser(orgId, userId, change) {
      const set = {
        ...(change.email !== undefined
          ? { email: change.email, email_normalized: normalizeEmail(change.email) }
          : {}),
        ...(change.name !== undefined ? { name: change.name } : {}),
        ...(change.roles !== undefined ? { roles: change.roles } : {}),
        ...(change.teamIds !== undefined ? { team_ids: change.teamIds } : {}),
        ...(change.externalId !== undefined ? { external_id: change.externalId } : {}),
      };
      if (!Object.keys(set).length) return;
      await trx.updateTable('users').set(set).where('org_id', '=', orgId).where('id', '=', userId).execute();
    },
    async enableUser(orgId, userId) {
      await trx
        .updateTable('users')
        .set({ disabled_at: null })
        .where('org_id', '=', orgId)
        .where('id', '=', userId)
        .execute();
    },
    async orgTimezone(orgId) {
      const row = await trx
        .selectFrom('orgs')
        .select('default_timezone')
        .where('id', '=', orgId)
        .executeTakeFirstOrThrow();
      return row.default_timezone;
    },
  };
}
