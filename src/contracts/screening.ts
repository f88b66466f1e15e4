import { z } from 'zod';
import { uuid } from './common.js';

/**
 * Screening criteria and the evidence a matcher finds for them (ADR 0025). A matcher annotates and
 * orders the resume-screen queue; it never advances or rejects anyone.
 */
export const criterionKinds = ['must', 'nice'] as const;
export const verdicts = ['found', 'missing', 'unclear'] as const;
export const tiers = ['strong', 'possible', 'weak', 'unclear'] as const;
export type CriterionKind = (typeof criterionKinds)[number];
export type Verdict = (typeof verdicts)[number];
export type Tier = (typeof tiers)[number];

/**
 * What a criterion checks, in a form a deterministic matcher can test. `text` criteria are matched
 * by passage retrieval over their own words and the family vocabulary's synonyms.
 */
export const criterionCheck = z.discriminatedUnion('type', [
  /** Any of these skills (synonyms come from the job family's vocabulary). */
  z.object({ type: z.literal('skills'), anyOf: z.array(z.string().trim().min(1).max(60)).min(1).max(30) }),
  /** A degree at one of these levels, optionally in one of these fields. */
  z.object({
    type: z.literal('degree'),
    levels: z.array(z.enum(['BS', 'MS', 'PhD', 'MBA'])).min(1),
    fields: z.array(z.string().trim().min(1).max(80)).max(20).default([]),
  }),
  /** Currently enrolled in a degree programme. */
  z.object({ type: z.literal('enrolled') }),
  /** Graduation on or after this month (YYYY-MM). */
  z.object({ type: z.literal('graduation_after'), month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) }),
  /** Available for at least this many weeks. */
  z.object({ type: z.literal('weeks_available'), minimum: z.number().int().min(1).max(52) }),
  /** At least this many years of experience, optionally in a field. */
  z.object({
    type: z.literal('years_experience'),
    minimum: z.number().int().min(1).max(40),
    field: z.string().trim().min(1).max(80).optional(),
  }),
  /** Anything else: matched by passage retrieval over the criterion's own text. */
  z.object({ type: z.literal('text') }),
]);
export type CriterionCheck = z.infer<typeof criterionCheck>;

export const criterionInput = z.object({
  /** Present when editing an existing criterion; absent for a new one. */
  id: uuid.optional(),
  text: z.string().trim().min(3).max(500),
  kind: z.enum(criterionKinds),
  weight: z.number().int().min(1).max(5),
  check: criterionCheck,
});
export const criterion = criterionInput.extend({
  id: uuid,
  /** `job`: derived from the posting's qualifications; `recruiter`: added by hand. */
  source: z.enum(['job', 'recruiter']),
  position: z.number().int().min(0),
});
export type Criterion = z.infer<typeof criterion>;

export const criteriaList = z.object({ jobId: uuid, version: z.number().int(), items: z.array(criterion) });
export const replaceCriteriaBody = z.object({
  expectedVersion: z.number().int().min(0),
  items: z.array(criterionInput).max(40),
});

/** A quoted passage: character offsets into the resume's extracted text. */
export const passage = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  text: z.string(),
});
export type Passage = z.infer<typeof passage>;

export const criterionVerdict = z.object({
  criterionId: uuid,
  verdict: z.enum(verdicts),
  /** Why, in words ("enrolled: 'currently pursuing a BS…'", "no graduation date found"). */
  reason: z.string(),
  passages: z.array(passage).max(5),
});
export type CriterionVerdict = z.infer<typeof criterionVerdict>;

export const annotation = z.object({
  applicationId: uuid,
  tier: z.enum(tiers),
  matcher: z.object({ name: z.string(), version: z.string() }),
  criteriaVersion: z.number().int(),
  verdicts: z.array(criterionVerdict),
  computedAt: z.string(),
});
export type Annotation = z.infer<typeof annotation>;

/**
 * What the evidence endpoint answers: the annotation (or why there is none) and the resume text the
 * passages point into, already redacted when blind review is on.
 */
export const screeningEvidence = z.object({
  applicationId: uuid,
  status: z.enum(['annotated', 'pending', 'opted_out', 'no_resume', 'no_criteria']),
  annotation: annotation.nullable(),
  criteria: z.array(criterion),
  resumeText: z.string().nullable(),
  blind: z.boolean(),
});

/** Why an application has or lacks a current annotation, as the queue and the evidence say it. */
export const screeningStatuses = ['annotated', 'pending', 'opted_out', 'no_resume', 'no_criteria'] as const;
export type ScreeningStatus = (typeof screeningStatuses)[number];

/** What the review queue shows of an application's annotation: its tier and the must-haves found. */
export const queueScreening = z.object({
  status: z.enum(screeningStatuses),
  tier: z.enum(tiers).nullable(),
  mustFound: z.number().int(),
  mustTotal: z.number().int(),
});
export type QueueScreening = z.infer<typeof queueScreening>;

/** The organisation's blind-review switch (ADR 0025). */
export const orgScreeningSettings = z.object({ blindReview: z.boolean() });
/** A job's own switch: null inherits the organisation's. */
export const jobScreeningSettingsBody = z.object({ blindReview: z.boolean().nullable() });
export const jobScreeningSettings = z.object({
  blindReview: z.boolean().nullable(),
  /** What applies to the job's resume screen now. */
  effective: z.boolean(),
});
