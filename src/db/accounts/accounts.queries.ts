import type { Kysely } from 'kysely';
import type { SessionHolder } from '../../core/accounts/accounts.port.js';
import type { Actor, StaffRole } from '../../core/shared/types.js';
import { normalizeEmail } from '../candidates/candidates.repository.js';
import type { DB } from '../schema.js';

/** A session unused for its idle minutes has ended, whatever its absolute expiry says. */
function idle(row: { created_at: Date; last_seen_at: Date | null; idle_minutes: number }, now: Date) {
  const lastSeen = row.last_seen_at ?? row.created_at;
  return lastSeen.getTime() + row.idle_minutes * 60_000 <= now.getTime();
}

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
        // A disabled user is as unknown as a wrong email: the same answer, after the same work.
        .where('users.disabled_at', 'is', null)
        .executeTakeFirst();
      return row ? { orgId: row.org_id, userId: row.id, passwordHash: row.password_hash } : null;
    },

    /** The hash a signed-in staff member's current password must match. */
    async passwordHash(userId: string) {
      const row = await db
        .selectFrom('users')
        .select('password_hash')
        .where('id', '=', userId)
        .executeTakeFirst();
      return row?.password_hash ?? null;
    },

    /** The holder's sessions still running at `now`, newest first; `current` marks the one asking. */
    async sessionsOf(holder: SessionHolder, currentTokenHash: string, now: Date) {
      const rows = await db
        .selectFrom('sessions')
        .select([
          'id',
          'token_hash',
          'created_at',
          'last_seen_at',
          'expires_at',
          'idle_minutes',
          'user_agent',
          'address',
        ])
        .where((eb) =>
          'userId' in holder
            ? eb('user_id', '=', holder.userId)
            : eb('candidate_id', '=', holder.candidateId),
        )
        .where('expires_at', '>', now)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute();
      return rows
        .filter((row) => !idle(row, now))
        .map((row) => ({
          id: row.id,
          createdAt: row.created_at,
          lastSeenAt: row.last_seen_at ?? row.created_at,
          expiresAt: row.expires_at,
          userAgent: row.user_agent,
          address: row.address,
          current: row.token_hash === currentTokenHash,
        }));
    },

    /** The actor behind a session token's hash, while the session lasts and has not gone idle. */
    async actorForSession(tokenHash: string, now: Date): Promise<Actor | null> {
      const row = await db
        .selectFrom('sessions')
        .leftJoin('users', 'users.id', 'sessions.user_id')
        .select([
          'sessions.org_id',
          'sessions.user_id',
          'sessions.candidate_id',
          'sessions.expires_at',
          'sessions.created_at',
          'sessions.last_seen_at',
          'sessions.idle_minutes',
          'users.roles',
          'users.team_ids',
          'users.disabled_at',
        ])
        .where('sessions.token_hash', '=', tokenHash)
        .executeTakeFirst();
      if (!row || row.expires_at <= now || idle(row, now) || row.disabled_at) return null;
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
