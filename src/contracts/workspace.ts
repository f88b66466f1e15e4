import { z } from 'zod';
import { listFilterSchema } from './views.js';
import { deciders, evidenceGaps } from './vocabulary.js';

/** The board of one job, narrowed by the list filter (its job is the one in the path). */
export const pipelineQuery = listFilterSchema.omit({ jobId: true });

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
        z.object({
          applicationId: z.string(),
          candidateName: z.string(),
          submittedAt: z.string(),
          /** When it came into this column: its latest decision, or applying. */
          enteredAt: z.string(),
          /** The candidate's owner on the hiring team, if one is set. */
          ownerName: z.string().nullable(),
          /** The current round's interviews; `none` for a round held without the candidate; null off the rounds. */
          interviews: z.enum(['none', 'to_book', 'booked', 'feedback_due', 'complete']).nullable(),
          /** The current round's scorecards: expected, submitted, and how many recommend yes or no. */
          panel: z.object({ expected: z.number(), submitted: z.number(), yes: z.number(), no: z.number() }),
        }),
      ),
    }),
  ),
  /** The server's clock, so days in a column are counted by it. */
  serverNow: z.string(),
});
export const decisionQueueQuery = listFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** How many rows of the ordered queue to skip: the previous answer's `nextOffset`. */
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
const decisionQueueItem = z
  .object({
    applicationId: z.string(),
    candidateName: z.string(),
    jobTitle: z.string(),
    teamId: z.string(),
    teamName: z.string(),
    roundKey: z.string(),
    roundName: z.string(),
    decidedBy: z.enum(deciders),
    /** Every interview of the round has taken place and every scorecard is in: nothing needs an override. */
    decidableNow: z.boolean(),
    /** What the round still lacks, each in words (e.g. "2 of 3 scorecards in"); empty when decidable now. */
    gaps: z.array(z.object({ code: z.enum(evidenceGaps), message: z.string() })),
    /** Scorecards expected from the panel (one per interviewer booked) and submitted so far. */
    panel: z.object({ expected: z.number().int(), submitted: z.number().int() }),
    /** The panel's recommendation, only once every scorecard is in; `split` when as many say yes as no. */
    majority: z.enum(['advance', 'reject', 'split']).nullable(),
    /** A committee round's votes so far and whether they agree; null for other rounds. */
    votes: z
      .object({
        advance: z.number().int(),
        reject: z.number().int(),
        consensus: z.enum(['advance', 'reject']).nullable(),
      })
      .nullable(),
    /** The round's next interview still to come, if any. */
    nextInterviewAt: z.string().nullable(),
    lastFeedbackAt: z.string().nullable(),
    /**
     * When the wait began: the latest evidence in (an interview held, a scorecard, a vote). For a
     * round ready to decide, since it became decidable; null when nothing has happened yet.
     */
    waitingSince: z.string().nullable(),
    /** Business days since `waitingSince`, in the decider's zone, without the organisation's holidays. */
    waitingDays: z.number().int().nullable(),
    /** The round's target for feedback and its decision, in business days (`feedbackSlaDays`). */
    slaDays: z.number().int(),
    /** Waiting longer than `slaDays`: a late decision when ready, late feedback otherwise. */
    overdue: z.boolean(),
  })
  .meta({ id: 'DecisionQueueItem' });
export const decisionQueueResponse = z.object({
  /** Every round waiting in the queue, of which `items` are `limit` from `offset`. */
  total: z.number(),
  /** How many of them can be decided now. */
  ready: z.number(),
  offset: z.number(),
  /** The `offset` of the next page, or null on the last one. */
  nextOffset: z.number().nullable(),
  /** Ready to decide first, the longest waiting first; then the rounds waiting for evidence. */
  items: z.array(decisionQueueItem),
  /** Decisions in the same scope taken this calendar month (in the decider's zone) without their evidence. */
  overridesThisMonth: z.object({
    since: z.string(),
    items: z.array(
      z.object({
        applicationId: z.string(),
        candidateName: z.string(),
        jobTitle: z.string(),
        roundKey: z.string(),
        roundName: z.string(),
        decision: z.enum(['advance', 'reject']),
        /** The written reason the decider gave for deciding without the evidence. */
        reason: z.string(),
        gaps: z.array(z.enum(evidenceGaps)),
        decidedAt: z.string(),
        deciderName: z.string(),
      }),
    ),
  }),
});

