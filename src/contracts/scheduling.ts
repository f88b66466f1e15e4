import { z } from 'zod';
import { page, pageQuery, timezone, uuid } from './common.js';
import { interviewSchema } from './feedback.js';
import { languageTag } from './messages.js';
import { roundTypes } from './vocabulary.js';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time HH:mm, 00:00 to 24:00');
const range = z
  .tuple([clock, clock])
  .refine(([from, to]) => from < to, { message: 'the end must come after the start' });
export const dayHoursSchema = z.array(range).max(6);
const weekday = dayHoursSchema.optional();
export const weeklyHoursSchema = z
  .object({
    '1': weekday,
    '2': weekday,
    '3': weekday,
    '4': weekday,
    '5': weekday,
    '6': weekday,
    '7': weekday,
  })
  .strict()
  .describe('Local working hours per ISO weekday (1 = Monday … 7 = Sunday)');

const instant = z.iso.datetime({ offset: true });
const reason = z.string().trim().min(1, 'say why').max(500);
const isoDay = z.iso.date();

export const profileBody = z.object({
  weeklyHours: weeklyHoursSchema,
  weeklyCap: z.number().int().min(0).max(60),
  roundTypes: z.array(z.enum(roundTypes)).max(roundTypes.length),
  /** Levels they are trained for; empty means every level. */
  levels: z.array(z.string().min(1).max(40)).max(20),
  languages: z.array(languageTag).min(1).max(10),
  /**
   * An ICS feed of their calendar; its busy times are taken out of their availability. Such an
   * address is often a secret: leave it out to keep the one saved, null to remove it.
   */
  calendarUrl: z
    .url({ protocol: /^(https?|webcal)$/, error: 'an http(s) or webcal URL' })
    .max(2000)
    .nullable()
    .optional(),
  /** The version you loaded; 0 when the profile was never saved. */
  expectedVersion: z.number().int().min(0),
});

export const profileResponse = profileBody.omit({ expectedVersion: true }).extend({
  roundTypes: z.array(z.string()),
  /** The feed's address, to its owner only: for everyone else null, with its host in calendarHost. */
  calendarUrl: z.string().nullable(),
  calendarHost: z.string().nullable(),
  userId: z.string(),
  timezone: z.string(),
  configured: z.boolean(),
  calendarSyncedAt: z.string().nullable(),
  calendarError: z.string().nullable(),
  version: z.number(),
  overrides: z.array(z.object({ day: z.string(), hours: dayHoursSchema, reason: z.string() })),
});

export const interviewerListQuery = pageQuery.extend({
  roundType: z.enum(roundTypes).optional(),
  language: languageTag.optional(),
});
export const interviewerListResponse = page(
  profileResponse.omit({ overrides: true }).extend({ name: z.string(), teamIds: z.array(z.string()) }),
);

export const overrideParams = z.object({ id: uuid, day: isoDay });
export const overrideBody = z.object({ hours: dayHoursSchema, reason: z.string().trim().min(1).max(200) });

export const calendarImportBody = z.object({
  ics: z
    .string()
    .min(1)
    .max(2 * 1024 * 1024),
});
export const calendarImportResponse = z.object({ imported: z.number(), from: z.string(), to: z.string() });

/** A window's end must follow its start, by at most `maxDays`; errors name the end's field. */
const span = (from: string, to: string, ctx: z.RefinementCtx, maxDays: number, names = ['from', 'to']) => {
  const length = Date.parse(to) - Date.parse(from);
  if (length <= 0)
    ctx.addIssue({ code: 'custom', path: [names[1]!], message: `must come after ${names[0]}` });
  if (length > maxDays * 86_400_000)
    ctx.addIssue({ code: 'custom', path: [names[1]!], message: `at most ${maxDays} days after ${names[0]}` });
};

export const freeQuery = z
  .object({ from: instant, to: instant })
  .superRefine((v, ctx) => span(v.from, v.to, ctx, 31));

const localInterval = z.object({
  startsAt: z.string(),
  endsAt: z.string(),
  startsAtLocal: z.string(),
  endsAtLocal: z.string(),
});
export const freeResponse = z.object({ timezone: z.string(), items: z.array(localInterval) });

export const schedulingLinkBody = z
  .object({
    roundKey: z.string().min(1).max(40),
    interviewerIds: z.array(uuid).min(1).max(6),
    language: languageTag.default('en'),
    durationMinutes: z.number().int().min(10).max(480).optional(),
    videoUrl: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
    /** Slots are offered between these instants; by default from tomorrow for two weeks. */
    windowStart: instant.optional(),
    windowEnd: instant.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.windowStart && v.windowEnd) span(v.windowStart, v.windowEnd, ctx, 31, ['windowStart', 'windowEnd']);
  });
