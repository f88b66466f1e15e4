import type { Kysely } from 'kysely';
import type { Actor, OutboxMessage, StaffRole } from '../../core/shared/types.js';
import type { DB } from '../schema.js';
import { createStore, normalizeEmail } from '../store.js';

/** Sessions, sign-in links and the people they belong to. Tokens are stored only as hashes. */
export function accounts(db: Kysely<DB>) {
  return {
    orgBySlug: (slug: string) =>
      db.selectFrom('orgs').selectAll().where('slug', '=', slug).executeTakeFirst(),

    userForLogin: (orgId: string, email: string) =>
      db
        .selectFrom('users')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('email_normalized', '=', normalizeEmail(email))
        .executeTakeFirst(),

    candidateByEmail: (orgId: string, email: string) =>
      db
        .selectFrom('candidates')
        .select(['id', 'org_id'])
        .where('org_id', '=', orgId)
        .where('email_normalized', '=', normalizeEmail(email))
        .executeTakeFirst(),

    async createSession(row: DB['sessions']) {
      await db.insertInto('sessions').values(row).execute();
    },

    async deleteSession(tokenHash: string) {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },

    async actorForSession(tokenHash: string, now: Date): Promise<Actor | null> {
      const row = await db
        .selectFrom('sessions')
        .leftJoin('users', 'users.id', 'sessions.user_id')
        .select([
          'sessions.org_id',
          'sessions.user_id',
          'sessions.candidate_id',
          'sessions.expires_at',
          'users.roles',
          'users.team_ids',
        ])
        .where('sessions.token_hash', '=', tokenHash)
        .executeTakeFirst();
      if (!row || row.expires_at <= now) return null;
      if (row.user_id) {
        return {
          kind: 'staff',
          orgId: row.org_id,
          userId: row.user_id,
          roles: (row.roles ?? []) as StaffRole[],
          teamIds: row.team_ids ?? [],
        };
      }
      return row.candidate_id
        ? { kind: 'candidate', orgId: row.org_id, candidateId: row.candidate_id }
        : null;
    },

    async createSignInLink(row: DB['sign_in_links'], outbox: Omit<OutboxMessage, 'orgId'>) {
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('sign_in_links').values(row).execute();
        await createStore(trx, { now: () => row.created_at }).outbox.enqueue({
          orgId: row.org_id,
          ...outbox,
        });
      });
    },

    /** Marks a link used and returns it, once: a second redemption finds nothing. */
    redeemSignInLink: (tokenHash: string, now: Date) =>
      db
        .updateTable('sign_in_links')
        .set({ used_at: now })
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .returning(['org_id', 'candidate_id'])
        .executeTakeFirst(),
  };
}
