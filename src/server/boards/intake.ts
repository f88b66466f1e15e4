import { z } from 'zod';
import type { DomainError } from '../../contracts/errors.js';
import { submitApplication } from '../../core/applications/submit-application.js';
import type { AttachmentInput } from '../../core/shared/ports.js';
import type { LivePost } from '../../db/boards/boards.queries.js';
import { sendSignInLink } from '../auth.js';
import type { AppContext } from '../context.js';
import { readAttachment, textAttachment } from './resume-intake.js';

export interface Question {
  required: boolean;
  label: string;
  description?: string;
  fields: {
    name: string;
    type:
      | 'input_text'
      | 'input_file'
      | 'input_hidden'
      | 'textarea'
      | 'multi_value_single_select'
      | 'multi_value_multi_select';
    values?: { value: number; label: string }[];
  }[];
}

interface Posting {
  internship?: { term: string; minimumWeeks: number; degreeLevels: string[]; eligibility: string[] };
}

const yesNo = [
  { value: 1, label: 'Yes' },
  { value: 0, label: 'No' },
];

/** The application form of a post: the standard fields, plus the internship's commitment question (R-JOB-2). */
export function questionsFor(post: Pick<LivePost, 'posting'>): Question[] {
  const questions: Question[] = [
    { required: true, label: 'First Name', fields: [{ name: 'first_name', type: 'input_text' }] },
    { required: true, label: 'Last Name', fields: [{ name: 'last_name', type: 'input_text' }] },
    { required: true, label: 'Email', fields: [{ name: 'email', type: 'input_text' }] },
    { required: false, label: 'Phone', fields: [{ name: 'phone', type: 'input_text' }] },
    {
      required: true,
      label: 'Resume/CV',
      description: 'PDF, DOCX or plain text, up to 10 MB; or paste it as text.',
      fields: [
        { name: 'resume', type: 'input_file' },
        { name: 'resume_text', type: 'textarea' },
      ],
    },
    {
      required: false,
      label: 'Cover Letter',
      fields: [
        { name: 'cover_letter', type: 'input_file' },
        { name: 'cover_letter_text', type: 'textarea' },
      ],
    },
  ];
  const internship = (post.posting as Posting).internship;
  if (internship) {
    questions.push({
      required: true,
      label: `Can you commit to at least ${internship.minimumWeeks} weeks during ${internship.term}?`,
      fields: [{ name: 'question_1', type: 'multi_value_single_select', values: yesNo }],
    });
  }
  return questions;
}

const noUrl = (s: string) => !/https?:\/\/|www\./i.test(s);
const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const base64 = z
  .string()
  .max(14_000_000)
  .regex(/^[A-Za-z0-9+/=\s]*$/, 'must be base64');

/** Every field a submission may carry; unknown ones are ignored as the real API does. */
const submissionSchema = z.object({
  first_name: text(255).min(1, 'is required').refine(noUrl, 'must not contain a URL'),
  last_name: text(255).min(1, 'is required').refine(noUrl, 'must not contain a URL'),
  email: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(255, 'must be at most 255 characters')
    .pipe(z.email('must be a valid email address')),
  phone: text(40).refine(noUrl, 'must not contain a URL').optional(),
  resume_text: text(100_000).optional(),
  resume_content: base64.optional(),
  resume_content_filename: text(200).optional(),
  cover_letter_text: text(100_000).optional(),
  cover_letter_content: base64.optional(),
  cover_letter_content_filename: text(200).optional(),
  mapped_url_token: text(200).optional(),
  question_1: z.coerce
    .number()
    .int()
    .pipe(z.union([z.literal(0), z.literal(1)], 'must be one of the listed values'))
    .optional(),
  educations: z.array(z.record(z.string(), z.unknown())).max(20).optional(),
  employments: z.array(z.record(z.string(), z.unknown())).max(20).optional(),
  data_compliance: z
    .object({
      gdpr_consent_given: z.union([z.boolean(), z.enum(['true', 'false', '1', '0'])]).optional(),
      gdpr_processing_consent_given: z.union([z.boolean(), z.enum(['true', 'false', '1', '0'])]).optional(),
      gdpr_retention_consent_given: z.union([z.boolean(), z.enum(['true', 'false', '1', '0'])]).optional(),
    })
    .optional(),
});

export interface IntakeFile {
  field: string;
  filename: string;
  data: Uint8Array;
}

