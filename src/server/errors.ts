import type { FastifyReply } from 'fastify';
import type { DomainError, ErrorCode } from '../contracts/errors.js';

/** The one table from error code to HTTP status; a code missing here fails to compile. */
export const httpStatus = {
  'validation.failed': 400,
  'auth.required': 401,
  'auth.invalid_credentials': 401,
  'auth.invalid_link': 401,
  'permission.denied': 403,
  not_found: 404,
  'conflict.stale_version': 409,
  'conflict.concurrent_change': 409,
  'team.not_found': 422,
  'team.name_taken': 409,
  'board.token_taken': 409,
  'user.email_taken': 409,
  'process.not_found': 404,
  'process.invalid': 422,
  'job.not_found': 404,
  'job.invalid_transition': 409,
  'job.not_open': 409,
  'job.headcount_filled': 409,
  'candidate.not_found': 404,
  'application.not_found': 404,
  'application.limit_reached': 409,
  'application.cooldown': 409,
  'application.not_active': 409,
  'application.not_at_offer': 409,
  'round.not_current': 409,
  'round.already_decided': 409,
  'round.not_your_decision': 403,
  'round.unknown': 422,
  'round.feedback_missing': 409,
  'interview.not_found': 404,
  'interview.unknown_interviewer': 422,
  'scorecard.not_on_interview': 403,
  'scorecard.application_closed': 409,
  'scorecard.already_submitted': 409,
  'scorecard.not_submitted': 409,
  'feedback.not_allowed': 403,
  'offer.not_found': 404,
  'offer.already_open': 409,
  'offer.invalid_transition': 409,
  'offer.expired': 409,
  'offer.not_your_approval': 403,
  'offer.stale_revision': 409,
  'vesting.unknown_schedule': 422,
  'vesting.key_taken': 409,
} as const satisfies Record<ErrorCode, number>;

export function sendError(reply: FastifyReply, error: DomainError) {
  return reply.code(httpStatus[error.code]).send({ error });
}
