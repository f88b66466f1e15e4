import { z } from 'zod';
import { deciders, employmentTypes, interviewFormats, roundTypes, steps } from './vocabulary.js';

export const roundSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lowercase letters, digits and dashes, at most 40'),
    name: z.string().min(1).max(120),
    step: z.enum(steps),
    roundType: z.enum(roundTypes),
    durationMinutes: z.number().int().min(0).max(480),
    format: z.enum(interviewFormats),
    eliminatory: z.boolean().default(true),
    decidedBy: z.enum(deciders).default('hiring_manager'),
    feedbackSlaDays: z.number().int().min(1).max(15).default(2),
    /** A committee votes on this round; the hiring manager still decides. */
    committee: z.boolean().default(false),
  })
  .strict();
export type Round = z.infer<typeof roundSchema>;

const processFields = {
  name: z.string().min(1).max(120),
  description: z.string().max(2000).default(''),
  rounds: z.array(roundSchema).min(1).max(30),
  /** The vesting schedule an offer on this process starts from. */
  defaultVestingScheduleKey: z.string().min(1).max(60).optional(),
};

function checkRounds(def: { rounds: Round[] }, ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  def.rounds.forEach((round, i) => {
    if (seen.has(round.key)) {
      ctx.addIssue({
        code: 'custom',
        path: ['rounds', i, 'key'],
        message: `duplicate round key "${round.key}"`,
      });
    }
    seen.add(round.key);
    const previous = def.rounds[i - 1];
    // Steps are sequential checkpoints, so a plan may never go back to an earlier step.
    if (previous && steps.indexOf(round.step) < steps.indexOf(previous.step)) {
      ctx.addIssue({
        code: 'custom',
        path: ['rounds', i, 'step'],
        message: `step "${round.step}" cannot come after "${previous.step}"`,
      });
    }
  });
}

export const processDefinitionSchema = z.object(processFields).strict().superRefine(checkRounds);
export type ProcessDefinition = z.infer<typeof processDefinitionSchema>;

/** A file under templates/processes/: a versioned, shipped process for one role and level. */
export const templateFileSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9-]+$/),
    version: z.number().int().min(1),
    employmentType: z.enum(employmentTypes),
    level: z.string().min(1).max(40),
    ...processFields,
  })
  .strict()
  .superRefine(checkRounds);
export type TemplateFile = z.infer<typeof templateFileSchema>;
