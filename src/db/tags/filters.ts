import { type RawBuilder, sql } from 'kysely';
import type { ListFilter } from '../../contracts/views.js';

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString();

/** The filter's conditions on one application `a` (its candidate is `c`). */
export function applicationConditions(f: ListFilter): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [];
  if (f.jobId) where.push(sql`a.job_id = ${f.jobId}`);
  if (f.teamId) where.push(sql`a.team_id = ${f.teamId}`);
  if (f.step) where.push(sql`a.status = 'active' and a.plan -> a.stage_index ->> 'step' = ${f.step}`);
  if (f.source) where.push(sql`a.source = ${f.source}`);
  if (f.appliedFrom) where.push(sql`a.submitted_at >= ${`${f.appliedFrom}T00:00:00Z`}::timestamptz`);
  if (f.appliedTo) where.push(sql`a.submitted_at < ${nextDay(f.appliedTo)}::timestamptz`);
  if (f.decidedWithoutEvidence !== undefined) {
    const overridden = sql`exists (select 1 from round_decisions d where d.application_id = a.id
      and d.org_id = a.org_id and d.override_reason is not null)`;
    where.push(f.decidedWithoutEvidence ? overridden : sql`not ${overridden}`);
  }
  return where;
}

/** The filter's conditions on the candidate `c` alone. */
export function candidateConditions(f: ListFilter): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [];
  if (f.tagId) {
    where.push(
      sql`exists (select 1 from candidate_tags t where t.candidate_id = c.id and t.tag_id = ${f.tagId})`,
    );
  }
  if (f.ownerId) where.push(sql`c.owner_id = ${f.ownerId}`);
  return where;
}

export const all = (conditions: RawBuilder<unknown>[]) =>
  conditions.length === 0 ? sql<boolean>`true` : sql<boolean>`(${sql.join(conditions, sql` and `)})`;

/** A candidate matches when they match themself and, for application filters, one application does. */
export function candidateMatches(orgId: string, f: ListFilter) {
  const onApplication = applicationConditions(f);
  const conditions = candidateConditions(f);
  if (onApplication.length > 0) {
    conditions.push(
      sql`exists (select 1 from applications a where a.candidate_id = c.id and a.org_id = ${orgId} and ${all(onApplication)})`,
    );
  }
  return all(conditions);
}
