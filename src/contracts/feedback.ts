import { z } from 'zod';
import { applicationStatusSchema, decisionSchema } from './applications.js';
import { attachmentSchema } from './candidates.js';
import { uuid } from './common.js';
import { interviewKitSchema, kitProposalSchema, ratings, scorecardContentSchema } from './kits.js';

export const scheduleInterviewBody = z.object({
  roundKey: z.string().min(1).max(40),
  startsAt: z.iso.datetime({ offset: true }),
  durationMinutes: z.number().int().min(10).max(480).optional(),
  interviewerIds: z.array(uuid).min(1).max(10),
  /** The interview's language, e.g. "en", "zh" (BCP 47). */
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag such as en or zh-CN')
    .default('en'),
});
export const interviewSchema = z.object({
  id: z.string(),
  applicationId: z.string(),
  roundKey: z.string(),
  roundName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  language: z.string(),
  interviewerIds: z.array(z.string()),
  status: z.enum(['scheduled', 'cancelled']),
  /** Why it was last moved or cancelled. */
  changeReason: z.string().nullable(),
});
export const myInterviewSchema = interviewSchema.extend({
  candidateName: z.string(),
  jobTitle: z.string(),
  /** In the interviewer's own time zone. */
  startsAtLocal: z.string(),
  timezone: z.string(),
  scorecardStatus: z.enum(['pending', 'draft', 'submitted']),
  feedbackDueAt: z.string(),
  feedbackDueAtLocal: z.string(),
});
export const kitResponse = z.object({
  interview: interviewSchema,
  candidate: z.object({
    id: z.string(),
    name: z.string(),
    resumeText: z.string().nullable(),
    resumeUnread: attachmentSchema.shape.textUnread,
  }),
  jobTitle: z.string(),
  /** Feedback is written only while the application is open (queued or active). */
  applicationStatus: applicationStatusSchema,
  round: z.object({
    key: z.string(),
    name: z.string(),
    roundType: z.string(),
    durationMinutes: z.number(),
    format: z.string(),
  }),
  kit: interviewKitSchema.nullable(),
  /** The kit's questions proposed to the reader for this interview; null when the round has no kit. */
  proposal: kitProposalSchema.nullable(),
  /** The server's clock when answering, so a page can tell when the interview starts by it. */
  serverNow: z.string(),
});
export const scorecardDraftBody = z.object({
  content: scorecardContentSchema,
  expectedVersion: z.number().int().min(1),
});
export const scorecardSubmitBody = z.object({ content: scorecardContentSchema });
export const scorecardAmendBody = z.object({
  content: scorecardContentSchema,
  reason: z.string().trim().min(1, 'say why the feedback changes').max(2000),
});
const contentOut = scorecardContentSchema.extend({ privateNote: z.string().optional() });
export const scorecardSchema = z.object({
  id: z.string(),
  interviewId: z.string(),
  applicationId: z.string(),
  roundKey: z.string(),
  interviewerId: z.string(),
  interviewerName: z.string(),
  status: z.enum(['pending', 'draft', 'submitted']),
  revision: z.number(),
  content: contentOut,
  dueAt: z.string(),
  submittedAt: z.string().nullable(),
  late: z.boolean(),
  version: z.number(),
  revisions: z.array(
    z.object({ revision: z.number(), content: contentOut, reason: z.string(), at: z.string() }),
  ),
});
export const scorecardListResponse = z.object({
  items: z.array(scorecardSchema),
  /** True when other interviewers' scorecards exist but stay hidden until yours is submitted. */
  othersHidden: z.boolean(),
});
export const debriefResponse = z.object({
  roundKey: z.string(),
  /** False when a reject on this round does not end the application (see ADR 0011). */
  eliminatory: z.boolean(),
  attributes: z.array(z.object({ key: z.string(), name: z.string() })),
  interviewers: z.array(
    z.object({
      interviewerId: z.string(),
      name: z.string(),
      status: z.enum(['pending', 'draft', 'submitted']),
      ratings: z.record(z.string(), z.enum(ratings)),
      recommendation: z.enum(ratings).nullable(),
      notes: z.string(),
      privateNote: z.string(),
      late: z.boolean(),
    }),
  ),
  majority: z.enum(['advance', 'reject']).nullable(),
  committee: z.boolean(),
  votes: z.array(
    z.object({
      voterId: z.string(),
      name: z.string(),
      vote: z.enum(['advance', 'reject']),
      note: z.string(),
    }),
  ),
  consensus: z.enum(['advance', 'reject']).nullable(),
  /** A committee without consensus: the hiring manager may add a round. */
  suggestExtraRound: z.boolean(),
  decision: z
    .object({
      decision: z.enum(['advance', 'reject']),
      rationale: z.string(),
      againstMajority: z.boolean(),
      override: decisionSchema.shape.override,
      missingFeedback: z.array(z.string()),
    })
    .nullable(),
});
export const voteBody = z.object({
  vote: z.enum(['advance', 'reject']),
  note: z.string().max(2000).default(''),
});
export const roundParams = z.object({ id: uuid, roundKey: z.string().min(1).max(40) });
export const holidayBody = z.object({ day: z.iso.date(), name: z.string().trim().min(1).max(120) });
export const holidaySchema = holidayBody;
export const insightSchema = z.object({
  interviewerId: z.string(),
  name: z.string(),
  submitted: z.number(),
  /** Share of decided rounds where the recommendation (yes/no side) matched the decision. */
  agreementRate: z.number().nullable(),
  /** Mean of their recommendations minus the panel's on the same rounds, on a −2…+2 scale. */
  leniency: z.number().nullable(),
  tendency: z.enum(['lenient', 'harsh', 'balanced']).nullable(),
  onTimeRate: z.number().nullable(),
  overdue: z.number(),
});
export const voteResponse = z.object({
  roundKey: z.string(),
  votes: z.array(z.object({ voterId: z.string(), vote: z.enum(['advance', 'reject']) })),
});
