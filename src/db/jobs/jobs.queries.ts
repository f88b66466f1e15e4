import type { Kysely, Selectable } from 'kysely';
import { postingSchema } from '../../contracts/jobs.js';
import { afterTime, cursorTime, pageOf } from '../pagination.js';
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

    async list(
      orgId: string,
      q: { status?: string; teamId?: string; limit: number; cursor?: string },
      now: Date,
    ) {
      const after = afterTime(q.cursor);
      let query = jobsWithTeam(orgId).select(cursorTime('jobs.created_at'));
      if (q.status) query = query.where('jobs.status', '=', q.status);
      if (q.teamId) query = query.where('jobs.team_id', '=', q.teamId);
      if (after) {
        query = query.where((eb) =>
          eb(eb.refTuple('jobs.created_at', 'jobs.id'), '>', eb.tuple(after.time, after.id)),
        );
      }
      const rows = await query
        .orderBy('jobs.created_at')
        .orderBy('jobs.id')
        .limit(q.limit + 1)
        .execute();
      const p = pageOf(rows, q.limit, (r) => [r.cursor_time, r.id]);
      const ids = p.items.map((r) => r.id);
      const counts = ids.length
        ? await db
            .selectFrom('applications')
            .select((eb) => [
              'job_id',
              eb.fn.countAll<string>().filterWhere('status', '=', 'active').as('active'),
              eb.fn
                .countAll<string>()
                .filterWhere('submitted_at', '>=', new Date(now.getTime() - 7 * 86_400_000))
                .as('new_this_week'),
              eb.fn
                .countAll<string>()
                .filterWhere((w) => w.and([w('status', '=', 'active'), w('current_round_key', 'is', null)]))
                .as('at_offer'),
            ])
            .where('org_id', '=', orgId)
            .where('job_id', 'in', ids)
            .groupBy('job_id')
            .execute()
        : [];
      const of = new Map(counts.map((c) => [c.job_id, c]));
      return {
        items: p.items.map((r) => ({
          ...presentJob(r),
          applications: {
            active: Number(of.get(r.id)?.active ?? 0),
            newThisWeek: Number(of.get(r.id)?.new_this_week ?? 0),
            atOffer: Number(of.get(r.id)?.at_offer ?? 0),
          },
        })),
        nextCursor: p.nextCursor,
      };
    },
  };
}
