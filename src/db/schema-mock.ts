import type { ColumnType } from 'kysely';

type Json<T> = ColumnType<T, string, string>;

/** Mock interviews: the organisation's switch, practice interviewers, sessions and coaching cards. */
export interface MockTables {
  mock_settings: {
    org_id: string;
    enabled: boolean;
    max_sessions: number;
    window_days: number;
    updated_at: Date;
  };
  mock_coaches: {
    user_id: string;
    org_id: string;
    active: boolean;
    round_types: string[];
    updated_at: Date;
  };
  mock_sessions: {
    id: string;
    org_id: string;
    candidate_id: string;
    coach_id: string;
    round_type: string;
    starts_at: Date;
    ends_at: Date;
    status: 'booked' | 'cancelled' | 'held' | 'candidate_no_show' | 'coach_no_show';
    cancelled_by: 'candidate' | 'coach' | null;
    cancel_reason: string | null;
    created_at: Date;
  };
  mock_cards: {
    session_id: string;
    org_id: string;
    ratings: Json<Record<string, string>>;
    advice: string;
    submitted_at: Date;
  };
}
