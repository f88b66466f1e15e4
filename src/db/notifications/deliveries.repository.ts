import { type Kysely, type Selectable, sql } from 'kysely';
import type { DB } from '../schema.js';

export type Delivery = Selectable<DB['deliveries']>;

/** The delivery queue (the outbox worker's, not a use case's): claim with a lease, record each attempt, finish or back off. */
export function deliveries(db: Kysely<DB>) {
  return {
    /**
     * Leases up to `limit` due deliveries. A worker that dies mid-delivery leaves its lease to
     * run out, after which another claim picks the delivery up again: at-least-once.
     *
     * Messages about one application reach each recipient in the order of the changes that
     * caused them. A delivery waits while the same recipient has an earlier one about the
     * application still pending (being sent, or waiting to retry), and while an earlier event about
     * the application is not yet turned into deliveries (another worker loop may be on it).
     */
    async claim(now: Date, leaseMs: number, limit: number): Promise<Delivery[]> {
      return db.transaction().execute(async (trx) => {
        const due = await trx
          .selectFrom('deliveries as d')
          .select('d.id')
          .where('d.status', '=', 'pending')
          .where('d.next_attempt_at', '<=', now)
          .where((eb) => eb.or([eb('d.locked_until', 'is', null), eb('d.locked_until', '<', now)]))
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('deliveries as e')
                  .select('e.id')
                  .whereRef('e.application_id', '=', 'd.application_id')
                  .whereRef('e.recipient', '=', 'd.recipient')
                  .where('e.status', '=', 'pending')
                  .whereRef('e.event_seq', '<', 'd.event_seq'),
              ),
            ),
          )
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom('outbox as o')
                  .select('o.seq')
                  .where('o.status', '=', 'pending')
                  .whereRef('o.seq', '<', 'd.event_seq')
                  .where(sql<boolean>`o.payload ->> 'applicationId' = d.application_id::text`),
              ),
            ),
          )
          .orderBy('d.next_attempt_at')
          .limit(limit)
          .forUpdate()
          .skipLocked()
          .execute();
        if (due.length === 0) return [];
        return trx
          .updateTable('deliveries')
          .set({ locked_until: new Date(now.getTime() + leaseMs), attempts: sql<number>`attempts + 1` })
          .where(
            'id',
            'in',
            due.map((d) => d.id),
          )
          .returningAll()
          .execute();
      });
    },

    /**
     * Renews this worker's leases on the claimed deliveries not sent yet, just before sending the
     * next: the ids still this worker's (pending, lease not run out, not claimed again since; each
     * claim counts an attempt, so the attempt number is the claim's token). A batch slower than one
     * lease keeps its leases while it is being worked through, and what another worker did take
     * over is skipped rather than sent a second time.
     */
    async renewMany(claimed: Delivery[], now: Date, leaseMs: number) {
      if (claimed.length === 0) return new Set<string>();
      const rows = await db
        .updateTable('deliveries')
        .set({ locked_until: new Date(now.getTime() + leaseMs) })
        .where((eb) =>
          eb.or(claimed.map((d) => eb.and([eb('id', '=', d.id), eb('attempts', '=', d.attempts)]))),
        )
        .where('status', '=', 'pending')
        .where('locked_until', '>', now)
        .returning('id')
        .execute();
      return new Set(rows.map((r) => r.id));
    },

    async finish(
      delivery: Delivery,
      at: Date,
      outcome: { ok: true; response: string } | { ok: false; error: string; retryAt: Date | null },
    ) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('delivery_attempts')
          .values({
            delivery_id: delivery.id,
            attempt: delivery.attempts,
            at,
            ok: outcome.ok,
            response: (outcome.ok ? outcome.response : outcome.error).slice(0, 2000),
          })
          .onConflict((oc) => oc.columns(['delivery_id', 'attempt']).doNothing())
          .execute();
        await trx
          .updateTable('deliveries')
          .set(
            outcome.ok
              ? { status: 'delivered', delivered_at: at, locked_until: null, last_error: null }
              : outcome.retryAt
                ? {
                    next_attempt_at: outcome.retryAt,
                    locked_until: null,
                    last_error: outcome.error.slice(0, 2000),
                  }
                : { status: 'failed', locked_until: null, last_error: outcome.error.slice(0, 2000) },
          )
          .where('id', '=', delivery.id)
          .execute();
      });
    },

    secretOf: async (endpointId: string) =>
      (
        await db
          .selectFrom('webhook_endpoints')
          .select('secret')
          .where('id', '=', endpointId)
          .executeTakeFirst()
      )?.secret ?? null,
  };
}
