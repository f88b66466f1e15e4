import { z } from 'zod';

export const codeLanguages = ['javascript', 'typescript', 'python'] as const;
export type CodeLanguage = (typeof codeLanguages)[number];

export const difficulties = ['easy', 'medium', 'hard'] as const;

const slug = z.string().regex(/^[a-z0-9-]{1,60}$/);
const identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,59}$/);
const testCase = z.object({ args: z.array(z.unknown()), expected: z.unknown() });
/**
 * A worked explanation shown after a practice submission: the approach, its cost, the common
 * mistake. Practice items carry one; hiring items need none (nobody sees a solution to them).
 */
const explanation = z.string().min(1).max(4000).optional();

/**
 * A coding problem under templates/problems/coding/<slug>/problem.json. The candidate writes one
 * function (`entry`, named per language); each test calls it with `args` and compares the result
 * with `expected`: `exact` as JSON values, `float` within 10⁻⁶.
 */
export const codingProblemSchema = z.object({
  slug,
  title: z.string().min(1).max(120),
  difficulty: z.enum(difficulties),
  topics: z.array(z.string().min(1).max(40)).min(1).max(6),
  statement: z.string().min(1).max(4000),
  constraints: z.array(z.string().min(1).max(200)).max(10),
  minutes: z.number().int().min(5).max(120),
  entry: z.object({ javascript: identifier, python: identifier }),
  compare: z.enum(['exact', 'float']),
  /** The seeds' screens use a plain editor; a template may turn highlighting on. */
  highlighting: z.boolean(),
  starter: z.object({ javascript: z.string(), typescript: z.string(), python: z.string() }),
  examples: z.array(testCase).min(1).max(5),
  hidden: z.array(testCase).min(5).max(50),
  explanation,
});
export type CodingProblem = z.infer<typeof codingProblemSchema>;

/**
 * A SQL question under templates/problems/sql/<slug>/question.json, answered against the dataset in
 * templates/problems/sql/dataset.sql and compared with reference.sql's rows: column names are free,
 * their order and count are not; rows in any order unless `ordered`; numbers within `tolerance`.
 */
export const sqlQuestionSchema = z.object({
  slug,
  title: z.string().min(1).max(120),
  difficulty: z.enum(difficulties),
  topics: z.array(z.string().min(1).max(40)).min(1).max(6),
  statement: z.string().min(1).max(4000),
  minutes: z.number().int().min(5).max(120),
  ordered: z.boolean(),
  tolerance: z.number().min(0).max(1),
  explanation,
});
export type SqlQuestion = z.infer<typeof sqlQuestionSchema>;

/**
 * A take-home case study under templates/problems/case-studies/<slug>.json: a brief, what to
 * deliver (a deck or a PDF) and what the presentation round will ask for. People grade it.
 */
export const caseStudySchema = z.object({
  slug,
  title: z.string().min(1).max(120),
  audience: z.enum(['product', 'marketing', 'operations', 'data']),
  brief: z.string().min(1).max(6000),
  deliverable: z.string().min(1).max(500),
  asks: z.array(z.string().min(1).max(500)).min(1).max(6),
  daysToDeliver: z.number().int().min(1).max(14),
  explanation,
});
export type CaseStudy = z.infer<typeof caseStudySchema>;

const valueKey = z.string().regex(/^[a-z0-9_]{1,40}$/);

/**
 * Behavioural practice prompts under templates/practice/behavioural.json: the company's values and,
 * for each prompt, the value it probes and what a strong and a weak answer show.
 */
export const behaviouralPracticeSchema = z
  .object({
    values: z
      .array(z.object({ key: valueKey, name: z.string().min(1).max(80) }).strict())
      .min(1)
      .max(10),
    prompts: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z0-9-]{1,60}$/),
            value: valueKey,
            prompt: z.string().min(1).max(1000),
            strongAnswer: z.string().min(1).max(1000),
            weakAnswer: z.string().min(1).max(1000),
          })
          .strict(),
      )
      .min(1)
      .max(200),
  })
  .strict()
  .superRefine((file, ctx) => {
    const keys = new Set(file.values.map((v) => v.key));
    const ids = new Set<string>();
    file.prompts.forEach((prompt, i) => {
      if (!keys.has(prompt.value))
        ctx.addIssue({
          code: 'custom',
          path: ['prompts', i, 'value'],
          message: `"${prompt.value}" is not a listed value`,
        });
      if (ids.has(prompt.id))
        ctx.addIssue({
          code: 'custom',
          path: ['prompts', i, 'id'],
          message: `the id "${prompt.id}" is used twice`,
        });
      ids.add(prompt.id);
    });
  });
export type BehaviouralPractice = z.infer<typeof behaviouralPracticeSchema>;
