import type { Kysely } from 'kysely';
import type { OutboxRepository } from '../core/shared/outbox.port.js';
import type { Clock } from '../core/shared/ports.js';
import type { DB } from './schema.js';

export function outboxRepository(trx: Kysely<DB>, clock: Clock): OutboxRepository {
  return {
    async enqueue(message) {
      const now = clock.now();
      await trx
        .insertInto('outbox')
        .values({
          org_id: message.orgId,
          kind: message.kind,
          dedupe_key: message.dedupeKey,
          payload: JSON.stringify(message.payload),
          created_at: now,
          available_at: now,
        })
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .execute();
    },
  };
}
