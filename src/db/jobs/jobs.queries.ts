import type { Kysely, Selectable } from 'kysely';
import { postingSchema } from '../../contracts/jobs.js';
import { afterCursor, pageOf } from '../pagination.js';
import type { DB } from '../schema.js';

const iso = (d: Date) => d.toISOString();
type JobRow = Selectable<DB['jobs']> & { team_name: string };

function presentJob(row: JobRow) {
  return {
    id: row.id,
    title: row.title,
    teamId: row.team_id,
    teamName: row.team_name,
    processId: row.process_id,
    status: row.status as 'draft' | 'open' | 'closed' | 'archived',
    employmentType: row.employment_type as 'full_time' | 'internship' | 'contract',
    jobFamily: row.job_family,
    level: row.level,
    headcount: row.headcount,
    hiredCount: row.hired_count,
    locations: row.locations,
    officeIds: row.office_ids,
    // Postings are stored as given; parsing fills the defaults of fields added since.
    posting: postingSchema.parse(row.posting),
    compensationBand: row.compensation_band,
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

/** Read models for jobs, with their team's name. */
export function jobQueries(db: Kysely<DB>) {
  const jobsWithTeam = (orgId: string) =>
    db
      .selectFrom('jobs')
      .innerJoin('teams', 'teams.id', 'jobs.team_id')
      .selectAll('jobs')
      .select('teams.name as team_name')
      .where('jobs.org_id', '=', orgId);

  return {
    async get(orgId: string, id: string) {
      const row = await jobsWithTeam(orgId).where('jobs.id', '=', id).executeTakeFirst();
      return row ? presentJob(row) : null;
    },

    async list(orgId: string, q: { status?: string; teamId?: string; limit: number; cursor?: string }) {
      const after = afterCursor(q.cursor);
      let query = jobsWithTeam(orgId);
      if (q.status) query = query.where('jobs.status', '=', q.status);
      if (q.teamId) query = query.where('jobs.team_id', '=', q.teamId);
      if (after) {
        query = query.where((eb) =>
          eb(eb.refTuple('jobs.created_at', 'jobs.id'), '>', eb.tuple(new Date(after.sortValue), after.id)),
        );
      }
      const rows = await query
        .orderBy('jobs.created_at')
        .orderBy('jobs.id')
        .limit(q.limit + 1)
        .execute();
      const p = pageOf(rows, q.limit, (r) => [iso(r.created_at), r.id]);
      return { items: p.items.map(presentJob), nextCursor: p.nextCursor };
    },
  };
}
