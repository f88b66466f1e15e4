import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { MessageTemplateFile } from '../../contracts/messages.js';
import { mockMessageKinds } from '../../core/mock/mock-messages.js';
import { afterTime, cursorTime, pageOf } from '../pagination.js';
import type { DB } from '../schema.js';

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Whether a delivery carries a mock session's email. Those are between the session's two people
 * (ADR 0024): the mailbox keeps them, so an operator sees a failure and can retry, without who,
 * when, the video room or a cancellation's reason.
 */
const aboutMock = (eb: ExpressionBuilder<DB, 'deliveries'>) =>
  eb
    .exists(
      eb
        .selectFrom('outbox')
        .select('outbox.seq')
        .whereRef('outbox.seq', '=', 'deliveries.event_seq')
        .where('outbox.kind', 'in', mockMessageKinds),
    )
    .$castTo<boolean>()
    .as('about_mock');

const MOCK_EMAIL = 'Mock interview email';

function presentDelivery(r: Selectable<DB['deliveries']> & { about_mock: boolean }) {
  if (r.about_mock)
    return {
      ...presentVisible(r),
      recipient: MOCK_EMAIL,
      subject: MOCK_EMAIL,
      body: '',
      hasCalendar: false,
    };
  return presentVisible(r);
}

function presentVisible(r: Selectable<DB['deliveries']>) {
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
    nextAttemptAt: isoOrNull(r.next_attempt_at),
    createdAt: iso(r.created_at),
    deliveredAt: isoOrNull(r.delivered_at),
    applicationId: r.application_id,
  };
}

const presentWebhook = (r: Selectable<DB['webhook_endpoints']>) => ({
  id: r.id,
  url: r.url,
  eventTypes: r.event_types,
  active: r.active,
  createdAt: iso(r.created_at),
});

/** What admins see of notifications: deliveries (the mailbox), failed events, templates, webhooks, settings. */
export function notificationQueries(db: Kysely<DB>, shipped: Map<string, MessageTemplateFile>) {
  return {
    async listDeliveries(
      orgId: string,
      q: { status?: string; channel?: string; candidateId?: string; limit: number; cursor?: string },
    ) {
      const after = afterTime(q.cursor);
      let query = db
        .selectFrom('deliveries')
        .selectAll()
        .select(aboutMock)
        .select(cursorTime('created_at'))
        .where('org_id', '=', orgId);
      if (q.status) query = query.where('status', '=', q.status);
      if (q.channel) query = query.where('channel', '=', q.channel);
      if (q.candidateId) query = query.where('candidate_id', '=', q.candidateId);
      // Newest first: the mailbox reads like an inbox.
      if (after)
        query = query.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(after.time, after.id)));
      const rows = await query
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(q.limit + 1)
        .execute();
      const page = pageOf(rows, q.limit, (r) => [r.cursor_time, r.id]);
      return { items: page.items.map(presentDelivery), nextCursor: page.nextCursor };
    },

    async delivery(orgId: string, id: string) {
      const row = await db
        .selectFrom('deliveries')
        .selectAll()
        .select(aboutMock)
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
        calendar: row.about_mock ? null : row.calendar,
        attemptCount: row.attempts,
        attempts: attempts.map((a) => ({
          attempt: a.attempt,
          at: iso(a.at),
          ok: a.ok,
          response: a.response,
        })),
      };
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
        createdAt: iso(r.created_at),
        failedAt: iso(r.dispatched_at!),
      }));
    },

    /** Every shipped template in every language, with the organisation's edits, then its own extra ones. */
    async templates(orgId: string) {
      const own = await db.selectFrom('message_templates').selectAll().where('org_id', '=', orgId).execute();
      const items = [...shipped.values()].flatMap((t) =>
        Object.entries(t.languages).map(([language, text]) => {
          const edited = own.find((o) => o.key === t.key && o.language === language);
          return {
            key: t.key,
            language,
            subject: edited?.subject ?? text.subject,
            body: edited?.body ?? text.body,
            customised: Boolean(edited),
          };
        }),
      );
      const extra = own
        .filter((o) => !items.some((i) => i.key === o.key && i.language === o.language))
        .map((o) => ({
          key: o.key,
          language: o.language,
          subject: o.subject,
          body: o.body,
          customised: true,
        }));
      return [...items, ...extra];
    },

    async listWebhooks(orgId: string) {
      const rows = await db
        .selectFrom('webhook_endpoints')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('created_at')
        .execute();
      return rows.map(presentWebhook);
    },

    async settings(orgId: string) {
      const row = await db
        .selectFrom('orgs')
        .select([
          'update_every_business_days',
          'share_rejection_feedback',
          'default_language',
          'default_timezone',
          'decision_undo_minutes',
        ])
        .where('id', '=', orgId)
        .executeTakeFirstOrThrow();
      return {
        updateEveryBusinessDays: row.update_every_business_days,
        shareRejectionFeedback: row.share_rejection_feedback,
        defaultLanguage: row.default_language,
        defaultTimezone: row.default_timezone,
        decisionUndoMinutes: row.decision_undo_minutes,
      };
    },

    /** The update guarantee's dashboard: open applications whose next update is due within `withinMs`, or overdue. */
    async updatesDue(orgId: string, now: Date, withinMs: number) {
      const rows = await db
        .selectFrom('applications')
        .innerJoin('candidates', 'candidates.id', 'applications.candidate_id')
        .innerJoin('jobs', 'jobs.id', 'applications.job_id')
        .select([
          'applications.id',
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
        lastMessageAt: isoOrNull(r.last_candidate_message_at),
        nextUpdateAt: iso(r.next_update_at!),
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
  };
}