export const schedulingLinkResponse = z.object({
  id: z.string(),
  url: z.string(),
  windowStart: z.string(),
  windowEnd: z.string(),
  expiresAt: z.string(),
});

export const bookedInterviewSchema = interviewSchema.extend({
  sequence: z.number(),
  version: z.number(),
  videoUrl: z.string(),
});
export const rescheduleBody = z.object({
  startsAt: instant,
  reason,
  expectedVersion: z.number().int().min(1).optional(),
});
export const cancelBody = z.object({ reason, expectedVersion: z.number().int().min(1).optional() });

export const planBody = z
  .object({
    /** The applications to plan; or, instead, every active one of a team or a job. */
    applicationIds: z.array(uuid).min(1).max(500).optional(),
    teamId: uuid.optional(),
    jobId: uuid.optional(),
    from: instant,
    to: instant,
    /** How many of each application's next rounds to lay out (only the current one is booked). */
    roundsAhead: z.number().int().min(1).max(6).default(1),
    panelSize: z.number().int().min(1).max(4).default(1),
    minGapMinutes: z.number().int().min(0).max(1440).default(30),
    method: z.enum(['auto', 'solver', 'heuristic']).default('auto'),
    /** How long the solver may search before the best plan found so far is used. */
    timeLimitSeconds: z.number().int().min(1).max(60).default(3),
    /** Book the current rounds of the plan; otherwise it is only proposed. */
    commit: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    span(v.from, v.to, ctx, 14);
    const given = [v.applicationIds, v.teamId, v.jobId].filter((x) => x !== undefined).length;
    if (given !== 1)
      ctx.addIssue({
        code: 'custom',
        path: ['applicationIds'],
        message: 'give exactly one of applicationIds, teamId or jobId',
      });
  });

const person = z.object({
  id: z.string(),
  name: z.string(),
  timezone: z.string(),
  startsAtLocal: z.string(),
});
export const planResponse = z.object({
  solver: z.enum(['highs', 'heuristic']),
  optimal: z.boolean(),
  /** Relative distance from the best bound the solver proved; null when unknown. */
  gap: z.number().nullable(),
  objective: z.number(),
  milliseconds: z.number(),
  roundsRequested: z.number(),
  roundsPlanned: z.number(),
  items: z.array(
    z.object({
      applicationId: z.string(),
      roundKey: z.string(),
      startsAt: z.string(),
      endsAt: z.string(),
      candidateStartsAtLocal: z.string(),
      interviewers: z.array(person),
      /** Set when the plan was committed and this round was booked. */
      interviewId: z.string().nullable(),
      /** Why a committed round was not booked (a later round, or the booking was refused). */
      notBooked: z.object({ code: z.string(), message: z.string() }).nullable(),
    }),
  ),
  skipped: z.array(z.object({ applicationId: z.string(), reason: z.string() })),
});

// The candidate's side: reached with the link's token, no account.
export const tokenParams = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'not a scheduling link'),
});
export const slotsQuery = z.object({ timezone: timezone.optional() });
export const slotsResponse = z.object({
  companyName: z.string(),
  jobTitle: z.string(),
  roundName: z.string(),
  durationMinutes: z.number(),
  /** The interview language, to confirm when booking. */
  language: z.string(),
  timezone: z.string(),
  expiresAt: z.string(),
  /** False once the link has expired or the application ended: nothing more can be booked. */
  open: z.boolean(),
  booked: z
    .object({
      interviewId: z.string(),
      status: z.enum(['scheduled', 'cancelled']),
      startsAt: z.string(),
      startsAtLocal: z.string(),
      videoUrl: z.string(),
    })
    .nullable(),
  slots: z.array(
    z.object({
      startsAt: z.string(),
      endsAt: z.string(),
      startsAtLocal: z.string(),
      interviewers: z.array(z.object({ name: z.string(), timezone: z.string(), startsAtLocal: z.string() })),
    }),
  ),
});
export const bookBody = z.object({
  startsAt: instant,
  /** The candidate confirms the interview language: it must be the one offered. */
  confirmLanguage: languageTag,
  timezone: timezone.optional(),
});
export const linkRescheduleBody = z.object({ startsAt: instant, reason, timezone: timezone.optional() });
export const linkCancelBody = z.object({ reason });
