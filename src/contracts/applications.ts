import { z } from 'zod';
import { attachmentSchema, candidateInput, candidateSchema } from './candidates.js';
import { errorBody, pageQuery, uuid } from './common.js';
import { roundSchema } from './process-template.js';
import { queueScreening } from './screening.js';
import { listFilterSchema } from './views.js';
import { evidenceGaps, steps } from './vocabulary.js';

export const applicationStatusSchema = z.enum([
  'queued',
  'active',
  'rejected',
  'withdrawn',
  'hired',
  'closed',
]);
export const plannedRoundSchema = roundSchema.extend({ addedReason: z.string().optional() });
export const decisionSchema = z.object({
  id: z.string(),
  roundKey: z.string(),
  decision: z.enum(['advance', 'reject']),
  rationale: z.string(),
  againstMajority: z.boolean(),
  missingFeedback: z.array(z.string()),
  /** Decided without its evidence, with the decider's written reason. */
  override: z.object({ reason: z.string(), gaps: z.array(z.enum(evidenceGaps)) }).nullable(),
  decidedBy: z.string(),
  decidedAt: z.string(),
  /**
   * Until when the decider can undo it (POST /api/decisions/{id}/undo); its messages wait till
   * then. Null when the organisation sends decisions at once.
   */
  undoUntil: z.string().nullable(),
});
export const applicationSchema = z.object({
  id: z.string(),
  jobId: z.string(),
  teamId: z.string(),
  candidateId: z.string(),
  jobFamily: z.string(),
  status: applicationStatusSchema,
  /** The round being run, or null once every round is passed or the application ended. */
  currentRound: z.string().nullable(),
  step: z.string(),
  plan: z.array(plannedRoundSchema),
  processId: z.string(),
  submittedAt: z.string(),
  endedAt: z.string().nullable(),
  version: z.number(),
});
export const applicationListItem = applicationSchema.extend({
  /** Under blind review: "Applicant" and the first characters of the application id, never the name. */
  candidateName: z.string(),
  jobTitle: z.string(),
  /** The matcher's annotation, or why there is none (ADR 0025). */
  screening: queueScreening,
  /** The application is at the resume screen, undecided, and its job is under blind review. */
  blind: z.boolean(),
});
export const applicationDetail = applicationSchema.extend({
  /** Name, email, phone hidden and the resume text redacted while under blind review (ADR 0025). */
  blind: z.boolean(),
  /** With the resume text, for the screen and the hiring team. */
  candidate: candidateSchema.extend({
    resumeText: z.string().nullable(),
    /** When there is no resume text because the newest resume file could not be read. */
    resumeUnread: attachmentSchema.shape.textUnread,
  }),
  job: z.object({ id: z.string(), title: z.string(), status: z.string() }),
  decisions: z.array(decisionSchema),
});
export const applicationListQuery = pageQuery.extend({
  jobId: uuid.optional(),
  status: applicationStatusSchema.optional(),
  roundKey: z.string().max(40).optional(),
  /** Active applications whose current round belongs to this step, e.g. the resume screen queue. */
  step: z.enum(steps).optional(),
  candidateId: uuid.optional(),
  sort: z
    .enum(['submitted', 'tier'])
    .default('submitted')
    .describe(
      'submitted: oldest first; tier: strong, possible, unclear, weak, not annotated, each oldest first',
    ),
  tier: z
    .string()
    .regex(
      /^(strong|possible|weak|unclear)(,(strong|possible|weak|unclear))*$/,
      'a comma-separated list of strong, possible, weak, unclear',
    )
    .optional()
    .describe("Only applications whose current annotation has one of these tiers, e.g. 'strong,possible'"),
  // The shared list filter: team, tag, source, applied dates, owner, decided without evidence.
  ...listFilterSchema.omit({ jobId: true, step: true }).shape,
});
export const submitApplicationBody = z.object({
  jobId: uuid,
  candidate: candidateInput,
  source: z.string().max(60).default('recruiter'),
});
export const candidateApplyBody = z.object({ jobId: uuid });
export const idempotencyHeaders = z.object({ 'idempotency-key': z.string().min(8).max(200).optional() });
export const decideBody = z.object({
  roundKey: z.string().min(1).max(40),
  decision: z.enum(['advance', 'reject']),
  rationale: z.string().trim().min(1, 'a written rationale is required').max(5000),
  /**
   * Decide without the evidence (no interview held, feedback missing, or a round another
   * role decides); the reason is kept with the decision and shows wherever it does.
   */
  overrideReason: z.string().trim().min(10, 'at least 10 characters: say why').max(2000).optional(),
});
export const bulkDecideBody = z.object({
  items: z
    .array(z.object({ applicationId: uuid, roundKey: z.string().min(1).max(40) }))
    .min(1)
    .max(1000),
  decision: z.enum(['advance', 'reject']),
  rationale: z.string().trim().min(1, 'a written rationale is required').max(5000),
});
export const bulkDecideResponse = z.object({
  succeeded: z.number(),
  failed: z.number(),
  results: z.array(
    z.object({
      applicationId: z.string(),
      ok: z.boolean(),
      status: z.string().optional(),
      decisionId: z.string().optional(),
      undoUntil: z.string().nullable().optional(),
      error: errorBody.shape.error.optional(),
    }),
  ),
});
export const bulkUndoBody = z.object({ decisionIds: z.array(uuid).min(1).max(1000) });
export const bulkUndoResponse = z.object({
  undone: z.number(),
  failed: z.number(),
  results: z.array(
    z.object({
      decisionId: z.string(),
      ok: z.boolean(),
      applicationId: z.string().optional(),
      status: z.string().optional(),
      error: errorBody.shape.error.optional(),
    }),
  ),
});
export const addRoundBody = z.object({
  round: roundSchema,
  beforeRoundKey: z.string().min(1).max(40).optional(),
  reason: z.string().trim().min(1, 'a reason is required').max(5000),
});
export const withdrawBody = z.object({ reason: z.string().max(2000).optional() });
export const timelineEvent = z.object({
  seq: z.number(),
  at: z.string(),
  action: z.string(),
  actor: z.object({ kind: z.string(), id: z.string().nullable(), name: z.string().nullable() }),
  reason: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  /** On round events: false when a reject on the round does not end the application (see ADR 0011). */
  eliminatory: z.boolean().optional(),
});
