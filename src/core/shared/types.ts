import type { Rating, ScorecardContent } from '../../contracts/kits.js';
import type { CompensationBand, CompetingTerms, OfferTerms } from '../../contracts/offer-terms.js';
import type { Round } from '../../contracts/process-template.js';
import type { EmploymentType, EventKind, OfferComponent, OfferStatus } from '../../contracts/vocabulary.js';

export const staffRoles = [
  'admin',
  'recruiter',
  'coordinator',
  'interviewer',
  'hiring_manager',
  'hr',
  /** Reads the fairness reports; holds no deciding permission (ADR 0025). */
  'compliance',
] as const;
export type StaffRole = (typeof staffRoles)[number];

/** An API token a staff actor came with: it never allows more than its scopes (ADR 0015). */
export interface TokenGrant {
  tokenId: string;
  kind: 'personal' | 'organisation';
  scopes: readonly string[];
}

export type Actor =
  | {
      kind: 'staff';
      orgId: string;
      userId: string;
      roles: StaffRole[];
      teamIds: string[];
      /** Present when the request came with an API token instead of a session. */
      token?: TokenGrant;
    }
  | { kind: 'candidate'; orgId: string; candidateId: string }
  /** A public job board submitting on a candidate's behalf (career site or board API). */
  | { kind: 'board'; orgId: string; boardId: string };

/** A round in one application's own plan; `addedReason` marks an extra round added to it. */
export type PlannedRound = Round & { addedReason?: string };

export const applicationStatuses = ['queued', 'active', 'rejected', 'withdrawn', 'hired', 'closed'] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];
/** Statuses that hold a place against the family's application limit. */

export interface Application {
  id: string;
  orgId: string;
  jobId: string;
  teamId: string;
  candidateId: string;
  jobFamily: string;
  status: ApplicationStatus;
  /** Index into `plan` of the round being run; equal to plan.length once every round passed (the offer step). */
  stageIndex: number;
  plan: PlannedRound[];
  processId: string;
  submittedAt: Date;
  endedAt: Date | null;
  version: number;
}

export const jobStatuses = ['draft', 'open', 'closed', 'archived'] as const;
export type JobStatus = (typeof jobStatuses)[number];

export interface Job {
  id: string;
  orgId: string;
  teamId: string;
  processId: string;
  title: string;
  status: JobStatus;
  employmentType: EmploymentType;
  jobFamily: string;
  headcount: number;
  hiredCount: number;
  compensationBand: CompensationBand | null;
  version: number;
}

export const considerationOrders = ['sequential', 'parallel'] as const;
export type ConsiderationOrder = (typeof considerationOrders)[number];

export interface FamilyPolicy {
  jobFamily: string;
  /** null: no limit. */
  maxActiveApplications: number | null;
  order: ConsiderationOrder;
  /** 0: a rejected candidate may reapply to the team at once. */
  cooldownDays: number;
}

export interface AuditEntry {
  orgId: string;
  actor: Actor | { kind: 'system' };
  entityType:
    | 'application'
    | 'job'
    | 'process'
    | 'team'
    | 'user'
    | 'policy'
    | 'office'
    | 'candidate'
    | 'offer'
    | 'vesting'
    | 'holiday'
    | 'org'
    | 'token'
    | 'tag';
  entityId: string;
  action: string;
  reason?: string;
  data?: Record<string, unknown>;
}

export interface OutboxMessage {
  orgId: string;
  kind: EventKind;
  dedupeKey: string;
  payload: Record<string, unknown>;
}

export interface Offer {
  id: string;
  orgId: string;
  applicationId: string;
  status: OfferStatus;
  revision: number;
  terms: OfferTerms;
  /** Roles that must approve, in order; empty when the offer is inside its band. */
  approvalChain: StaffRole[];
  approvalsDone: number;
  sentAt: Date | null;
  respondedAt: Date | null;
  /** Sent for signature: the candidate accepts by signing the letter. */
  signatureRequired: boolean;
  version: number;
}

/** A candidate's signature on an offer letter, with what identifies the letter and the signing. */
export interface OfferSignature {
  offerId: string;
  orgId: string;
  revision: number;
  typedName: string;
  signedAt: Date;
  address: string | null;
  userAgent: string | null;
  /** SHA-256 of the letter (HTML) as the candidate was shown it. */
  letterSha256: string;
}

export interface OfferRevision {
  offerId: string;
  revision: number;
  terms: OfferTerms;
  changes: { field: string; from: unknown; to: unknown }[];
  reason: string;
  author: Actor;
  at: Date;
}

export interface OfferCounter {
  id: string;
  offerId: string;
  revision: number;
  component: OfferComponent;
  proposal: string;
  note: string;
  candidateId: string;
  at: Date;
}

export interface CompetingOffer {
  id: string;
  orgId: string;
  applicationId: string;
  terms: CompetingTerms;
  enteredBy: Actor;
  at: Date;
}

export interface Interview {
  id: string;
  orgId: string;
  applicationId: string;
  roundKey: string;
  startsAt: Date;
  endsAt: Date;
  language: string;
  interviewerIds: string[];
  videoUrl: string | null;
}

/** An interview as booked: its state and the version attendees' calendars are at (RFC 5545 SEQUENCE). */
export interface BookedInterview extends Interview {
  candidateId: string;
  status: 'scheduled' | 'cancelled';
  /** Why it was last moved or cancelled. */
  changeReason: string | null;
  sequence: number;
  version: number;
}

/** A self-scheduling link: the candidate picks a slot for one round with a given panel. */
export interface SchedulingLink {
  id: string;
  orgId: string;
  applicationId: string;
  roundKey: string;
  interviewerIds: string[];
  durationMinutes: number;
  language: string;
  videoUrl: string | null;
  windowStart: Date;
  windowEnd: Date;
  interviewId: string | null;
  expiresAt: Date;
  /** The staff member who sent the link; bookings through it are on their behalf. */
  createdBy: string;
}

export const scorecardStatuses = ['pending', 'draft', 'submitted'] as const;
export type ScorecardStatus = (typeof scorecardStatuses)[number];

export interface Scorecard {
  id: string;
  orgId: string;
  interviewId: string;
  applicationId: string;
  roundKey: string;
  interviewerId: string;
  status: ScorecardStatus;
  /** 0 until submitted; each amendment adds one. */
  revision: number;
  content: ScorecardContent;
  dueAt: Date;
  submittedAt: Date | null;
  reminderStage: number;
  version: number;
}

export interface RoundFeedback {
  interviewerId: string;
  status: ScorecardStatus;
  recommendation: Rating | null;
}
