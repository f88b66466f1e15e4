import { z } from 'zod';
import { uuid } from './common.js';
import {
  type CategoryKey,
  categoryKeys,
  categoryLabels,
  categoryValues,
  DECLINED,
  demographicQuestionIds,
  disabilityValues,
  eeocFieldCategory,
  eeocIds,
  ll144CsvColumns,
  raceValues,
  sexValues,
  valueLabels,
  veteranValues,
} from './vocabulary.js';

/**
 * Voluntary self-identification, the notice and opt-out from automated annotation, and the
 * fairness reports (ADR 0025). Self-identification is stored apart from the application and only
 * ever leaves the server as counts in the adverse-impact report.
 */

// ---- route paths (shared with the web app)
export const compliancePaths = {
  /** Staff: whether an office may collect self-identification (org.manage to set, org.read to read). */
  officePolicies: '/api/compliance/office-policies',
  officePolicy: '/api/compliance/office-policies/:officeId',
  /** compliance.read, and never for a person who also holds a deciding role. */
  adverseImpact: '/api/compliance/adverse-impact',
  adverseImpactCsv: '/api/compliance/adverse-impact.csv',
  /** Admins and the compliance role; contains no self-identification. */
  agreement: '/api/compliance/agreement',
  /** Candidate portal: opt out of (or back into) automated annotation of one's own application. */
  portalOptOut: '/api/me/applications/:id/screening-opt-out',
} as const;

const answer = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum([...values, DECLINED] as [T[number] | typeof DECLINED, ...(T[number] | typeof DECLINED)[]]);

/** One applicant's answers: each category a value, "declined", or absent (not asked / not answered). */
export const selfIdentification = z.object({
  sex: answer(sexValues).optional(),
  race: answer(raceValues).optional(),
  veteran: answer(veteranValues).optional(),
  disability: answer(disabilityValues).optional(),
});
export type SelfIdentification = z.infer<typeof selfIdentification>;

/** The plain constants live with the vocabulary, where the core may read them. */
export {
  type CategoryKey,
  categoryKeys,
  categoryLabels,
  categoryValues,
  DECLINED,
  demographicQuestionIds,
  disabilityValues,
  eeocFieldCategory,
  eeocIds,
  ll144CsvColumns,
  raceValues,
  sexValues,
  valueLabels,
  veteranValues,
};

// ---- the board API (Greenhouse v1 shapes)
const fieldValue = z.object({ value: z.number().int(), label: z.string() });
export const v1ComplianceQuestion = z.object({
  required: z.boolean(),
  label: z.string(),
  description: z.string().optional(),
  fields: z.array(
    z.object({ name: z.string(), type: z.literal('multi_value_single_select'), values: z.array(fieldValue) }),
  ),
});
/** Greenhouse's `compliance`: EEOC questions, always optional. */
export const v1Compliance = z.array(
  z.object({
    type: z.literal('eeoc'),
    description: z.string().describe('HTML: why the questions are asked and that answering is voluntary'),
    questions: z.array(v1ComplianceQuestion),
  }),
);
/** Greenhouse's `demographic_questions`. */
export const v1DemographicQuestions = z.object({
  header: z.string(),
  description: z.string().describe('HTML'),
  questions: z.array(
    z.object({
      id: z.number().int(),
      label: z.string(),
      required: z.boolean(),
      type: z.enum(['multi_value_single_select', 'multi_value_multi_select']),
      answer_options: z.array(z.object({ id: z.number().int(), label: z.string(), free_form: z.boolean() })),
    }),
  ),
});
/** The notice that a matcher annotates resumes, carried by every posting that takes applications. */
export const v1ScreeningNotice = z.object({
  text: z.string(),
  opt_out_field: z.literal('screening_opt_out'),
});

const eeocId = (max: number) =>
  z.coerce
    .number('must be one of the listed values')
    .int('must be one of the listed values')
    .min(1, 'must be one of the listed values')
    .max(max, 'must be one of the listed values');
const flag = z.union([z.boolean(), z.enum(['true', 'false', '1', '0', 'on'])]);

/** The self-identification and opt-out fields a board submission may carry. */
export const boardComplianceFields = z.object({
  gender: eeocId(3).optional(),
  race: eeocId(8).optional(),
  veteran_status: eeocId(3).optional(),
  disability_status: eeocId(3).optional(),
  demographic_answers: z
    .array(
      z.object({
        question_id: z.coerce.number().int(),
        answer_options: z
          .array(
            z.object({ answer_option_id: z.coerce.number().int(), text: z.string().max(200).optional() }),
          )
          .max(1, 'choose one answer')
          .nullable()
          .optional(),
      }),
    )
    .max(4)
    .optional(),
  /** True: no matcher reads this application's resume (ADR 0025). */
  screening_opt_out: flag.optional(),
});
export type BoardComplianceFields = z.infer<typeof boardComplianceFields>;

