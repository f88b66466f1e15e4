import { type Kysely, type Selectable, sql } from 'kysely';
import { postingSchema } from '../../contracts/jobs.js';
import type { Criterion } from '../../contracts/screening.js';
import type {
  AnnotationSubject,
  ScreeningJob,
  ScreeningRepository,
  StoredCriteria,
} from '../../core/screening/screening.port.js';
import type { DB } from '../schema.js';

/** The SQL that says an application is at the resume screen: open and its current round's step. */
export const atResumeScreen = sql<boolean>`applications.status in ('queued', 'active')
  and applications.plan -> applications.stage_index ->> 'step' = 'resume_screen'`;

export const toCriterion = (r: Selectable<DB['screening_criteria']>): Criterion => ({
  id: r.id,
  text: r.text,
  kind: r.kind,
  weight: r.weight,
  check: r.check,
  source: r.source,
  position: r.position,
});

export async function storedCriteria(
  db: Kysely<DB>,
  orgId: string,
  jobId: string,
): Promise<StoredCriteria | null> {
  const version = await db
    .selectFrom('screening_criteria_versions')
    .select('version')
    .where('org_id', '=', orgId)
    .where('job_id', '=', jobId)
    .executeTakeFirst();
  if (!version) return null;
  const rows = await db
    .selectFrom('screening_criteria')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('job_id', '=', jobId)
    .orderBy('position')
    .execute();
  return { version: version.version, items: rows.map(toCriterion) };
}

export async function screeningJob(
  db: Kysely<DB>,
  orgId: string,
  jobId: string,
): Promise<ScreeningJob | null> {
  const row = await db
    .selectFrom('jobs')
    .select(['id', 'org_id', 'title', 'job_family', 'employment_type', 'posting'])
    .where('org_id', '=', orgId)
    .where('id', '=', jobId)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        orgId: row.org_id,
        title: row.title,
        jobFamily: row.job_family,
        employmentType: row.employment_type,
        // As the API answers it: a posting stored before a field existed reads with its default.
        posting: postingSchema.safeParse(row.posting).data ?? {},
      }
    : null;
}

const criterionRow = (orgId: string, jobId: string) => (c: Criterion) => ({
  id: c.id,
  org_id: orgId,
  job_id: jobId,
  position: c.position,
  text: c.text,
  kind: c.kind,
  weight: c.weight,
  check: JSON.stringify(c.check),
  source: c.source,
});

