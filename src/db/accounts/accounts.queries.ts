import type { Kysely } from 'kysely';
import type { SessionHolder } from '../../core/accounts/accounts.port.js';
import { type Actor, type StaffRole, staffRoles } from '../../core/shared/types.js';
import { normalizeEmail } from '../candidates/candidates.repository.js';
import type { DB } from '../schema.js';
import { auditQueries } from './audit.queries.js';
import { tokenQueries } from './tokens.queries.js';
import { userQueries } from './users.queries.js';

/** A session unused for its idle minutes has ended, whatever its absolute expiry says. */
function idle(row: { created_at: Date; last_seen_at: Date | null; idle_minutes: number }, now: Date) {
  const lastSeen = row.last_seen_at ?? row.created_at;
  return lastSeen.getTime() + row.idle_minutes * 60_000 <= now.getTime();
}

/** Read models for signing in and for the signed-in person. */
export function accountQueries(db: Kysely<DB>) {
  return {
    users: userQueries(db),
    tokens: tokenQueries(db),
    audit: auditQueries(db),

    /** The staff user a password sign-in names, with the hash to check the password against. */
    async staffForSignIn(orgSlug: string, email: string) {
      const row = await db
        .selectFrom('users')
        .innerJoin('orgs', 'orgs.id', 'users.org_id')
        .select(['users.id', 'users.org_id', 'users.password_hash', 'users.roles'])
        .where('orgs.slug', '=', orgSlug)
        .where('users.email_normalized', '=', normalizeEmail(email))
        // A disabled user is as unknown as a wrong email: the same answer, after the same work.
        .where('users.disabled_at', 'is', null)
        .executeTakeFirst();
      return row
        ? {
            orgId: row.org_id,
            userId: row.id,
            passwordHash: row.password_hash,
            roles: row.roles as StaffRole[],
          }
        : null;
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

    /** Words a password of this user must not be: their email and their organisation's slug. */
    async personalWords(userId: string) {
      const row = await db
        .selectFrom('users')
        .innerJoin('orgs', 'orgs.id', 'users.org_id')
        .select(['users.email', 'orgs.slug'])
        .where('users.id', '=', userId)
        .executeTakeFirst();
      return row ? [row.email, row.slug] : [];
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

    /**
     * The actor behind an API token's hash while it is neither revoked nor expired. A personal
     * token acts as its owner with the owner's roles today (none once they are disabled); an
     * organisation token with every role and team, held in by its scopes (ADR 0015).
     */
    async actorForToken(tokenHash: string, now: Date): Promise<Actor | null> {
      const row = await db
        .selectFrom('api_tokens')
        .innerJoin('users', 'users.id', 'api_tokens.user_id')
        .select([
          'api_tokens.id',
          'api_tokens.org_id',
          'api_tokens.kind',
          'api_tokens.user_id',
          'api_tokens.scopes',
          'api_tokens.expires_at',
          'users.roles',
          'users.team_ids',
          'users.disabled_at',
        ])
        .where('api_tokens.token_hash', '=', tokenHash)
        .where('api_tokens.revoked_at', 'is', null)
        .executeTakeFirst();
      if (!row || (row.expires_at && row.expires_at <= now)) return null;
      const token = { tokenId: row.id, kind: row.kind, scopes: row.scopes };
      if (row.kind === 'personal') {
        if (row.disabled_at) return null;
        const roles = row.roles as StaffRole[];
        return { kind: 'staff', orgId: row.org_id, userId: row.user_id, roles, teamIds: row.team_ids, token };
      }
      const teams = await db.selectFrom('teams').select('id').where('org_id', '=', row.org_id).execute();
      return {
        kind: 'staff',
        orgId: row.org_id,
        userId: row.user_id,
        roles: [...staffRoles],
        teamIds: teams.map((t) => t.id),
        token,
      };
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
