import type { CompensationBand, OfferTerms } from '../../contracts/offer-terms.js';
import type { OfferStatus } from '../../contracts/vocabulary.js';
import { fail, ok } from '../shared/result.js';
import type { Actor, StaffRole } from '../shared/types.js';
import { equityGrantValue } from './vesting.rules.js';

/** The offer lifecycle: draft → pending approval → approved → sent → accepted / declined / expired / rescinded. */
const transitions: Record<OfferStatus, readonly OfferStatus[]> = {
  draft: ['pending_approval', 'approved', 'rescinded'],
  pending_approval: ['approved', 'draft', 'rescinded'],
  approved: ['sent', 'draft', 'rescinded'],
  sent: ['accepted', 'declined', 'expired', 'rescinded', 'draft'],
  accepted: [],
  declined: [],
  expired: [],
  rescinded: [],
};

export function checkOfferTransition(from: OfferStatus, to: OfferStatus) {
  if (transitions[from].includes(to)) return ok(undefined);
  return fail(
    'offer.invalid_transition',
    `A ${from.replace('_', ' ')} offer cannot become ${to.replace('_', ' ')}.`,
    {
      from,
      to,
      allowed: transitions[from],
    },
  );
}

/** R-OFFER-4: the reasons an offer falls outside its job's band; none means no approval is needed. */
export function outsideBand(terms: OfferTerms, band: CompensationBand | null): string[] {
  if (!band) return [];
  const reasons: string[] = [];
  if (terms.currency !== band.currency)
    reasons.push(`currency ${terms.currency} differs from the band's ${band.currency}`);
  if (terms.baseSalaryCents < band.baseMinCents) reasons.push('base salary below the band');
  if (terms.baseSalaryCents > band.baseMaxCents) reasons.push('base salary above the band');
  if (band.equityMaxCents !== undefined && equityGrantValue(terms.equity) > band.equityMaxCents) {
    reasons.push('equity above the band');
  }
  if (band.signOnMaxCents !== undefined && terms.signOn.amountCents > band.signOnMaxCents) {
    reasons.push('sign-on bonus above the band');
  }
  return reasons;
}

/** The next role that must approve, or null once the chain is complete. */
export function nextApprover(chain: StaffRole[], approvedSoFar: number): StaffRole | null {
  return chain[approvedSoFar] ?? null;
}

export function canApprove(actor: Actor, role: StaffRole | null, jobTeamId: string): boolean {
  if (actor.kind !== 'staff' || role === null || !actor.roles.includes(role)) return false;
  // A hiring manager approves only for their own team (R-ORG-1).
  return role !== 'hiring_manager' || actor.teamIds.includes(jobTeamId);
}

export interface TermChange {
  field: string;
  from: unknown;
  to: unknown;
}

function flatten(value: unknown, prefix = ''): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { [prefix]: value };
  return Object.entries(value).reduce<Record<string, unknown>>(
    (acc, [k, v]) => Object.assign(acc, flatten(v, prefix ? `${prefix}.${k}` : k)),
    {},
  );
}

/** R-OFFER-4: what a revision changed, field by field (`equity.units`, `signOn.amountCents`, …). */
export function diffTerms(previous: OfferTerms | null, next: OfferTerms): TermChange[] {
  const before = previous ? flatten(previous) : {};
  const after = flatten(next);
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return fields
    .filter((f) => before[f] !== after[f])
    .map((field) => ({ field, from: before[field] ?? null, to: after[field] ?? null }));
}

const pastExpiry = (terms: Pick<OfferTerms, 'expiresAt'>, now: Date) => new Date(terms.expiresAt) <= now;

export function checkNotExpired(terms: Pick<OfferTerms, 'expiresAt'>, now: Date) {
  if (!pastExpiry(terms, now)) return ok(undefined);
  return fail('offer.expired', `The offer expired at ${terms.expiresAt}.`, { expiresAt: terms.expiresAt });
}

/** A sent offer past its expiry reads as expired, whether or not anything has written that down yet. */
export function effectiveStatus(
  offer: { status: OfferStatus; terms: Pick<OfferTerms, 'expiresAt'> },
  now: Date,
): OfferStatus {
  return offer.status === 'sent' && pastExpiry(offer.terms, now) ? 'expired' : offer.status;
}

/** R-OFFER-5: application to offer in 4–6 weeks; past six weeks an application is flagged. */
export const OFFER_TARGET_DAYS = 42;

/** A name as typed, for comparing: same letters, any case, spacing or width. */
const normalName = (name: string) => name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/**
 * A signature is the candidate's own name typed in full, given name first or family name first
 * (many write their family name first), so a slip or someone else's name is caught before it binds.
 */
export function checkSignatureName(typed: string, person: { firstName: string; lastName: string }) {
  const orders = [`${person.firstName} ${person.lastName}`, `${person.lastName} ${person.firstName}`].map(
    normalName,
  );
  if (orders.includes(normalName(typed))) return ok(undefined);
  return fail(
    'offer.signature_mismatch',
    `Type your full name as on your application (${person.firstName} ${person.lastName}) to sign.`,
    { field: 'typedName' },
  );
}
