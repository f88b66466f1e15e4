import type { Kysely } from 'kysely';
import type { ScimRepository } from '../../core/accounts/scim-port.js';
import type { DB } from '../schema.js';

/** SCIM tokens, directory groups and their members; users are written through the sso repository. */
export function scimRepository(trx: Kysely<DB>): ScimRepository {
  return {
    async insertToken(token) {
      await trx
        .insertInto('scim_tokens')
        .values({
          id: token.id,
          org_id: token.orgId,
          token_hash: token.tokenHash,
          name: token.name,
          created_by: token.createdBy,
          created_at: token.createdAt,
          last_used_at: null,
        })
        .execute();
    },
    async deleteToken(orgId, id) {
      const row = await trx
        .deleteFrom('scim_tokens')
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .returning('id')
        .executeTakeFirst();
      return Boolean(row);
    },
    async useToken(tokenHash, now) {
      const row = await trx
        .updateTable('scim_tokens')
        .set({ last_used_at: now })
        .where('token_hash', '=', tokenHash)
        .returning(['id', 'org_id'])
        .executeTakeFirst();
      return row ? { orgId: row.org_id, tokenId: row.id } : null;
    },
    async group(orgId, id) {
      const row = await trx
        .selectFrom('scim_groups')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) return null;
      const members = await trx
        .selectFrom('scim_group_members')
        .select('user_id')
        .where('group_id', '=', id)
        .execute();
      return {
        id: row.id,
        orgId: row.org_id,
        displayName: row.display_name,
        externalId: row.external_id,
        memberIds: members.map((m) => m.user_id),
        createdAt: row.created_at,
        updatedAt: row.updated_at,
      };
    },
    async groupByName(orgId, displayName) {
      return (
        (await trx
          .selectFrom('scim_groups')
          .select('id')
          .where('org_id', '=', orgId)
          .where('display_name', '=', displayName)
          .executeTakeFirst()) ?? null
      );
    },
    async insertGroup(group) {
      await trx
        .insertInto('scim_groups')
        .values({
          id: group.id,
          org_id: group.orgId,
          display_name: group.displayName,
          external_id: group.externalId,
          created_at: group.createdAt,
          updated_at: group.createdAt,
        })
        .execute();
    },
    async updateGroup(orgId, id, change, at) {
      await trx
        .updateTable('scim_groups')
        .set({
          updated_at: at,
          ...(change.displayName !== undefined ? { display_name: change.displayName } : {}),
          ...(change.externalId !== undefined ? { external_id: change.externalId } : {}),
        })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .execute();
    },
    async deleteGroup(orgId, id) {
      const row = await trx
        .deleteFrom('scim_groups')
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .returning('id')
        .executeTakeFirst();
      return Boolean(row);
    },
    async changeMembers(orgId, groupId, change) {
      const current = (
        await trx.selectFrom('scim_group_members').select('user_id').where('group_id', '=', groupId).execute()
      ).map((m) => m.user_id);
      const wanted = new Set(change.set ?? current);
      for (const id of change.add ?? []) wanted.add(id);
      for (const id of change.remove ?? []) wanted.delete(id);
      // Only the organisation's own users can be members; other ids are ignored.
      const candidates = [...wanted].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
      const known = candidates.length
        ? (
            await trx
              .selectFrom('users')
              .select('id')
              .where('org_id', '=', orgId)
              .where('id', 'in', candidates)
              .execute()
          ).map((u) => u.id)
        : [];
      const added = known.filter((id) => !current.includes(id));
      const removed = current.filter((id) => !known.includes(id));
      if (removed.length) {
        await trx
          .deleteFrom('scim_group_members')
          .where('group_id', '=', groupId)
          .where('user_id', 'in', removed)
          .execute();
      }
      if (added.length) {
        await trx
          .insertInto('scim_group_members')
          .values(added.map((user_id) => ({ group_id: groupId, user_id })))
          .execute();
      }
      return [...added, ...removed];
    },
    async groupNamesOf(userId) {
      const rows = await trx
        .selectFrom('scim_group_members')
        .innerJoin('scim_groups', 'scim_groups.id', 'scim_group_members.group_id')
        .select('scim_groups.display_name')
        .where('scim_group_members.user_id', '=', userId)
        .execute();
      return rows.map((row) => row.display_name);
    },
    async setScimDeleted(orgId, userId, at) {
      await trx
        .updateTable('users')
        .set({ scim_deleted_at: at })
        .where('org_id', '=', orgId)
        .where('id', '=', userId)
        .execute();
      if (at) await trx.deleteFrom('scim_group_members').where('user_id', '=', userId).execute();
    },
    async isScimDeleted(orgId, userId) {
      const row = await trx
        .selectFrom('users')
        .select('scim_deleted_at')
        .where('org_id', '=', orgId)
        .where('id', '=', userId)
        .executeTakeFirst();
      return Boolean(row?.scim_deleted_at);
    },
  };
}
