import type { ColumnType, Generated } from 'kysely';
import type { CompetingTerms, OfferTerms } from '../contracts/offer-terms.js';

type Json<T> = ColumnType<T, string, string>;

/** Offers, their revisions, approvals, counters, competing offers and signatures. */
export interface OfferTables {
  offers: {
    id: string;
    org_id: string;
    application_id: string;
    status: string;
    revision: number;
    terms: Json<OfferTerms>;
    approval_chain: string[];
    approvals_done: number;
    sent_at: Date | null;
    responded_at: Date | null;
    signature_required: Generated<boolean>;
    version: Generated<number>;
    created_at: Date;
    updated_at: Date;
  };
  offer_revisions: {
    offer_id: string;
    revision: number;
    terms: Json<OfferTerms>;
    changes: Json<{ field: string; from: unknown; to: unknown }[]>;
    reason: string;
    author_kind: string;
    author_id: string;
    created_at: Date;
  };
  offer_approvals: {
    id: string;
    offer_id: string;
    revision: number;
    role: string;
    decision: string;
    note: string;
    decided_by: string;
    decided_at: Date;
    seq: Generated<string>;
  };
  offer_counters: {
    id: string;
    offer_id: string;
    revision: number;
    component: string;
    proposal: string;
    note: string;
    candidate_id: string;
    created_at: Date;
  };
  competing_offers: {
    id: string;
    org_id: string;
    application_id: string;
    terms: Json<CompetingTerms>;
    entered_by_kind: string;
    entered_by_id: string;
    created_at: Date;
  };
  offer_signatures: {
    offer_id: string;
    org_id: string;
    revision: number;
    typed_name: string;
    signed_at: Date;
    address: string | null;
    user_agent: string | null;
    letter_sha256: string;
  };
}
