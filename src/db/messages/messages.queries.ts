import { type Kysely, sql } from 'kysely';
import type { ThreadMessage } from '../../contracts/messages.js';
import type { DB } from '../schema.js';

const iso = (d: Date) => d.toISOString();

/** Where an outbound message is: waiting for its time, being sent, sent, or given up on. */
function outboundStatus(row: {
  dispatched_at: Date | null;
  delivery_status: string | null;
}): ThreadMessage['status'] {
  if (row.delivery_status === 'delivered') return 'sent';
  if (row.delivery_status === 'failed' || row.delivery_status === 'superseded') return 'failed';
  if (row.delivery_status === 'pending' || row.dispatched_at) return 'sending';
  return 'scheduled';
}

/** Conversations as staff and the candidate read them: plain text only, oldest first. */
export function messageQueries(db: Kysely<DB>) {
  async function messages(
    orgId: string,
    where: { candidateId: string; applicationId?: string },
    now: Date | null,
  ): Promise<ThreadMessage[]> {
    let query = db
      .selectFrom('thread_messages')
      .innerJoin('message_threads', 'message_threads.id', 'thread_messages.thread_id')
      .leftJoin('users', 'users.id', 'thread_messages.author_user_id')
      // The outbox event of an outbound message, and the delivery to the candidate it became.
      .leftJoin('outbox', (join) =>
        join.on('outbox.dedupe_key', '=', sql<string>`'thread.message:' || thread_messages.id::text`),
      )
      .leftJoin('deliveries', (join) =>
        join.onRef('deliveries.event_seq', '=', 'outbox.seq').on('deliveries.candidate_id', 'is not', null),
      )
      .select([
        'thread_messages.id',
        'thread_messages.direction',
        'thread_messages.channel',
        'thread_messages.from_address',
        'thread_messages.subject',
        'thread_messages.body',
        'thread_messages.quoted',
        'thread_messages.send_at',
        'message_threads.application_id',
        'users.name as author_name',
        'outbox.dispatched_at',
        'deliveries.status as delivery_status',
      ])
      .where('thread_messages.org_id', '=', orgId)
      .where('message_threads.candidate_id', '=', where.candidateId);
    if (where.applicationId) query = query.where('message_threads.application_id', '=', where.applicationId);
    // The candidate never sees a message before its time.
    if (now) query = query.where('thread_messages.send_at', '<=', now);
    const rows = await query
      .orderBy('thread_messages.send_at')
      .orderBy('thread_messages.seq')
      .limit(1000)
      .execute();
    const ids = rows.filter((r) => r.direction === 'inbound').map((r) => r.id);
    const files = ids.length
      ? await db
          .selectFrom('message_attachments')
          .select(['id', 'message_id', 'filename', 'size_bytes', 'refused', 'text_unread'])
          .where('org_id', '=', orgId)
          .where('message_id', 'in', ids)
          .execute()
      : [];
    return rows.map((r) => ({
      id: r.id,
      applicationId: r.application_id,
      direction: r.direction,
      channel: r.channel,
      authorName: r.author_name,
      fromAddress: r.from_address,
      subject: r.subject,
      body: r.body,
      quoted: r.quoted,
      status: r.direction === 'inbound' ? 'received' : outboundStatus(r),
      sendAt: iso(r.send_at),
      attachments: files
        .filter((f) => f.message_id === r.id)
        .map((f) => ({
          id: f.id,
          filename: f.filename,
          sizeBytes: f.size_bytes,
          refused: f.refused,
          textUnread: f.text_unread,
        })),
    }));
  }

  return {
    /** Every message with the candidate, on any of their applications, for staff. */
    forStaff: (orgId: string, candidateId: string) => messages(orgId, { candidateId }, null),

    /** The candidate's own threads, one per application that has one, without what is not sent yet. */
    async forCandidate(orgId: string, candidateId: string, now: Date) {
      const [list, jobs] = await Promise.all([
        messages(orgId, { candidateId }, now),
        db
          .selectFrom('message_threads')
          .innerJoin('applications', 'applications.id', 'message_threads.application_id')
          .innerJoin('jobs', 'jobs.id', 'applications.job_id')
          .select(['message_threads.application_id', 'jobs.title'])
          .where('message_threads.org_id', '=', orgId)
          .where('message_threads.candidate_id', '=', candidateId)
          .orderBy('message_threads.created_at')
          .execute(),
      ]);
      return jobs.map((j) => ({
        applicationId: j.application_id,
        jobTitle: j.title,
        messages: list
          .filter((m) => m.applicationId === j.application_id)
          .map(({ fromAddress: _, ...m }) => m),
      }));
    },

    /** A file that came with a reply, for staff to download; refused files have no bytes to give. */
    attachmentFile: (orgId: string, id: string) =>
      db
        .selectFrom('message_attachments')
        .select(['filename', 'content_type', 'data', 'refused'])
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst(),
  };
}
