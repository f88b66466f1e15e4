import { z } from 'zod';
import {
  compensationBandSchema,
  competingTermsSchema,
  offerTermChangesSchema,
  offerTermsSchema,
  vestingScheduleSchema,
} from './offer-terms.js';
import { offerComponents, offerStatuses } from './vocabulary.js';

export const createOfferBody = z.object({
  terms: offerTermsSchema.extend({ vestingScheduleKey: z.string().min(1).max(60).optional() }),
});
export const reviseOfferBody = z.object({
  expectedRevision: z.number().int().min(1),
  changes: offerTermChangesSchema.refine(
    (c) => Object.keys(c).length > 0,
    'name at least one component to change',
  ),
  reason: z.string().trim().min(1, 'say why the offer changes').max(2000),
});
export const approvalBody = z.object({
  decision: z.enum(['approve', 'reject']),
  note: z.string().trim().min(1, 'a note is required').max(2000),
});
export const rescindBody = z.object({ reason: z.string().trim().min(1, 'a reason is required').max(2000) });
export const respondBody = z.object({ reason: z.string().max(2000).optional() });
export const sendBody = z
  .object({
    /** The candidate accepts by signing the letter in the portal (typed name, time, address, the letter's hash). */
    requireSignature: z.boolean().default(false),
  })
  // Sending needs no body at all; without one the offer is accepted as before, without signing.
  .nullish();
export const signBody = z.object({
  /** The candidate's full name, typed as their signature. */
  typedName: z.string().trim().min(1, 'type your full name to sign').max(200),
  /** That they read the letter and accept the offer it makes. */
  agree: z.literal(true, 'tick the box to say you accept the offer in the letter'),
});
export const counterBody = z.object({
  component: z.enum(offerComponents),
  proposal: z.string().trim().min(1).max(500),
  note: z.string().max(2000).default(''),
});
export const competingBody = z.object({ terms: competingTermsSchema });
export const offerListQuery = z.object({
  status: z.enum(offerStatuses).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

const money = z.number();
export const compensationYear = z.object({
  year: z.number(),
  baseCents: money,
  signOnCents: money,
  bonusCents: money,
  equityCents: money,
  cashCents: money,
  totalCents: money,
});
export const compensationColumn = z.object({
  label: z.string(),
  currency: z.string(),
  vestingSchedule: z.string(),
  years: z.array(compensationYear),
  totals: compensationYear.omit({ year: true }),
});
export const compensationResponse = z.object({
  offer: compensationColumn,
  competing: z.array(compensationColumn),
  /** Competing offers in another currency are shown as entered, never converted. */
  currencyMismatch: z.boolean(),
});

export const offerRevisionSchema = z.object({
  revision: z.number(),
  terms: offerTermsSchema,
  changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
  reason: z.string(),
  author: z.object({ kind: z.string(), id: z.string() }),
  at: z.string(),
});
export const offerCounterSchema = z.object({
  id: z.string(),
  revision: z.number(),
  component: z.enum(offerComponents),
  proposal: z.string(),
  note: z.string(),
  at: z.string(),
});
export const offerApprovalSchema = z.object({
  revision: z.number(),
  role: z.string(),
  decision: z.enum(['approve', 'reject']),
  note: z.string(),
  decidedBy: z.string(),
  at: z.string(),
});

/** What the candidate sees: never drafts, approvals or the band. */
export const candidateOfferSchema = z.object({
  id: z.string(),
  applicationId: z.string(),
  jobTitle: z.string(),
  status: z.enum(offerStatuses),
  revision: z.number(),
  terms: offerTermsSchema,
  sentAt: z.string().nullable(),
  respondedAt: z.string().nullable(),
  counters: z.array(offerCounterSchema),
  /** Sent for signature: accepted only by signing the letter (POST /api/me/offers/{id}/sign). */
  signatureRequired: z.boolean(),
  /** The signature on the letter, once signed; the signed letter is at `…/signed-letter.pdf`. */
  signature: z
    .object({
      typedName: z.string(),
      signedAt: z.string(),
      address: z.string().nullable(),
      /** SHA-256 of the letter (HTML) as shown when signed: `GET …/letter` hashes to it. */
      letterSha256: z.string(),
    })
    .nullable(),
});
export const offerSchema = candidateOfferSchema.extend({
  candidateId: z.string(),
  candidateName: z.string(),
  /** The zone the candidate reads times in, when known: the expiry is shown in it too. */
  candidateTimezone: z.string().nullable(),
  approvalChain: z.array(z.string()),
  approvalsDone: z.number(),
  nextApprover: z.string().nullable(),
  band: compensationBandSchema.nullable(),
  outsideBand: z.array(z.string()),
  revisions: z.array(offerRevisionSchema),
  approvals: z.array(offerApprovalSchema),
  version: z.number(),
});
export const offerSummarySchema = z.object({
  id: z.string(),
  applicationId: z.string(),
  candidateName: z.string(),
  jobTitle: z.string(),
  status: z.enum(offerStatuses),
  revision: z.number(),
  baseSalaryCents: z.number(),
  currency: z.string(),
  expiresAt: z.string(),
  updatedAt: z.string(),
});
/** A vesting schedule as listed: shipped with the product, or the organisation's own. */
export const vestingScheduleItem = vestingScheduleSchema.and(z.object({ shipped: z.boolean() }));
