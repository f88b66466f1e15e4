/** A conversation with a candidate about one application. */
export interface Thread {
  id: string;
  orgId: string;
  candidateId: string;
  applicationId: string;
  /** When the team owes the candidate an answer to their latest message; null when nothing is owed. */
  answerDueAt: Date | null;
  /** 0 nothing sent yet, 1 the reminder went, 2 it was escalated. */
  answerStage: number;
}

export interface NewThreadMessage {
  id: string;
  orgId: string;
  threadId: string;
  direction: 'outbound' | 'inbound';
  authorUserId: string | null;
  channel: 'email' | 'portal';
  fromAddress: string | null;
  subject: string;
  body: string;
  quoted: string;
  templateKey: string | null;
  /** Only the hash of the message's reply address token, and when that address stops answering. */
  replyTokenHash: string | null;
  replyExpiresAt: Date | null;
  sendAt: Date;
  createdAt: Date;
}

/** A file that came with a reply, read as résumés are; a refused one is kept without its bytes. */
export interface ReplyAttachment {
  filename: string;
  contentType: string;
  sizeBytes: number;
  data: Uint8Array;
  text: string;
  textUnread: string | null;
  refused: string | null;
}

/** Threads, their messages and the answers owed on them. */
export interface MessagesRepository {
  /** The application's thread, locked; null when nobody has written yet. */
  lockThread(orgId: string, applicationId: string): Promise<Thread | null>;
  insertThread(thread: Thread & { createdAt: Date }): Promise<void>;
  insertMessage(message: NewThreadMessage): Promise<void>;
  insertAttachments(orgId: string, messageId: string, files: ReplyAttachment[], ids: string[]): Promise<void>;
  /**
   * Across organisations (an inbound email names no organisation): the thread a reply address token
   * belongs to, with when the address stops answering and whether the candidate's data was erased.
   */
  byReplyToken(tokenHash: string): Promise<{ thread: Thread; expiresAt: Date; erased: boolean } | null>;
  setAnswerDue(orgId: string, threadId: string, dueAt: Date | null, stage: number): Promise<void>;
  /** Threads whose owed answer is due for a reminder or escalation, locked, skipping locked ones. */
  awaitingAnswer(now: Date, limit: number): Promise<(Thread & { teamId: string })[]>;
  /** The time zone the team keeps its business days in. */
  teamZone(orgId: string, teamId: string): Promise<string>;
}
