import type { InboxKind } from '../../contracts/inbox.js';

export interface InboxEntry {
  id: string;
  orgId: string;
  userId: string;
  kind: InboxKind;
  title: string;
  body: string;
  link: string;
  dedupeKey: string;
  createdAt: Date;
}

/** The staff inbox and each person's choice of what also comes by email. */
export interface InboxRepository {
  /** An entry whose person and dedupe key are already there is left alone. */
  insertMany(entries: InboxEntry[]): Promise<void>;
  /** The kinds each person wants by email; people who chose nothing get the defaults. */
  emailKinds(orgId: string, userIds: string[]): Promise<Map<string, InboxKind[]>>;
  saveEmailKinds(orgId: string, userId: string, kinds: InboxKind[], at: Date): Promise<void>;
  /** Marks one entry read or unread; false when it is not this person's. */
  mark(orgId: string, userId: string, id: string, readAt: Date | null): Promise<boolean>;
  markAll(orgId: string, userId: string, at: Date): Promise<number>;
  /** Active staff with a role, on a team when one is given. */
  staffWithRole(orgId: string, role: string, teamId: string | null): Promise<string[]>;
}
