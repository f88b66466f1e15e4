import type { FastifyReply } from 'fastify';
import type { DomainError, ErrorCode } from '../contracts/errors.js';

/** The one table from error code to HTTP status; a code missing here fails to compile. */
export const httpStatus = {
  'validation.failed': 400,
  'rate.limited': 429,
  'sandbox.busy': 429,
  'internal.error': 500,
  'database.unavailable': 503,
  'auth.required': 401,
  'auth.invalid_credentials': 401,
  'auth.invalid_link': 401,
  'auth.account_throttled': 429,
  'auth.wrong_password': 403,
  'auth.invalid_reset_link': 401,
  'auth.invalid_token': 401,
  'password.too_short': 422,
  'password.too_long': 422,
  'password.too_common': 422,
  'token.not_found': 404,
  'token.scope_not_allowed': 422,
  'token.session_required': 403,
  'session.not_found': 404,
  'permission.denied': 403,
  'csrf.refused': 403,
  not_found: 404,
  'conflict.stale_version': 409,
  'conflict.concurrent_change': 409,
  'screening.blind_review': 403,
  'team.not_found': 422,
  'team.name_taken': 409,
  'board.token_taken': 409,
  'user.email_taken': 409,
  'user.not_found': 404,
  'user.cannot_disable_self': 422,
  'user.last_admin': 422,
  'process.not_found': 404,
  'process.invalid': 422,
  'job.not_found': 404,
  'job.invalid_transition': 409,
  'job.not_open': 409,
  'job.headcount_filled': 409,
  'candidate.not_found': 404,
  'application.not_found': 404,
  'application.limit_reached': 409,
  'decision.not_found': 404,
  'decision.not_yours': 403,
  'decision.undo_closed': 409,
  'decision.superseded': 409,
  'application.cooldown': 409,
  'idempotency.key_reused': 422,
  'application.not_active': 409,
  'candidate.erasure_blocked': 409,
  'application.not_at_offer': 409,
  'round.not_current': 409,
  'round.already_decided': 409,
  'round.not_your_decision': 403,
  'round.unknown': 422,
  'round.override_required': 409,
  'interview.not_found': 404,
  'assessment.not_found': 404,
  'assessment.not_started': 409,
  'assessment.time_up': 409,
  'assessment.already_submitted': 409,
  'assessment.link_expired': 410,
  'assessment.unknown_item': 422,
  'practice.not_found': 404,
  'practice.unknown_item': 404,
  'practice.no_upcoming_round': 409,
  'practice.nothing_to_practise': 409,
  'practice.plan_not_found': 404,
  'practice.link_not_found': 404,
  'problem.not_found': 422,
  'interview.unknown_interviewer': 422,
  'interview.slot_taken': 409,
  'interview.not_scheduled': 409,
  'interview.already_started': 409,
  'interview.no_meeting': 422,
  'scheduling.link_expired': 410,
  'scheduling.already_booked': 409,
  'scheduling.not_booked': 409,
  'scheduling.slot_unavailable': 409,
  'scheduling.language_not_confirmed': 422,
  'scheduling.invalid_window': 422,
  'calendar.invalid': 422,
  'calendar.fetch_failed': 422,
  'scorecard.not_on_interview': 403,
  'scorecard.application_closed': 409,
  'scorecard.already_submitted': 409,
  'scorecard.not_submitted': 409,
  'scorecard.interview_not_started': 409,
  'feedback.not_allowed': 403,
  'offer.not_found': 404,
  'offer.signature_required': 409,
  'offer.signature_mismatch': 422,
  'offer.not_signed': 404,
  'offer.already_open': 409,
  'offer.invalid_transition': 409,
  'offer.expired': 409,
  'offer.not_your_approval': 403,
  'offer.approver_already_approved': 403,
  'offer.stale_revision': 409,
  'vesting.unknown_schedule': 422,
  'vesting.key_taken': 409,
  'message.reply_address_unknown': 404,
  'message.reply_address_expired': 410,
  'message.send_time_invalid': 422,
  'message.template_invalid': 422,
  'mfa.pending_expired': 401,
  'mfa.invalid_code': 422,
  'mfa.not_enrolled': 409,
  'mfa.totp_exists': 409,
  'mfa.required_by_organisation': 422,
  'mfa.enrol_first': 422,
  'mfa.passkey_invalid': 422,
  'sso.not_configured': 404,
  'sso.password_sign_in_off': 403,
  'sso.failed': 401,
  'sso.account_disabled': 403,
  'sso.no_verified_email': 403,
  'secrets.key_missing': 503,
  'group.not_found': 404,
  'group.name_taken': 409,
  'scim.token_not_found': 404,
  'scim.unauthorized': 401,
  'note.not_found': 404,
  'note.not_editable': 409,
  'note.unknown_mention': 422,
  'retention.office_not_found': 404,
  'retention.candidate_not_found': 404,
  'retention.already_on_hold': 409,
  'retention.hold_not_found': 404,
  'retention.dry_run_not_found': 404,
  'retention.no_application': 409,
  'tag.not_found': 404,
  'tag.name_taken': 409,
  'view.name_taken': 409,
  'view.not_found': 404,
  'merge.not_found': 404,
  'merge.not_pending': 409,
  'merge.invalid': 422,
  'inbox.not_found': 404,
  'mock.disabled': 403,
  'mock.not_eligible': 403,
  'mock.not_found': 404,
  'mock.limit_reached': 409,
  'mock.slot_unavailable': 409,
  'mock.not_cancellable': 409,
  'mock.not_started': 409,
  'mock.outcome_recorded': 409,
  'mock.not_coding': 409,
  'compliance.deciding_role': 403,
  'compliance.not_collected': 422,
  'compliance.office_not_found': 404,
} as const satisfies Record<ErrorCode, number>;

