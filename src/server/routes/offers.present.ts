import type { CompetingTerms, OfferTerms, VestingSchedule } from '../../contracts/offer-terms.js';
import { compensationByYear } from '../../core/offers/compensation.rules.js';
import { effectiveStatus, nextApprover, outsideBand } from '../../core/offers/offer.rules.js';
import type { OfferCounter } from '../../core/shared/types.js';
import type { offerQueries } from '../../db/offers/offers.queries.js';

type Reads = ReturnType<typeof offerQueries>;
type CandidateOfferRow = NonNullable<Awaited<ReturnType<Reads['candidateOffer']>>>;
type StaffOfferRow = NonNullable<Awaited<ReturnType<Reads['staffOffer']>>>;
type OfferSummaryRow = Awaited<ReturnType<Reads['listOffers']>>['items'][number];
type CompensationRows = NonNullable<Awaited<ReturnType<Reads['compensation']>>>;

/** The offer as the candidate sees it; a sent offer past its expiry reads as expired. */
export const presentCandidateOffer = (offer: CandidateOfferRow, now: Date) => ({
  ...offer,
  status: effectiveStatus(offer, now),
});

/** The offer as staff see it, with who approves next and why it falls outside its band. */
export function presentStaffOffer(offer: StaffOfferRow, now: Date) {
  return {
    ...offer,
    status: effectiveStatus(offer, now),
    nextApprover:
      offer.status === 'pending_approval' ? nextApprover(offer.approvalChain, offer.approvalsDone) : null,
    outsideBand: outsideBand(offer.terms, offer.band),
  };
}

export const presentOfferSummary = (offer: OfferSummaryRow, now: Date) => ({
  ...offer,
  status: effectiveStatus({ status: offer.status, terms: offer }, now),
});

export const presentCounter = (c: OfferCounter) => ({
  id: c.id,
  revision: c.revision,
  component: c.component,
  proposal: c.proposal,
  note: c.note,
  at: c.at.toISOString(),
});

/** One column of the comparison: the pay of one offer year by year. */
function compensationColumn(label: string, terms: OfferTerms | CompetingTerms, schedule: VestingSchedule) {
  return { label, vestingSchedule: schedule.name, ...compensationByYear(terms, schedule) };
}

/** The offer year by year, beside the competing offers shared for the application. */
export function presentCompensation(rows: CompensationRows) {
  const offer = compensationColumn('This offer', rows.offer.terms, rows.offer.schedule);
  const competing = rows.competing.map((c) => compensationColumn(c.terms.company, c.terms, c.schedule));
  return { offer, competing, currencyMismatch: competing.some((c) => c.currency !== offer.currency) };
}
