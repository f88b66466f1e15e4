import { z } from 'zod';
import { pageQuery, shortText, uuid } from './common.js';
import { compensationBandSchema } from './offer-terms.js';
import { employmentTypes } from './vocabulary.js';

export const postingSchema = z.object({
  summary: z.string().max(5000).default(''),
  responsibilities: z.array(z.string().min(1).max(1000)).max(30).default([]),
  minimumQualifications: z.array(z.string().min(1).max(1000)).max(30).default([]),
  preferredQualifications: z.array(z.string().min(1).max(1000)).max(30).default([]),
  faq: z
    .array(z.object({ question: z.string().min(1).max(500), answer: z.string().min(1).max(3000) }))
    .max(30)
    .default([]),
  // An internship posting states its term, length, degrees and eligibility.
  internship: z
    .object({
      term: shortText,
      minimumWeeks: z.number().int().min(1).max(52),
      degreeLevels: z.array(z.enum(['BS', 'MS', 'PhD', 'MBA'])).min(1),
      eligibility: z.array(z.string().min(1).max(500)).max(10),
    })
    .optional(),
});
export const jobFields = z.object({
  title: shortText,
  teamId: uuid,
  processId: uuid,
  employmentType: z.enum(employmentTypes),
  jobFamily: z
    .string()
    .regex(/^[a-z0-9_-]{1,40}$/)
    .optional(),
  level: shortText,
  headcount: z.number().int().min(1).max(1000),
  locations: z.array(shortText).min(1).max(20),
  officeIds: z.array(uuid).max(20),
  /** Replaced as a whole on edit. */
  posting: postingSchema,
  /** Offers outside it need approval; null for none. */
  compensationBand: compensationBandSchema.nullable().optional(),
});
const internshipNeedsTerm = (job: { employmentType?: string; posting?: { internship?: unknown } }) =>
  job.employmentType !== 'internship' || job.posting?.internship !== undefined;
export const createJobBody = jobFields
  .extend({ officeIds: jobFields.shape.officeIds.default([]) })
  .refine(internshipNeedsTerm, {
    path: ['posting', 'internship'],
    message: 'an internship needs its term, minimum weeks, degree levels and eligibility',
  });
export const updateJobBody = jobFields
  .partial()
  .extend({ expectedVersion: z.number().int().min(1) })
  .refine((b) => Object.values(b).filter((v) => v !== undefined).length > 1, {
    message: 'nothing to change',
  });
export const jobTransitionBody = z.object({
  to: z.enum(['open', 'closed', 'archived']),
  reason: z.string().max(1000).optional(),
});
export const jobSchema = z.object({
  id: z.string(),
  title: z.string(),
  teamId: z.string(),
  teamName: z.string(),
  processId: z.string(),
  status: z.enum(['draft', 'open', 'closed', 'archived']),
  employmentType: z.enum(employmentTypes),
  jobFamily: z.string(),
  level: z.string(),
  headcount: z.number(),
  hiredCount: z.number(),
  locations: z.array(z.string()),
  officeIds: z.array(z.string()),
  posting: postingSchema,
  compensationBand: compensationBandSchema.nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const jobListQuery = pageQuery.extend({
  status: z.enum(['draft', 'open', 'closed', 'archived']).optional(),
  teamId: uuid.optional(),
});

/** A job in the list, with where its applications stand. */
export const jobListItem = jobSchema.extend({
  applications: z.object({
    /** In progress: at a round or at offer. */
    active: z.number(),
    /** Applied in the last seven days. */
    newThisWeek: z.number(),
    /** Past every round, at offer. */
    atOffer: z.number(),
  }),
});
