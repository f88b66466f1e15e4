import { z } from 'zod';
import { codeLanguages } from './problems.js';

export const createPadBody = z.object({
  /** A shipped coding problem to work on; without one the pad is blank and has nothing to run. */
  problem: z
    .string()
    .regex(/^[a-z0-9-]{1,60}$/)
    .nullable()
    .default(null),
  language: z.enum(codeLanguages).default('javascript'),
});

const problemView = z
  .object({
    title: z.string(),
    statement: z.string(),
    examples: z.array(z.object({ args: z.array(z.unknown()), expected: z.unknown() })),
    highlighting: z.boolean(),
  })
  .nullable();

export const padSchema = z.object({
  id: z.string(),
  /** Null on a mock interview's pad, which belongs to the session. */
  applicationId: z.string().nullable(),
  language: z.enum(codeLanguages),
  problemSlug: z.string().nullable(),
  problem: problemView,
  createdAt: z.string(),
  /** The live document's text now. */
  text: z.string(),
});
export const createdPadSchema = padSchema.extend({
  /** The candidate's link to the pad; shown once. */
  candidateUrl: z.string(),
});
export const candidatePadSchema = padSchema.omit({ applicationId: true });

export const padTokenParams = z.object({ token: z.string().min(20).max(200) });

export const replaySchema = z.object({
  /** The text after each edit, in order, with who made it. */
  frames: z.array(z.object({ at: z.string(), author: z.string(), text: z.string() })),
  runs: z.array(z.object({ at: z.string(), author: z.string(), detail: z.record(z.string(), z.unknown()) })),
});
