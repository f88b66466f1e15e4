import { z } from 'zod';
import { page, pageQuery, uuid } from './common.js';

const months = z.number().int().min(1, 'must be at least 1 month').max(240, 'must be at most 240 months');

/** An office's retention policy; a null month count means that ending is not covered (kept). */
export const retentionPolicyInput = z.object({
  rejectedMonths: months.nullable().describe('Months rejected candidates are kept; null keeps them'),
  withdrawnMonths: months.nullable().describe('Months candidates who withdrew are kept; null keeps them'),
  closedMonths: months
    .nullable()
    .describe('Months candidates whose application closed with its job are kept; null keeps them'),
  consentMonths: z
    .number()
    .int()
    .min(1, 'must be at least 1 month')
    .max(120, 'must be at most 120 months')
    .describe('How long a consent to future jobs lasts'),
  renewalNoticeDays: z
    .number()
    .int()
    .min(1, 'must be at least 1 day')
    .max(90, 'must be at most 90 days')
    .describe('Days before a consent expires that the candidate is asked to renew it'),
  version: z
    .number()
    .int()
    .min(0)
    .describe('The version read (0 when the office had no policy); a stale one is refused'),
});
export const retentionPolicySchema = z.object({
  officeId: z.string(),
  officeName: z.string(),
  policy: retentionPolicyInput
    .omit({ version: true })
    .extend({ updatedAt: z.string() })
    .nullable()
    .describe('Null: the office has no policy, so its candidates are kept'),
  version: z.number(),
});
export const retentionPoliciesSchema = z.object({ items: z.array(retentionPolicySchema) });
export const officeParams = z.object({ officeId: uuid });

export const holdInput = z.object({
  candidateId: uuid,
  reason: z.string().trim().min(3, 'say why in a few words').max(500),
});
export const holdSchema = z.object({
  id: z.string(),
  candidateId: z.string(),
  candidateName: z.string(),
  reason: z.string(),
  placedBy: z.string(),
  placedAt: z.string(),
  releasedBy: z.string().nullable(),
  releasedAt: z.string().nullable(),
});
export const holdListQuery = pageQuery.extend({
  active: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: only holds in force; false: only released ones; absent: both'),
});
export const holdPage = page(holdSchema);

/** One application that makes its candidate due: it ended, and its offices' longest keep passed. */
export const dueReason = z.object({
  applicationId: z.string(),
  jobTitle: z.string(),
  status: z.enum(['rejected', 'withdrawn', 'closed']),
  endedAt: z.string(),
  keepMonths: z.number().describe('The longest keep among the offices of the job'),
  office: z.string().describe('The office whose policy keeps it longest'),
  dueAt: z.string(),
});
export type DueReason = z.infer<typeof dueReason>;

export const dueCandidate = z.object({
  candidateId: z.string(),
  name: z.string(),
  dueSince: z.string().describe('When the last of their applications passed its keep period'),
  consentExpiredAt: z.string().nullable().describe('When a consent to future jobs ran out, if one did'),
  reasons: z.array(dueReason),
});
export const runSchema = z.object({
  id: z.string(),
  dry: z.boolean(),
  trigger: z.enum(['person', 'schedule']),
  runBy: z.string().nullable().describe('Who ran it; null for the schedule'),
  dryRunId: z.string().nullable().describe('The dry run a purge was confirmed from'),
  ranAt: z.string(),
  candidates: z.number().describe('Candidates listed (dry run) or erased (purge)'),
  keptOnHold: z.number().describe('Candidates otherwise due, kept by a legal hold'),
  keptByConsent: z.number().describe('Candidates otherwise due, kept by a consent to future jobs'),
  more: z.boolean().describe('More were due than one run handles; the next run takes them'),
});
export const dryRunSchema = runSchema.extend({ items: z.array(dueCandidate) });
export const purgeInput = z.object({
  dryRunId: uuid.optional().describe('Erase only the candidates this dry run listed that are still due now'),
});
export const runPage = page(runSchema);
export const runQuery = pageQuery;

export const consentSchema = z.object({
  current: z
    .object({ givenAt: z.string(), expiresAt: z.string(), source: z.enum(['application', 'portal_renewal']) })
    .nullable()
    .describe('The consent to future jobs in force, if any'),
  renewable: z.boolean().describe('Whether the candidate can give or renew it now'),
});

export type RetentionPolicyInput = z.infer<typeof retentionPolicyInput>;
export type RetentionPolicyView = z.infer<typeof retentionPolicySchema>;
export type HoldView = z.infer<typeof holdSchema>;
export type DueCandidateView = z.infer<typeof dueCandidate>;
export type RunView = z.infer<typeof runSchema>;
export type DryRunView = z.infer<typeof dryRunSchema>;
export type ConsentView = z.infer<typeof consentSchema>;
