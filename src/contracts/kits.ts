import { z } from 'zod';
import { roundTypes } from './vocabulary.js';

/** The rating scale the major ATSs share, weakest first. */
export const ratings = ['strong_no', 'no', 'mixed', 'yes', 'strong_yes'] as const;
export type Rating = (typeof ratings)[number];

/** The levels a bank question suits: intern and new graduate, mid-level, senior. */
export const bankLevels = ['intern_new_grad', 'mid', 'senior'] as const;
export type BankLevel = (typeof bankLevels)[number];

export const questionId = z
  .string()
  .regex(/^[a-z0-9-]{1,40}$/, 'a question id: lower-case letters, digits, dashes');

const attribute = z.object({
  key: z.string().regex(/^[a-z0-9_]{1,40}$/),
  name: z.string().min(1).max(80),
  description: z.string().min(1).max(300),
});

/** An interview kit for one round type, from the question bank under templates/. */
export const interviewKitSchema = z
  .object({
    roundType: z.enum(roundTypes),
    purpose: z.string().min(1).max(500),
    focusAttributes: z.array(attribute).min(1).max(10),
    questions: z
      .array(
        z
          .object({
            id: questionId,
            prompt: z.string().min(1).max(1000),
            strongAnswer: z.string().min(1).max(1000),
            weakAnswer: z.string().min(1).max(1000),
            topic: z.string().max(60).optional(),
            /** The company value a behavioural question probes (a focus attribute key). */
            value: z.string().max(40).optional(),
            minutes: z.number().int().min(1).max(60).optional(),
            /** Which candidates' levels the question suits, so a kit proposes what fits the job. */
            levels: z
              .array(z.enum(bankLevels))
              .min(1)
              .max(bankLevels.length)
              .refine((l) => new Set(l).size === l.length, 'each level once'),
          })
          .strict(),
      )
      .min(1)
      .max(40),
    timePlan: z
      .array(
        z
          .object({ minutes: z.number().int().min(1).max(120), activity: z.string().min(1).max(200) })
          .strict(),
      )
      .min(1),
    /** What the candidate sees to prepare for a round of this type. */
    preparation: z
      .object({
        whatItTests: z.string().min(1).max(500),
        format: z.string().min(1).max(500),
        commonMistakes: z.array(z.string().min(1).max(300)).min(1).max(10),
      })
      .strict(),
  })
  .strict()
  .superRefine((kit, ctx) => {
    const keys = new Set(kit.focusAttributes.map((a) => a.key));
    const seen = new Set<string>();
    kit.questions.forEach((q, i) => {
      if (seen.has(q.id)) {
        ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `"${q.id}" is used twice` });
      }
      seen.add(q.id);
      if (q.value && !keys.has(q.value)) {
        ctx.addIssue({
          code: 'custom',
          path: ['questions', i, 'value'],
          message: `"${q.value}" is not a focus attribute of this kit`,
        });
      }
    });
  });
export type InterviewKit = z.infer<typeof interviewKitSchema>;

/**
 * What the kit proposes to one interviewer of one interview: questions of the job's level the
 * candidate was not asked in another interview, least asked by the organisation first, rotated
 * so two interviewers of the candidate get different ones.
 */
export const kitProposalSchema = z.object({
  /** The bank level the job maps to; null when its level names none, and then every question fits. */
  level: z.enum(bankLevels).nullable(),
  /** Proposed for this interviewer, in the order to ask them. */
  questionIds: z.array(z.string()),
  /** Asked of this candidate in another interview (of any of their applications): not proposed. */
  askedElsewhereIds: z.array(z.string()),
  /** What this interviewer ticked as asked on this interview's scorecard. */
  askedHereIds: z.array(z.string()),
});
export type KitProposal = z.infer<typeof kitProposalSchema>;

export const salaryExpectationSchema = z.discriminatedUnion('declined', [
  z.object({ declined: z.literal(true) }).strict(),
  z
    .object({
      declined: z.literal(false),
      currency: z.string().regex(/^[A-Z]{3}$/),
      minCents: z.number().int().min(0),
      maxCents: z.number().int().min(0).optional(),
    })
    .strict(),
]);

/** What an interviewer writes. A draft may be partial; a submitted one needs a recommendation. */
export const scorecardContentSchema = z
  .object({
    ratings: z.record(z.string().max(40), z.enum(ratings)).default({}),
    recommendation: z.enum(ratings).nullable().default(null),
    notes: z.string().max(20_000).default(''),
    /** For the hiring team only: never shown to other interviewers. */
    privateNote: z.string().max(5_000).default(''),
    salaryExpectation: salaryExpectationSchema.nullable().default(null),
    /**
     * The kit's questions the interviewer asked, by id: later rounds of the same candidate are not
     * proposed them again, and the organisation's least-asked questions come first.
     */
    askedQuestionIds: z
      .array(questionId)
      .max(40)
      .refine((ids) => new Set(ids).size === ids.length, 'each question once')
      .optional(),
  })
  .strict();
export type ScorecardContent = z.infer<typeof scorecardContentSchema>;
