import { type Kysely, type Selectable, sql } from 'kysely';
import type { NoteView } from '../../contracts/notes.js';
import type { NoteReads } from '../../core/notes/list-notes.js';
import { editableUntil } from '../../core/notes/notes.rules.js';
import { afterTime, cursorTime, pageOf } from '../pagination.js';
import type { DB } from '../schema.js';

/** Read models for notes: pages of notes with names, and a note's earlier texts. */
export function noteQueries(db: Kysely<DB>): NoteReads<NoteView> & {
  one(orgId: string, id: string): Promise<NoteView | null>;
  mentionable(orgId: string, q: string | undefined): Promise<{ id: string; name: string; email: string }[]>;
  revisions(
    orgId: string,
    noteId: string,
  ): Promise<{ candidateId: string; items: { version: number; body: string; writtenAt: string }[] } | null>;
} {
  type Row = Selectable<DB['notes']> & { author_name: string };
  const present = async (rows: Row[]): Promise<NoteView[]> => {
    const mentioned = [...new Set(rows.flatMap((r) => r.mentions))];
    const names = new Map(
      mentioned.length === 0
        ? []
        : (await db.selectFrom('users').select(['id', 'name']).where('id', 'in', mentioned).execute()).map(
            (u) => [u.id, u.name] as const,
          ),
    );
    return rows.map((r) => ({
      id: r.id,
      candidateId: r.candidate_id,
      applicationId: r.application_id,
      author: { id: r.author_id, name: r.author_name },
      body: r.body,
      mentions: r.mentions.map((id) => ({ id, name: names.get(id) ?? 'someone' })),
      version: r.version,
      createdAt: r.created_at.toISOString(),
      editedAt: r.edited_at?.toISOString() ?? null,
      editableUntil: editableUntil({ createdAt: r.created_at }).toISOString(),
    }));
  };
  return {
    async candidateOf(orgId, target) {
      if (target.applicationId) {
        const row = await db
          .selectFrom('applications')
          .select('candidate_id')
          .where('org_id', '=', orgId)
          .where('id', '=', target.applicationId)
          .executeTakeFirst();
        return row?.candidate_id ?? null;
      }
      const row = await db
        .selectFrom('candidates')
        .select('id')
        .where('org_id', '=', orgId)
        .where('id', '=', target.candidateId ?? '00000000-0000-4000-8000-000000000000')
        .executeTakeFirst();
      return row?.id ?? null;
    },

    async ownFeedbackOnCandidate(orgId, candidateId, userId) {
      const rows = await db
        .selectFrom('scorecards')
        .innerJoin('applications', 'applications.id', 'scorecards.application_id')
        .innerJoin('interviews', 'interviews.id', 'scorecards.interview_id')
        .select('scorecards.status')
        .where('scorecards.org_id', '=', orgId)
        .where('applications.candidate_id', '=', candidateId)
        .where('scorecards.interviewer_id', '=', userId)
        .where('interviews.status', '<>', 'cancelled')
        .execute();
      if (rows.length === 0) return 'none';
      return rows.every((r) => r.status === 'submitted') ? 'submitted' : 'pending';
    },

    async page(orgId, target, page) {
      const after = afterTime(page.cursor);
      let query = db
        .selectFrom('notes')
        .innerJoin('users', 'users.id', 'notes.author_id')
        .selectAll('notes')
        .select(['users.name as author_name', cursorTime('notes.created_at')])
        .where('notes.org_id', '=', orgId)
        .where('notes.candidate_id', '=', target.candidateId);
      if (target.applicationId) {
        const applicationId = target.applicationId;
        query = query.where((eb) =>
          eb.or([eb('notes.application_id', '=', applicationId), eb('notes.application_id', 'is', null)]),
        );
      }
      if (after) {
        query = query.where((eb) =>
          eb(eb.refTuple('notes.created_at', 'notes.id'), '<', eb.tuple(after.time, after.id)),
        );
      }
      const rows = await query
        .orderBy('notes.created_at', 'desc')
        .orderBy('notes.id', 'desc')
        .limit(page.limit + 1)
        .execute();
      const p = pageOf(rows, page.limit, (r) => [r.cursor_time, r.id]);
      return { items: await present(p.items), nextCursor: p.nextCursor };
    },

    async one(orgId: string, id: string) {
      const rows = await db
        .selectFrom('notes')
        .innerJoin('users', 'users.id', 'notes.author_id')
        .selectAll('notes')
        .select('users.name as author_name')
        .where('notes.org_id', '=', orgId)
        .where('notes.id', '=', id)
        .execute();
      return (await present(rows))[0] ?? null;
    },

    async mentionable(orgId, q) {
      let query = db
        .selectFrom('users')
        .select(['id', 'name', 'email'])
        .where('org_id', '=', orgId)
        .where('disabled_at', 'is', null);
      if (q)
        query = query.where(
          sql<boolean>`lower(name || ' ' || email) like ${`%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`,
        );
      return query.orderBy('name').limit(20).execute();
    },

    async revisions(orgId, noteId) {
      const note = await db
        .selectFrom('notes')
        .select(['candidate_id', 'version', 'body', 'created_at', 'edited_at'])
        .where('org_id', '=', orgId)
        .where('id', '=', noteId)
        .executeTakeFirst();
      if (!note) return null;
      const rows = await db
        .selectFrom('note_revisions')
        .select(['version', 'body', 'written_at'])
        .where('org_id', '=', orgId)
        .where('note_id', '=', noteId)
        .orderBy('version')
        .execute();
      return {
        candidateId: note.candidate_id,
        items: [
          ...rows.map((r) => ({ version: r.version, body: r.body, writtenAt: r.written_at.toISOString() })),
          {
            version: note.version,
            body: note.body,
            writtenAt: (note.edited_at ?? note.created_at).toISOString(),
          },
        ],
      };
    },
  };
}
