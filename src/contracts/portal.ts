import { z } from 'zod';
import { applicationSchema } from './applications.js';
import { attachmentSchema, candidateSchema } from './candidates.js';
import { portalThreadSchema } from './messages.js';
import { candidateMockSchema } from './mock.js';
import { candidateOfferSchema } from './offers.js';
import { practiceAttemptSchema, practicePlanSchema } from './practice.js';

// ---- the candidate's own view of their applications

/** How to prepare for the current round, from the question bank. */
export const preparationSchema = z.object({
  roundName: z.string(),
  durationMinutes: z.number(),
  whatItTests: z.string(),
  format: z.string(),
  commonMistakes: z.array(z.string()),
  sampleQuestions: z.array(z.string()),
});
/** Where the application stands, what comes next and when we last wrote. */
export const portalApplicationSchema = applicationSchema.extend({
  jobTitle: z.string(),
  currentRoundName: z.string().nullable(),
  nextRoundName: z.string().nullable(),
  lastHeardAt: z.string().nullable(),
  /** The candidate opted this application out of automated annotation (ADR 0025). */
  screeningOptOut: z.boolean(),
  preparation: preparationSchema.nullable(),
});
export const candidateInterviewSchema = z.object({
  id: z.string(),
  applicationId: z.string(),
  jobTitle: z.string(),
  roundName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  /** In the candidate's own time zone. */
  startsAtLocal: z.string(),
  timezone: z.string(),
  language: z.string(),
  status: z.enum(['scheduled', 'cancelled']),
  changeReason: z.string().nullable(),
  videoUrl: z.string().nullable(),
});
export const dataExportSchema = z.object({
  exportedAt: z.string(),
  profile: candidateSchema.extend({ resumeText: z.string().nullable() }),
  applications: z.array(portalApplicationSchema),
  interviews: z.array(candidateInterviewSchema),
  offers: z.array(candidateOfferSchema),
  attachments: z.array(attachmentSchema),
  messages: z.array(
    z.object({
      subject: z.string(),
      body: z.string(),
      status: z.string(),
      createdAt: z.string(),
      deliveredAt: z.string().nullable(),
    }),
  ),
  /** The conversations with the hiring team, the candidate's own replies included. */
  conversations: z.array(portalThreadSchema),
  /** Practice attempts (with the code written) and preparation plans: the candidate's own. */
  practice: z.object({
    attempts: z.array(
      practiceAttemptSchema.extend({ language: z.string().nullable(), code: z.string().nullable() }),
    ),
    plans: z.array(
      practicePlanSchema.omit({ done: true, total: true }).extend({ endedAt: z.string().nullable() }),
    ),
  }),
  /** Mock interviews with their coaching cards: the candidate's own, like practice. */
  mockInterviews: z.array(candidateMockSchema),
});
/** The candidate confirms erasure by typing the address they applied with. */
export const erasureBody = z.object({ email: z.string().trim().min(1).max(255) });
export const erasureResponse = z.object({ withdrawn: z.number() });
