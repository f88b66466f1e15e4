import { type Kysely, sql } from 'kysely';
import type { MessageHold, OutboxRepository } from '../core/shared/outbox.port.js';
import type { Clock } from '../core/shared/ports.js';
import type { OutboxMessage } from '../core/shared/types.js';
import type { DB } from './schema.js';

/** The row of one outbox message, for writers that queue it together with its cause. */
export const outboxRow = (m: OutboxMessage & { hold: MessageHold | null }, now: Date) => ({
  org_id: m.orgId,
  kind: m.kind,
  dedupe_key: m.dedupeKey,
  payload: JSON.stringify(m.payload),
  created_at: now,
  available_at: m.hold?.until ?? now,
  held_by: m.hold?.decisionId ?? null,
});

/** Queues messages; one whose dedupe key is already queued is left alone. */
export const enqueueQuery = (trx: Kysely<DB>, rows: ReturnType<typeof outboxRow>[]) =>
  trx
    .insertInto('outbox')
    .values(rows)
    .onConflict((oc) => oc.column('dedupe_key').doNothing());

export function outboxRepository(trx: Kysely<DB>, clock: Clock): OutboxRepository {
  let hold: MessageHold | null = null;
  const enqueueMany: OutboxRepository['enqueueMany'] = async (messages) => {
    if (messages.length === 0) return;
    const now = clock.now();
    await enqueueQuery(
      trx,
      messages.map((m) => outboxRow(m, now)),
    ).execute();
  };
  return {
    enqueue: (message) => enqueueMany([{ ...message, hold }]),
    enqueueMany,
    async holding(next, work) {
      const outer = hold;
      hold = next;
      try {
        return await work();
      } finally {
        hold = outer;
      }
    },
    async withdrawHeld(decisionId, at) {
      const rows = await trx
        .selectFrom('outbox')
        .select(['seq', 'dispatched_at'])
        .where('held_by', '=', decisionId)
        .forUpdate()
        .execute();
      if (rows.some((r) => r.dispatched_at !== null)) return false;
      await trx
        .updateTable('outbox')
        .set({
          status: 'withdrawn',
          dispatched_at: at,
          dedupe_key: sql<string>`dedupe_key || '|withdrawn:' || seq`,
        })
        .where('held_by', '=', decisionId)
        .execute();
      return true;
    },
  };
}
