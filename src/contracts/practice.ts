import { z } from 'zod';
import { codeGradeSchema, sqlGradeSchema } from './assessments.js';
import { codeLanguages, difficulties } from './problems.js';

const slug = z.string().regex(/^[a-z0-9-]{1,60}$/);

/**
 * A behavioural practice prompt as answered: one company value (a focus attribute of the
 * behavioural kit), the question, and what a strong and a weak answer show. The file's own
 * schema, with its checks, is behaviouralPracticeSchema.
 */
export const behaviouralPromptSchema = z
  .object({
    id: slug,
    value: z.string().regex(/^[a-z0-9_]{1,40}$/),
    prompt: z.string().min(1).max(1000),
    strongAnswer: z.string().min(1).max(1000),
    weakAnswer: z.string().min(1).max(1000),
  })
  .strict();
export type BehaviouralPrompt = z.infer<typeof behaviouralPromptSchema>;

export const practiceKinds = ['coding', 'sql'] as const;
export type PracticeKind = (typeof practiceKinds)[number];

const example = z.object({ args: z.array(z.unknown()), expected: z.unknown() });
export const practiceProblemSchema = z.object({
  kind: z.enum(practiceKinds),
  slug: z.string(),
  title: z.string(),
  difficulty: z.enum(difficulties),
  topics: z.array(z.string()),
  statement: z.string(),
  constraints: z.array(z.string()),
  minutes: z.number(),
  highlighting: z.boolean(),
  languages: z.array(z.string()),
  starter: z.record(z.string(), z.string()),
  /** The public tests: the only ones practice is graded on. */
  examples: z.array(example),
});
export const practiceCaseSchema = z.object({
  slug: z.string(),
  title: z.string(),
  brief: z.string(),
  deliverable: z.string(),
  asks: z.array(z.string()),
  daysToDeliver: z.number(),
});
export const practicePromptSchema = behaviouralPromptSchema.extend({ valueName: z.string() });

/** One round type of the candidate's process: what it tests, how it runs, and what to practise. */
export const practiceRoundSchema = z.object({
  roundType: z.string(),
  names: z.array(z.string()),
  durationMinutes: z.number(),
  format: z.string(),
  purpose: z.string().nullable(),
  whatItTests: z.string().nullable(),
  howItRuns: z.string().nullable(),
  focus: z.array(z.object({ name: z.string(), description: z.string() })),
  problems: z.array(z.object({ kind: z.enum(practiceKinds), slug: z.string() })),
  caseStudies: z.array(z.string()),
  prompts: z.array(z.string()),
});

export const planDaySchema = z.object({
  date: z.string(),
  items: z.array(
    z.object({
      kind: z.enum([...practiceKinds, 'case_study', 'behavioural']),
      slug: z.string(),
      title: z.string(),
      done: z.boolean(),
    }),
  ),
});
export const practicePlanSchema = z.object({
  id: z.string(),
  roundName: z.string(),
  roundType: z.string(),
  roundStartsAt: z.string(),
  reminders: z.boolean(),
  createdAt: z.string(),
  days: z.array(planDaySchema),
  done: z.number(),
  total: z.number(),
});

export const practiceAttemptSchema = z.object({
  id: z.string(),
  kind: z.enum(practiceKinds),
  slug: z.string(),
  mode: z.enum(['free', 'timed']),
  startedAt: z.string(),
  deadlineAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  passed: z.number().nullable(),
  total: z.number().nullable(),
  scorePercent: z.number().nullable(),
});

/** The practice space: the same for a signed-in candidate and a public link, less what is stored. */
export const practiceSpaceSchema = z.object({
  companyName: z.string(),
  /** Said on the page: practice never reaches the hiring team. */
  privacy: z.string(),
  rounds: z.array(practiceRoundSchema),
  problems: z.array(practiceProblemSchema),
  caseStudies: z.array(practiceCaseSchema),
  prompts: z.array(practicePromptSchema),
  /** Null on a public link, which stores nothing. */
  attempts: z.array(practiceAttemptSchema).nullable(),
  plan: practicePlanSchema.nullable(),
  serverNow: z.string(),
});

export const practiceItemParams = z.object({ kind: z.enum(practiceKinds), slug });
export const practiceAnswerBody = z.object({
  language: z.enum([...codeLanguages, 'sql']),
  code: z.string().max(50_000),
});
export const practiceGradeSchema = z.union([codeGradeSchema, sqlGradeSchema]);

export const timedPracticeSchema = z.object({
  id: z.string(),
  kind: z.enum(practiceKinds),
  slug: z.string(),
  startedAt: z.string(),
  deadlineAt: z.string(),
  serverNow: z.string(),
});
export const timedPracticeParams = z.object({ id: z.string().uuid() });
export const timedResultSchema = z.object({
  attempt: practiceAttemptSchema,
  grade: practiceGradeSchema,
  explanation: z.string().nullable(),
});
/** A public link's visitor keeps the clock in their own browser: the server stores nothing for them. */
export const publicResultSchema = z.object({
  grade: practiceGradeSchema,
  explanation: z.string().nullable(),
});

export const planBody = z.object({ reminders: z.boolean().default(true) });

export const practiceLinkSchema = z.object({
  published: z.boolean(),
  publishedAt: z.string().nullable(),
  /** The link itself, shown once when it is published; only its hash is kept. */
  url: z.string().nullable(),
});
export const practiceLinkBody = z.object({ published: z.boolean() });
/** A brief read or a prompt rehearsed, ticked off (or back on) on a day of the plan. */
export const planTickBody = z.object({
  date: z.string().date(),
  kind: z.enum(['case_study', 'behavioural']),
  slug: z.string().min(1).max(60),
  ticked: z.boolean(),
});
export const practiceTokenParams = z.object({ token: z.string().min(20).max(200) });
export const publicItemParams = practiceTokenParams.extend(practiceItemParams.shape);
