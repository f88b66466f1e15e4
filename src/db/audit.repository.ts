import type { Kysely } from 'kysely';
import type { AuditRepository } from '../core/shared/audit.port.js';
import type { Clock } from '../core/shared/ports.js';
import type { AuditEntry } from '../core/shared/types.js';
import { actorId } from './columns.js';
import type { DB } from './schema.js';

/** The row of one audit event, for writers that insert it together with its change. */
export const auditRow = (entry: AuditEntry, at: Date) => ({
  org_id: entry.orgId,
  actor_kind: entry.actor.kind,
  actor_id: actorId(entry.actor),
  token_id: entry.actor.kind === 'staff' ? (entry.actor.token?.tokenId ?? null) : null,
  entity_type: entry.entityType,
  entity_id: entry.entityId,
  action: entry.action,
  reason: entry.reason ?? null,
  data: JSON.stringify(entry.data ?? {}),
  at,
});

export function auditRepository(trx: Kysely<DB>, clock: Clock): AuditRepository {
  const recordMany = async (entries: AuditEntry[]) => {
    if (entries.length === 0) return;
    const at = clock.now();
    await trx
      .insertInto('audit_events')
      .values(entries.map((entry) => auditRow(entry, at)))
      .execute();
  };
  return { record: (entry) => recordMany([entry]), recordMany };
}
