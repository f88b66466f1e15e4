import type { ColumnType, Generated } from 'kysely';
import type { ScorecardContent } from '../contracts/kits.js';
import type { CompensationBand, VestingSchedule } from '../contracts/offer-terms.js';
import type { ProcessDefinition } from '../contracts/process-template.js';
import type { DecisionUndo } from '../core/applications/applications.port.js';
import type { DayHours, WeeklyHours } from '../core/availability/availability.rules.js';
import type { PlannedRound } from '../core/shared/types.js';
import type { AccountSecurityTables, AccountTables } from './schema-accounts.js';
import type { CollaborationTables } from './schema-collaboration.js';
import type { ComplianceTables } from './schema-compliance.js';
import type { ConversationTables } from './schema-conversations.js';
import type { MockTables } from './schema-mock.js';
import type { OfferTables } from './schema-offers.js';
import type { PracticeTables } from './schema-practice.js';
import type { ReportTables } from './schema-reports.js';
import type { RetentionTables } from './schema-retention.js';
import type { ScreeningTables } from './schema-screening.js';

type Json<T> = ColumnType<T, string, string>;

export type AssessmentItemRow = { kind: 'coding' | 'sql' | 'case_study'; slug: string };

/** Tables split out so this file stays readable: conversations, accounts, collaboration, offers, reports. */
export interface DB
  extends ConversationTables,
    AccountSecurityTables,
    AccountTables,
    CollaborationTables,
    ComplianceTables,
    MockTables,
    OfferTables,
    PracticeTables,
    ReportTables,
    RetentionTables,
    ScreeningTables {
  assessments: {
    id: string;
    org_id: string;
    application_id: string;
    token_hash: string;
    items: Json<AssessmentItemRow[]>;
    duration_minutes: number;
    start_by: Date;
    started_at: Date | null;
    deadline_at: Date | null;
    submitted_at: Date | null;
    score_percent: number | null;
    created_by: string;
    created_at: Date;
    version: Generated<number>;
  };
  assessment_answers: {
    assessment_id: string;
    item_index: number;
    language: string;
    code: string;
    saved_at: Date;
    grade: Json<unknown> | null;
    attachment_id: string | null;
  };
  pads: {
    id: string;
    org_id: string;
    /** Null on a mock session's pad, which is the session's instead. */
    application_id: string | null;
    mock_session_id: ColumnType<string | null, string | null | undefined, never>;
    problem_slug: string | null;
    language: string;
    token_hash: string;
    created_by: string;
    created_at: Date;
  };
  pad_events: {
    seq: Generated<string>;
    pad_id: string;
    at: Date;
    author: string;
    kind: 'edit' | 'run';
    update: Uint8Array | null;
    detail: Json<Record<string, unknown>>;
  };
  assessment_events: {
    seq: Generated<string>;
    assessment_id: string;
    at: Date;
    kind: string;
    item_index: number | null;
    detail: Json<Record<string, unknown>>;
  };
  orgs: {
    id: string;
    slug: string;
    name: string;
    created_at: Date;
    update_every_business_days: Generated<number>;
    share_rejection_feedback: Generated<boolean>;
    default_language: Generated<string>;
    default_timezone: Generated<string>;
    decision_undo_minutes: Generated<number>;
    mfa_required: Generated<'none' | 'admins_hr' | 'all'>;
    password_sign_in: Generated<'everyone' | 'admins'>;
  };
  teams: {
    id: string;
    org_id: string;
    name: string;
    timezone: string;
    created_at: Date;
    public_id: Generated<number>;
  };
  offices: {
    id: string;
    org_id: string;
    name: string;
    location: string;
    timezone: string;
    created_at: Date;
    public_id: Generated<number>;
  };
  users: {
    id: string;
    org_id: string;
    email: string;
    email_normalized: string;
    name: string;
    timezone: string;
    password_hash: string | null;
    roles: string[];
    team_ids: string[];
    created_at: Date;
    disabled_at: Generated<Date | null>;
    external_id: Generated<string | null>;
    scim_deleted_at: Generated<Date | null>;
    version: Generated<number>;
  };
  candidates: {
    id: string;
    org_id: string;
    email: string;
    email_normalized: string;
    first_name: string;
    last_name: string;
    phone: string | null;
    timezone: string | null;
    resume_text: string | null;
    search_text: Generated<string>;
    language: string | null;
    unsubscribed_at: Date | null;
    erased_at: Date | null;
    created_at: Date;
    merged_into: Generated<string | null>;
    owner_id: Generated<string | null>;
  };
  sessions: {
    token_hash: string;
    id: Generated<string>;
    org_id: string;
    user_id: string | null;
    candidate_id: string | null;
    created_at: Date;
    expires_at: Date;
    last_seen_at: Date | null;
    idle_minutes: Generated<number>;
    user_agent: string | null;
    address: string | null;
  };
  auth_throttles: {
    key: string;
    window_start: Date;
    count: number;
  };
  rate_limit_windows: {
    key: string;
    window_start: Date;
    count: number;
  };
  worker_leases: {
    name: string;
    holder: string;
    until: Date;
  };
  sign_in_links: {
    token_hash: string;
    org_id: string;
    candidate_id: string;
    created_at: Date;
    expires_at: Date;
    used_at: Date | null;
  };
  processes: {
    id: string;
    org_id: string;
    team_id: string | null;
    lineage_id: string;
    version: number;
    template_key: string | null;
    definition: Json<ProcessDefinition>;
    created_at: Date;
  };
  policies: {
    org_id: string;
    job_family: string;
    max_active_applications: number | null;
    consideration_order: string;
    cooldown_days: number;
  };
  jobs: {
    id: string;
    org_id: string;
    team_id: string;
    process_id: string;
    title: string;
    status: string;
    employment_type: string;
    job_family: string;
    level: string;
    headcount: number;
    hired_count: Generated<number>;
    locations: string[];
    office_ids: string[];
    posting: Json<Record<string, unknown>>;
    compensation_band: ColumnType<CompensationBand | null, string | null | undefined, string | null>;
    public_id: Generated<number>;
    version: Generated<number>;
    created_at: Date;
    updated_at: Date;
  };
  applications: {
    id: string;
    org_id: string;
    job_id: string;
    team_id: string;
    candidate_id: string;
    process_id: string;
    job_family: string;
    status: string;
    stage_index: Generated<number>;
    plan: Json<PlannedRound[]>;
    submitted_at: Date;
    ended_at: Date | null;
    version: Generated<number>;
    idempotency_key: string | null;
    idempotency_fingerprint: Generated<string | null>;
    source: string;
    answers: ColumnType<Record<string, unknown>, string | undefined, string>;
    current_round_key: Generated<string | null>;
    last_candidate_message_at: Date | null;
    next_update_at: Date | null;
    next_warning_at: Date | null;
    /** The candidate asked that no matcher annotate this application (ADR 0025). */
    screening_opt_out: Generated<boolean>;
    /** The current annotation's tier and must-have counts (0032); null until annotated. */
    screening_tier: Generated<string | null>;
    screening_must_found: Generated<number | null>;
    screening_must_total: Generated<number | null>;
    /** Generated from the tier: the order of sort=tier. */
    screening_rank: Generated<number>;
  };
  round_decisions: {
    id: string;
    org_id: string;
    application_id: string;
    round_key: string;
    decision: string;
    rationale: string;
    decided_by: string;
    decided_at: Date;
    against_majority: Generated<boolean>;
    missing_feedback: Generated<string[]>;
    override_reason: string | null;
    evidence_gaps: Generated<string[]>;
    seq: Generated<string>;
    undo: Json<DecisionUndo> | null;
  };
  audit_events: {
    seq: Generated<string>;
    org_id: string;
    actor_kind: string;
    actor_id: string | null;
    entity_type: string;
    entity_id: string;
    action: string;
    reason: string | null;
    data: Json<Record<string, unknown>>;
    at: Date;
    token_id: Generated<string | null>;
  };
  outbox: {
    seq: Generated<string>;
    org_id: string;
    kind: string;
    dedupe_key: string;
    payload: Json<Record<string, unknown>>;
    created_at: Date;
    status: Generated<string>;
    attempts: Generated<number>;
    available_at: Date;
    dispatched_at: Date | null;
    error: string | null;
    held_by: string | null;
    /** Computed from the kind: a link someone waits for, dispatched before the rest. */
    waited_for: ColumnType<boolean, never, never>;
  };
  vesting_schedules: { org_id: string; key: string; definition: Json<VestingSchedule>; created_at: Date };
  org_holidays: { org_id: string; day: string; name: string };
  interviews: {
    id: string;
    org_id: string;
    application_id: string;
    round_key: string;
    starts_at: Date;
    ends_at: Date;
    language: string;
    interviewer_ids: string[];
    created_by: string;
    created_at: Date;
    status: Generated<'scheduled' | 'cancelled'>;
    sequence: Generated<number>;
    version: Generated<number>;
    video_url: string | null;
    language_confirmed_at: Date | null;
    change_reason: string | null;
  };
  /** A person's booked time: an interview's or a mock session's (exactly one of the two). */
  interview_holds: {
    interview_id: string | null;
    mock_session_id: ColumnType<string | null, string | null | undefined, never>;
    org_id: string;
    participant_id: string;
    during: string;
  };
  interviewer_profiles: {
    user_id: string;
    org_id: string;
    weekly_hours: Json<WeeklyHours>;
    weekly_cap: number;
    round_types: string[];
    levels: string[];
    languages: string[];
    calendar_url: string | null;
    calendar_synced_at: Date | null;
    calendar_checked_at: Date | null;
    calendar_error: string | null;
    version: Generated<number>;
    updated_at: Date;
  };
  availability_overrides: {
    user_id: string;
    org_id: string;
    day: string;
    hours: Json<DayHours>;
    reason: string;
  };
  busy_blocks: {
    id: string;
    org_id: string;
    user_id: string;
    starts_at: Date;
    ends_at: Date;
    source: 'calendar' | 'manual';
    summary: Generated<string>;
  };
  scheduling_links: {
    id: string;
    token_hash: string;
    org_id: string;
    application_id: string;
    round_key: string;
    interviewer_ids: string[];
    duration_minutes: number;
    language: string;
    video_url: string | null;
    window_start: Date;
    window_end: Date;
    interview_id: string | null;
    created_by: string;
    created_at: Date;
    expires_at: Date;
  };
  scorecards: {
    id: string;
    org_id: string;
    interview_id: string;
    application_id: string;
    round_key: string;
    interviewer_id: string;
    status: string;
    revision: number;
    content: Json<ScorecardContent>;
    due_at: Date;
    submitted_at: Date | null;
    reminder_stage: number;
    version: Generated<number>;
    updated_at: Date;
  };
  scorecard_revisions: {
    scorecard_id: string;
    revision: number;
    content: Json<ScorecardContent>;
    reason: string;
    created_at: Date;
  };
  committee_votes: {
    org_id: string;
    application_id: string;
    round_key: string;
    voter_id: string;
    vote: string;
    note: string;
    voted_at: Date;
  };
  deliveries: {
    id: string;
    org_id: string;
    event_seq: number;
    channel: string;
    dedupe_key: string;
    recipient: string;
    subject: string;
    body: string;
    calendar: string | null;
    endpoint_id: string | null;
    candidate_id: string | null;
    application_id: string | null;
    topic: Generated<string | null>;
    status: Generated<string>;
    attempts: Generated<number>;
    next_attempt_at: Date;
    locked_until: Date | null;
    last_error: string | null;
    created_at: Date;
    delivered_at: Date | null;
    reply_to: ColumnType<string | null, string | null | undefined, string | null>;
    /** Copied from its event: sent before the rest, outside the order of the application's messages. */
    waited_for: Generated<boolean>;
  };
  delivery_attempts: { delivery_id: string; attempt: number; at: Date; ok: boolean; response: string };
  message_templates: {
    org_id: string;
    key: string;
    language: string;
    subject: string;
    body: string;
    updated_at: Date;
  };
  webhook_endpoints: {
    id: string;
    org_id: string;
    url: string;
    secret: string;
    event_types: string[];
    active: Generated<boolean>;
    created_at: Date;
  };
  boards: {
    id: string;
    org_id: string;
    token: string;
    name: string;
    intro: Generated<string>;
    api_key_hash: string;
    employment_types: string[];
    team_ids: Generated<string[]>;
    gdpr_retention_days: number | null;
    created_at: Date;
  };
  job_posts: { id: Generated<number>; board_id: string; job_id: string; first_published_at: Date };
  /** Bumped by triggers on every write to an organisation's jobs, teams, offices and posts. */
  board_content_versions: { org_id: string; version: string };
  attachments: {
    id: string;
    org_id: string;
    candidate_id: string;
    application_id: string | null;
    kind: string;
    filename: string;
    content_type: string;
    size_bytes: number;
    data: Buffer;
    text: string;
    /** Why no text was read from the file (a `TextUnread`); null when it was. */
    text_unread: ColumnType<string | null, string | null | undefined, string | null>;
    created_at: Date;
  };
}
