import { z } from 'zod';
import { errorCodes } from './errors.js';
import { compensationBandSchema } from './offer-terms.js';
import { processDefinitionSchema, roundSchema } from './process-template.js';
import { employmentTypes, steps } from './vocabulary.js';

export const uuid = z.uuid();
export const timezone = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as America/Los_Angeles');
const email = z.email().max(255);
const shortText = z.string().trim().min(1).max(200);
const noUrl = (s: string) => !/https?:\/\/|www\./i.test(s);

export const errorBody = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});

export const idParams = z.object({ id: uuid });

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const staffRoleSchema = z.enum([
  'admin',
  'recruiter',
  'coordinator',
  'interviewer',
  'hiring_manager',
  'hr',
]);

// ---- auth
export const loginBody = z.object({
  org: z.string().min(1).max(100),
  email,
  password: z.string().min(1).max(200),
});
export const candidateLinkBody = z.object({ org: z.string().min(1).max(100), email });
/** The same answer whether or not the address is known, so it reveals nothing. */
export const candidateLinkResponse = z.object({ status: z.literal('sent_if_known') });
export const redeemLinkBody = z.object({ token: z.string().min(20).max(200) });
export const meResponse = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('staff'),
    orgId: z.string(),
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    timezone: z.string(),
    roles: z.array(staffRoleSchema),
    teamIds: z.array(z.string()),
    /** The actions the permission table grants these roles, so a client shows only what works. */
    can: z.array(z.string()),
  }),
  z.object({
    kind: z.literal('candidate'),
    orgId: z.string(),
    candidateId: z.string(),
    name: z.string(),
    email: z.string(),
  }),
]);

// ---- organisation
export const teamSchema = z.object({
  id: z.string(),
  name: z.string(),
  timezone: z.string(),
  createdAt: z.string(),
});
export const createTeamBody = z.object({ name: shortText, timezone });
export const officeSchema = z.object({
  id: z.string(),
  name: z.string(),
  location: z.string(),
  timezone: z.string(),
});
export const createOfficeBody = z.object({ name: shortText, location: shortText, timezone });
export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  timezone: z.string(),
  roles: z.array(staffRoleSchema),
  teamIds: z.array(z.string()),
});
export const createUserBody = z.object({
  email,
  name: shortText,
  timezone,
  password: z.string().min(12, 'at least 12 characters').max(200),
  roles: z.array(staffRoleSchema).min(1),
  teamIds: z.array(uuid).default([]),
});
export const policySchema = z.object({
  jobFamily: z.string(),
  maxActiveApplications: z.number().int().nullable(),
  order: z.enum(['sequential', 'parallel']),
  cooldownDays: z.number().int(),
});
export const policyParams = z.object({ jobFamily: z.string().regex(/^[a-z0-9_-]{1,40}$/) });
export const putPolicyBody = z.object({
  maxActiveApplications: z.number().int().min(1).max(100).nullable(),
  order: z.enum(['sequential', 'parallel']),
  cooldownDays: z.number().int().min(0).max(730),
});

// ---- processes
export const templateSummary = z.object({
  key: z.string(),
  version: z.number(),
  name: z.string(),
  employmentType: z.enum(employmentTypes),
  level: z.string(),
  rounds: z.array(roundSchema),
});
export const processSchema = z.object({
  id: z.string(),
  teamId: z.string().nullable(),
  lineageId: z.string(),
  version: z.number(),
  templateKey: z.string().nullable(),
  definition: processDefinitionSchema,
});
export const adoptTemplateBody = z.object({ templateKey: z.string().min(1).max(100), teamId: uuid });
export const reviseProcessBody = z.object({
  expectedVersion: z.number().int().min(1),
  definition: processDefinitionSchema,
});

// ---- jobs
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

// ---- candidates and applications
export const candidateInput = z.object({
  email,
  firstName: z.string().trim().min(1).max(100).refine(noUrl, 'must not contain a URL'),
  lastName: z.string().trim().min(1).max(100).refine(noUrl, 'must not contain a URL'),
  phone: z.string().trim().max(40).refine(noUrl, 'must not contain a URL').optional(),
  timezone: timezone.optional(),
  /** The resume as text, shown to the candidate's interviewers . */
  resumeText: z.string().max(100_000).optional(),
});
export const candidateSchema = z.object({
  id: z.string(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  phone: z.string().nullable(),
  timezone: z.string().nullable(),
  createdAt: z.string(),
});
export const attachmentSchema = z.object({
  id: z.string(),
  applicationId: z.string().nullable(),
  kind: z.enum(['resume', 'cover_letter']),
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  createdAt: z.string(),
});
export const candidateListQuery = pageQuery.extend({ q: z.string().trim().min(1).max(200).optional() });

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
  roundKey: z.string(),
  decision: z.enum(['advance', 'reject']),
  rationale: z.string(),
  againstMajority: z.boolean(),
  missingFeedback: z.array(z.string()),
  decidedBy: z.string(),
  decidedAt: z.string(),
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
  candidateName: z.string(),
  jobTitle: z.string(),
});
export const applicationDetail = applicationSchema.extend({
  /** With the resume text, for the screen and the hiring team. */
  candidate: candidateSchema.extend({ resumeText: z.string().nullable() }),
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
  /** Decide although some interviewers have not submitted feedback; the record says so. */
  decideWithoutMissingFeedback: z.boolean().optional(),
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
