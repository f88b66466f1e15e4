import { type Kysely, type Selectable, sql } from 'kysely';
import type { Board, BoardsRepository } from '../../core/boards/boards.port.js';
import { given } from '../columns.js';
import type { DB } from '../schema.js';

export const toBoard = (b: Selectable<DB['boards']>): Board => ({
  id: b.id,
  orgId: b.org_id,
  token: b.token,
  name: b.name,
  intro: b.intro,
  employmentTypes: b.employment_types,
  teamIds: b.team_ids,
  gdprRetentionDays: b.gdpr_retention_days,
  createdAt: b.created_at,
});

/**
 * Gives open jobs a post on every board whose filter they match (employment type, and teams when
 * the board names any). Post ids are stable integers: a client that stored one keeps working.
 */
async function publishOnBoards(
  trx: Kysely<DB>,
  orgId: string,
  at: Date,
  only: { jobId: string } | { boardId: string },
) {
  await sql`
    INSERT INTO job_posts (board_id, job_id, first_published_at)
    SELECT b.id, j.id, ${at}
    FROM boards b
    JOIN jobs j ON j.org_id = b.org_id
    WHERE b.org_id = ${orgId}
      AND j.status = 'open'
      AND j.employment_type = ANY (b.employment_types)
      AND (cardinality(b.team_ids) = 0 OR j.team_id = ANY (b.team_ids))
      ${'jobId' in only ? sql`AND j.id = ${only.jobId}` : sql`AND b.id = ${only.boardId}`}
    ON CONFLICT (board_id, job_id) DO NOTHING
  `.execute(trx);
}

export function boardsRepository(trx: Kysely<DB>): BoardsRepository {
  const byId = (orgId: string, id: string) =>
    trx.selectFrom('boards').selectAll().where('org_id', '=', orgId).where('id', '=', id);
  return {
    publish: (orgId, jobId, at) => publishOnBoards(trx, orgId, at, { jobId }),
    publishOpenJobs: (orgId, boardId, at) => publishOnBoards(trx, orgId, at, { boardId }),
    async tokenTaken(token) {
      const row = await trx.selectFrom('boards').select('id').where('token', '=', token).executeTakeFirst();
      return row !== undefined;
    },
    async insert(board) {
      const row = await trx
        .insertInto('boards')
        .values({
          id: board.id,
          org_id: board.orgId,
          token: board.token,
          name: board.name,
          intro: board.intro,
          api_key_hash: board.apiKeyHash,
          employment_types: board.employmentTypes,
          team_ids: board.teamIds,
          gdpr_retention_days: board.gdprRetentionDays,
          created_at: board.createdAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toBoard(row);
    },
    async lock(orgId, id) {
      const row = await byId(orgId, id).forUpdate().executeTakeFirst();
      return row ? toBoard(row) : null;
    },
    async update(orgId, id, change) {
      // A null retention period is a value: no period, so no consent is asked.
      const set = given({
        name: change.name,
        intro: change.intro,
        employment_types: change.employmentTypes,
        team_ids: change.teamIds,
        gdpr_retention_days: change.gdprRetentionDays,
      });
      if (Object.keys(set).length === 0) return toBoard(await byId(orgId, id).executeTakeFirstOrThrow());
      const row = await trx
        .updateTable('boards')
        .set(set)
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toBoard(row);
    },
    async setKeyHash(orgId, id, apiKeyHash) {
      await trx
        .updateTable('boards')
        .set({ api_key_hash: apiKeyHash })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .execute();
    },
  };
}
