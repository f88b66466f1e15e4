import { type Kysely, sql } from 'kysely';
import type { AccountsRepository } from '../../core/accounts/accounts.port.js';
import { defaultInterviewerHours } from '../../core/availability/availability.rules.js';
import type { StaffRole } from '../../core/shared/types.js';
import { normalizeEmail } from '../candidates/candidates.repository.js';
import { given } from '../columns.js';
import type { DB } from '../schema.js';

const MINUTE = 60_000;
const HOUR = 3_600_000;

type Lifecycle = Pick<
  AccountsRepository,
  | 'lockUser'
  | 'lockActiveAdmins'
  | 'updateUser'
  | 'setLanguages'
  | 'removeFromFuturePanels'
  | 'issuePasswordResetByEmail'
  | 'redeemPasswordReset'
  | 'dropPasswordResets'
  | 'insertApiToken'
  | 'revokeApiToken'
  | 'revokeUserTokens'
  | 'touchApiToken'
>;

/** Staff accounts over their life: edits, disabling, password resets and API tokens (hashes only). */
export function staffLifecycle(trx: Kysely<DB>): Lifecycle {
  return {
    async lockUser(orgId, userId) {
      const row = await trx
        .selectFrom('users')
        .select(['id', 'org_id', 'email', 'name', 'timezone', 'roles', 'team_ids', 'disabled_at', 'version'])
        .where('org_id', '=', orgId)
        .where('id', '=', userId)
        .forUpdate()
        .executeTakeFirst();
      if (!row) return null;
      return {
        id: row.id,
        orgId: row.org_id,
        email: row.email,
        name: row.name,
        timezone: row.timezone,
        roles: row.roles as StaffRole[],
        teamIds: row.team_ids,
        disabledAt: row.disabled_at,
        version: row.version,
      };
    },
    async lockActiveAdmins(orgId) {
      const rows = await trx
        .selectFrom('users')
        .select('id')
        .where('org_id', '=', orgId)
        .where('disabled_at', 'is', null)
        .where(sql<boolean>`'admin' = ANY(roles)`)
        .orderBy('id')
        .forUpdate()
        .execute();
      return rows.map((r) => r.id);
    },
    async updateUser(orgId, userId, expectedVersion, changes) {
      const row = await trx
        .updateTable('users')
        .set({
          ...given({ name: changes.name, timezone: changes.timezone, roles: changes.roles }),
          ...given({ team_ids: changes.teamIds, disabled_at: changes.disabledAt }),
          version: sql<number>`version + 1`,
        })
        .where('org_id', '=', orgId)
        .where('id', '=', userId)
        .where('version', '=', expectedVersion)
        .returning('id')
        .executeTakeFirst();
      return Boolean(row);
    },
    async setLanguages(orgId, userId, languages, at) {
      await trx
        .insertInto('interviewer_profiles')
        .values({
          user_id: userId,
          org_id: orgId,
          weekly_hours: JSON.stringify(defaultInterviewerHours),
          weekly_cap: 8,
          round_types: [],
          levels: [],
          languages,
          updated_at: at,
        })
        .onConflict((oc) =>
          oc.column('user_id').doUpdateSet({
            languages,
            updated_at: at,
            version: sql<number>`interviewer_profiles.version + 1`,
          }),
        )
        .execute();
    },
    async removeFromFuturePanels(orgId, userId, now) {
      const rows = await trx
        .updateTable('interviews')
        .set({
          interviewer_ids: sql<string[]>`array_remove(interviewer_ids, ${userId}::uuid)`,
          version: sql<number>`version + 1`,
        })
        .where('org_id', '=', orgId)
        .where('status', '=', 'scheduled')
        .where('starts_at', '>', now)
        .where(sql<boolean>`${userId}::uuid = ANY(interviewer_ids)`)
        .returning(['id', 'application_id', 'interviewer_ids'])
        .execute();
      const ids = rows.map((r) => r.id);
      if (ids.length > 0) {
        await trx
          .deleteFrom('interview_holds')
          .where('interview_id', 'in', ids)
          .where('participant_id', '=', userId)
          .execute();
        await trx
          .deleteFrom('scorecards')
          .where('interview_id', 'in', ids)
          .where('interviewer_id', '=', userId)
          .where('status', '<>', 'submitted')
          .execute();
      }
      return rows.map((r) => ({
        interviewId: r.id,
        applicationId: r.application_id,
        remaining: r.interviewer_ids,
      }));
    },
    async issuePasswordResetByEmail(reset) {
      // One statement whatever the address, as for candidates' sign-in links.
      await sql`
        WITH target AS (
          SELECT users.org_id, users.id
          FROM users JOIN orgs ON orgs.id = users.org_id
          WHERE orgs.slug = ${reset.orgSlug}
            AND users.email_normalized = ${normalizeEmail(reset.email)}
            AND users.disabled_at IS NULL
            AND ${reset.send}::boolean
        ), reset AS (
          INSERT INTO password_resets (token_hash, org_id, user_id, created_at, expires_at, used_at)
          SELECT ${reset.tokenHash}, org_id, id, ${reset.createdAt}, ${reset.expiresAt}, NULL FROM target
          RETURNING org_id, user_id
        )
        INSERT INTO outbox (org_id, kind, dedupe_key, payload, created_at, available_at)
        SELECT org_id, 'staff.password_reset_link', ${`password_reset:${reset.tokenHash}`},
          jsonb_build_object('userId', user_id, 'url', ${reset.url}::text,
            'expiresInMinutes', ${reset.expiresInMinutes}::integer),
          ${reset.createdAt}, ${reset.createdAt}
        FROM reset
        ON CONFLICT (dedupe_key) DO NOTHING
      `.execute(trx);
    },
    async redeemPasswordReset(tokenHash, now) {
      const row = await trx
        .updateTable('password_resets')
        .set({ used_at: now })
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .where(({ exists, selectFrom }) =>
          exists(
            selectFrom('users')
              .select('users.id')
              .whereRef('users.id', '=', 'password_resets.user_id')
              .where('users.disabled_at', 'is', null),
          ),
        )
        .returning(['org_id', 'user_id'])
        .executeTakeFirst();
      return row ? { orgId: row.org_id, userId: row.user_id } : null;
    },
    async dropPasswordResets(userId) {
      await trx.deleteFrom('password_resets').where('user_id', '=', userId).execute();
    },
    async insertApiToken(token) {
      await trx
        .insertInto('api_tokens')
        .values({
          id: token.id,
          org_id: token.orgId,
          kind: token.kind,
          user_id: token.userId,
          name: token.name,
          token_hash: token.tokenHash,
          prefix: token.prefix,
          scopes: token.scopes,
          created_at: token.createdAt,
          expires_at: token.expiresAt,
        })
        .execute();
    },
    async revokeApiToken(orgId, id, ownerId, now) {
      let query = trx
        .updateTable('api_tokens')
        .set({ revoked_at: now })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .where('revoked_at', 'is', null);
      if (ownerId) query = query.where('user_id', '=', ownerId).where('kind', '=', 'personal');
      else query = query.where('kind', '=', 'organisation');
      return Boolean(await query.returning('id').executeTakeFirst());
    },
    async revokeUserTokens(userId, now) {
      const rows = await trx
        .updateTable('api_tokens')
        .set({ revoked_at: now })
        .where('user_id', '=', userId)
        .where('kind', '=', 'personal')
        .where('revoked_at', 'is', null)
        .returning('id')
        .execute();
      return rows.length;
    },
    async touchApiToken(id, now, address) {
      const before = await trx
        .selectFrom('api_tokens')
        .select('last_used_at')
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      const last = before?.last_used_at?.getTime() ?? Number.NEGATIVE_INFINITY;
      if (!before || now.getTime() - last < MINUTE) return false;
      await trx
        .updateTable('api_tokens')
        .set({ last_used_at: now, last_used_address: address })
        .where('id', '=', id)
        .execute();
      return now.getTime() - last >= HOUR;
    },
  };
}
