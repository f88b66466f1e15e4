import type { ColumnType } from 'kysely';
import type { PlanDay } from '../core/practice/practice.rules.js';

type Json<T> = ColumnType<T, string, string>;

/** The candidate's practice (attempts, plans) and the organisation's public practice link. */
export interface PracticeTables {
  practice_attempts: {
    id: string;
    org_id: string;
    candidate_id: string;
    kind: 'coding' | 'sql';
    slug: string;
    mode: 'free' | 'timed';
    language: string | null;
    code: string | null;
    started_at: Date;
    deadline_at: Date | null;
    submitted_at: Date | null;
    passed: number | null;
    total: number | null;
    score_percent: number | null;
  };
  practice_plans: {
    id: string;
    org_id: string;
    candidate_id: string;
    interview_id: string;
    round_name: string;
    round_type: string;
    round_starts_at: Date;
    days: Json<PlanDay[]>;
    reminders: boolean;
    last_reminded_on: ColumnType<string | null, string | null | undefined, string | null>;
    created_at: Date;
    ended_at: Date | null;
  };
  practice_links: { org_id: string; token_hash: string; published_at: Date };
}
