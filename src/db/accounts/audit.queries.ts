import type { Kysely } from 'kysely';
import { afterCursor, encodeCursor, InvalidCursorError } from '../pagination.js';
import type { DB } from '../schema.js';

export interface AuditFilter {
  actorId?: string | undefined;
  /** An action, or a prefix ending with a dot. */
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  tokenId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** `%`, `_` and `\` in an action prefix are text. */
const prefixText = (text: string) => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The organisation's audit log, newest first, for its admins. */
export function auditQueries(db: Kysely<DB>) {
  return {
    async list(orgId: string, filter: AuditFilter) {
      const after = afterCursor(filter.cursor);
      let query = db
        .selectFrom('audit_events')
        .leftJoin('users', (join) =>
          join.onRef('users.id', '=', 'audit_events.actor_id').on('audit_events.actor_kind', '=', 'staff'),
        )
        .leftJoin('candidates', (join) =>
          join
            .onRef('candidates.id', '=', 'audit_events.actor_id')
            .on('audit_events.actor_kind', '=', 'candidate'),
        )
        .leftJoin('api_tokens', 'api_tokens.id', 'audit_events.token_id')
        .select([
          'audit_events.seq',
          'audit_events.at',
          'audit_events.actor_kind',
          'audit_events.actor_id',
          'audit_events.token_id',
          'audit_events.entity_type',
          'audit_events.entity_id',
          'audit_events.action',
          'audit_events.reason',
          'audit_events.data',
          'users.name as user_name',
          'candidates.first_name',
          'candidates.last_name',
          'api_tokens.name as token_name',
        ])
        .where('audit_events.org_id', '=', orgId);
      if (filter.actorId) query = query.where('audit_events.actor_id', '=', filter.actorId);
      if (filter.action) {
        query = filter.action.endsWith('.')
          ? query.where('audit_events.action', 'like', prefixText(filter.action))
          : query.where('audit_events.action', '=', filter.action);
      }
      if (filter.entityType) query = query.where('audit_events.entity_type', '=', filter.entityType);
      if (filter.entityId) query = query.where('audit_events.entity_id', '=', filter.entityId);
      if (filter.tokenId) query = query.where('audit_events.token_id', '=', filter.tokenId);
      if (filter.from) query = query.where('audit_events.at', '>=', new Date(filter.from));
      if (filter.to) query = query.where('audit_events.at', '<', new Date(filter.to));
      // The cursor holds the last row's sequence number; its id half is unused.
      if (after) {
        if (!/^\d{1,19}$/.test(after.sortValue))
          throw new InvalidCursorError('cursor is not one this API issued');
        query = query.where('audit_events.seq', '<', after.sortValue);
      }
      const rows = await query
        .orderBy('audit_events.seq', 'desc')
        .limit(filter.limit + 1)
        .execute();
      const items = rows.slice(0, filter.limit);
      const last = items.at(-1);
      return {
        items: items.map((row) => ({
          seq: String(row.seq),
          at: row.at.toISOString(),
          actor: {
            kind: row.actor_kind,
            id: row.actor_id,
            name: row.user_name ?? (row.first_name ? `${row.first_name} ${row.last_name}` : null),
          },
          token: row.token_id ? { id: row.token_id, name: row.token_name ?? '' } : null,
          entityType: row.entity_type,
          entityId: row.entity_id,
          action: row.action,
          reason: row.reason,
          data: row.data,
        })),
        nextCursor:
          rows.length > filter.limit && last ? encodeCursor(String(last.seq), last.entity_id) : null,
      };
    },
  };
}
