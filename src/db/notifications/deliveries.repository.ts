import { type Kysely, type Selectable, sql } from 'kysely';
import type { DB } from '../schema.js';

export type Delivery = Selectable<DB['deliveries']>;

/** The delivery queue (the outbox worker's, not a use case's): claim with a lease, record each attempt, finish or back off. */
export function deliveries(db: Kysely<DB>) {
  return {
    /**
     * Leases up to `limit` due deliveries. A worker that dies mid-delivery leaves its lease to
     * run out, after which another claim picks the delivery up again: at-least-once.
     */
    async claim(now: Date, leaseMs: number, limit: number): Promise<Delivery[]> {
      return db.transaction().execute(async (trx) => {
        const due = await trx
          .selectFrom('deliveries')
          .select('id')
          .where('status', '=', 'pending')
          .where('next_attempt_at', '<=', now)
          .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
          .orderBy('next_attempt_at')
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
