import type { VestingSchedule } from '../../contracts/offer-terms.js';
import type {
  Actor,
  CompetingOffer,
  Offer,
  OfferCounter,
  OfferRevision,
  OfferSignature,
  StaffRole,
} from '../shared/types.js';

export interface OfferChange {
  status?: Offer['status'];
  revision?: number;
  terms?: Offer['terms'];
  approvalChain?: StaffRole[];
  approvalsDone?: number;
  sentAt?: Date;
  respondedAt?: Date;
  signatureRequired?: boolean;
}

/** One approver's decision on one revision of an offer. */
export interface OfferApproval {
  id: string;
  offerId: string;
  revision: number;
  role: StaffRole;
  decision: 'approve' | 'reject';
  note: string;
  actor: Actor;
  at: Date;
}

export interface OffersRepository {
  lock(orgId: string, id: string): Promise<Offer | null>;
  /** The application's offer still in play (draft, awaiting approval, approved or sent), if any. */
  openForApplication(orgId: string, applicationId: string): Promise<Offer | null>;
  insert(offer: Offer): Promise<Offer>;
  /** Sets the fields given, leaves the rest, and moves the version on. */
  update(orgId: string, id: string, change: OfferChange): Promise<Offer>;
  addRevision(revision: OfferRevision): Promise<void>;
  addApproval(approval: OfferApproval): Promise<void>;
  /** Who gave the latest `count` approvals of a revision: the steps of the chain now running. */
  latestApprovers(offerId: string, revision: number, count: number): Promise<string[]>;
  addCounter(counter: OfferCounter): Promise<void>;
  addCompeting(competing: CompetingOffer): Promise<void>;
  addSignature(signature: OfferSignature): Promise<void>;
}

export interface VestingSchedulesRepository {
  /** An organisation's own schedule; the shipped ones come from `Deps.catalog`. */
  get(orgId: string, key: string): Promise<VestingSchedule | null>;
}
