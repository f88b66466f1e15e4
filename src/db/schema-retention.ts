import type { ColumnType } from 'kysely';
import type { DueReason } from '../contracts/retention.js';

type Json<T> = ColumnType<T, string, string>;

/** Retention (GDPR): office policies, future-jobs consents, legal holds and the purges' record. */
export interface RetentionTables {
  retention_policies: {
    office_id: string;
    org_id: string;
    rejected_months: number | null;
    withdrawn_months: number | null;
    closed_months: number | null;
    consent_months: number;
    renewal_notice_days: number;
    version: number;
    updated_by: string | null;
    updated_at: Date;
  };
  candidate_consents: {
    id: string;
    org_id: string;
    candidate_id: string;
    application_id: string | null;
    source: 'application' | 'portal_renewal';
    given_at: Date;
    expires_at: Date;
    withdrawn_at: Date | null;
    renewal_sent_at: Date | null;
  };
  legal_holds: {
    id: string;
    org_id: string;
    candidate_id: string;
    reason: string;
    placed_by: string;
    placed_at: Date;
    released_by: string | null;
    released_at: Date | null;
  };
  purge_runs: {
    id: string;
    org_id: string;
    dry: boolean;
    trigger: 'person' | 'schedule';
    run_by: string | null;
    dry_run_id: string | null;
    ran_at: Date;
    candidates: number;
    kept_on_hold: number;
    kept_by_consent: number;
    more: boolean;
  };
  purge_run_lines: {
    run_id: string;
    candidate_id: string;
    position: number;
    due_since: Date;
    consent_expired_at: Date | null;
    reasons: Json<DueReason[]>;
  };
}
