import { z } from 'zod';
import { codeLanguages, difficulties } from './problems.js';

export const itemKinds = ['coding', 'sql', 'case_study'] as const;
const itemRef = z.object({ kind: z.enum(itemKinds), slug: z.string().regex(/^[a-z0-9-]{1,60}$/) });

export const problemSummarySchema = z.object({
  kind: z.enum(itemKinds),
  slug: z.string(),
  title: z.string(),
  difficulty: z.enum(difficulties),
  topics: z.array(z.string()),
  minutes: z.number(),
});

export const TIMED_MAX_MINUTES = 480;
export const createAssessmentBody = z
  .object({
    items: z
      .array(itemRef)
      .min(1)
      .max(5)
      .refine(
        (items) => new Set(items.map((i) => `${i.kind}:${i.slug}`)).size === items.length,
        'a problem is listed twice',
      )
      .refine(
        (items) => !items.some((i) => i.kind === 'case_study') || items.length === 1,
        'a case study is sent on its own',
      ),
    /**
     * Timed problems: the seeds' screens give 45–60 minutes for one or two (60 when absent, at most
     * 480). A case study: its brief's days to deliver when absent, at most 14 days.
     */
    durationMinutes: z
      .number()
      .int()
      .min(5)
      .max(14 * 24 * 60)
      .optional(),
    /** The candidate must start within this many days; the clock runs from their start. */
    startWithinDays: z.number().int().min(1).max(30).default(7),
  })
  .refine(
    (body) =>
      body.items.some((i) => i.kind === 'case_study') || (body.durationMinutes ?? 0) <= TIMED_MAX_MINUTES,
    { message: `timed problems take at most ${TIMED_MAX_MINUTES} minutes`, path: ['durationMinutes'] },
  );

export const assessmentTokenParams = z.object({ token: z.string().min(20).max(200) });
export const assessmentItemParams = assessmentTokenParams.extend({
  item: z.coerce.number().int().min(0).max(4),
});

const codeAnswer = z.object({
  language: z.enum([...codeLanguages, 'sql']),
  code: z.string().max(50_000),
});
export const saveAnswerBody = codeAnswer;
export const runBody = codeAnswer;
export const submitBody = z.object({
  answers: z.array(codeAnswer.extend({ item: z.number().int().min(0).max(4) })).max(5),
});
export const eventsBody = z.object({
  events: z
    .array(
      z.object({
        kind: z.enum(['paste', 'focus_lost', 'focus_back']),
        item: z.number().int().min(0).max(4).nullable(),
        /** A paste's length, never its text. */
        characters: z.number().int().min(0).max(1_000_000).optional(),
      }),
    )
    .min(1)
    .max(100),
});

const testVerdict = z.object({
  number: z.number(),
  passed: z.boolean(),
  args: z.array(z.unknown()).optional(),
  expected: z.unknown().optional(),
  actual: z.unknown().optional(),
  error: z.string().optional(),
});
const outcome = z.enum(['completed', 'invalid', 'time_limit', 'memory_limit', 'crashed']);

export const codeGradeSchema = z.object({
  outcome,
  detail: z.string(),
  passed: z.number(),
  total: z.number(),
  scorePercent: z.number(),
  tests: z.array(testVerdict),
  output: z.string(),
  elapsedMs: z.number(),
});
export const sqlGradeSchema = z.object({
  outcome,
  detail: z.string(),
  correct: z.boolean().optional(),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.unknown())),
  rowCount: z.number(),
  elapsedMs: z.number(),
});
export const runResponse = z.union([codeGradeSchema, sqlGradeSchema]);
export type CodeGrade = z.infer<typeof codeGradeSchema>;
/** A query's rows; graded, it says whether they answer the question. */
export type SqlGrade = z.infer<typeof sqlGradeSchema>;
export type RunResponse = z.infer<typeof runResponse>;

const statuses = z.enum(['not_started', 'in_progress', 'submitted', 'missed', 'timed_out']);

/** What the candidate sees: the problems without their hidden tests, the clock, their saved work. */
export const candidateAssessmentSchema = z.object({
  companyName: z.string(),
  jobTitle: z.string(),
  status: statuses,
  durationMinutes: z.number(),
  startBy: z.string(),
  startedAt: z.string().nullable(),
  deadlineAt: z.string().nullable(),
  serverNow: z.string(),
  items: z.array(
    z.object({
      kind: z.enum(itemKinds),
      title: z.string(),
      difficulty: z.enum(difficulties),
      statement: z.string(),
      constraints: z.array(z.string()),
      /** A case study's deliverable; empty for problems. */
      deliverable: z.string(),
      highlighting: z.boolean(),
      languages: z.array(z.string()),
      starter: z.record(z.string(), z.string()),
      examples: z.array(z.object({ args: z.array(z.unknown()), expected: z.unknown() })),
      /** Present once the candidate started; a case study's `code` is the uploaded file's name. */
      saved: z.object({ language: z.string(), code: z.string(), savedAt: z.string() }).nullable(),
    }),
  ),
});

/** What the interviewer and hiring manager read: score, each answer's code and grade, the timeline. */
export const staffAssessmentSchema = z.object({
  id: z.string(),
  applicationId: z.string(),
  status: statuses,
  durationMinutes: z.number(),
  startBy: z.string(),
  startedAt: z.string().nullable(),
  deadlineAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  scorePercent: z.number().nullable(),
  createdAt: z.string(),
  items: z.array(
    z.object({
      kind: z.enum(itemKinds),
      slug: z.string(),
      title: z.string(),
      answer: z
        .object({
          language: z.string(),
          code: z.string(),
          savedAt: z.string(),
          grade: z.unknown().nullable(),
          /** A case study's deliverable, to download. */
          file: z.object({ filename: z.string(), sizeBytes: z.number(), url: z.string() }).nullable(),
        })
        .nullable(),
    }),
  ),
  timeline: z.array(
    z.object({
      at: z.string(),
      kind: z.string(),
      item: z.number().nullable(),
      detail: z.record(z.string(), z.unknown()),
    }),
  ),
});
export const createdAssessmentSchema = staffAssessmentSchema.extend({
  /** The candidate's link; shown once, emailed to the candidate. */
  url: z.string(),
});

export const startedResponse = z.object({ startedAt: z.string(), deadlineAt: z.string() });
export const savedAnswerResponse = z.object({ savedAt: z.string() });
export const uploadedFileResponse = z.object({ savedAt: z.string(), filename: z.string() });
export const submittedResponse = z.object({ submittedAt: z.string(), scorePercent: z.number().nullable() });
