import { type FormEvent, useState } from 'react';
import { type WebhookEventType, webhookEventTypes } from '../../../contracts/vocabulary';
import { send, useAction, useApi } from '../../client';
import { label } from '../../labels';
import type { Webhook } from '../../types';
import { Checkboxes, ErrorNotice, Show, TextField } from '../../ui';

export function WebhooksAdmin() {
  const hooks = useApi('GET /api/webhooks', {});
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>(['application.created']);
  const [secret, setSecret] = useState<string>();
  const action = useAction();
  const create = async (event: FormEvent) => {
    event.preventDefault();
    const hook = await action.run(() => send('POST /api/webhooks', {}, { url, eventTypes: events }));
    if (hook) {
      setSecret(hook.secret);
      setUrl('');
      hooks.reload();
    }
  };
  const toggle = async (hook: Webhook) => {
    if (await action.run(() => send('PATCH /api/webhooks/{id}', { id: hook.id }, { active: !hook.active })))
      hooks.reload();
  };
  return (
    <>
      {secret && (
        <p className="notice" role="status">
          Signing secret: <code>{secret}</code> — copy it now; it is not shown again.
        </p>
      )}
      <ErrorNotice error={action.error} fields={{ url: 'URL', eventTypes: 'Events' }} />
      <Show loaded={hooks} isEmpty={(h) => h.items.length === 0} empty="No webhooks.">
        {(h) => (
          <table>
            <thead>
              <tr>
                <th>URL</th>
                <th>Events</th>
                <th>State</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {h.items.map((hook) => (
                <tr key={hook.id}>
                  <td>{hook.url}</td>
                  <td>{hook.eventTypes.map(label).join(', ')}</td>
                  <td>{hook.active ? 'Active' : 'Paused'}</td>
                  <td>
                    <button type="button" className="secondary" onClick={() => toggle(hook)}>
                      {hook.active ? 'Pause' : 'Resume'}
                      <span className="visually-hidden"> {hook.url}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Show>
      <form onSubmit={create} noValidate aria-label="New webhook">
        <h2>New webhook</h2>
        <TextField label="URL" type="url" value={url} onChange={setUrl} error={action.error?.about('url')} />
        <Checkboxes
          legend="Events"
          values={webhookEventTypes}
          chosen={events}
          onChange={setEvents}
          labels={Object.fromEntries(webhookEventTypes.map((e) => [e, label(e)]))}
        />
        <button type="submit" disabled={action.busy}>
          Add webhook
        </button>
      </form>
    </>
  );
}