export interface FieldError {
  field: string;
  message: string;
}

export type IntakeOutcome =
  | { ok: true; applicationId: string; created: boolean }
  | { ok: false; status: number; message: string; errors: FieldError[]; code?: string };

const consentGiven = (v: unknown) => v === true || v === 'true' || v === '1';

/** Where each refusal of the application rules lands in a board's error body. */
function refusal(error: DomainError): IntakeOutcome {
  const field =
    error.code === 'application.limit_reached' || error.code === 'application.cooldown' ? 'email' : 'id';
  const status = error.code === 'job.not_found' || error.code === 'job.not_open' ? 404 : 422;
  return {
    ok: false,
    status,
    message: error.message,
    errors: [{ field, message: error.message }],
    code: error.code,
  };
}

/**
 * One application arriving from a public board or the career site: fields are checked (the
 * questions' `required` flags included), files read, then the same use case as every other
 * application runs, with all of R-APP-1..6.
 */
export async function receiveApplication(
  ctx: AppContext,
  board: { id: string; orgId: string; token: string; gdprRetentionDays: number | null },
  post: LivePost,
  input: {
    fields: Record<string, unknown>;
    files: IntakeFile[];
    idempotencyKey?: string | undefined;
    source: string;
  },
): Promise<IntakeOutcome> {
  const parsed = submissionSchema.safeParse(input.fields);
  const errors: FieldError[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ field: i.path.join('.') || 'body', message: i.message }));
  const fields = parsed.success ? parsed.data : undefined;

  const attachments: AttachmentInput[] = [];
  for (const kind of ['resume', 'cover_letter'] as const) {
    const file = input.files.find((f) => f.field === kind);
    const content = fields?.[`${kind}_content`];
    const pasted = fields?.[`${kind}_text`];
    if (file || content) {
      const data = file ? file.data : Buffer.from(content!, 'base64');
      const filename = file ? file.filename : (fields?.[`${kind}_content_filename`] ?? `${kind}`);
      const result = await readAttachment(kind, filename, data);
      if (result.ok) attachments.push(result.attachment);
      else errors.push({ field: file ? kind : `${kind}_content`, message: `${filename}: ${result.message}` });
    } else if (pasted) {
      attachments.push(textAttachment(kind, pasted));
    }
  }
  for (const question of questionsFor(post).filter((q) => q.required)) {
    const names = question.fields.map((f) => f.name);
    const answered = names.some(
      (name) =>
        input.files.some((f) => f.field === name) ||
        (input.fields[name] !== undefined && input.fields[name] !== '') ||
        input.fields[`${name}_content`],
    );
    if (!answered && !errors.some((e) => names.includes(e.field)))
      errors.push({ field: names[0]!, message: `${question.label} is required` });
  }
  if (board.gdprRetentionDays !== null) {
    const consent = (fields?.data_compliance ?? input.fields.data_compliance) as
      | Record<string, unknown>
      | undefined;
    if (!consentGiven(consent?.gdpr_processing_consent_given) && !consentGiven(consent?.gdpr_consent_given)) {
      errors.push({
        field: 'data_compliance.gdpr_processing_consent_given',
        message: 'consent to process your data is required',
      });
    }
  }
  if (errors.length > 0 || !fields) {
    return { ok: false, status: 422, message: 'The application has invalid or missing fields.', errors };
  }

  const result = await submitApplication(ctx.deps, {
    actor: { kind: 'board', orgId: board.orgId, boardId: board.id },
    jobId: post.job_id,
    candidate: {
      email: fields.email,
      firstName: fields.first_name,
      lastName: fields.last_name,
      phone: fields.phone,
    },
    idempotencyKey: input.idempotencyKey,
    source: input.source,
    attachments,
    answers: {
      ...(fields.question_1 !== undefined ? { question_1: fields.question_1 } : {}),
      ...(fields.mapped_url_token ? { mapped_url_token: fields.mapped_url_token } : {}),
      ...(fields.educations ? { educations: fields.educations } : {}),
      ...(fields.employments ? { employments: fields.employments } : {}),
      ...(fields.data_compliance ? { data_compliance: fields.data_compliance } : {}),
    },
  });
  if (!result.ok) return refusal(result.error);
  const { application, created } = result.value;
  // R-CAND-1: a link to follow the application, once per new application.
  if (created) await sendSignInLink(ctx, board.orgId, application.candidateId);
  return { ok: true, applicationId: application.id, created };
}
