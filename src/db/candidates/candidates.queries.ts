import type { Kysely, Selectable } from 'kysely';
import { type TextUnread, textUnreadReasons } from '../../contracts/vocabulary.js';
import { afterTime, cursorTime, pageOf } from '../pagination.js';
import type { DB } from '../schema.js';
import { textHolds } from '../search/candidate-text.js';

const iso = (d: Date) => d.toISOString();

/** Why a kept file's text could not be read, as a code and in words; null when it was read. */
export function unread(reason: string | null) {
  return reason ? { reason: reason as TextUnread, message: textUnreadReasons[reason as TextUnread] } : null;
}

/** Why the candidate's newest resume has no text, when it has none because reading it hit a limit. */
export async function resumeUnread(db: Kysely<DB>, candidate: { id: string; resume_text: string | null }) {
  if (candidate.resume_text !== null) return null;
  const newest = await db
    .selectFrom('attachments')
    .select('text_unread')
    .where('candidate_id', '=', candidate.id)
    .where('kind', '=', 'resume')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return unread(newest?.text_unread ?? null);
}

export function presentCandidate(row: Selectable<DB['candidates']>) {
  return {
    id: row.id,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    phone: row.phone,
    timezone: row.timezone,
    createdAt: iso(row.created_at),
  };
}

/** Read models for candidates: search, one candidate, their files and the emails sent to them. */
export function candidateQueries(db: Kysely<DB>) {
  return {
    async list(orgId: string, q: { q?: string; limit: number; cursor?: string }) {
      const after = afterTime(q.cursor);
      let query = db
        .selectFrom('candidates')
        .selectAll()
        .select(cursorTime('created_at'))
        .where('org_id', '=', orgId);
      // Name, email or resume text, found through the trigram or the Han index.
      const text = q.q;
      if (text) query = query.where((eb) => textHolds(eb, text));
      if (after) {
        query = query.where((eb) => eb(eb.refTuple('created_at', 'id'), '>', eb.tuple(after.time, after.id)));
      }
      const rows = await query
        .orderBy('created_at')
        .orderBy('id')
        .limit(q.limit + 1)
        .execute();
      const p = pageOf(rows, q.limit, (r) => [r.cursor_time, r.id]);
      return { items: p.items.map(presentCandidate), nextCursor: p.nextCursor };
    },

    async get(orgId: string, id: string) {
      const row = await db
        .selectFrom('candidates')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? presentCandidate(row) : null;
    },

    async attachments(orgId: string, candidateId: string) {
      const rows = await db
        .selectFrom('attachments')
        .select([
          'id',
          'application_id',
          'kind',
          'filename',
          'content_type',
          'size_bytes',
          'text_unread',
          'created_at',
        ])
        .where('org_id', '=', orgId)
        .where('candidate_id', '=', candidateId)
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        applicationId: r.application_id,
        kind: r.kind as 'resume' | 'cover_letter',
        filename: r.filename,
        contentType: r.content_type,
        sizeBytes: r.size_bytes,
        textUnread: unread(r.text_unread),
        createdAt: iso(r.created_at),
      }));
    },

    attachmentFile: (orgId: string, id: string) =>
      db
        .selectFrom('attachments')
        .select(['filename', 'content_type', 'data', 'candidate_id'])
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst(),

    /** The emails sent to a candidate, for their data export. */
    messages: (orgId: string, candidateId: string) =>
      db
        .selectFrom('deliveries')
        .select(['subject', 'body', 'status', 'created_at', 'delivered_at'])
        .where('org_id', '=', orgId)
        .where('candidate_id', '=', candidateId)
        .where('channel', '=', 'email')
        .orderBy('created_at')
        .execute()
        .then((rows) =>
          rows.map((r) => ({
            subject: r.subject,
            body: r.body,
            status: r.status,
            createdAt: iso(r.created_at),
            deliveredAt: r.delivered_at ? iso(r.delivered_at) : null,
          })),
        ),
  };
}
