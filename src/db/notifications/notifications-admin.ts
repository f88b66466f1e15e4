import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Clock } from '../../core/shared/ports.js';
import type { Actor } from '../../core/shared/types.js';
import { decodeCursor, InvalidCursorError, pageOf } from '../pagination.js';
import type { DB } from '../schema.js';
import { createStore, given } from '../store.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function presentDelivery(r: Selectable<DB['deliveries']>) {
  return {
    id: r.id,
    channel: r.channel as 'email' | 'webhook',
    recipient: r.recipient,
    subject: r.subject,
    body: r.body,
    hasCalendar: r.calendar !== null,
    status: r.status as 'pending' | 'delivered' | 'failed',
    attempts: r.attempts,
    lastError: r.last_error,
    nextAttemptAt: iso(r.next_attempt_at),
    createdAt: iso(r.created_at)!,
    deliveredAt: iso(r.delivered_at),
    applicationId: r.application_id,
  };
}

/** What admins see and change of notifications: deliveries (the mailbox), templates, webhooks, settings. */
export function notificationAdmin(db: Kysely<DB>, clock: Clock) {
  const audit = (trx: Kysely<DB>, actor: Actor, action: string, data: Record<string, unknown>) =>
    createStore(trx, clock).audit.record({
      orgId: actor.orgId,
      actor,
      entityType: 'policy',
      entityId: actor.orgId,
      action,
      data,
    });

  return {
    async listDeliveries(
      orgId: string,
      q: { status?: string; channel?: string; candidateId?: string; limit: number; cursor?: string },
    ) {
      const after = decodeCursor(q.cursor);
      if (after === 'invalid') throw new InvalidCursorError('cursor is not one this API issued');
      let query = db.selectFrom('deliveries').selectAll().where('org_id', '=', orgId);
      if (q.status) query = query.where('status', '=', q.status);
      if (q.channel) query = query.where('channel', '=', q.channel);
      if (q.candidateId) query = query.where('candidate_id', '=', q.candidateId);
      // Newest first: the mailbox reads like an inbox.
      if (after)
        query = query.where((eb) =>
          eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(new Date(after.sortValue), after.id)),
        );
      const rows = await query
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(q.limit + 1)
        .execute();
      const page = pageOf(rows, q.limit, (r) => [r.created_at.toISOString(), r.id]);
      return {
        items: page.items.map(presentDelivery),
        nextCursor: page.nextCursor,
      };
    },

    async delivery(orgId: string, id: string) {
      const row = await db
        .selectFrom('deliveries')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) return null;
      const attempts = await db
        .selectFrom('delivery_attempts')
        .selectAll()
        .where('delivery_id', '=', id)
        .orderBy('attempt')
        .execute();
      return {
        ...presentDelivery(row),
        calendar: row.calendar,
        attemptCount: row.attempts,
        attempts: attempts.map((a) => ({
          attempt: a.attempt,
          at: iso(a.at)!,
          ok: a.ok,
          response: a.response,
        })),
      };
    },

    /** A failed delivery goes back in the queue at once. */
    async retry(actor: Actor, id: string) {
      return db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('deliveries')
          .set({ status: 'pending', next_attempt_at: clock.now(), locked_until: null })
          .where('org_id', '=', actor.orgId)
          .where('id', '=', id)
          .where('status', '=', 'failed')
          .returning('id')
          .executeTakeFirst();
        if (updated) await audit(trx, actor, 'delivery.retried', { deliveryId: id });
        return updated !== undefined;
      });
    },

    async failedEvents(orgId: string) {
      const rows = await db
        .selectFrom('outbox')
        .select(['seq', 'kind', 'error', 'created_at', 'dispatched_at'])
        .where('org_id', '=', orgId)
        .where('status', '=', 'failed')
        .orderBy('seq', 'desc')
        .limit(200)
        .execute();
      return rows.map((r) => ({
        seq: Number(r.seq),
        kind: r.kind,
        error: r.error ?? '',
        createdAt: iso(r.created_at)!,
        failedAt: iso(r.dispatched_at)!,
      }));
    },

    /** A parked event is dispatched again on the worker's next pass. */
    async retryEvent(actor: Actor, seq: number) {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable('outbox')
          .set({ status: 'pending', dispatched_at: null, error: null })
          .where('org_id', '=', actor.orgId)
          .where('seq', '=', String(seq))
          .where('status', '=', 'failed')
          .returning('seq')
          .executeTakeFirst();
        if (row) await audit(trx, actor, 'event.retried', { seq });
        return row !== undefined;
      });
    },

    ownTemplates: (orgId: string) =>
      db.selectFrom('message_templates').selectAll().where('org_id', '=', orgId).execute(),

    saveTemplate: (actor: Actor, key: string, language: string, text: { subject: string; body: string }) =>
      db.transaction().execute(async (trx) => {
        const values = { subject: text.subject, body: text.body, updated_at: clock.now() };
        await trx
          .insertInto('message_templates')
          .values({ org_id: actor.orgId, key, language, ...values })
          .onConflict((oc) => oc.columns(['org_id', 'key', 'language']).doUpdateSet(values))
          .execute();
        await audit(trx, actor, 'message_template.saved', { key, language });
      }),

    async listWebhooks(orgId: string) {
      const rows = await db
        .selectFrom('webhook_endpoints')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('created_at')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        url: r.url,
        eventTypes: r.event_types,
        active: r.active,
        createdAt: iso(r.created_at)!,
      }));
    },

    /** The secret is returned once, here; afterwards only its use shows. */
    createWebhook: (actor: Actor, id: string, input: { url: string; eventTypes: string[] }) =>
      db.transaction().execute(async (trx) => {
        const secret = randomBytes(32).toString('hex');
        const row = await trx
          .insertInto('webhook_endpoints')
          .values({
            id,
            org_id: actor.orgId,
            url: input.url,
            secret,
            event_types: input.eventTypes,
            created_at: clock.now(),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audit(trx, actor, 'webhook.created', {
          webhookId: id,
          url: input.url,
          eventTypes: input.eventTypes,
        });
        return {
          id: row.id,
          url: row.url,
          eventTypes: row.event_types,
          active: row.active,
          createdAt: iso(row.created_at)!,
          secret,
        };
      }),

    updateWebhook: (
      actor: Actor,
      id: string,
      change: { active?: boolean | undefined; eventTypes?: string[] | undefined; rotateSecret?: boolean },
    ) =>
      db.transaction().execute(async (trx) => {
        const secret = change.rotateSecret ? randomBytes(32).toString('hex') : undefined;
        const row = await trx
          .updateTable('webhook_endpoints')
          .set({
            ...given({
              active: change.active,
              event_types: change.eventTypes,
            }),
            ...(secret ? { secret } : {}),
          })
          .where('org_id', '=', actor.orgId)
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirst();
        if (!row) return null;
        await audit(trx, actor, secret ? 'webhook.secret_rotated' : 'webhook.updated', { webhookId: id });
        return {
          id: row.id,
          url: row.url,
          eventTypes: row.event_types,
          active: row.active,
          createdAt: iso(row.created_at)!,
          ...(secret ? { secret } : {}),
        };
      }),

    async settings(orgId: string) {
      const row = await db
        .selectFrom('orgs')
        .select([
          'update_every_business_days',
          'share_rejection_feedback',
          'default_language',
          'default_timezone',
        ])
        .where('id', '=', orgId)
        .executeTakeFirstOrThrow();
      return {
        updateEveryBusinessDays: row.update_every_business_days,
        shareRejectionFeedback: row.share_rejection_feedback,
        defaultLanguage: row.default_language,
        defaultTimezone: row.default_timezone,
      };
    },

    saveSettings: (
      actor: Actor,
      s: {
        updateEveryBusinessDays: number;
        shareRejectionFeedback: boolean;
        defaultLanguage: string;
        defaultTimezone: string;
      },
    ) =>
      db.transaction().execute(async (trx) => {
        await trx
          .updateTable('orgs')
          .set({
            update_every_business_days: s.updateEveryBusinessDays,
            share_rejection_feedback: s.shareRejectionFeedback,
            default_language: s.defaultLanguage,
            default_timezone: s.defaultTimezone,
          })
          .where('id', '=', actor.orgId)
          .execute();
        await audit(trx, actor, 'notification_settings.saved', { ...s });
      }),

    /** R-FB-5 dashboard: open applications whose next update is due within `withinMs` or overdue. */
    async updatesDue(orgId: string, now: Date, withinMs: number) {
      const rows = await db
        .selectFrom('applications')
        .innerJoin('candidates', 'candidates.id', 'applications.candidate_id')
        .innerJoin('jobs', 'jobs.id', 'applications.job_id')
        .select([
          'applications.id',
          'applications.status',
          'applications.last_candidate_message_at',
          'applications.next_update_at',
          'candidates.first_name',
          'candidates.last_name',
          'jobs.title',
        ])
        .where('applications.org_id', '=', orgId)
        .where('applications.status', 'in', ['queued', 'active'])
        .where('applications.next_update_at', '<=', new Date(now.getTime() + withinMs))
        .orderBy('applications.next_update_at')
        .limit(500)
        .execute();
      return rows.map((r) => ({
        applicationId: r.id,
        candidateName: `${r.first_name} ${r.last_name}`,
        jobTitle: r.title,
        lastMessageAt: iso(r.last_candidate_message_at),
        nextUpdateAt: iso(r.next_update_at)!,
        overdue: r.next_update_at! <= now,
      }));
    },

    async preferences(orgId: string, candidateId: string) {
      const row = await db
        .selectFrom('candidates')
        .select(['language', 'timezone', 'unsubscribed_at'])
        .where('org_id', '=', orgId)
        .where('id', '=', candidateId)
        .executeTakeFirstOrThrow();
      return { language: row.language, timezone: row.timezone, unsubscribed: row.unsubscribed_at !== null };
    },

    async savePreferences(
      orgId: string,
      candidateId: string,
      p: { language: string | null; timezone: string | null; unsubscribed: boolean },
    ) {
      await db
        .updateTable('candidates')
        .set({
          language: p.language,
          timezone: p.timezone,
          unsubscribed_at: p.unsubscribed ? clock.now() : null,
        })
        .where('org_id', '=', orgId)
        .where('id', '=', candidateId)
        .execute();
    },
  };
}
