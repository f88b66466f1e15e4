import type { InboxKind } from '../../contracts/inbox.js';
import type { Ids, Store } from '../shared/ports.js';
import { emailRecipients } from './inbox.rules.js';

export interface StaffNotice {
  orgId: string;
  userIds: string[];
  kind: InboxKind;
  title: string;
  body: string;
  /** Where the thing is in the web app, e.g. `/app/applications/<id>`. */
  link: string;
  /** One notice per person and key: a replayed change notifies once. */
  dedupeKey: string;
  at: Date;
}

/**
 * Puts a notice in each person's inbox and, for those who want this kind by email, queues one
 * email through the outbox — inside the caller's transaction, so both happen with the change or
 * not at all. Any module that has something for staff to look at calls this (mentions, replies to
 * candidates' email, feedback due, approvals waiting).
 */
export async function notifyStaff(store: Pick<Store, 'inbox' | 'outbox'>, ids: Ids, notice: StaffNotice) {
  const userIds = [...new Set(notice.userIds)];
  if (userIds.length === 0) return;
  await store.inbox.insertMany(
    userIds.map((userId) => ({
      id: ids.next(),
      orgId: notice.orgId,
      userId,
      kind: notice.kind,
      title: notice.title,
      body: notice.body,
      link: notice.link,
      dedupeKey: notice.dedupeKey,
      createdAt: notice.at,
    })),
  );
  const emailed = emailRecipients(userIds, notice.kind, await store.inbox.emailKinds(notice.orgId, userIds));
  if (emailed.length === 0) return;
  await store.outbox.enqueue({
    orgId: notice.orgId,
    kind: 'staff.notified',
    dedupeKey: `staff.notified:${notice.dedupeKey}`,
    payload: {
      userIds: emailed,
      title: notice.title,
      body: notice.body,
      link: notice.link,
      kind: notice.kind,
    },
  });
}
