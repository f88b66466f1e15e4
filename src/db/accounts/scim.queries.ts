import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';

/** A SCIM filter the service understands: one attribute compared with `eq`. */
export interface ScimFilter {
  attribute: 'userName' | 'externalId' | 'displayName' | 'id';
  value: string;
}

export interface Page {
  /** 1-based, as RFC 7644 §3.4.2.4 counts. */
  startIndex: number;
  count: number;
}

/** Read models for the SCIM endpoints and the admin's list of tokens. */
export function scimQueries(db: Kysely<DB>) {
  const users = (orgId: string) =>
    db.selectFrom('users').where('users.org_id', '=', orgId).where('users.scim_deleted_at', 'is', null);
  const groups = (orgId: string) => db.selectFrom('scim_groups').where('scim_groups.org_id', '=', orgId);
  const userColumns = ['id', 'email', 'name', 'external_id', 'disabled_at', 'created_at'] as const;

  async function membersOf(groupIds: string[]) {
    if (!groupIds.length) return [];
    return db
      .selectFrom('scim_group_members')
      .innerJoin('users', 'users.id', 'scim_group_members.user_id')
      .select(['scim_group_members.group_id', 'users.id', 'users.name'])
      .where('scim_group_members.group_id', 'in', groupIds)
      .orderBy('users.name')
      .execute();
  }

  return {
    async tokenOrg(tokenHash: string) {
      return db
        .selectFrom('scim_tokens')
        .select(['id', 'org_id'])
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
    },
    async listUsers(orgId: string, filter: ScimFilter | null, page: Page) {
      let query = users(orgId);
      if (filter?.attribute === 'userName')
        query = query.where('users.email_normalized', '=', filter.value.trim().toLowerCase());
      else if (filter?.attribute === 'externalId')
        query = query.where('users.external_id', '=', filter.value);
      else if (filter?.attribute === 'id') query = query.where('users.id', '=', filter.value);
      else if (filter?.attribute === 'displayName') query = query.where('users.name', '=', filter.value);
      const total = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      const rows = await query
        .select(userColumns)
        .orderBy('users.created_at')
        .orderBy('users.id')
        .offset(page.startIndex - 1)
        .limit(page.count)
        .execute();
      return { total: Number(total.n), rows };
    },
    async user(orgId: string, id: string) {
      return users(orgId).select(userColumns).where('users.id', '=', id).executeTakeFirst();
    },
    async groupsOfUser(userId: string) {
      return db
        .selectFrom('scim_group_members')
        .innerJoin('scim_groups', 'scim_groups.id', 'scim_group_members.group_id')
        .select(['scim_groups.id', 'scim_groups.display_name'])
        .where('scim_group_members.user_id', '=', userId)
        .execute();
    },
    async listGroups(orgId: string, filter: ScimFilter | null, page: Page, withMembers: boolean) {
      let query = groups(orgId);
      if (filter?.attribute === 'displayName') query = query.where('display_name', '=', filter.value);
      else if (filter?.attribute === 'externalId') query = query.where('external_id', '=', filter.value);
      else if (filter?.attribute === 'id') query = query.where('id', '=', filter.value);
      else if (filter) query = query.where('id', '=', '00000000-0000-0000-0000-000000000000');
      const total = await query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      const rows = await query
        .selectAll()
        .orderBy('created_at')
        .orderBy('id')
        .offset(page.startIndex - 1)
        .limit(page.count)
        .execute();
      const members = withMembers ? await membersOf(rows.map((r) => r.id)) : [];
      return {
        total: Number(total.n),
        rows: rows.map((row) => ({ ...row, members: members.filter((m) => m.group_id === row.id) })),
      };
    },
    async group(orgId: string, id: string) {
      const row = await groups(orgId).selectAll().where('id', '=', id).executeTakeFirst();
      return row ? { ...row, members: await membersOf([row.id]) } : undefined;
    },
    async tokens(orgId: string) {
      return db
        .selectFrom('scim_tokens')
        .select(['id', 'name', 'created_at', 'last_used_at'])
        .where('org_id', '=', orgId)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute();
    },
  };
}
