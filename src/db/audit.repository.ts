import type { Kysely } from 'kysely';
import type { AuditRepository } from '../core/shared/audit.port.js';
import type { Clock } from '../core/shared/ports.js';
import { actorId } from './columns.js';
import type { DB } from './schema.js';

export function auditRepository(trx: Kysely<DB>, clock: Clock): AuditRepository {
  return {
    async record(entry) {
      await trx
        .insertInto('audit_events')
        .values({
          org_id: entry.orgId,
          actor_kind: entry.actor.kind,
          actor_id: actorId(entry.actor),
          entity_type: entry.entityType,
          entity_id: entry.entityId,
          action: entry.action,
          reason: entry.reason ?? null,
          data: JSON.stringify(entry.data ?? {}),
          at: clock.now(),
        })
        .execute();
    },
  };
}
