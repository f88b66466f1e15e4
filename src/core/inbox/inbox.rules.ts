import type { InboxKind } from '../../contracts/inbox.js';

/** What comes by email for someone who never chose: everything but feedback reminders, which email already. */
export const defaultEmailKinds: InboxKind[] = ['mention', 'reply', 'approval'];

/** The people to email among those notified: each one's own choice of kinds. */
export function emailRecipients(userIds: string[], kind: InboxKind, choices: Map<string, InboxKind[]>) {
  return userIds.filter((id) => (choices.get(id) ?? defaultEmailKinds).includes(kind));
}
