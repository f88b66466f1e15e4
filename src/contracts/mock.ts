import { z } from 'zod';
import { ratings } from './kits.js';
import { codeLanguages } from './problems.js';

/** The rounds a candidate can practise with a person. */
export const mockRoundTypes = [
  'coding',
  'system_design',
  'behavioural',
  'product_sense',
  'case_presentation',
] as const;
export type MockRoundType = (typeof mockRoundTypes)[number];
export const mockStatuses = ['booked', 'cancelled', 'held', 'candidate_no_show', 'coach_no_show'] as const;

const instant = z.iso.datetime({ offset: true });
const reason = z.string().trim().min(1, 'say why').max(500);

export const mockSettingsSchema = z.object({
  /** Off: the portal says mock interviews are not offered, and booking is refused. */
  enabled: z.boolean(),
  /** At most this many sessions per candidate within `windowDays` (cancelled ones do not count). */
  maxSessions: z.number().int().min(0).max(20),
  windowDays: z.number().int().min(1).max(365),
});

export const coachProfileSchema = z.object({
  /** Volunteering as a practice interviewer: slots come from one's interviewing availability. */
  active: z.boolean(),
  roundTypes: z
    .array(z.enum(mockRoundTypes))
    .max(mockRoundTypes.length)
    .refine((list) => new Set(list).size === list.length, 'each round type once'),
});

export const slotsQuery = z.object({ roundType: z.enum(mockRoundTypes) });
export const slotsResponse = z.object({
  roundType: z.enum(mockRoundTypes),
  /** The candidate's zone, which `startsAtLocal` is in. */
  timezone: z.string(),
  minutes: z.number(),
  items: z.array(z.object({ startsAt: z.string(), startsAtLocal: z.string() })),
});

export const bookMockBody = z.object({
  roundType: z.enum(mockRoundTypes),
  /** One of the open slots' `startsAt`. */
  startsAt: instant,
});
export const cancelMockBody = z.object({ reason });
/** The language the session's pad starts in. */
export const mockPadBody = z.object({ language: z.enum(codeLanguages).default('javascript') });

export const coachingCardBody = z.object({
  /** A rating for each focus attribute of the round's kit, by its key. */
  ratings: z.record(z.string().regex(/^[a-z0-9_]{1,40}$/, 'a focus attribute key'), z.enum(ratings)),
  advice: z.string().trim().min(20, 'write at least a few sentences of advice').max(5000),
});

const cardView = z.object({
  ratings: z.array(z.object({ key: z.string(), name: z.string(), rating: z.enum(ratings) })),
  advice: z.string(),
  submittedAt: z.string(),
});

const sessionBase = z.object({
  id: z.string(),
  roundType: z.enum(mockRoundTypes),
  roundName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  /** In the reader's own zone. */
  startsAtLocal: z.string(),
  timezone: z.string(),
  status: z.enum(mockStatuses),
  /** The session's start has passed: it can no longer be cancelled, and its outcome can be recorded. */
  begun: z.boolean(),
  cancelReason: z.string().nullable(),
  videoUrl: z.string(),
  /** The session's coding pad, once the practice interviewer opened it. */
  padId: z.string().nullable(),
  card: cardView.nullable(),
});

/** The candidate's view: who coaches them and, after the session, their card. */
export const candidateMockSchema = sessionBase.extend({ coachName: z.string() });

export const portalMockResponse = z.object({
  enabled: z.boolean(),
  maxSessions: z.number(),
  windowDays: z.number(),
  /** Sessions booked within the window that count against the limit. */
  used: z.number(),
  /** Whether the candidate may book at all (an application still in progress). */
  eligible: z.boolean(),
  roundTypes: z.array(z.object({ key: z.enum(mockRoundTypes), name: z.string(), purpose: z.string() })),
  items: z.array(candidateMockSchema),
});

/** The practice interviewer's view: the candidate's first name and the round's kit. */
export const coachMockSchema = sessionBase.extend({
  candidateName: z.string(),
  kit: z.object({
    purpose: z.string(),
    focusAttributes: z.array(z.object({ key: z.string(), name: z.string(), description: z.string() })),
    questions: z.array(
      z.object({ id: z.string(), prompt: z.string(), strongAnswer: z.string(), weakAnswer: z.string() }),
    ),
    timePlan: z.array(z.object({ minutes: z.number(), activity: z.string() })),
  }),
});
