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

/**
 * The board a submission names, with its post when that post is live (its job open), in one read:
 * the board's key is checked before the post's absence is told.
 */
export async function boardAndPost(db: Kysely<DB>, token: string, postId: number) {
  const row = await db
    .selectFrom('boards')
    .innerJoin('orgs', 'orgs.id', 'boards.org_id')
    .leftJoin('job_posts', (join) =>
      join.onRef('job_posts.board_id', '=', 'boards.id').on('job_posts.id', '=', postId),
    )
    .leftJoin('jobs', (join) => join.onRef('jobs.id', '=', 'job_posts.job_id').on('jobs.status', '=', 'open'))
    .leftJoin('teams', 'teams.id', 'jobs.team_id')
    .selectAll('boards')
    .select(['orgs.name as org_name', 'orgs.slug as org_slug', 'orgs.default_timezone as org_timezone'])
    .select([
      'job_posts.id as p_post_id',
      'job_posts.first_published_at as p_first_published_at',
      'jobs.id as p_job_id',
      'jobs.public_id as p_job_public_id',
      'jobs.title as p_title',
      'jobs.updated_at as p_updated_at',
      'jobs.locations as p_locations',
      'jobs.office_ids as p_office_ids',
      'jobs.posting as p_posting',
      'jobs.employment_type as p_employment_type',
      'jobs.level as p_level',
      'jobs.compensation_band as p_compensation_band',
      'jobs.team_id as p_team_id',
      'teams.public_id as p_team_public_id',
      'teams.name as p_team_name',
    ])
    .where('boards.token', '=', token)
    .executeTakeFirst();
  if (!row) return null;
  const {
    p_post_id,
    p_first_published_at,
    p_job_id,
    p_job_public_id,
    p_title,
    p_updated_at,
    p_locations,
    p_office_ids,
    p_posting,
    p_employment_type,
    p_level,
    p_compensation_band,
    p_team_id,
    p_team_public_id,
    p_team_name,
    ...board
  } = row;
  const post =
    p_post_id !== null && p_job_id !== null && p_team_name !== null
      ? {
          post_id: p_post_id,
          first_published_at: p_first_published_at!,
          job_id: p_job_id,
          job_public_id: p_job_public_id!,
          title: p_title!,
          updated_at: p_updated_at!,
          locations: p_locations!,
          office_ids: p_office_ids!,
          posting: p_posting!,
          employment_type: p_employment_type!,
          level: p_level!,
          compensation_band: p_compensation_band,
          team_id: p_team_id!,
          team_public_id: p_team_public_id!,
          team_name: p_team_name,
        }
      : null;
  return { board, post };
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
