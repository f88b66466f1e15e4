/** Every machine-readable error code the API can answer with. */
export const errorCodes = [
  'validation.failed',
  'auth.required',
  'auth.invalid_credentials',
  'auth.invalid_link',
  'permission.denied',
  'not_found',
  'conflict.stale_version',
  'conflict.concurrent_change',
  'team.not_found',
  'team.name_taken',
  'board.token_taken',
  'user.email_taken',
  'process.not_found',
  'process.invalid',
  'job.not_found',
  'job.invalid_transition',
  'job.not_open',
  'job.headcount_filled',
  'candidate.not_found',
  'application.not_found',
  'application.limit_reached',
  'application.cooldown',
  'application.not_active',
  'application.not_at_offer',
  'round.not_current',
  'round.already_decided',
  'round.not_your_decision',
  'round.unknown',
  'round.feedback_missing',
  'interview.not_found',
  'interview.unknown_interviewer',
  'scorecard.not_on_interview',
  'scorecard.application_closed',
  'scorecard.already_submitted',
  'scorecard.not_submitted',
  'feedback.not_allowed',
  'offer.not_found',
  'offer.already_open',
  'offer.invalid_transition',
  'offer.expired',
  'offer.not_your_approval',
  'offer.stale_revision',
  'vesting.unknown_schedule',
  'vesting.key_taken',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface DomainError<C extends ErrorCode = ErrorCode> {
  code: C;
  message: string;
  details?: Record<string, unknown>;
}
