import type { Generated } from 'kysely';

/** Conversations with candidates (migration 0023_candidate_mail), apart so schema.ts stays readable. */
export interface ConversationTables {
  message_threads: {
    id: string;
    org_id: string;
    candidate_id: string;
    application_id: string;
    answer_due_at: Date | null;
    answer_stage: Generated<number>;
    created_at: Date;
  };
  thread_messages: {
    id: string;
    org_id: string;
    thread_id: string;
    direction: 'outbound' | 'inbound';
    author_user_id: string | null;
    channel: 'email' | 'portal';
    from_address: string | null;
    subject: string;
    body: string;
    quoted: Generated<string>;
    template_key: string | null;
    reply_token_hash: string | null;
    reply_expires_at: Date | null;
    send_at: Date;
    created_at: Date;
    seq: Generated<number>;
  };
  message_attachments: {
    id: string;
    org_id: string;
    message_id: string;
    filename: string;
    content_type: string;
    size_bytes: number;
    data: Buffer;
    text: string;
    text_unread: string | null;
    /** Why the file is kept but not offered for download (not a PDF, DOCX or text file). */
    refused: string | null;
  };
}
