import { type Kysely, type Selectable, sql } from 'kysely';
import type { Merge, MergesRepository } from '../../core/merges/merges.port.js';
import type { DB } from '../schema.js';

export const toMerge = (r: Selectable<DB['candidate_merges']>): Merge => ({
  id: r.id,
  orgId: r.org_id,
  keptId: r.kept_id,
  mergedId: r.merged_id,
  status: r.status as Merge['status'],
  moved: r.moved,
  createdBy: r.created_by,
  createdAt: r.created_at,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
});

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

export function mergesRepository(trx: Kysely<DB>): MergesRepository {
  return {
    async lockCandidates(orgId, candidateIds) {
      const rows = await trx
        .selectFrom('candidates')
        .select(['id', 'merged_into', 'erased_at'])
        .where('org_id', '=', orgId)
        .where('id', 'in', candidateIds)
        .orderBy('id')
        .forUpdate()
        .execute();
      return rows.map((r) => ({ id: r.id, mergedInto: r.merged_into, erased: r.erased_at !== null }));
    },
    async sharedOpenJobs(orgId, aId, bId) {
      const rows = await sql<{ job_id: string; title: string }>`select distinct a.job_id, j.title
        from applications a join applications b on b.job_id = a.job_id join jobs j on j.id = a.job_id
        where a.org_id = ${orgId} and a.candidate_id = ${aId} and b.candidate_id = ${bId}
          and a.status in ('active', 'queued') and b.status in ('active', 'queued')`.execute(trx);
      return rows.rows.map((r) => ({ jobId: r.job_id, title: r.title }));
    },
    async moveRecords(orgId, fromId, toId) {
      const move = <T extends 'applications' | 'attachments' | 'notes'>(table: T) =>
        sql<{ id: string }>`update ${sql.table(table)} set candidate_id = ${toId}
          where org_id = ${orgId} and candidate_id = ${fromId} returning id`.execute(trx);
      const applications = ids((await move('applications')).rows);
      const attachments = ids((await move('attachments')).rows);
      const notes = ids((await move('notes')).rows);
      const dropped = await sql<{ tag_id: string }>`delete from candidate_tags t where t.org_id = ${orgId}
        and t.candidate_id = ${fromId}
        and exists (select 1 from candidate_tags k where k.candidate_id = ${toId} and k.tag_id = t.tag_id)
        returning t.tag_id`.execute(trx);
      const moved = await sql<{ tag_id: string }>`update candidate_tags set candidate_id = ${toId}
        where org_id = ${orgId} and candidate_id = ${fromId} returning tag_id`.execute(trx);
      await trx
        .updateTable('candidates')
        .set({ merged_into: toId })
        .where('org_id', '=', orgId)
        .where('id', '=', fromId)
        .execute();
      return {
        applications,
        attachments,
        notes,
        tags: moved.rows.map((r) => r.tag_id),
        droppedTags: dropped.rows.map((r) => r.tag_id),
      };
    },
    async restoreRecords(orgId, merge) {
      const { moved, mergedId, keptId } = merge;
      for (const [table, list] of [
        ['applications', moved.applications],
        ['attachments', moved.attachments],
        ['notes', moved.notes],
      ] as const) {
        if (list.length === 0) continue;
        await trx
          .updateTable(table)
          .set({ candidate_id: mergedId })
          .where('org_id', '=', orgId)
          .where('id', 'in', list)
          .execute();
      }
      if (moved.tags.length > 0) {
        await trx
          .updateTable('candidate_tags')
          .set({ candidate_id: mergedId })
          .where('org_id', '=', orgId)
          .where('candidate_id', '=', keptId)
          .where('tag_id', 'in', moved.tags)
          .execute();
      }
      if (moved.droppedTags.length > 0) {
        // Tags deleted since the merge are not given back.
        await sql`insert into candidate_tags (org_id, candidate_id, tag_id, added_by, added_at)
          select ${orgId}, ${mergedId}, t.id, null, ${merge.createdAt} from tags t
          where t.org_id = ${orgId} and t.id = any(${moved.droppedTags}::uuid[])
          on conflict (candidate_id, tag_id) do nothing`.execute(trx);
      }
      await trx
        .updateTable('candidates')
        .set({ merged_into: null })
        .where('org_id', '=', orgId)
        .where('id', '=', mergedId)
        .execute();
    },
    async insert(m) {
      await trx
        .insertInto('candidate_merges')
        .values({
          id: m.id,
          org_id: m.orgId,
          kept_id: m.keptId,
          merged_id: m.mergedId,
          status: m.status,
          moved: JSON.stringify(m.moved),
          created_by: m.createdBy,
          created_at: m.createdAt,
          decided_by: null,
          decided_at: null,
        })
        .execute();
    },
    async lock(orgId, id) {
      const row = await trx
        .selectFrom('candidate_merges')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      return row ? toMerge(row) : null;
    },
    async decide(orgId, id, status, by, at) {
      const row = await trx
        .updateTable('candidate_merges')
        .set({ status, decided_by: by, decided_at: at })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toMerge(row);
    },
    async openByFamily(orgId, candidateId) {
      const rows = await sql<{ job_family: string; open: string }>`
        select a.job_family, count(*) as open
        from applications a where a.org_id = ${orgId} and a.candidate_id = ${candidateId}
          and a.status in ('active', 'queued')
        group by a.job_family order by a.job_family`.execute(trx);
      return rows.rows.map((r) => ({ jobFamily: r.job_family, open: Number(r.open) }));
    },
  };
}
