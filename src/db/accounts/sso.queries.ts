import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';

/** Read models for the admin's security settings and the sign-in page's provider button. */
export function ssoQueries(db: Kysely<DB>) {
  return {
    /** The connection as an admin sees it: never the secret. */
    async connection(orgId: string) {
      const row = await db
        .selectFrom('sso_connections')
        .select([
          'display_name',
          'issuer',
          'client_id',
          'default_roles',
          'groups_claim',
          'enabled',
          'updated_at',
        ])
        .where('org_id', '=', orgId)
        .executeTakeFirst();
      return row ?? null;
    },
    async mappings(orgId: string) {
      return db
        .selectFrom('group_mappings')
        .select(['group_name', 'roles', 'team_ids'])
        .where('org_id', '=', orgId)
        .orderBy('group_name')
        .execute();
    },
    async policy(orgId: string) {
      return db
        .selectFrom('orgs')
        .select(['mfa_required', 'password_sign_in'])
        .where('id', '=', orgId)
        .executeTakeFirstOrThrow();
    },
    /** What the staff sign-in page shows for an organisation slug: its provider's name, if SSO is on. */
    async provider(orgSlug: string) {
      const row = await db
        .selectFrom('sso_connections')
        .innerJoin('orgs', 'orgs.id', 'sso_connections.org_id')
        .select(['sso_connections.display_name', 'orgs.password_sign_in'])
        .where('orgs.slug', '=', orgSlug)
        .where('sso_connections.enabled', '=', true)
        .executeTakeFirst();
      return row ?? null;
    },
  };
}
