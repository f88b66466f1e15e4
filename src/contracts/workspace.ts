import { z } from 'zod';

export const pipelineResponse = z.object({
  jobId: z.string(),
  jobTitle: z.string(),
  columns: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      kind: z.enum(['round', 'offer', 'ended']),
      count: z.number(),
      /** The oldest applications in the column, at most 20. */
      cards: z.array(
        z.object({ applicationId: z.string(), candidateName: z.string(), submittedAt: z.string() }),
      ),
    }),
  ),
});
export const decisionQueueQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });
export const decisionQueueResponse = z.object({
  /** All applications waiting, of which `items` are the first `limit`. */
  total: z.number(),
  items: z.array(
    z.object({
      applicationId: z.string(),
      candidateName: z.string(),
      jobTitle: z.string(),
      roundKey: z.string(),
      roundName: z.string(),
      scorecards: z.number(),
      submitted: z.number(),
      lastFeedbackAt: z.string().nullable(),
    }),
  ),
});

export const reportFilter = z.object({ jobId: z.uuid().optional(), teamId: z.uuid().optional() });
export const timingResponse = z.object({
  /** Days from entering a step (the previous decision, or applying) to its decision. */
  timeInStep: z.array(
    z.object({ step: z.string(), decisions: z.number(), medianDays: z.number(), meanDays: z.number() }),
  ),
  /** Application to first offer sent, against the 4–6-week target. */
  timeToOffer: z.object({
    targetDays: z.number(),
    offers: z.number(),
    medianDays: z.number().nullable(),
    p90Days: z.number().nullable(),
    withinTargetRate: z.number().nullable(),
    overThreeMonths: z.number(),
    /** Active applications past the target without an offer: flagged. */
    openPastTarget: z.number(),
  }),
  /** Scorecards handed in by their deadline. */
  feedback: z.object({ submitted: z.number(), onTimeRate: z.number().nullable(), overdue: z.number() }),
  /** Per team: round decisions taken without their evidence (an override with a written reason). */
  decisionsWithoutEvidence: z.array(
    z.object({
      teamId: z.string(),
      teamName: z.string(),
      decisions: z.number(),
      withoutEvidence: z.number(),
      rate: z.number(),
    }),
  ),
});

/** Applications reaching each round, per job, with the pass-through rate between rounds. */
export const funnelResponse = z.object({
  items: z.array(
    z.object({
      jobId: z.string(),
      jobTitle: z.string(),
      total: z.number(),
      hired: z.number(),
      rounds: z.array(
        z.object({
          index: z.number(),
          /** The round of the job's process at this position, or "Offer" after the last. */
          name: z.string(),
          reached: z.number(),
          passThrough: z.number(),
        }),
      ),
    }),
  ),
});
