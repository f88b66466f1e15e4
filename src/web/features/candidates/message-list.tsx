import type { ThreadMessage } from '../../types';
import { when } from '../../ui';

const statusWords: Record<ThreadMessage['status'], string> = {
  scheduled: 'scheduled',
  sending: 'being sent',
  sent: 'sent',
  failed: 'could not be sent',
  received: 'received',
};

/** A conversation oldest first: who wrote, when, and the words, as plain text (never HTML). */
export function MessageList({
  messages,
  timeZone,
  candidateName,
  staffFiles = true,
}: {
  messages: Omit<ThreadMessage, 'fromAddress'>[];
  timeZone: string;
  candidateName: string;
  /** Staff may download the files that came with replies; the candidate sees their names. */
  staffFiles?: boolean;
}) {
  if (messages.length === 0) return <p className="empty">No messages yet.</p>;
  return (
    <ol className="messages">
      {messages.map((m) => (
        <li key={m.id} className={m.direction === 'inbound' ? 'message inbound' : 'message outbound'}>
          <p className="meta">
            <strong>{m.direction === 'inbound' ? candidateName : (m.authorName ?? 'The hiring team')}</strong>
            {' · '}
            <time dateTime={m.sendAt}>{when(m.sendAt, timeZone)}</time> ·{' '}
            {/* The candidate's own messages read as sent, from their side. */}
            {!staffFiles && m.direction === 'inbound' ? 'sent' : statusWords[m.status]}
            {m.channel === 'portal' ? ' · in the portal' : ''}
          </p>
          <p className="message-subject">{m.subject}</p>
          <div className="message-body">{m.body}</div>
          {m.quoted && (
            <details>
              <summary>Quoted earlier messages</summary>
              <div className="message-body quoted">{m.quoted}</div>
            </details>
          )}
          {m.attachments.length > 0 && (
            <ul className="plain">
              {m.attachments.map((a) => (
                <li key={a.id}>
                  {a.refused || !staffFiles ? (
                    <span>
                      {a.filename}
                      {a.refused && <span className="meta"> — not kept: {a.refused}</span>}
                    </span>
                  ) : (
                    <a href={`/api/message-attachments/${a.id}`} download={a.filename}>
                      {a.filename}
                    </a>
                  )}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
