import { type FormEvent, useState } from 'react';
import { send, useAction, useApi } from '../../client';
import type { Answer } from '../../endpoints';
import { label } from '../../labels';
import type { MessageTemplate } from '../../types';
import { ErrorNotice, Show, TextField } from '../../ui';

export function MessagesAdmin() {
  const templates = useApi('GET /api/message-templates', {});
  const [chosen, setChosen] = useState<MessageTemplate>();
  return (
    <div className="two-columns">
      <Show loaded={templates}>
        {(t) => (
          <ul className="plain">
            {t.items.map((m) => (
              <li key={`${m.key}-${m.language}`}>
                <button
                  type="button"
                  className="link"
                  aria-pressed={chosen?.key === m.key && chosen.language === m.language}
                  onClick={() => setChosen(m)}
                >
                  {label(m.key)} ({m.language})
                </button>
                {m.customised && <span className="meta"> edited</span>}
              </li>
            ))}
          </ul>
        )}
      </Show>
      {chosen && (
        <MessageEditor
          key={`${chosen.key}-${chosen.language}`}
          template={chosen}
          onSaved={templates.reload}
        />
      )}
    </div>
  );
}

function MessageEditor({ template, onSaved }: { template: MessageTemplate; onSaved: () => void }) {
  const [subject, setSubject] = useState(template.subject);
  const [body, setBody] = useState(template.body);
  const [preview, setPreview] = useState<Answer<'POST /api/message-templates/{key}/{language}/preview'>>();
  const action = useAction();
  const params = { key: template.key, language: template.language };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (
      await action.run(() => send('PUT /api/message-templates/{key}/{language}', params, { subject, body }))
    )
      onSaved();
  };
  const showPreview = async () =>
    setPreview(
      await action.run(() =>
        send('POST /api/message-templates/{key}/{language}/preview', params, { subject, body }),
      ),
    );
  return (
    <form onSubmit={submit} noValidate aria-label={`Edit ${template.key}`}>
      <h2>
        {label(template.key)} ({template.language})
      </h2>
      <ErrorNotice error={action.error} />
      <TextField
        label="Subject"
        value={subject}
        onChange={setSubject}
        error={action.error?.about('subject')}
      />
      <TextField
        label="Body"
        hint="Mustache: {{candidateName}} and the event's fields"
        multiline
        rows={12}
        value={body}
        onChange={setBody}
        error={action.error?.about('body')}
      />
      <div className="actions">
        <button type="button" className="secondary" onClick={showPreview}>
          Preview
        </button>
        <button type="submit" disabled={action.busy}>
          Save
        </button>
      </div>
      {preview && (
        <section aria-label="Preview" className="card">
          <h3>{preview.subject}</h3>
          <pre className="resume">{preview.body}</pre>
        </section>
      )}
    </form>
  );
}
