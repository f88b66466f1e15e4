import type { Kysely, Selectable } from 'kysely';
import type { MessagesRepository, Thread } from '../../core/messages/messages.port.js';
import type { DB } from '../schema.js';

const thread = (row: Selectable<DB['message_threads']>): Thread => ({
  id: row.id,
  orgId: row.org_id,
  candidateId: row.candidate_id,
  applicationId: row.application_id,
  answerDueAt: row.answer_due_at,
  answerStage: row.answer_stage,
});

export function messagesRepository(trx: Kysely<DB>): MessagesRepository {
  return {
    async lockThread(orgId, applicationId) {
      const row = await trx
        .selectFrom('message_threads')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('application_id', '=', applicationId)
        .forUpdate()
        .executeTakeFirst();
      return row ? thread(row) : null;
    },
    async insertThread(t) {
      await trx
        .insertInto('message_threads')
        .values({
          id: t.id,
          org_id: t.orgId,
          candidate_id: t.candidateId,
          application_id: t.applicationId,
          answer_due_at: t.answerDueAt,
          answer_stage: t.answerStage,
          created_at: t.createdAt,
        })
        .execute();
    },
    async insertMessage(m) {
      await trx
        .insertInto('thread_messages')
        .values({
          id: m.id,
          org_id: m.orgId,
          thread_id: m.threadId,
          direction: m.direction,
          author_user_id: m.authorUserId,
          channel: m.channel,
          from_address: m.fromAddress,
          subject: m.subject,
          body: m.body,
          quoted: m.quoted,
          template_key: m.templateKey,
          reply_token_hash: m.replyTokenHash,
          reply_expires_at: m.replyExpiresAt,
          send_at: m.sendAt,
          created_at: m.createdAt,
        })
        .execute();
    },
    async insertAttachments(orgId, messageId, files, ids) {
      if (files.length === 0) return;
      await trx
        .insertInto('message_attachments')
        .values(
          files.map((f, i) => ({
            id: ids[i]!,
            org_id: orgId,
            message_id: messageId,
            filename: f.filename,
            content_type: f.contentType,
            size_bytes: f.sizeBytes,
            data: Buffer.from(f.data),
            text: f.text,
            text_unread: f.textUnread,
            refused: f.refused,
          })),
        )
        .execute();
    },
    async byReplyToken(tokenHash) {
      const row = await trx
        .selectFrom('thread_messages')
        .innerJoin('message_threads', 'message_threads.id', 'thread_messages.thread_id')
        .innerJoin('candidates', 'candidates.id', 'message_threads.candidate_id')
        .selectAll('message_threads')
        .select(['thread_messages.reply_expires_at', 'candidates.erased_at'])
        .where('thread_messages.reply_token_hash', '=', tokenHash)
        .where('thread_messages.direction', '=', 'outbound')
        .executeTakeFirst();
      if (!row?.reply_expires_at) return null;
      return { thread: thread(row), expiresAt: row.reply_expires_at, erased: row.erased_at !== null };
    },
    async setAnswerDue(orgId, threadId, dueAt, stage) {
      await trx
        .updateTable('message_threads')
        .set({ answer_due_at: dueAt, answer_stage: stage })
        .where('org_id', '=', orgId)
        .where('id', '=', threadId)
        .execute();
    },
    async awaitingAnswer(now, limit) {
      // The first reminder is due at the deadline itself; nothing earlier is ever chased.
      const rows = await trx
        .selectFrom('message_threads')
        .innerJoin('applications', 'applications.id', 'message_threads.application_id')
        .selectAll('message_threads')
        .select('applications.team_id')
        .where('message_threads.answer_due_at', '<=', now)
        .where('message_threads.answer_stage', '<', 2)
        .orderBy('message_threads.answer_due_at')
        .limit(limit)
        .forUpdate('message_threads')
        .skipLocked()
        .execute();
      return rows.map((r) => ({ ...thread(r), teamId: r.team_id }));
    },
    async teamZone(orgId, teamId) {
      const row = await trx
        .selectFrom('teams')
        .select('timezone')
        .where('org_id', '=', orgId)
        .where('id', '=', teamId)
        .executeTakeFirst();
      return row?.timezone ?? 'UTC';
    },
  };
}
