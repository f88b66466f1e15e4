import type { Kysely, Selectable } from 'kysely';
import type {
  NotificationsAdminRepository,
  Webhook,
} from '../../core/notifications/notifications-admin.port.js';
import { given } from '../columns.js';
import type { DB } from '../schema.js';

const toWebhook = (r: Selectable<DB['webhook_endpoints']>): Webhook => ({
  id: r.id,
  orgId: r.org_id,
  url: r.url,
  eventTypes: r.event_types,
  active: r.active,
  createdAt: r.created_at,
});

export function notificationsAdminRepository(trx: Kysely<DB>): NotificationsAdminRepository {
  return {
    async lockDelivery(orgId, id) {
      const row = await trx
        .selectFrom('deliveries')
        .select(['id', 'status'])
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      return row ?? null;
    },
    async requeueDelivery(id, at) {
      await trx
        .updateTable('deliveries')
        .set({ status: 'pending', next_attempt_at: at, locked_until: null })
        .where('id', '=', id)
        .execute();
    },
    async requeueFailedEvent(orgId, seq) {
      const row = await trx
        .updateTable('outbox')
        .set({ status: 'pending', dispatched_at: null, error: null })
        .where('org_id', '=', orgId)
        .where('seq', '=', String(seq))
        .where('status', '=', 'failed')
        .returning('seq')
        .executeTakeFirst();
      return row !== undefined;
    },
    async saveTemplate(orgId, key, language, text, at) {
      const values = { subject: text.subject, body: text.body, updated_at: at };
      await trx
        .insertInto('message_templates')
        .values({ org_id: orgId, key, language, ...values })
        .onConflict((oc) => oc.columns(['org_id', 'key', 'language']).doUpdateSet(values))
        .execute();
    },
    async insertWebhook(w) {
      const row = await trx
        .insertInto('webhook_endpoints')
        .values({
          id: w.id,
          org_id: w.orgId,
          url: w.url,
          secret: w.secret,
          event_types: w.eventTypes,
          active: w.active,
          created_at: w.createdAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toWebhook(row);
    },
    async updateWebhook(orgId, id, change) {
      const row = await trx
        .updateTable('webhook_endpoints')
        .set(given({ active: change.active, event_types: change.eventTypes, secret: change.secret }))
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row ? toWebhook(row) : null;
    },
    async saveSettings(orgId, s) {
      await trx
        .updateTable('orgs')
        .set({
          update_every_business_days: s.updateEveryBusinessDays,
          share_rejection_feedback: s.shareRejectionFeedback,
          default_language: s.defaultLanguage,
          default_timezone: s.defaultTimezone,
          ...(s.decisionUndoMinutes === undefined ? {} : { decision_undo_minutes: s.decisionUndoMinutes }),
        })
        .where('id', '=', orgId)
        .execute();
    },
    async savePreferences(orgId, candidateId, p, at) {
      await trx
        .updateTable('candidates')
        .set({ language: p.language, timezone: p.timezone, unsubscribed_at: p.unsubscribed ? at : null })
        .where('org_id', '=', orgId)
        .where('id', '=', candidateId)
        .execute();
    },
  };
}
