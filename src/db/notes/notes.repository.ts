import type { Kysely, Selectable } from 'kysely';
import type { Note, NotesRepository } from '../../core/notes/notes.port.js';
import type { DB } from '../schema.js';

export function toNote(row: Selectable<DB['notes']>): Note {
  return {
    id: row.id,
    orgId: row.org_id,
    candidateId: row.candidate_id,
    applicationId: row.application_id,
    authorId: row.author_id,
    body: row.body,
    mentions: row.mentions,
    version: row.version,
    createdAt: row.created_at,
    editedAt: row.edited_at,
  };
}

export function notesRepository(trx: Kysely<DB>): NotesRepository {
  return {
    async insert(n) {
      await trx
        .insertInto('notes')
        .values({
          id: n.id,
          org_id: n.orgId,
          candidate_id: n.candidateId,
          application_id: n.applicationId,
          author_id: n.authorId,
          body: n.body,
          mentions: n.mentions,
          version: n.version,
          created_at: n.createdAt,
          edited_at: n.editedAt,
        })
        .execute();
    },
    async lock(orgId, id) {
      const row = await trx
        .selectFrom('notes')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      return row ? toNote(row) : null;
    },
    async revise(note, next) {
      await trx
        .insertInto('note_revisions')
        .values({
          note_id: note.id,
          org_id: note.orgId,
          version: note.version,
          body: note.body,
          written_at: note.editedAt ?? note.createdAt,
        })
        .execute();
      const row = await trx
        .updateTable('notes')
        .set({ body: next.body, mentions: next.mentions, version: note.version + 1, edited_at: next.at })
        .where('org_id', '=', note.orgId)
        .where('id', '=', note.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toNote(row);
    },
    async applicationCandidate(orgId, applicationId) {
      const row = await trx
        .selectFrom('applications')
        .select('candidate_id')
        .where('org_id', '=', orgId)
        .where('id', '=', applicationId)
        .executeTakeFirst();
      return row?.candidate_id ?? null;
    },
    async candidateExists(orgId, candidateId) {
      const row = await trx
        .selectFrom('candidates')
        .select('id')
        .where('org_id', '=', orgId)
        .where('id', '=', candidateId)
        .where('merged_into', 'is', null)
        .executeTakeFirst();
      return Boolean(row);
    },
    async staff(orgId, userIds) {
      if (userIds.length === 0) return [];
      return trx
        .selectFrom('users')
        .select(['id', 'name'])
        .where('org_id', '=', orgId)
        .where('id', 'in', userIds)
        .where('disabled_at', 'is', null)
        .execute();
    },
  };
}
