import type { Kysely } from 'kysely';
import type { PadsRepository } from '../../core/pads/pads.port.js';
import { programJson } from '../columns.js';
import type { DB } from '../schema.js';

/** Live coding pads: the pad, and its edits and runs in order. */
export function padsRepository(trx: Kysely<DB>): PadsRepository {
  return {
    async insert(pad) {
      await trx
        .insertInto('pads')
        .values({
          id: pad.id,
          org_id: pad.orgId,
          application_id: pad.applicationId,
          mock_session_id: pad.mockSessionId ?? null,
          problem_slug: pad.problemSlug,
          language: pad.language,
          token_hash: pad.tokenHash,
          created_by: pad.createdBy,
          created_at: pad.createdAt,
        })
        .execute();
    },
    async get(orgId, id) {
      const row = await trx
        .selectFrom('pads')
        .select(['id', 'org_id', 'application_id', 'problem_slug', 'language', 'created_at'])
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row
        ? {
            id: row.id,
            orgId: row.org_id,
            applicationId: row.application_id,
            problemSlug: row.problem_slug,
            language: row.language,
            createdAt: row.created_at,
          }
        : null;
    },
    async recordEdit(padId, at, author, update) {
      await trx
        .insertInto('pad_events')
        .values({ pad_id: padId, at, author, kind: 'edit', update, detail: '{}' })
        .execute();
    },
    async recordRun(padId, at, author, detail) {
      await trx
        .insertInto('pad_events')
        .values({ pad_id: padId, at, author, kind: 'run', update: null, detail: programJson(detail) })
        .execute();
    },
  };
}