/** The longest date range a report takes: two years of weeks. */
export const REPORT_MAX_DAYS = 731;

const reportScope = {
  jobId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  /** The range's first day, in the reader's time zone (inclusive). */
  from: z.iso.date().optional(),
  /** The range's last day, in the reader's time zone (inclusive). */
  to: z.iso.date().optional(),
};

/** Refuses a range that ends before it starts or spans more than two years, naming the field. */
function checkRange(range: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx) {
  if (!range.from || !range.to) return;
  const days = (Date.parse(range.to) - Date.parse(range.from)) / 86_400_000;
  if (days < 0)
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: 'the range must end on or after the day it starts',
    });
  else if (days >= REPORT_MAX_DAYS)
    ctx.addIssue({ code: 'custom', path: ['from'], message: 'a report covers at most two years' });
}

/**
 * Which applications a report counts: a job or team, and a range of days. The range applies to
 * what each figure is about: the day applications applied (funnel, application to offer), the
 * day decisions were taken (time in step, decisions without evidence), the day scorecards were
 * due (feedback on time).
 */
export const reportFilter = z.object(reportScope).superRefine(checkRange);
export type ReportFilter = z.infer<typeof reportFilter>;

/** Week by week over the range (the last twelve weeks when none is given), in the reader's zone. */
export const trendsResponse = z.object({
  from: z.string(),
  to: z.string(),
  weeks: z.array(
    z.object({
      /** The Monday the week starts on. */
      weekStart: z.string(),
      applied: z.number(),
      advanced: z.number(),
      rejected: z.number(),
      withoutEvidence: z.number(),
      offersSent: z.number(),
      hired: z.number(),
    }),
  ),
});

/** The figures a report can be opened on, to the applications behind them. */
export const drillMeasures = ['applied', 'reached', 'hired', 'without_evidence', 'open_past_target'] as const;
export const drillQuery = z
  .object({
    ...reportScope,
    measure: z.enum(drillMeasures),
    /** For `reached`: the position in the job's funnel (0 is its first round); needs `jobId`. */
    round: z.coerce.number().int().min(0).max(50).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(500).optional(),
  })
  .superRefine((q, ctx) => {
    checkRange(q, ctx);
    if (q.measure === 'reached' && (q.round === undefined || !q.jobId))
      ctx.addIssue({
        code: 'custom',
        path: [q.jobId ? 'round' : 'jobId'],
        message: 'the applications reaching a round are counted per job: give the job and the round',
      });
  });
export const drillResponse = z.object({
  items: z.array(
    z.object({
      applicationId: z.string(),
      candidateName: z.string(),
      jobTitle: z.string(),
      status: z.string(),
      step: z.string(),
      submittedAt: z.string(),
    }),
  ),
  nextCursor: z.string().nullable(),
});
/** Where a report was read: a replica may be a few seconds behind the primary, and says by how much. */
export const reportFreshness = z
  .object({
    replica: z.boolean().describe('Read on a read replica rather than the primary'),
    lagSeconds: z.number().describe('How far the replica was behind the primary when read; 0 on the primary'),
  })
  .describe('How current the figures are');
export const timingResponse = z.object({
  freshness: reportFreshness.optional(),
  /** Days from entering a step (the previous decision, or applying) to its decision. */
  timeInStep: z.array(
    z.object({
      step: z.string(),
      decisions: z.number(),
      medianDays: z.number(),
      meanDays: z.number(),
      /** The spread: a quarter of decisions came faster than `p25Days`, a tenth slower than `p90Days`. */
      p25Days: z.number(),
      p75Days: z.number(),
      p90Days: z.number(),
      /** How many decisions took each span of days, fastest first ("under 1 day", "1–3 days", …). */
      distribution: z.array(z.object({ span: z.string(), decisions: z.number() })),
    }),
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
  freshness: reportFreshness.optional(),
  items: z.array(
    z.object({
      jobId: z.string(),
      jobTitle: z.string(),
      teamId: z.string(),
      teamName: z.string(),
      /** Applications that applied (in the range, when one is given). */
      total: z.number(),
      hired: z.number(),
      rounds: z.array(
        z.object({
          index: z.number(),
          /** The round of the job's process at this position, or "Offer" after the last. */
          name: z.string(),
          /** Applications that got to this round (are in it, passed it or ended at it). */
          reached: z.number(),
          /** Of those that reached the previous round, the share that reached this one (1 for the first). */
          passThrough: z.number(),
        }),
      ),
    }),
  ),
});
