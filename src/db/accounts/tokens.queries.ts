import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';

/** API tokens as their owners and admins list them: never the secret, nor its hash. */
export function tokenQueries(db: Kysely<DB>) {
  return {
    async list(
      orgId: string,
      scope: { kind: 'personal'; userId: string } | { kind: 'organisation' },
      now: Date,
    ) {
      let query = db
        .selectFrom('api_tokens')
        .innerJoin('users', 'users.id', 'api_tokens.user_id')
        .select([
          'api_tokens.id',
          'api_tokens.kind',
          'api_tokens.name',
          'api_tokens.prefix',
          'api_tokens.scopes',
          'api_tokens.created_at',
          'api_tokens.expires_at',
          'api_tokens.last_used_at',
          'api_tokens.last_used_address',
          'api_tokens.revoked_at',
          'users.id as user_id',
          'users.name as user_name',
        ])
        .where('api_tokens.org_id', '=', orgId)
        .where('api_tokens.kind', '=', scope.kind);
      if (scope.kind === 'personal') query = query.where('api_tokens.user_id', '=', scope.userId);
      const rows = await query
        .orderBy('api_tokens.created_at', 'desc')
        .orderBy('api_tokens.id')
        .limit(500)
        .execute();
      return rows.map((row) => ({
        id: row.id,
        kind: row.kind,
        name: row.name,
        prefix: row.prefix,
        scopes: row.scopes,
        createdAt: row.created_at.toISOString(),
        createdBy: { id: row.user_id, name: row.user_name },
        expiresAt: row.expires_at?.toISOString() ?? null,
        lastUsedAt: row.last_used_at?.toISOString() ?? null,
        lastUsedAddress: row.last_used_address,
        status: row.revoked_at
          ? ('revoked' as const)
          : row.expires_at && row.expires_at <= now
            ? ('expired' as const)
            : ('active' as const),
      }));
    },
  };
}
