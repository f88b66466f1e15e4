import type { Kysely } from 'kysely';
import type { Actor, StaffRole } from '../../core/shared/types.js';
import { normalizeEmail } from '../candidates/candidates.repository.js';
import type { DB } from '../schema.js';

/** Read models for signing in and for the signed-in person. */
export function accountQueries(db: Kysely<DB>) {
  return {
    /** The staff user a password sign-in names, with the hash to check the password against. */
    async staffForSignIn(orgSlug: string, email: string) {
      const row = await db
        .selectFrom('users')
        .innerJoin('orgs', 'orgs.id', 'users.org_id')
        .select(['users.id', 'users.org_id', 'users.password_hash'])
        .where('orgs.slug', '=', orgSlug)
        .where('users.email_normalized', '=', normalizeEmail(email))
        .executeTakeFirst();
      return row ? { orgId: row.org_id, userId: row.id, passwordHash: row.password_hash } : null;
    },

    /** The actor behind a session token's hash, while the session lasts. */
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

    /** The row of the person behind a session: a staff user or a candidate. */
    async me(actor: { kind: 'staff'; userId: string } | { kind: 'candidate'; candidateId: string }) {
      if (actor.kind === 'staff') {
        return db.selectFrom('users').selectAll().where('id', '=', actor.userId).executeTakeFirstOrThrow();
      }
      return db
        .selectFrom('candidates')
        .selectAll()
        .where('id', '=', actor.candidateId)
        .executeTakeFirstOrThrow();
    },
  };
}
