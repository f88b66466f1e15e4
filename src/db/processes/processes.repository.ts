import { type Kysely, type Selectable, sql } from 'kysely';
import type { Process, ProcessesRepository } from '../../core/processes/processes.port.js';
import type { Clock } from '../../core/shared/ports.js';
import type { DB } from '../schema.js';

export function toProcess(row: Selectable<DB['processes']>): Process {
  return {
    id: row.id,
    orgId: row.org_id,
    teamId: row.team_id,
    lineageId: row.lineage_id,
    version: row.version,
    templateKey: row.template_key,
    definition: row.definition,
  };
}

export function processesRepository(trx: Kysely<DB>, clock: Clock): ProcessesRepository {
  return {
    async get(orgId, id) {
      const row = await trx
        .selectFrom('processes')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toProcess(row) : null;
    },
    async latestVersion(orgId, lineageId) {
      const row = await trx
        .selectFrom('processes')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('lineage_id', '=', lineageId)
        .orderBy('version', 'desc')
        .forUpdate()
        .executeTakeFirst();
      return row ? toProcess(row) : null;
    },
    async insert(p) {
      const row = await trx
        .insertInto('processes')
        .values({
          id: p.id,
          org_id: p.orgId,
          team_id: p.teamId,
          lineage_id: p.lineageId,
          version: p.version,
          template_key: p.templateKey,
          definition: JSON.stringify(p.definition),
          created_at: clock.now(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toProcess(row);
    },
    async repointJobs(orgId, lineageId, toProcessId) {
      await trx
        .updateTable('jobs')
        .set({ process_id: toProcessId, version: sql<number>`version + 1`, updated_at: clock.now() })
        .where('org_id', '=', orgId)
        .where('process_id', 'in', (eb) =>
          eb.selectFrom('processes').select('id').where('lineage_id', '=', lineageId),
        )
        .execute();
    },
  };
}
