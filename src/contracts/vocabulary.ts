/** The process vocabulary as plain constants: shared by the core's rules and the Zod schemas. */

/** The five steps that hold rounds; the sixth step, the offer, follows the last round. */
export const steps = [
  'resume_screen',
  'recruiter_screen',
  'technical_screen',
  'interview_rounds',
  'hr_interview',
] as const;
export type Step = (typeof steps)[number];

export const roundTypes = [
  'resume_review',
  'recruiter_call',
  'coding',
  'system_design',
  'design_coding',
  'product_sense',
  'execution',
  'sql',
  'python',
  'statistics',
  'ml_fundamentals',
  'case_study',
  'behavioural',
  'cross_functional',
  'hiring_manager',
  'hiring_committee',
  'content_operations',
  'growth_operations',
  'hr',
] as const;

export const interviewFormats = ['async', 'video', 'audio', 'in_person'] as const;
export const deciders = ['hiring_manager', 'recruiter', 'hr'] as const;
/** What a decision can lack; deciding anyway needs a written reason. */
export const evidenceGaps = ['no_interview_held', 'feedback_missing', 'decided_by_another_role'] as const;
export type EvidenceGap = (typeof evidenceGaps)[number];
export type Decider = (typeof deciders)[number];

export const employmentTypes = ['full_time', 'internship', 'contract'] as const;
export type EmploymentType = (typeof employmentTypes)[number];

export const offerStatuses = [
  'draft',
  'pending_approval',
  'approved',
  'sent',
  'accepted',
  'declined',
  'expired',
  'rescinded',
] as const;
export type OfferStatus = (typeof offerStatuses)[number];

export const offerComponents = ['base', 'equity', 'signOn', 'bonus', 'other'] as const;
export type OfferComponent = (typeof offerComponents)[number];

/** Every event the core writes to the outbox. */
export const eventKinds = [
  'application.submitted',
  'candidate.application_advanced',
  'candidate.application_rejected',
  'candidate.application_withdrawn',
  'candidate.application_hired',
  'candidate.application_closed',
  'candidate.status_update',
  'candidate.message',
  'candidate.sign_in_link',
  'candidate.offer_sent',
  'candidate.offer_rescinded',
  'interview.scheduled',
  'interview.rescheduled',
  'interview.cancelled',
  'candidate.scheduling_link',
  'candidate.assessment_link',
  /** A day of a candidate's preparation plan (non-essential: an unsubscribed candidate gets none). */
  'candidate.practice_reminder',
  /** A consent to future jobs about to expire: the candidate is asked to renew it (non-essential). */
  'candidate.consent_renewal',
  'scorecard.submitted',
  'feedback.reminder_before_due',
  'feedback.reminder_due',
  'feedback.escalated',
  'offer.created',
  'staff.offer_accepted',
  'staff.offer_declined',
  'staff.offer_countered',
  'staff.update_due_tomorrow',
  'staff.candidate_replied',
  'staff.reply_reminder',
  'staff.reply_escalated',
  'staff.password_reset_link',
  'staff.password_changed',
  'staff.panel_member_removed',
  /** A notice in staff members' inboxes that they also want by email (payload.userIds). */
  'staff.notified',
  /** A mock interview booked, cancelled, and its coaching card written (to the candidate only). */
  'mock.booked',
  'mock.cancelled',
  'candidate.mock_card_ready',
  /** Asks the worker's annotation pass to run the matcher on one application; never dispatched as mail. */
  'screening.annotate',
] as const;
export type EventKind = (typeof eventKinds)[number];

/** What a webhook subscriber can listen to. */
export const webhookEventTypes = [
  'application.created',
  'application.stage_changed',
  'application.rejected',
  'application.hired',
  'candidate.withdrawn',
  'interview.scheduled',
  'interview.rescheduled',
  'interview.cancelled',
  'scorecard.submitted',
  'offer.created',
  'offer.sent',
  'offer.accepted',
  'offer.declined',
] as const;
export type WebhookEventType = (typeof webhookEventTypes)[number];

/** A message's state; a `superseded` one was replaced by a later message on its topic before it went out. */
export const deliveryStatuses = ['pending', 'delivered', 'failed', 'superseded'] as const;
/**
 * Why no text was read from a résumé or cover letter that was kept as sent: the file is valid as far
 * as its type goes, but reading it went past a limit. Each in the words staff read.
 */
export const textUnreadReasons = {
  time_limit: 'it took too long to read',
  memory_limit: 'it needed too much memory to read',
  unpacked_limit: 'it unpacks to more than 50 MB',
  reader_failed: 'the reader stopped while reading it',
  busy: 'the server was too busy reading other files',
} as const;
export type TextUnread = keyof typeof textUnreadReasons;

/**
 * What an API token may do, each in words for the screen that makes one. Each scope stands for
 * actions of the permission table (`core/shared/permissions.ts`, ADR 0015).
 */
