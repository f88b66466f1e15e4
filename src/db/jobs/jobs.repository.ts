import { type Kysely, type Selectable, sql } from 'kysely';
import type { JobsRepository } from '../../core/jobs/jobs.port.js';
import type { Clock } from '../../core/shared/ports.js';
import type { Job } from '../../core/shared/types.js';
import { given, json } from '../columns.js';
import type { DB } from '../schema.js';

export function toJob(row: Selectable<DB['jobs']>): Job {
  return {
    id: row.id,
    orgId: row.org_id,
    teamId: row.team_id,
    processId: row.process_id,
    title: row.title,
    status: row.status as Job['status'],
    employmentType: row.employment_type as Job['employmentType'],
    jobFamily: row.job_family,
    headcount: row.headcount,
    hiredCount: row.hired_count,
    compensationBand: row.compensation_band,
    version: row.version,
  };
}

export function jobsRepository(trx: Kysely<DB>, clock: Clock): JobsRepository {
  return {
    async lock(orgId, id) {
      const row = await trx
        .selectFrom('jobs')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      return row ? toJob(row) : null;
    },
    async lockWithProcess(orgId, id) {
      const row = await trx
        .selectFrom('jobs')
        .leftJoin('processes', (join) =>
          join.onRef('processes.id', '=', 'jobs.process_id').onRef('processes.org_id', '=', 'jobs.org_id'),
        )
        .selectAll('jobs')
        .select([
          'processes.id as p_id',
          'processes.team_id as p_team_id',
          'processes.lineage_id as p_lineage_id',
          'processes.version as p_version',
          'processes.template_key as p_template_key',
          'processes.definition as p_definition',
        ])
        .where('jobs.org_id', '=', orgId)
        .where('jobs.id', '=', id)
        .forUpdate('jobs')
        .executeTakeFirst();
      if (!row) return null;
      const process =
        row.p_id === null
          ? null
          : {
              id: row.p_id,
              orgId,
              teamId: row.p_team_id,
              lineageId: row.p_lineage_id!,
              version: row.p_version!,
              templateKey: row.p_template_key,
              definition: row.p_definition!,
            };
      return { job: toJob(row), process };
    },
    async insert(job) {
      const now = clock.now();
      const row = await trx
        .insertInto('jobs')
        .values({
          id: job.id,
          org_id: job.orgId,
          team_id: job.teamId,
          process_id: job.processId,
          title: job.title,
          status: job.status,
          employment_type: job.employmentType,
          job_family: job.jobFamily,
          level: job.level,
          headcount: job.headcount,
          locations: job.locations,
          office_ids: job.officeIds,
          posting: JSON.stringify(job.posting),
          compensation_band: json(job.compensationBand ?? null),
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toJob(row);
    },
    async update(orgId, id, change) {
      const row = await trx
        .updateTable('jobs')
        .set({
          ...given({
            title: change.title,
            team_id: change.teamId,
            process_id: change.processId,
            employment_type: change.employmentType,
            job_family: change.jobFamily,
            headcount: change.headcount,
            level: change.level,
            locations: change.locations,
            office_ids: change.officeIds,
            posting: json(change.posting),
            compensation_band: json(change.compensationBand),
            status: change.status,
            hired_count: change.hiredCount,
          }),
          version: sql<number>`version + 1`,
          updated_at: clock.now(),
        })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toJob(row);
    },
  };
}
