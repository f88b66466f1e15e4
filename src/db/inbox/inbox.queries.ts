import type { Kysely } from 'kysely';
import type { InboxKind, InboxPage } from '../../contracts/inbox.js';
import { defaultEmailKinds } from '../../core/inbox/inbox.rules.js';
import { afterTime, cursorTime, pageOf } from '../pagination.js';
import type { DB } from '../schema.js';

/** Read models for the staff inbox: newest first, the unread count, and the person's email choices. */
export function inboxQueries(db: Kysely<DB>) {
  const unread = async (orgId: string, userId: string) => {
    const row = await db
      .selectFrom('staff_notifications')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  };
  return {
    unread,
    async page(
      orgId: string,
      userId: string,
      q: { limit: number; cursor?: string | undefined; unread?: boolean | undefined },
    ): Promise<InboxPage> {
      const after = afterTime(q.cursor);
      let query = db
        .selectFrom('staff_notifications')
        .selectAll()
        .select(cursorTime('created_at'))
        .where('org_id', '=', orgId)
        .where('user_id', '=', userId);
      if (q.unread !== undefined) query = query.where('read_at', q.unread ? 'is' : 'is not', null);
      if (after)
        query = query.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(after.time, after.id)));
      const rows = await query
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(q.limit + 1)
        .execute();
      const p = pageOf(rows, q.limit, (r) => [r.cursor_time, r.id]);
      return {
        items: p.items.map((r) => ({
          id: r.id,
          kind: r.kind as InboxKind,
          title: r.title,
          body: r.body,
          link: r.link,
          createdAt: r.created_at.toISOString(),
          readAt: r.read_at?.toISOString() ?? null,
        })),
        nextCursor: p.nextCursor,
        unread: await unread(orgId, userId),
      };
    },
    async settings(orgId: string, userId: string) {
      const row = await db
        .selectFrom('staff_notification_settings')
        .select('email_kinds')
        .where('org_id', '=', orgId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return { emailKinds: (row?.email_kinds as InboxKind[] | undefined) ?? defaultEmailKinds };
    },
  };
}
