import { z } from 'zod';

const cents = z.number().int().min(0).max(1_000_000_000_00);
const currency = z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD');
const isoDate = z.iso.date();

export const frequencies = ['monthly', 'quarterly', 'annual'] as const;

/** A vesting schedule as data; yearly shares in basis points so 15% is 1500. */
export const vestingScheduleSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9-]{1,60}$/),
    name: z.string().min(1).max(120),
    yearlyBps: z.array(z.number().int().min(0).max(10_000)).min(1).max(10),
    cliffMonths: z.union([z.literal(0), z.literal(12)]),
    frequency: z.enum(frequencies),
  })
  .strict()
  .refine((s) => s.yearlyBps.reduce((a, b) => a + b, 0) === 10_000, {
    path: ['yearlyBps'],
    message: 'the yearly shares must add up to 10000 basis points (100%)',
  })
  .refine((s) => s.cliffMonths === 0 || s.yearlyBps[0]! > 0, {
    path: ['yearlyBps', 0],
    message: 'a one-year cliff needs a first-year share',
  });
export type VestingSchedule = z.infer<typeof vestingScheduleSchema>;

export const equitySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('value'), valueCents: cents }).strict(),
  z
    .object({
      kind: z.literal('units'),
      units: z.number().int().min(0).max(1_000_000_000),
      referencePriceCents: cents,
    })
    .strict(),
]);
export type Equity = z.infer<typeof equitySchema>;

export const signOnSchema = z
  .object({
    amountCents: cents,
    /** Paid in this many yearly instalments, the first on the start date. */
    instalments: z.number().int().min(1).max(4).default(1),
    clawbackMonths: z.number().int().min(0).max(48).default(0),
  })
  .strict();

const termsShape = {
  currency,
  baseSalaryCents: cents,
  signOn: signOnSchema,
  /** Target annual bonus as basis points of base: 1500 = 15%. */
  targetBonusBps: z.number().int().min(0).max(20_000),
  equity: equitySchema,
  vestingScheduleKey: z.string().min(1).max(60),
  startDate: isoDate,
  expiresAt: z.iso.datetime({ offset: true }),
  level: z.string().min(1).max(60),
  location: z.string().min(1).max(200),
};

/** What an offer promises. Money is integer minor units of `currency`. */
export const offerTermsSchema = z
  .object({
    ...termsShape,
    signOn: signOnSchema.default({ amountCents: 0, instalments: 1, clawbackMonths: 0 }),
    targetBonusBps: termsShape.targetBonusBps.default(0),
    equity: equitySchema.default({ kind: 'value', valueCents: 0 }),
  })
  .strict();
/** A counter-offer names only the components it changes; each named component is replaced whole. */
export const offerTermChangesSchema = z.object(termsShape).partial().strict();
export type OfferTerms = z.infer<typeof offerTermsSchema>;

/** A competing offer the candidate chooses to share: the parts that make up pay. */
export const competingTermsSchema = z
  .object({
    company: z.string().trim().min(1).max(120),
    currency,
    baseSalaryCents: cents,
    signOn: signOnSchema.default({ amountCents: 0, instalments: 1, clawbackMonths: 0 }),
    targetBonusBps: z.number().int().min(0).max(20_000).default(0),
    equity: equitySchema.default({ kind: 'value', valueCents: 0 }),
    vestingScheduleKey: z.string().min(1).max(60),
  })
  .strict();
export type CompetingTerms = z.infer<typeof competingTermsSchema>;

/** A job's compensation band: an offer outside it needs the approver chain. */
export const compensationBandSchema = z
  .object({
    currency,
    baseMinCents: cents,
    baseMaxCents: cents,
    equityMaxCents: cents.optional(),
    signOnMaxCents: cents.optional(),
    approverRoles: z
      .array(z.enum(['hiring_manager', 'hr', 'admin']))
      .min(1)
      .max(3)
      .default(['admin']),
  })
  .strict()
  .refine((b) => b.baseMinCents <= b.baseMaxCents, {
    path: ['baseMaxCents'],
    message: 'must be at least the lowest base salary',
  });
export type CompensationBand = z.infer<typeof compensationBandSchema>;