/** The body of every error answer; typed, so a code missing from `ErrorCode` fails to compile. */
export const errorPayload = (error: DomainError) => ({ error });

export function sendError(reply: FastifyReply, error: DomainError) {
  return reply.code(httpStatus[error.code]).send(errorPayload(error));
}

/** One Zod issue as the validation hook hands it over: its code, path, message and parameters. */
export interface SchemaIssue {
  keyword: string;
  instancePath: string;
  message?: string | undefined;
  params?: Record<string, unknown>;
}

/** Zod's own default messages ("Too small: expected string to have >=1 characters", "Invalid UUID"). */
const schemaPhrase = /^(Invalid|Too (small|big)|Unrecognized|Expected)\b|expected /;

const things = (origin: unknown) =>
  origin === 'array' || origin === 'set' ? 'choices' : origin === 'string' ? 'characters' : '';

const formatWords: Record<string, string> = {
  uuid: 'choose one from the list',
  guid: 'choose one from the list',
  email: 'must be an email address',
  url: 'must be a web address',
  datetime: 'must be a date and time',
  date: 'must be a date',
  time: 'must be a time',
  regex: 'is not in the right form',
};

function tooSmall(params: Record<string, unknown>) {
  const min = Number(params.minimum);
  const inclusive = params.inclusive !== false;
  if (params.origin === 'string')
    return min <= 1 ? 'must not be empty' : `must be at least ${min} characters`;
  if (params.origin === 'array' || params.origin === 'set')
    return min <= 1 ? 'choose at least one' : `choose at least ${min}`;
  return inclusive ? `must be ${min} or more` : `must be more than ${min}`;
}

function tooBig(params: Record<string, unknown>) {
  const max = Number(params.maximum);
  const inclusive = params.inclusive !== false;
  const unit = things(params.origin);
  if (unit) return `must be at most ${max} ${unit === 'choices' ? (max === 1 ? 'choice' : 'choices') : unit}`;
  return inclusive ? `must be ${max} or less` : `must be less than ${max}`;
}

/**
 * What is wrong with one field, in words a form can show beside it: a schema's own message is kept,
 * Zod's defaults are said plainly ("must not be empty", "choose at least one", "must be one of …").
 */
export function issueWords(issue: SchemaIssue): string {
  const message = issue.message ?? '';
  if (message && !schemaPhrase.test(message)) return message;
  const params = issue.params ?? {};
  switch (issue.keyword) {
    case 'invalid_type':
      return /received (undefined|null)/.test(message)
        ? 'is required'
        : params.expected === 'number' || params.expected === 'int'
          ? 'must be a number'
          : params.expected === 'boolean'
            ? 'must be yes or no'
            : params.expected === 'array'
              ? 'must be a list'
              : 'is not the right kind of value';
    case 'too_small':
      return tooSmall(params);
    case 'too_big':
      return tooBig(params);
    case 'invalid_format':
      return formatWords[String(params.format)] ?? 'is not in the right form';
    case 'invalid_value':
      return 'must be one of the choices offered';
    case 'not_multiple_of':
      return `must be a multiple of ${String(params.divisor)}`;
    case 'unrecognized_keys':
      return `has fields this form does not take (${(params.keys as string[] | undefined)?.join(', ') ?? ''})`;
    default:
      return 'is not valid';
  }
}
