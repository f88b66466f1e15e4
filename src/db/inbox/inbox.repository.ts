import { type Kysely, sql } from 'kysely';
import type { InboxKind } from '../../contracts/inbox.js';
import type { InboxRepository } from '../../core/inbox/inbox.port.js';
import type { DB } from '../schema.js';

export function inboxRepository(trx: Kysely<DB>): InboxRepository {
  return {
    async insertMany(entries) {
      if (entries.length === 0) return;
      await trx
        .insertInto('staff_notifications')
        .values(
          entries.map((e) => ({
            id: e.id,
            org_id: e.orgId,
            user_id: e.userId,
            kind: e.kind,
            title: e.title,
            body: e.body,
            link: e.link,
            dedupe_key: e.dedupeKey,
            created_at: e.createdAt,
            read_at: null,
          })),
        )
        .onConflict((oc) => oc.columns(['user_id', 'dedupe_key']).doNothing())
        .execute();
    },
    async emailKinds(orgId, userIds) {
      if (userIds.length === 0) return new Map();
      const rows = await trx
        .selectFrom('staff_notification_settings')
        .select(['user_id', 'email_kinds'])
        .where('org_id', '=', orgId)
        .where('user_id', 'in', userIds)
        .execute();
      return new Map(rows.map((r) => [r.user_id, r.email_kinds as InboxKind[]]));
    },
    async saveEmailKinds(orgId, userId, kinds, at) {
      await trx
        .insertInto('staff_notification_settings')
        .values({ user_id: userId, org_id: orgId, email_kinds: kinds, updated_at: at })
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ email_kinds: kinds, updated_at: at }))
        .execute();
    },
    async mark(orgId, userId, id, readAt) {
      const result = await trx
        .updateTable('staff_notifications')
        .set({ read_at: readAt })
        .where('org_id', '=', orgId)
        .where('user_id', '=', userId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async markAll(orgId, userId, at) {
      const result = await trx
        .updateTable('staff_notifications')
        .set({ read_at: at })
        .where('org_id', '=', orgId)
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
    async staffWithRole(orgId, role, teamId) {
      let query = trx
        .selectFrom('users')
        .select('id')
        .where('org_id', '=', orgId)
        .where('disabled_at', 'is', null)
        .where(sql<boolean>`${role} = ANY(roles)`);
      if (teamId)
        query = query.where(sql<boolean>`(${teamId}::uuid = ANY(team_ids) or cardinality(team_ids) = 0)`);
      return (await query.execute()).map((r) => r.id);
    },
  };
}
