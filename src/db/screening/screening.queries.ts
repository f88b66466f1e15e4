import { type Kysely, sql } from 'kysely';
import type { QueueScreening, Tier } from '../../contracts/screening.js';
import { redactForBlindReview } from '../../core/screening/index.js';
import { derivedCriteria } from '../../core/screening/job-criteria.js';
import type { DB } from '../schema.js';
import { screeningJob, storedCriteria } from './screening.repository.js';

/** What decides whether an application is under blind review and how its annotation reads. */
export interface ScreenedRow {
  id: string;
  job_id: string;
  status: string;
  plan: { step?: string }[];
  stage_index: number;
  screening_opt_out: boolean;
  screening_tier: string | null;
  screening_must_found: number | null;
  screening_must_total: number | null;
}

/** At the resume screen and undecided: open, with the resume screen as its current round. */
export const atResumeScreen = (row: Pick<ScreenedRow, 'status' | 'plan' | 'stage_index'>) =>
  (row.status === 'queued' || row.status === 'active') && row.plan[row.stage_index]?.step === 'resume_screen';

/** What a screener sees instead of the name while blind review hides it. */
export const blindName = (applicationId: string) => ({
  firstName: 'Applicant',
  lastName: applicationId.slice(0, 8),
});

/** The person's own words a redaction must catch even when no pattern would. */
export const knownOf = (c: { first_name: string; last_name: string; email: string }) => ({
  names: [c.first_name, c.last_name, `${c.first_name} ${c.last_name}`].filter((s) => s.trim().length > 1),
  emails: [c.email],
});

