import { type Kysely, type Selectable, sql } from 'kysely';
import type { DB } from '../schema.js';

export type Delivery = Selectable<DB['deliveries']>;

/** One attempt at a delivery, as the worker finishes it. */
export interface FinishedAttempt {
  delivery: Delivery;
  at: Date;
  outcome: { ok: true; response: string } | { ok: false; error: string; retryAt: Date | null };
}

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
     *
     * Among the deliveries free to go, a message someone is waiting for (a sign-in, password
     * reset, scheduling or assessment link) comes first. It still follows the earlier messages
     * about its own application: a scheduling link after the news that the candidate advanced.
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
          .orderBy('d.waited_for', 'desc')
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

    /**
     * Records the attempts of a wave of deliveries and finishes each, in one transaction: delivered,
     * back to pending until `retryAt`, or failed for good.
     */
    async finish(attempts: FinishedAttempt[]) {
      if (attempts.length === 0) return;
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('delivery_attempts')
          .values(
            attempts.map(({ delivery, at, outcome }) => ({
              delivery_id: delivery.id,
              attempt: delivery.attempts,
              at,
              ok: outcome.ok,
              response: (outcome.ok ? outcome.response : outcome.error).slice(0, 2000),
            })),
          )
          .onConflict((oc) => oc.columns(['delivery_id', 'attempt']).doNothing())
          .execute();
        const rows = attempts.map(({ delivery, at, outcome }) => {
          const [status, error] = outcome.ok
            ? ['delivered', null]
            : [outcome.retryAt ? 'pending' : 'failed', outcome.error.slice(0, 2000)];
          const retryAt = outcome.ok ? null : outcome.retryAt;
          return sql`(${delivery.id}::uuid, ${status}::text, ${outcome.ok ? at : null}::timestamptz,
            ${retryAt}::timestamptz, ${error}::text)`;
        });
        await sql`UPDATE deliveries d SET status = v.status, delivered_at = coalesce(v.delivered_at, d.delivered_at),
            next_attempt_at = coalesce(v.retry_at, d.next_attempt_at), locked_until = NULL, last_error = v.error
          FROM (VALUES ${sql.join(rows)}) AS v(id, status, delivered_at, retry_at, error)
          WHERE d.id = v.id`.execute(trx);
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
