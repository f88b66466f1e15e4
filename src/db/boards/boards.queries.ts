import { type Kysely, type Selectable, sql } from 'kysely';
import type { DB } from '../schema.js';
import { toBoard } from './boards.repository.js';

export type BoardRow = Selectable<DB['boards']> & {
  org_name: string;
  org_slug: string;
  org_timezone: string;
};

/** Read side of public job boards: one board, its live posts, departments (teams) and offices. */
export function boardQueries(db: Kysely<DB>) {
  const openOn = (boardId: string) =>
    db
      .selectFrom('job_posts')
      .innerJoin('jobs', 'jobs.id', 'job_posts.job_id')
      .where('job_posts.board_id', '=', boardId)
      .where('jobs.status', '=', 'open');
  // What a board list's job summary shows, and nothing more: the posting's JSON is most of a row.
  const summaries = (boardId: string) =>
    openOn(boardId)
      .select([
        'job_posts.id as post_id',
        'job_posts.first_published_at',
        'jobs.public_id as job_public_id',
        'jobs.title',
        'jobs.updated_at',
        'jobs.locations',
      ])
      .orderBy('job_posts.id')
      .execute();
  const livePosts = (boardId: string) =>
    openOn(boardId)
      .innerJoin('teams', 'teams.id', 'jobs.team_id')
      .select([
        'job_posts.id as post_id',
        'job_posts.first_published_at',
        'jobs.id as job_id',
        'jobs.public_id as job_public_id',
        'jobs.title',
        'jobs.updated_at',
        'jobs.locations',
        'jobs.office_ids',
        'jobs.posting',
        'jobs.employment_type',
        'jobs.level',
        'jobs.compensation_band',
        'jobs.team_id',
        'teams.public_id as team_public_id',
        'teams.name as team_name',
      ]);

  const teams = (orgId: string) =>
    db
      .selectFrom('teams')
      .select(['id', 'public_id', 'name'])
      .where('org_id', '=', orgId)
      .orderBy('public_id')
      .execute();
  const offices = (orgId: string) =>
    db
      .selectFrom('offices')
      .select(['id', 'public_id', 'name', 'location'])
      .where('org_id', '=', orgId)
      .orderBy('public_id')
      .execute();

  return {
    /** An organisation's boards, for its admins. */
    async list(orgId: string) {
      const rows = await db
        .selectFrom('boards')
        .selectAll()
        .where('org_id', '=', orgId)
        .orderBy('created_at')
        .execute();
      return rows.map(toBoard);
    },
    async board(token: string): Promise<BoardRow | null> {
      const row = await db
        .selectFrom('boards')
        .innerJoin('orgs', 'orgs.id', 'boards.org_id')
        .selectAll('boards')
        .select(['orgs.name as org_name', 'orgs.slug as org_slug', 'orgs.default_timezone as org_timezone'])
        .where('boards.token', '=', token)
        .executeTakeFirst();
      return row ?? null;
    },
    /**
     * The board with a stamp of everything its public answers are made of: the board's and its
     * organisation's row versions (xmin changes with every write to a row) and the organisation's
     * counter of writes to its jobs, teams, offices and posts (migration 0035). Every node reads
     * the same rows, so every node sees a change on its next request, with no channel between
     * them; a write that changes nothing shown (another board's job) costs one render.
     */
    async stamped(token: string): Promise<(BoardRow & { stamp: string }) | null> {
      const row = await db
        .selectFrom('boards')
        .innerJoin('orgs', 'orgs.id', 'boards.org_id')
        .leftJoin('board_content_versions as versions', 'versions.org_id', 'boards.org_id')
        .selectAll('boards')
        .select(['orgs.name as org_name', 'orgs.slug as org_slug', 'orgs.default_timezone as org_timezone'])
        .select(
          sql<string>`concat_ws('/', boards.xmin::text, orgs.xmin::text, coalesce(versions.version, 0))`.as(
            'stamp',
          ),
        )
        .where('boards.token', '=', token)
        .executeTakeFirst();
      return row ?? null;
    },
    summaries,
    posts: (boardId: string) => livePosts(boardId).orderBy('job_posts.id').execute(),
    post: async (boardId: string, postId: number) =>
      (await livePosts(boardId).where('job_posts.id', '=', postId).executeTakeFirst()) ?? null,
    /** The organisation's teams (a board's departments) and offices. */
    places: async (orgId: string) => ({ teams: await teams(orgId), offices: await offices(orgId) }),
  };
}

type Queries = ReturnType<typeof boardQueries>;
export type LivePost = Awaited<ReturnType<Queries['posts']>>[number];
export type PostSummary = Awaited<ReturnType<Queries['summaries']>>[number];
export type Places = Awaited<ReturnType<Queries['places']>>;
