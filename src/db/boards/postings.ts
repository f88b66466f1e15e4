import { type Kysely, sql } from 'kysely';
import type { DB } from '../schema.js';

/**
 * Gives open jobs a post on every board whose filter they match (employment type, and teams when
 * the board names any). Post ids are stable integers: a client that stored one keeps working.
 */
export async function publishOnBoards(
  db: Kysely<DB>,
  orgId: string,
  at: Date,
  jobId?: string,
  boardId?: string,
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
      ${jobId ? sql`AND j.id = ${jobId}` : sql``}
      ${boardId ? sql`AND b.id = ${boardId}` : sql``}
    ON CONFLICT (board_id, job_id) DO NOTHING
  `.execute(db);
}
