import type { ColumnType, Generated } from 'kysely';
import type { CriterionCheck, CriterionVerdict, Tier } from '../contracts/screening.js';

type Json<T> = ColumnType<T, string, string>;

/** Resume screening: each job's criteria and what a matcher found for each application (ADR 0025). */
export interface ScreeningTables {
  screening_criteria: {
    id: string;
    org_id: string;
    job_id: string;
    position: number;
    text: string;
    kind: 'must' | 'nice';
    weight: number;
    check: Json<CriterionCheck>;
    source: 'job' | 'recruiter';
  };
  /** One row per job: the criteria's version, bumped on every replacement (optimistic edits). */
  screening_criteria_versions: { job_id: string; org_id: string; version: number; updated_at: Date };
  /**
   * Every matcher output ever produced, kept with the matcher's name and version; the newest row of
   * an application is its current annotation.
   */
  screening_annotations: {
    id: Generated<number>;
    org_id: string;
    application_id: string;
    job_id: string;
    matcher_name: string;
    matcher_version: string;
    criteria_version: number;
    tier: Tier;
    verdicts: Json<CriterionVerdict[]>;
    computed_at: Date;
  };
  /** Job-level and organisation-level switches; a job's row, when present, wins over the org's. */
  screening_settings: {
    org_id: string;
    /** Null for the organisation's own row. */
    job_id: string | null;
    blind_review: boolean;
    updated_at: Date;
  };
}
