import { type BoardSubmission, boardSubmission, type FieldError } from '../../contracts/boards.js';
import type { DomainError, ErrorCode } from '../../contracts/errors.js';
import type { AttachmentInput } from '../../core/applications/applications.port.js';
import { applyOnBoard } from '../../core/boards/apply-on-board.js';
import { consentErrors, questionsFor, unansweredQuestions } from '../../core/boards/boards.rules.js';
import type { BoardRow, LivePost } from '../../db/boards/boards.queries.js';
import { complianceQueries } from '../../db/compliance/compliance.queries.js';
import type { AppContext } from '../context.js';
import { httpStatus } from '../errors.js';
import { readComplianceFields } from './compliance-intake.js';
import type { IntakeFile } from './request-body.js';
import { readAttachment, textAttachment } from './resume-intake.js';

/** One of the candidate's open applications, as the application limit's refusal names it. */
export interface NamedApplication {
  applicationId: string;
  jobTitle: string;
  teamName: string;
  statusInWords: string;
  appliedOn: string;
}

export type IntakeOutcome =
  | { ok: true; applicationId: string; created: boolean }
  | {
      ok: false;
      status: 404 | 422;
      message: string;
      errors: FieldError[];
      code?: ErrorCode;
      /** With `application.limit_reached`: the open applications its message names. */
      open?: NamedApplication[];
    };

/** The resume and cover letter, from a file, base64 content or pasted text; unreadable files are errors. */
async function readAttachments(
  ctx: AppContext,
  fields: BoardSubmission | null,
  files: IntakeFile[],
  errors: FieldError[],
) {
  const attachments: AttachmentInput[] = [];
  for (const kind of ['resume', 'cover_letter'] as const) {
    const file = files.find((f) => f.field === kind);
    const content = fields?.[`${kind}_content`];
    const pasted = fields?.[`${kind}_text`];
    if (file || content) {
      const data = file ? file.data : Buffer.from(content!, 'base64');
      const filename = file ? file.filename : (fields?.[`${kind}_content_filename`] ?? `${kind}`);
      const result = await readAttachment(ctx.resumes, kind, filename, data);
      if (result.ok) attachments.push(result.attachment);
      else errors.push({ field: file ? kind : `${kind}_content`, message: `${filename}: ${result.message}` });
    } else if (pasted) {
      attachments.push(textAttachment(kind, pasted));
    }
  }
  return attachments;
}

/** The form fields that carry an answer: a file, a value, or base64 content (`resume_content` answers `resume`). */
function answeredFields(fields: Record<string, unknown>, files: IntakeFile[]) {
  const answered = new Set(files.map((f) => f.field));
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined && value !== '') answered.add(name);
    if (name.endsWith('_content') && value) answered.add(name.slice(0, -'_content'.length));
  }
  return answered;
}

/**
 * A refusal in the board's error body. Greenhouse has two answers for an application it does not
 * take: 404 when the post is gone (a job closed since it was listed is gone too), 422 otherwise.
 */
function refusal(error: DomainError): IntakeOutcome {
  const errors = error.details?.errors as FieldError[] | undefined;
  if (error.code === 'validation.failed' && errors) {
    return { ok: false, status: 422, message: error.message, errors };
  }
  const field =
    error.code === 'application.limit_reached' || error.code === 'application.cooldown'
      ? 'email'
      : error.code === 'idempotency.key_reused'
        ? 'Idempotency-Key'
        : 'id';
  const gone = httpStatus[error.code] === 404 || error.code === 'job.not_open';
  const open =
    error.code === 'application.limit_reached' ? (error.details?.active as NamedApplication[]) : [];
  return {
    ok: false,
    status: gone ? 404 : 422,
    message: error.message,
    errors: [{ field, message: error.message }],
    code: error.code,
    ...(open.length > 0 ? { open } : {}),
  };
}

/**
 * One application from a public board or the career site: the body is parsed and its files read
 * here; the form's rules and the application's run in the core.
 */
export async function receiveApplication(
  ctx: AppContext,
  board: BoardRow,
  post: LivePost,
  input: {
    fields: Record<string, unknown>;
    files: IntakeFile[];
    idempotencyKey?: string | undefined;
    source: string;
  },
): Promise<IntakeOutcome> {
  const parsed = boardSubmission.safeParse(input.fields);
  const fields = parsed.success ? parsed.data : null;
  const errors: FieldError[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'body', message: i.message }));
  const answered = answeredFields(input.fields, input.files);
  const consent = (fields?.data_compliance ?? input.fields.data_compliance) as
    | Record<string, unknown>
    | undefined;
  const gdprRetentionDays = board.gdpr_retention_days;
  // Every other field is checked before any file is read: a form that will be refused anyway
  // costs no reading (the core checks the same again, with the files' errors).
  const compliance = await readComplianceFields(ctx, board.org_id, post, input.fields);
  if (!compliance.ok && compliance.notCollected) {
    const message = 'This posting does not collect self-identification.';
    return { ok: false, status: 422, message, errors: compliance.errors, code: 'compliance.not_collected' };
  }
  const early = [
    ...errors,
    ...(compliance.ok ? [] : compliance.errors),
    ...unansweredQuestions(questionsFor(post.posting), answered, errors),
    ...consentErrors({ gdprRetentionDays }, consent),
  ];
  if (early.length > 0) {
    const message = 'The application has invalid or missing fields.';
    return refusal({ code: 'validation.failed', message, details: { errors: early } });
  }
  const attachments = await readAttachments(ctx, fields, input.files, errors);
  const result = await applyOnBoard(ctx.deps, {
    board: { id: board.id, orgId: board.org_id, gdprRetentionDays },
    post: { jobId: post.job_id, posting: post.posting },
    fields,
    answered,
    consent,
    attachments,
    errors,
    idempotencyKey: input.idempotencyKey,
    source: input.source,
    // In the application's own insert, so the worker can never see it un-opted-out (ADR 0025).
    screeningOptOut: compliance.ok && compliance.optOut,
    publicUrl: ctx.config.PUBLIC_URL,
  });
  if (!result.ok) return refusal(result.error);
  const { application, created } = result.value;
  if (created && compliance.ok && (compliance.self || compliance.optOut)) {
    // Apart from the application, which never carries these answers (ADR 0025).
    const { self, optOut } = compliance;
    await complianceQueries(ctx.db).recordIntake(board.org_id, application.id, {
      self,
      optOut,
      at: ctx.clock.now(),
    });
  }
  return { ok: true, applicationId: application.id, created };
}