export function screeningRepository(trx: Kysely<DB>): ScreeningRepository {
  const subject = async (orgId: string, applicationId: string, lock: boolean) => {
    let query = trx
      .selectFrom('applications')
      .innerJoin('candidates', 'candidates.id', 'applications.candidate_id')
      .select([
        'applications.id',
        'applications.job_id',
        'applications.status',
        'applications.screening_opt_out',
        'candidates.resume_text',
      ])
      .where('applications.org_id', '=', orgId)
      .where('applications.id', '=', applicationId);
    if (lock) query = query.forUpdate('applications');
    const row = await query.executeTakeFirst();
    if (!row) return null;
    const job = await screeningJob(trx, orgId, row.job_id);
    if (!job) return null;
    return {
      applicationId: row.id,
      orgId,
      job,
      open: row.status === 'queued' || row.status === 'active',
      optedOut: row.screening_opt_out,
      resumeText: row.resume_text,
      criteria: await storedCriteria(trx, orgId, row.job_id),
    } satisfies AnnotationSubject;
  };
  return {
    job: (orgId, jobId) => screeningJob(trx, orgId, jobId),
    criteria: (orgId, jobId) => storedCriteria(trx, orgId, jobId),
    async storeFirst(orgId, jobId, items, at) {
      const inserted = await trx
        .insertInto('screening_criteria_versions')
        .values({ job_id: jobId, org_id: orgId, version: 1, updated_at: at })
        .onConflict((oc) => oc.column('job_id').doNothing())
        .returning('version')
        .executeTakeFirst();
      if (!inserted) return false;
      if (items.length > 0)
        await trx
          .insertInto('screening_criteria')
          .values(items.map(criterionRow(orgId, jobId)))
          .execute();
      return true;
    },
    async replace(orgId, jobId, fromVersion, items, at) {
      // The version row is the optimistic lock: only one change can move it from `fromVersion`.
      const moved =
        fromVersion === 0
          ? await trx
              .insertInto('screening_criteria_versions')
              .values({ job_id: jobId, org_id: orgId, version: 1, updated_at: at })
              .onConflict((oc) => oc.column('job_id').doNothing())
              .returning('version')
              .executeTakeFirst()
          : await trx
              .updateTable('screening_criteria_versions')
              .set({ version: fromVersion + 1, updated_at: at })
              .where('org_id', '=', orgId)
              .where('job_id', '=', jobId)
              .where('version', '=', fromVersion)
              .returning('version')
              .executeTakeFirst();
      if (!moved) return false;
      await trx
        .deleteFrom('screening_criteria')
        .where('org_id', '=', orgId)
        .where('job_id', '=', jobId)
        .execute();
      if (items.length > 0)
        await trx
          .insertInto('screening_criteria')
          .values(items.map(criterionRow(orgId, jobId)))
          .execute();
      return true;
    },
    async enqueueForJob(orgId, jobId, cause, at) {
      const result = await sql`
        insert into outbox (org_id, kind, dedupe_key, payload, created_at, available_at)
        select applications.org_id, 'screening.annotate',
               'screening.annotate:' || applications.id || ':' || ${cause}::text,
               jsonb_build_object('applicationId', applications.id), ${at}::timestamptz, ${at}::timestamptz
        from applications
        where applications.org_id = ${orgId} and applications.job_id = ${jobId}
          and not applications.screening_opt_out and ${atResumeScreen}
        on conflict (dedupe_key) do nothing`.execute(trx);
      return Number(result.numAffectedRows ?? 0);
    },
    async claim(now, leaseMs, limit) {
      const { rows } = await sql<{
        seq: string;
        org_id: string;
        payload: { applicationId: string };
        attempts: number;
      }>`
        update outbox set available_at = ${new Date(now.getTime() + leaseMs)}, attempts = attempts + 1
        where seq in (
          select seq from outbox
          where dispatched_at is null and kind = 'screening.annotate' and available_at <= ${now}
          order by available_at, seq limit ${limit}
          for update skip locked)
        returning seq, org_id, payload, attempts`.execute(trx);
      return rows
        .map((r) => ({
          seq: Number(r.seq),
          orgId: r.org_id,
          applicationId: r.payload.applicationId,
          attempts: r.attempts,
        }))
        .sort((a, b) => a.seq - b.seq);
    },
    subject: (orgId, applicationId) => subject(orgId, applicationId, false),
    lockSubject: (orgId, applicationId) => subject(orgId, applicationId, true),
    async record(a) {
      await trx
        .insertInto('screening_annotations')
        .values({
          org_id: a.orgId,
          application_id: a.applicationId,
          job_id: a.jobId,
          matcher_name: a.matcher.name,
          matcher_version: a.matcher.version,
          criteria_version: a.criteriaVersion,
          tier: a.tier,
          verdicts: JSON.stringify(a.verdicts),
          computed_at: a.computedAt,
        })
        .execute();
      // Not a person's edit: the application's version (optimistic edits) stays where it is.
      await trx
        .updateTable('applications')
        .set({ screening_tier: a.tier, screening_must_found: a.mustFound, screening_must_total: a.mustTotal })
        .where('org_id', '=', a.orgId)
        .where('id', '=', a.applicationId)
        .execute();
    },
    async finish(seq, at) {
      await trx
        .updateTable('outbox')
        .set({ dispatched_at: at, status: 'dispatched' })
        .where('seq', '=', String(seq))
        .execute();
    },
    async failed(seq, at, error, retryAt) {
      await trx
        .updateTable('outbox')
        .set(
          retryAt
            ? { available_at: retryAt, error: error.slice(0, 2000) }
            : { dispatched_at: at, status: 'failed', error: error.slice(0, 2000) },
        )
        .where('seq', '=', String(seq))
        .execute();
    },
    async blindSettings(orgId, jobId) {
      const rows = await trx
        .selectFrom('screening_settings')
        .select(['job_id', 'blind_review'])
        .where('org_id', '=', orgId)
        .where((eb) =>
          jobId ? eb.or([eb('job_id', 'is', null), eb('job_id', '=', jobId)]) : eb('job_id', 'is', null),
        )
        .execute();
      return {
        org: rows.find((r) => r.job_id === null)?.blind_review ?? false,
        job: rows.find((r) => r.job_id !== null)?.blind_review ?? null,
      };
    },
    async setBlind(orgId, jobId, blind, at) {
      if (blind === null) {
        await trx
          .deleteFrom('screening_settings')
          .where('org_id', '=', orgId)
          .where((eb) => (jobId ? eb('job_id', '=', jobId) : eb('job_id', 'is', null)))
          .execute();
        return;
      }
      await sql`
        insert into screening_settings (org_id, job_id, blind_review, updated_at)
        values (${orgId}, ${jobId}, ${blind}, ${at})
        on conflict (org_id, coalesce(job_id, org_id))
        do update set blind_review = excluded.blind_review, updated_at = excluded.updated_at`.execute(trx);
    },
  };
}
