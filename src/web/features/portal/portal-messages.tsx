import { type FormEvent, useState } from 'react';
import { send, useAction } from '../../client';
import type { PortalThread } from '../../types';
import { ErrorNotice, TextField } from '../../ui';
import { MessageList } from '../candidates/message-list';

/** The conversation about one application, as the candidate reads it, with a box to answer. */
export function PortalConversation({
  thread,
  timeZone,
  onReplied,
}: {
  thread: PortalThread;
  timeZone: string;
  onReplied: () => void;
}) {
  const [body, setBody] = useState('');
  const action = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      await send('POST /api/me/messages', {}, { applicationId: thread.applicationId, body });
      setBody('');
      onReplied();
    });
  };
  return (
    <section aria-labelledby={`thread-${thread.applicationId}`}>
      <h3 id={`thread-${thread.applicationId}`}>Messages</h3>
      <MessageList messages={thread.messages} timeZone={timeZone} candidateName="You" staffFiles={false} />
      <form onSubmit={submit} aria-label={`Answer about ${thread.jobTitle}`}>
        <TextField
          label="Your answer"
          multiline
          value={body}
          onChange={setBody}
          required
          hint="You can also simply reply to our email."
          error={action.error?.about('body')}
        />
        <ErrorNotice error={action.error} />
        <button type="submit" disabled={action.busy || !body.trim()}>
          Send
        </button>
      </form>
    </section>
  );
}
