import { useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import type { InboxItem } from '../../../contracts/inbox';
import { type InboxKind, inboxKinds } from '../../../contracts/vocabulary';
import { send, useAction, useApi, useCursorList } from '../../client';
import { useStaff } from '../../session';
import { Checkboxes, ErrorNotice, Loading, MoreButton, Page, when } from '../../ui';

export const inboxKindLabels: Record<InboxKind, string> = {
  mention: 'Mentions in notes',
  reply: 'Replies from candidates',
  feedback_due: 'Feedback due',
  approval: 'Approvals waiting for me',
};
const changed = () => window.dispatchEvent(new Event('inbox-changed'));

/** My notifications, newest first: open one (it is marked read), mark read or unread, mark all read. */
export function InboxPage() {
  const me = useStaff();
  const [, navigate] = useLocation();
  const [onlyUnread, setOnlyUnread] = useState(false);
  const list = useCursorList('GET /api/inbox', {
    limit: 30,
    ...(onlyUnread ? { unread: 'true' as const } : {}),
  });
  const action = useAction();
  const mark = async (item: InboxItem, read: boolean) => {
    await action.run(() => send('PUT /api/inbox/{id}/read', { id: item.id }, { read }));
    changed();
    list.reload();
  };
  const open = async (item: InboxItem) => {
    if (!item.readAt)
      await action.run(() => send('PUT /api/inbox/{id}/read', { id: item.id }, { read: true }));
    changed();
    navigate(item.link.split('#')[0]!);
  };
  const all = async () => {
    await action.run(() => send('POST /api/inbox/read-all', {}));
    changed();
    list.reload();
  };
  return (
    <Page
      title="Notifications"
      actions={
        <button type="button" onClick={all} disabled={action.busy}>
          Mark all read
        </button>
      }
    >
      <label className="inline">
        <input type="checkbox" checked={onlyUnread} onChange={(e) => setOnlyUnread(e.target.checked)} />{' '}
        Unread only
      </label>
      <ErrorNotice error={action.error ?? list.error} />
      {list.items === undefined ? (
        <Loading what="Loading notifications" />
      ) : list.items.length === 0 ? (
        <p className="empty">{onlyUnread ? 'Nothing unread.' : 'No notifications yet.'}</p>
      ) : (
        <ul className="plain inbox">
          {list.items.map((item) => (
            <li key={item.id} className={item.readAt ? 'read' : 'unread'}>
              <p>
                {!item.readAt && <span className="badge">New</span>}{' '}
                <a
                  href={item.link}
                  onClick={(e) => {
                    e.preventDefault();
                    void open(item);
                  }}
                >
                  {item.title}
                </a>{' '}
                <span className="meta">
                  {inboxKindLabels[item.kind]} · {when(item.createdAt, me.timezone)}
                </span>
              </p>
              <p className="excerpt">{item.body}</p>
              <button type="button" className="link" onClick={() => mark(item, !item.readAt)}>
                {item.readAt ? 'Mark unread' : 'Mark read'}
                <span className="visually-hidden">: {item.title}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <MoreButton more={list.more} loading={list.loading} />
      <EmailSettings />
    </Page>
  );
}

function EmailSettings() {
  const settings = useApi('GET /api/inbox/settings', {});
  const [chosen, setChosen] = useState<InboxKind[]>();
  const action = useAction();
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (settings.data) setChosen(settings.data.emailKinds);
  }, [settings.data]);
  if (!chosen) return <Loading what="Loading settings" />;
  const save = async () => {
    setSaved(false);
    if (await action.run(() => send('PUT /api/inbox/settings', {}, { emailKinds: chosen }))) setSaved(true);
  };
  return (
    <section aria-labelledby="email-kinds">
      <h2 id="email-kinds">Also by email</h2>
      <Checkboxes
        legend="Send me an email for"
        values={inboxKinds}
        chosen={chosen}
        onChange={setChosen}
        labels={inboxKindLabels}
      />
      <ErrorNotice error={action.error} />
      <button type="button" onClick={save} disabled={action.busy}>
        Save email choices
      </button>
      {saved && (
        <span role="status" className="meta">
          {' '}
          Saved.
        </span>
      )}
    </section>
  );
}
