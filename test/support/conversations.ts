import { receiveEmailReply } from '../../src/core/messages/receive-candidate-reply.js';
import { writeToCandidate } from '../../src/core/messages/write-to-candidate.js';
import { messageRenderer } from '../../src/server/messages.js';
import { ok, type World } from './world.js';

/**
 * The recruiter writes to an application's candidate, who answers by email with a text file: the
 * ids of the thread, both messages and the file.
 */
export async function conversationWithReplyFile(
  world: World,
  application: { id: string; candidateId: string },
) {
  const written = ok(
    await writeToCandidate(
      { ...world.deps, renderer: messageRenderer },
      {
        actor: world.staff.recruiter,
        candidateId: application.candidateId,
        applicationId: application.id,
        subject: 'Hello',
        body: 'When are you free?',
      },
    ),
  );
  const event = await world.db
    .selectFrom('outbox')
    .select('payload')
    .where('dedupe_key', '=', `thread.message:${written.messageId}`)
    .executeTakeFirstOrThrow();
  const data = new TextEncoder().encode('Free on Tuesday');
  const reply = ok(
    await receiveEmailReply(world.deps, {
      tokenHash: world.deps.tokens.hash(String(event.payload.replyToken)),
      fromAddress: 'someone@example.com',
      subject: 'Re: Hello',
      body: 'Tuesday',
      quoted: '',
      attachments: [
        {
          filename: 'free.txt',
          contentType: 'text/plain',
          sizeBytes: data.length,
          data,
          text: 'Free on Tuesday',
          textUnread: null,
          refused: null,
        },
      ],
    }),
  );
  const file = await world.db
    .selectFrom('message_attachments')
    .select('id')
    .where('message_id', '=', reply.messageId)
    .executeTakeFirstOrThrow();
  return {
    threadId: written.threadId,
    writtenId: written.messageId,
    replyId: reply.messageId,
    fileId: file.id,
  };
}