export const tokenScopeWords = {
  'organisation:read': 'Read teams, processes and jobs',
  'organisation:write': 'Change teams, processes, jobs, policies and availability',
  'users:write': 'List and change staff accounts',
  'audit:read': 'Read the audit log',
  'candidates:read': 'Read candidates, applications, interviews, notes and the inbox',
  'applications:write':
    'Create and decide applications, schedule interviews, write to candidates, note, tag and merge them',
  'feedback:write': 'Write scorecards, debriefs and committee votes',
  'offers:read': 'Read offers',
  'offers:write': 'Draft, send and approve offers',
  'reports:read': 'Read reports and interviewer insight',
} as const;
export type TokenScope = keyof typeof tokenScopeWords;
export const tokenScopeNames = Object.keys(tokenScopeWords) as TokenScope[];

/** What lands in a staff member's inbox. */
export const inboxKinds = ['mention', 'reply', 'feedback_due', 'approval'] as const;
export type InboxKind = (typeof inboxKinds)[number];

// ---- voluntary self-identification (ADR 0025): categories, values, and Greenhouse's ids for them
export const DECLINED = 'declined' as const;
export const sexValues = ['male', 'female'] as const;
export const raceValues = [
  'american_indian_or_alaska_native',
  'asian',
  'black_or_african_american',
  'hispanic_or_latino',
  'white',
  'native_hawaiian_or_pacific_islander',
  'two_or_more_races',
] as const;
export const veteranValues = ['protected_veteran', 'not_protected_veteran'] as const;
export const disabilityValues = ['yes', 'no'] as const;

export const categoryKeys = ['sex', 'race', 'veteran', 'disability'] as const;
export type CategoryKey = (typeof categoryKeys)[number];
export const categoryValues = {
  sex: sexValues,
  race: raceValues,
  veteran: veteranValues,
  disability: disabilityValues,
} as const satisfies Record<CategoryKey, readonly string[]>;

/** The words a person reads for each value (career site, reports, CSV). */
export const valueLabels: Record<string, string> = {
  male: 'Male',
  female: 'Female',
  american_indian_or_alaska_native: 'American Indian or Alaska Native',
  asian: 'Asian',
  black_or_african_american: 'Black or African American',
  hispanic_or_latino: 'Hispanic or Latino',
  white: 'White',
  native_hawaiian_or_pacific_islander: 'Native Hawaiian or Other Pacific Islander',
  two_or_more_races: 'Two or More Races',
  protected_veteran: 'I identify as one or more of the classifications of a protected veteran',
  not_protected_veteran: 'I am not a protected veteran',
  yes: 'Yes, I have a disability (or previously had a disability)',
  no: "No, I don't have a disability",
  declined: 'Declined to self-identify',
  unknown: 'Unknown (no self-identification)',
};
export const categoryLabels: Record<CategoryKey | 'sex_race', string> = {
  sex: 'Sex',
  race: 'Race/ethnicity',
  veteran: 'Veteran status',
  disability: 'Disability status',
  sex_race: 'Sex × race/ethnicity',
};

/**
 * Greenhouse's EEOC ids, as its Job Board API takes them at the top level of a submission
 * (`gender`, `race`, `veteran_status`, `disability_status`); the last id of each is "decline".
 */
export const eeocIds = {
  gender: { 1: 'male', 2: 'female', 3: DECLINED },
  race: {
    1: 'american_indian_or_alaska_native',
    2: 'asian',
    3: 'black_or_african_american',
    4: 'hispanic_or_latino',
    5: 'white',
    6: 'native_hawaiian_or_pacific_islander',
    7: 'two_or_more_races',
    8: DECLINED,
  },
  veteran_status: { 1: 'not_protected_veteran', 2: 'protected_veteran', 3: DECLINED },
  disability_status: { 1: 'yes', 2: 'no', 3: DECLINED },
} as const;
export const eeocFieldCategory = {
  gender: 'sex',
  race: 'race',
  veteran_status: 'veteran',
  disability_status: 'disability',
} as const satisfies Record<keyof typeof eeocIds, CategoryKey>;

/**
 * `demographic_questions` ids: question 1..4 are the four categories, and an answer option's id is
 * the question id × 100 + the EEOC id of the value (so 103 is "decline" for sex).
 */
export const demographicQuestionIds = { sex: 1, race: 2, veteran: 3, disability: 4 } as const;

/** The LL144 summary CSV's header, in order. */
export const ll144CsvColumns = [
  'scope',
  'job_family',
  'round',
  'category',
  'group',
  'applicants',
  'selected',
  'selection_rate',
  'impact_ratio',
  'flagged_four_fifths',
  'small_sample',
] as const;

/** Han characters (CJK unified ideographs, extension A and compatibility): the script of Chinese. */
const HAN_RANGES = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
/** Every run of Han characters in a text. */
export const HAN_RUNS = new RegExp(`[${HAN_RANGES}]+`, 'g');
const HAN_CHAR = new RegExp(`[${HAN_RANGES}]`);

/**
 * Whether a search is long enough to send: two characters, or one Chinese character, which is a
 * word (or a surname) on its own.
 */
export const longEnoughToSearch = (q: string) => q.length >= 2 || HAN_CHAR.test(q);
