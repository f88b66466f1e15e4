import { type Kysely, sql } from 'kysely';
import type { StaffRole } from '../../core/shared/types.js';
import { afterCursor, pageOf } from '../pagination.js';
import type { DB } from '../schema.js';

export interface UserFilter {
  q?: string | undefined;
  role?: StaffRole | undefined;
  teamId?: string | undefined;
  status: 'active' | 'disabled' | 'all';
  limit: number;
  cursor?: string | undefined;
}

/** `%`, `_` and `\` in a search are text, not patterns. */
const likeText = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Staff accounts as admins list and open them. */
export function userQueries(db: Kysely<DB>) {
  const base = (orgId: string) =>
    db
      .selectFrom('users')
      .leftJoin('interviewer_profiles', 'interviewer_profiles.user_id', 'users.id')
      .select([
        'users.id',
        'users.email',
        'users.name',
        'users.timezone',
        'users.roles',
        'users.team_ids',
        'users.disabled_at',
        'users.created_at',
        'users.version',
        'interviewer_profiles.languages',
        (eb) =>
          eb
            .selectFrom('audit_events')
            .select((inner) => inner.fn.max('audit_events.at').as('at'))
            .whereRef('audit_events.entity_id', '=', 'users.id')
            .where('audit_events.org_id', '=', orgId)
            .where('audit_events.action', '=', 'auth.signed_in')
            .as('last_sign_in_at'),
      ])
      .where('users.org_id', '=', orgId);
  type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];
  const present = (row: Row) => ({
    id: row.id,
    email: row.email,
    name: row.name,
    timezone: row.timezone,
    roles: row.roles as StaffRole[],
    teamIds: row.team_ids,
    languages: row.languages ?? ['en'],
    status: row.disabled_at ? ('disabled' as const) : ('active' as const),
    disabledAt: row.disabled_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    lastSignInAt: row.last_sign_in_at ? new Date(row.last_sign_in_at).toISOString() : null,
    version: row.version,
  });

  return {
    async user(orgId: string, id: string) {
      const row = await base(orgId).where('users.id', '=', id).executeTakeFirst();
      return row ? present(row) : null;
    },

    /** By name, then id; filtered by role, team, status and a part of the name or email. */
    async list(orgId: string, filter: UserFilter) {
      const after = afterCursor(filter.cursor);
      let query = base(orgId);
      if (filter.q) {
        const text = likeText(filter.q.toLowerCase());
        query = query.where((eb) =>
          eb.or([eb(sql`lower(users.name)`, 'like', text), eb('users.email_normalized', 'like', text)]),
        );
      }
      if (filter.role) query = query.where(sql<boolean>`${filter.role} = ANY(users.roles)`);
      if (filter.teamId) query = query.where(sql<boolean>`${filter.teamId}::uuid = ANY(users.team_ids)`);
      if (filter.status === 'active') query = query.where('users.disabled_at', 'is', null);
      if (filter.status === 'disabled') query = query.where('users.disabled_at', 'is not', null);
      if (after) {
        query = query.where((eb) =>
          eb(eb.refTuple('users.name', 'users.id'), '>', eb.tuple(after.sortValue, after.id)),
        );
      }
      const rows = await query
        .orderBy('users.name')
        .orderBy('users.id')
        .limit(filter.limit + 1)
        .execute();
      const p = pageOf(rows, filter.limit, (r) => [r.name, r.id]);
      return { items: p.items.map(present), nextCursor: p.nextCursor };
    },
  };
}
