import type { BoardSubmission, FieldError } from '../../contracts/boards.js';
import type { AttachmentInput } from '../applications/applications.port.js';
import { submitApplication } from '../applications/submit-application.js';
import { recordApplicationConsent } from '../retention/record-consent.js';
import type { Deps } from '../shared/ports.js';
import { fail } from '../shared/result.js';
import { consentErrors, futureJobsConsent, questionsFor, unansweredQuestions } from './boards.rules.js';

export interface BoardApplication {
  board: { id: string; orgId: string; gdprRetentionDays: number | null };
  post: { jobId: string; posting: Record<string, unknown> };
  /** The submission's fields as the server parsed them; null when they did not parse. */
  fields: BoardSubmission | null;
  /** The form fields that carry an answer: a value, or a file. */
  answered: ReadonlySet<string>;
  consent: Record<string, unknown> | undefined;
  /** The files sent, already read. */
  attachments: AttachmentInput[];
  /** What was wrong with the fields and files as sent. */
  errors: FieldError[];
  idempotencyKey?: string | undefined;
  source: string;
  /** The candidate opted out of automated annotation on the form. */
  screeningOptOut?: boolean;
  /** Where the candidate's sign-in link points. */
  publicUrl: string;
}

/**
 * One application arriving from a public board or the career site. Every missing or invalid field
 * is reported at once (`validation.failed` with `details.errors`); a complete one goes through the
 * same use case as every other application, with all of its rules, and a new one brings the
 * candidate a link to follow it, written in the application's own transaction.
 */
export async function applyOnBoard(deps: Deps, input: BoardApplication) {
  const { board, fields } = input;
  const errors = [...input.errors];
  errors.push(...unansweredQuestions(questionsFor(input.post.posting), input.answered, errors));
  errors.push(...consentErrors(board, input.consent));
  if (errors.length > 0 || !fields) {
    return fail('validation.failed', 'The application has invalid or missing fields.', { errors });
  }
  const submitted = await submitApplication(deps, {
    actor: { kind: 'board', orgId: board.orgId, boardId: board.id },
    jobId: input.post.jobId,
    candidate: {
      email: fields.email,
      firstName: fields.first_name,
      lastName: fields.last_name,
      phone: fields.phone,
    },
    idempotencyKey: input.idempotencyKey,
    source: input.source,
    attachments: input.attachments,
    answers: {
      ...(fields.question_1 !== undefined ? { question_1: fields.question_1 } : {}),
      ...(fields.mapped_url_token ? { mapped_url_token: fields.mapped_url_token } : {}),
      ...(fields.educations ? { educations: fields.educations } : {}),
      ...(fields.employments ? { employments: fields.employments } : {}),
      ...(fields.data_compliance ? { data_compliance: fields.data_compliance } : {}),
    },
    signInLink: { publicUrl: input.publicUrl },
    screeningOptOut: input.screeningOptOut ?? false,
  });
  // Recorded once per application (a replay finds it there); a failure here leaves the consent
  // ungiven, which only ever keeps less.
  if (submitted.ok && futureJobsConsent(input.consent)) {
    const { application } = submitted.value;
    await recordApplicationConsent(deps, {
      orgId: board.orgId,
      candidateId: application.candidateId,
      applicationId: application.id,
    });
  }
  return submitted;
}