/** Read models for screening: criteria, blind review, the queue's annotations and the evidence. */
export function screeningQueries(db: Kysely<DB>) {
  /** The blind-review switch that applies to each job: its own, else the organisation's. */
  async function blindJobs(orgId: string, jobIds: string[]): Promise<Map<string, boolean>> {
    const ids = [...new Set(jobIds)];
    const rows = await db
      .selectFrom('screening_settings')
      .select(['job_id', 'blind_review'])
      .where('org_id', '=', orgId)
      .where((eb) =>
        ids.length ? eb.or([eb('job_id', 'is', null), eb('job_id', 'in', ids)]) : eb('job_id', 'is', null),
      )
      .execute();
    const org = rows.find((r) => r.job_id === null)?.blind_review ?? false;
    const own = new Map(rows.flatMap((r) => (r.job_id ? [[r.job_id, r.blind_review] as const] : [])));
    return new Map(ids.map((id) => [id, own.get(id) ?? org]));
  }

  /** Whether each job has criteria to screen on: stored ones, else ones its posting gives. */
  async function jobsWithCriteria(orgId: string, jobIds: string[]): Promise<Map<string, boolean>> {
    const ids = [...new Set(jobIds)];
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom('jobs')
      .leftJoin('screening_criteria_versions as v', 'v.job_id', 'jobs.id')
      .select(['jobs.id', 'v.version'])
      .select((eb) =>
        eb
          .selectFrom('screening_criteria as c')
          .select((c) => c.fn.countAll<string>().as('n'))
          .whereRef('c.job_id', '=', 'jobs.id')
          .as('stored'),
      )
      .where('jobs.org_id', '=', orgId)
      .where('jobs.id', 'in', ids)
      .execute();
    const result = new Map<string, boolean>();
    for (const r of rows) {
      if (r.version !== null) result.set(r.id, Number(r.stored ?? 0) > 0);
      else {
        const job = await screeningJob(db, orgId, r.id);
        result.set(r.id, job ? derivedCriteria(job).items.length > 0 : false);
      }
    }
    return result;
  }

  const summaryOf = (row: ScreenedRow, hasResume: boolean, hasCriteria: boolean): QueueScreening => {
    const annotated = row.screening_tier !== null && !row.screening_opt_out;
    return {
      status: row.screening_opt_out
        ? 'opted_out'
        : annotated
          ? 'annotated'
          : !hasResume
            ? 'no_resume'
            : !hasCriteria
              ? 'no_criteria'
              : 'pending',
      tier: annotated ? (row.screening_tier as Tier) : null,
      mustFound: annotated ? (row.screening_must_found ?? 0) : 0,
      mustTotal: annotated ? (row.screening_must_total ?? 0) : 0,
    };
  };

  return {
    blindJobs,
    summaryOf,
    jobsWithCriteria,

    /** Each application's annotation summary and whether blind review hides its candidate now. */
    async decorate(orgId: string, rows: (ScreenedRow & { has_resume: boolean })[]) {
      const jobIds = rows.map((r) => r.job_id);
      const [blind, criteria] = await Promise.all([
        blindJobs(orgId, jobIds),
        jobsWithCriteria(orgId, jobIds),
      ]);
      return new Map(
        rows.map((r) => [
          r.id,
          {
            screening: summaryOf(r, r.has_resume, criteria.get(r.job_id) ?? false),
            blind: atResumeScreen(r) && (blind.get(r.job_id) ?? false),
          },
        ]),
      );
    },

    /** Whether blind review hides this application's candidate now. */
    async isBlind(orgId: string, row: ScreenedRow) {
      return atResumeScreen(row) && ((await blindJobs(orgId, [row.job_id])).get(row.job_id) ?? false);
    },

    /**
     * Whether blind review hides this candidate anywhere: one of their applications is at a blind
     * resume screen. Their profile, files and search results are kept back until it is decided.
     */
    async candidateBlind(orgId: string, candidateId: string) {
      const rows = await db
        .selectFrom('applications')
        .select(['id', 'job_id', 'status', 'plan', 'stage_index'])
        .where('org_id', '=', orgId)
        .where('candidate_id', '=', candidateId)
        .where('status', 'in', ['queued', 'active'])
        .execute();
      const screening = rows.filter(atResumeScreen);
      if (screening.length === 0) return false;
      const blind = await blindJobs(
        orgId,
        screening.map((r) => r.job_id),
      );
      return screening.some((r) => blind.get(r.job_id));
    },

    /** Of these candidates, the ones blind review hides now. */
    async blindCandidates(orgId: string, candidateIds: string[]): Promise<Set<string>> {
      if (candidateIds.length === 0) return new Set();
      const rows = await db
        .selectFrom('applications')
        .select(['candidate_id', 'job_id', 'status', 'plan', 'stage_index'])
        .where('org_id', '=', orgId)
        .where('candidate_id', 'in', candidateIds)
        .where('status', 'in', ['queued', 'active'])
        .where(sql<boolean>`plan -> stage_index ->> 'step' = 'resume_screen'`)
        .execute();
      const blind = await blindJobs(
        orgId,
        rows.map((r) => r.job_id),
      );
      return new Set(rows.filter((r) => blind.get(r.job_id)).map((r) => r.candidate_id));
    },

    async criteria(orgId: string, jobId: string) {
      const job = await screeningJob(db, orgId, jobId);
      if (!job) return null;
      const stored = await storedCriteria(db, orgId, jobId);
      return { jobId, ...(stored ?? derivedCriteria(job)) };
    },

    async settings(orgId: string, jobId: string | null) {
      const rows = await db
        .selectFrom('screening_settings')
        .select(['job_id', 'blind_review'])
        .where('org_id', '=', orgId)
        .where((eb) =>
          jobId ? eb.or([eb('job_id', 'is', null), eb('job_id', '=', jobId)]) : eb('job_id', 'is', null),
        )
        .execute();
      const org = rows.find((r) => r.job_id === null)?.blind_review ?? false;
      const job = rows.find((r) => r.job_id !== null)?.blind_review ?? null;
      return { org, job, effective: job ?? org };
    },

    /**
     * The evidence of one application: its newest annotation, the job's criteria, and the resume text
     * the passages point into, redacted (same length) while blind review applies.
     */
    async evidence(orgId: string, applicationId: string) {
      const row = await db
        .selectFrom('applications')
        .innerJoin('candidates', 'candidates.id', 'applications.candidate_id')
        .selectAll('applications')
        .select([
          'candidates.resume_text',
          'candidates.first_name',
          'candidates.last_name',
          'candidates.email',
          'candidates.phone',
        ])
        .where('applications.org_id', '=', orgId)
        .where('applications.id', '=', applicationId)
        .executeTakeFirst();
      if (!row) return null;
      const job = (await screeningJob(db, orgId, row.job_id))!;
      const criteria = (await storedCriteria(db, orgId, row.job_id)) ?? derivedCriteria(job);
      const latest = row.screening_opt_out
        ? undefined
        : await db
            .selectFrom('screening_annotations')
            .selectAll()
            .where('org_id', '=', orgId)
            .where('application_id', '=', applicationId)
            .orderBy('id', 'desc')
            .limit(1)
            .executeTakeFirst();
      const blind = atResumeScreen(row) && ((await blindJobs(orgId, [row.job_id])).get(row.job_id) ?? false);
      const text = row.resume_text;
      // Redacted as a whole, so a passage reads what the redacted text shows at its offsets.
      const shown = text !== null && blind ? redactForBlindReview(text, knownOf(row)) : text;
      return {
        applicationId,
        status: summaryOf(row, text !== null, criteria.items.length > 0).status,
        annotation: latest
          ? {
              applicationId,
              tier: latest.tier,
              matcher: { name: latest.matcher_name, version: latest.matcher_version },
              criteriaVersion: latest.criteria_version,
              verdicts: blind
                ? latest.verdicts.map((v) => ({
                    ...v,
                    reason: redactForBlindReview(v.reason, knownOf(row)),
                    passages: v.passages.map((p) => ({ ...p, text: (shown ?? '').slice(p.start, p.end) })),
                  }))
                : latest.verdicts,
              computedAt: latest.computed_at.toISOString(),
            }
          : null,
        criteria: criteria.items,
        resumeText: shown,
        blind,
      };
    },
  };
}