// ---- office policy
export const officeCompliancePolicy = z.object({
  officeId: uuid,
  officeName: z.string(),
  collectSelfIdentification: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type OfficeCompliancePolicy = z.infer<typeof officeCompliancePolicy>;
export const officePolicyParams = z.object({ officeId: uuid });
export const putOfficePolicyBody = z.object({
  collectSelfIdentification: z.boolean(),
  /** The version read; 0 when the office has no policy yet. */
  expectedVersion: z.number().int().min(0),
});
export const officePolicyList = z.object({ items: z.array(officeCompliancePolicy) });

// ---- portal opt-out
export const portalOptOutBody = z.object({ optOut: z.boolean() });
export const portalOptOutAnswer = z.object({ applicationId: uuid, screeningOptOut: z.boolean() });

// ---- adverse-impact report
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
export const adverseImpactQuery = z.object({
  /** Applications submitted on or after this day (UTC). */
  from: day.optional(),
  /** Applications submitted on or before this day (UTC). */
  to: day.optional(),
  /** A season as a year and half: `2026-H1`, `2026-H2`; or a whole year `2026`. Overrides from/to. */
  season: z
    .string()
    .regex(/^\d{4}(-H[12])?$/, 'must be a year (2026) or a half year (2026-H1, 2026-H2)')
    .optional(),
  jobFamily: z
    .string()
    .regex(/^[a-z0-9_-]{1,40}$/)
    .optional(),
  /** A round key; the resume screen's tier table is always included. */
  round: z.string().min(1).max(80).optional(),
});
export type AdverseImpactQuery = z.infer<typeof adverseImpactQuery>;

export const reportCategory = z.enum(['sex', 'race', 'veteran', 'disability', 'sex_race']);
export type ReportCategory = z.infer<typeof reportCategory>;

export const groupRow = z.object({
  /** A value, "declined", "unknown"; for sex_race `male|white` etc. */
  group: z.string(),
  label: z.string(),
  applicants: z.number().int(),
  selected: z.number().int(),
  /** selected / applicants, null with no applicants. */
  selectionRate: z.number().nullable(),
  /** This group's rate over the highest rate among reported groups; null for declined/unknown. */
  impactRatio: z.number().nullable(),
  /** Impact ratio under 0.8 (the four-fifths rule). */
  flagged: z.boolean(),
  /** Too few to draw a conclusion (see `smallSampleRule`). */
  smallSample: z.boolean(),
  /** Declined and unknown are shown but never part of the ratio's base. */
  inRatioBase: z.boolean(),
});
export type GroupRow = z.infer<typeof groupRow>;

export const categoryTable = z.object({
  category: reportCategory,
  label: z.string(),
  groups: z.array(groupRow),
  /** The group with the highest selection rate among reported groups, the ratio's denominator. */
  referenceGroup: z.string().nullable(),
});
export type CategoryTable = z.infer<typeof categoryTable>;

export const selectionTable = z.object({
  /** `round` (selected = advanced), or `tier` (the resume screen's matcher tiers: strong or possible). */
  kind: z.enum(['round', 'tier']),
  roundKey: z.string().nullable(),
  jobFamily: z.string().nullable().describe('Null: every family together'),
  applicants: z.number().int(),
  selected: z.number().int(),
  categories: z.array(categoryTable),
});
export type SelectionTable = z.infer<typeof selectionTable>;

export const adverseImpactReport = z.object({
  filters: adverseImpactQuery.extend({ from: z.string().nullable(), to: z.string().nullable() }),
  /** In words: e.g. "A group is a small sample under 30 applicants or fewer than 5 expected selections." */
  smallSampleRule: z.string(),
  fourFifthsRule: z.string(),
  tables: z.array(selectionTable),
});
export type AdverseImpactReport = z.infer<typeof adverseImpactReport>;

// ---- agreement report
export const agreementQuery = z.object({
  from: day.optional(),
  to: day.optional(),
  jobFamily: z
    .string()
    .regex(/^[a-z0-9_-]{1,40}$/)
    .optional(),
});
export const agreementCell = z.object({
  /** Decided applications with a matcher tier of strong, possible or weak. */
  compared: z.number().int(),
  /** strong/possible and advanced, or weak and rejected. */
  agreed: z.number().int(),
  /** agreed / compared; null when nothing was compared. */
  agreementRate: z.number().nullable(),
  /** strong/possible but rejected. */
  tierHigherThanDecision: z.number().int(),
  /** weak but advanced. */
  tierLowerThanDecision: z.number().int(),
  /** Tier unclear: counted apart, never in the rate. */
  unclear: z.number().int(),
});
export type AgreementCell = z.infer<typeof agreementCell>;
export const agreementReport = z.object({
  filters: z.object({
    from: z.string().nullable(),
    to: z.string().nullable(),
    jobFamily: z.string().nullable(),
  }),
  overall: agreementCell,
  byJobFamily: z.array(agreementCell.extend({ jobFamily: z.string() })),
  /** By the month of the decision, YYYY-MM (UTC). */
  byMonth: z.array(agreementCell.extend({ month: z.string() })),
});
export type AgreementReport = z.infer<typeof agreementReport>;
