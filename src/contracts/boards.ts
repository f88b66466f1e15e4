import { z } from 'zod';
import { uuid } from './common.js';
import { v1Compliance, v1DemographicQuestions, v1ScreeningNotice } from './compliance.js';
import { errorCodes } from './errors.js';
import { employmentTypes } from './vocabulary.js';

// ---- board administration (/api/boards)
export const boardFields = z.object({
  name: z.string().trim().min(1).max(120),
  intro: z.string().max(5000).default(''),
  employmentTypes: z.array(z.enum(employmentTypes)).min(1),
  teamIds: z.array(uuid).max(100).default([]),
  /** When set, applicants must consent to processing; their data is kept this many days. */
  gdprRetentionDays: z.number().int().min(1).max(3650).nullable().default(null),
});
export const createBoardBody = boardFields.extend({
  token: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]{1,62}$/, 'lowercase letters, digits, - and _, 2 to 63 characters'),
});
export const updateBoardBody = boardFields.partial();
export const boardSchema = z.object({
  id: z.string(),
  token: z.string(),
  name: z.string(),
  intro: z.string(),
  employmentTypes: z.array(z.string()),
  teamIds: z.array(z.string()),
  gdprRetentionDays: z.number().nullable(),
  createdAt: z.string(),
  /** Only when created or rotated: the Basic auth user name for submitting applications. */
  apiKey: z.string().optional(),
});
export type BoardInput = z.output<typeof createBoardBody>;
export type BoardChange = z.output<typeof updateBoardBody>;

// ---- the public Job Board API (/v1), in Greenhouse's shapes
const boardTime = z.string().describe("ISO 8601 with the organisation's offset");

export const v1Board = z.object({
  name: z.string(),
  content: z.string().describe('The intro as HTML'),
});

export const v1JobSummary = z.object({
  id: z.number().int().describe('The post id: the one to apply to'),
  internal_job_id: z.number().int(),
  title: z.string(),
  updated_at: boardTime,
  requisition_id: z.string(),
  location: z.object({ name: z.string() }),
  absolute_url: z.string().describe('The posting page on our career site'),
  metadata: z.null(),
  company_name: z.string(),
  first_published: boardTime,
  language: z.string(),
});

const listPlace = { parent_id: z.null(), child_ids: z.array(z.number().int()) };
export const v1DepartmentRef = z.object({ id: z.number().int(), name: z.string(), ...listPlace });
export const v1OfficeRef = v1DepartmentRef.extend({ location: z.string() });

export const v1JobWithContent = v1JobSummary.extend({
  content: z.string().describe('The posting as entity-encoded HTML, as the real service sends it'),
  departments: z.array(v1DepartmentRef),
  offices: z.array(v1OfficeRef),
});

export const questionFieldTypes = [
  'input_text',
  'input_file',
  'input_hidden',
  'textarea',
  'multi_value_single_select',
  'multi_value_multi_select',
] as const;
export const v1Question = z.object({
  required: z.boolean(),
  label: z.string(),
  description: z.string().optional(),
  fields: z.array(
    z.object({
      name: z.string(),
      type: z.enum(questionFieldTypes),
      values: z.array(z.object({ value: z.number(), label: z.string() })).optional(),
    }),
  ),
});
export type Question = z.infer<typeof v1Question>;

export const v1DataCompliance = z.object({
  type: z.literal('gdpr'),
  requires_consent: z.boolean(),
  requires_processing_consent: z.boolean(),
  requires_retention_consent: z.boolean(),
  retention_period: z.number().int().nullable().describe('Days'),
});
export const v1PayInputRange = z.object({
  min_cents: z.number().int(),
  max_cents: z.number().int(),
  currency_type: z.string(),
  title: z.string(),
  blurb: z.string(),
});
export const v1Job = v1JobWithContent.extend({
  questions: z.array(v1Question).optional().describe('With ?questions=true'),
  data_compliance: z.array(v1DataCompliance).optional().describe('With ?questions=true'),
  pay_input_ranges: z.array(v1PayInputRange).optional().describe('With ?pay_transparency=true'),
  compliance: v1Compliance.optional().describe("With ?questions=true, where the posting's offices allow it"),
  demographic_questions: v1DemographicQuestions
    .optional()
    .describe("With ?questions=true, where the posting's offices allow it"),
  screening_notice: v1ScreeningNotice
    .optional()
    .describe('With ?questions=true: the matcher notice (ADR 0025)'),
});

export const v1Jobs = z.object({
  jobs: z.array(z.union([v1JobWithContent, v1JobSummary])).describe('With content when ?content=true'),
  meta: z.object({ total: z.number().int() }),
});

export const v1DepartmentList = v1DepartmentRef.extend({ jobs: z.array(v1JobSummary) });
export const v1DepartmentTree = z
  .object({
    id: z.number().int(),
    name: z.string(),
    get children(): z.ZodArray<typeof v1DepartmentTree> {
      return z.array(v1DepartmentTree);
    },
    jobs: z.array(v1JobSummary),
  })
  .meta({ id: 'BoardDepartmentTree' });
export const v1Department = z.union([v1DepartmentList, v1DepartmentTree]).describe('As ?render_as asks');
export const v1Departments = z.object({ departments: z.array(v1Department) });

export const v1OfficeList = v1OfficeRef.extend({ departments: z.array(v1DepartmentList) });
export const v1OfficeTree = z
  .object({
    id: z.number().int(),
    name: z.string(),
    location: z.string(),
    get children(): z.ZodArray<typeof v1OfficeTree> {
      return z.array(v1OfficeTree);
    },
    departments: z.array(v1DepartmentTree),
  })
  .meta({ id: 'BoardOfficeTree' });
export const v1Office = z.union([v1OfficeList, v1OfficeTree]).describe('As ?render_as asks');
export const v1Offices = z.object({ offices: z.array(v1Office) });

export const v1Applied = z.object({
  success: z.literal('Candidate saved successfully'),
  application_id: z.string(),
  created: z.boolean().describe('False when a retry or a resubmission found the earlier application'),
});
export const v1FieldError = z.object({ field: z.string(), message: z.string() });
export type FieldError = z.infer<typeof v1FieldError>;
export const v1Refused = z.object({
  message: z.string(),
  errors: z.array(v1FieldError),
  code: z.enum(errorCodes).optional().describe('When a hiring rule refused the application'),
});
/** Greenhouse's answer for an unknown board or post, and for a wrong key. */
export const v1Status = z.object({ status: z.number().int(), error: z.string() });

// ---- applying: the fields a submission may carry; unknown ones are ignored as the real API does
const noUrl = (s: string) => !/https?:\/\/|www\./i.test(s);
const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const base64 = z
  .string()
  .max(14_000_000)
  .regex(/^[A-Za-z0-9+/=\s]*$/, 'must be base64');
const consent = z.union([z.boolean(), z.enum(['true', 'false', '1', '0'])]).optional();

export const boardSubmission = z.object({
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
      gdpr_consent_given: consent,
      gdpr_processing_consent_given: consent,
      gdpr_retention_consent_given: consent,
    })
    .optional(),
});
export type BoardSubmission = z.output<typeof boardSubmission>;

export type V1JobSummary = z.infer<typeof v1JobSummary>;
export type V1JobWithContent = z.infer<typeof v1JobWithContent>;
export type V1Job = z.infer<typeof v1Job>;
export type V1Department = z.infer<typeof v1Department>;
export type V1DepartmentList = z.infer<typeof v1DepartmentList>;
export type V1DepartmentTree = z.infer<typeof v1DepartmentTree>;
export type V1Office = z.infer<typeof v1Office>;
