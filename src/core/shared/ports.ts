import type { DomainError } from '../../contracts/errors.js';
import type { InterviewKit, ScorecardContent } from '../../contracts/kits.js';
import type { CompensationBand, VestingSchedule } from '../../contracts/offer-terms.js';
import type { ProcessDefinition } from '../../contracts/process-template.js';
import type { EventKind, WebhookEventType } from '../../contracts/vocabulary.js';
import type { Result } from './result.js';
import type {
  Actor,
  Application,
  ApplicationStatus,
  AuditEntry,
  BookedInterview,
  CompetingOffer,
  FamilyPolicy,
  Interview,
  Job,
  JobStatus,
  Offer,
  OfferCounter,
  OfferRevision,
  OutboxMessage,
  PlannedRound,
  RoundFeedback,
  SchedulingLink,
  Scorecard,
  ScorecardStatus,
  StaffRole,
} from './types.js';

export interface Clock {
  now(): Date;
}

export interface Ids {
  next(): string;
}

/** Secrets sent in links (sign-in, scheduling, assessments, pads): the store keeps only their hash. */
export interface Tokens {
  next(): string;
  hash(token: string): string;
}

export interface CandidateInput {
  email: string;
  firstName: string;
  lastName: string;
  phone?: string | undefined;
  timezone?: string | undefined;
  resumeText?: string | undefined;
}

export interface Candidate {
  id: string;
  orgId: string;
  email: string;
  firstName: string;
  lastName: string;
}

export interface NewApplication {
  id: string;
  orgId: string;
  job: Job;
  candidateId: string;
  status: ApplicationStatus;
  plan: PlannedRound[];
  submittedAt: Date;
  idempotencyKey: string | null;
  source: string;
  answers: Record<string, unknown>;
}

export interface ApplicationChange {
  status?: ApplicationStatus;
  stageIndex?: number;
  plan?: PlannedRound[];
  endedAt?: Date | null;
}

export interface RoundDecisionRecord {
  id: string;
  orgId: string;
  applicationId: string;
  roundKey: string;
  decision: 'advance' | 'reject';
  rationale: string;
  decidedBy: string;
  decidedAt: Date;
  /** R-ROUND-3: the decision went against the panel's (or committee's) majority. */
  againstMajority: boolean;
  /** Interviewers whose feedback was still missing when the decision was taken. */
  missingFeedback: string[];
}

export interface ScorecardChange {
  status?: ScorecardStatus;
  revision?: number;
  content?: ScorecardContent;
  submittedAt?: Date;
  reminderStage?: number;
}

export interface Process {
  id: string;
  orgId: string;
  teamId: string | null;
  lineageId: string;
  version: number;
  templateKey: string | null;
  definition: ProcessDefinition;
}

export interface JobFields {
  title: string;
  teamId: string;
  processId: string;
  employmentType: Job['employmentType'];
  jobFamily: string;
  headcount: number;
  level: string;
  locations: string[];
  officeIds: string[];
  posting: Record<string, unknown>;
  compensationBand?: CompensationBand | null;
}

export interface OfferChange {
  status?: Offer['status'];
  revision?: number;
  terms?: Offer['terms'];
  approvalChain?: StaffRole[];
  approvalsDone?: number;
  sentAt?: Date;
  respondedAt?: Date;
}

/** The repositories a use case may touch; every call is inside one transaction. */
export interface Store {
  applications: {
    lock(orgId: string, id: string): Promise<Application | null>;
    /** Every application of the candidate, locked, oldest first. */
    lockAllOfCandidate(orgId: string, candidateId: string): Promise<Application[]>;
    openForCandidate(orgId: string, candidateId: string, jobFamily: string): Promise<Application[]>;
    byIdempotencyKey(orgId: string, key: string): Promise<Application | null>;
    openForJob(orgId: string, candidateId: string, jobId: string): Promise<Application | null>;
    lastRejectedAt(orgId: string, candidateId: string, teamId: string): Promise<Date | null>;
    insert(app: NewApplication): Promise<Application>;
    update(orgId: string, id: string, change: ApplicationChange): Promise<Application>;
    recordDecision(decision: RoundDecisionRecord): Promise<void>;
  };
  jobs: {
    lock(orgId: string, id: string): Promise<Job | null>;
    insert(job: JobFields & { id: string; orgId: string; status: JobStatus }): Promise<Job>;
    update(
      orgId: string,
      id: string,
      change: Partial<JobFields> & { status?: JobStatus; hiredCount?: number },
    ): Promise<Job>;
  };
  processes: {
    get(orgId: string, id: string): Promise<Process | null>;
    latestVersion(orgId: string, lineageId: string): Promise<Process | null>;
    insert(process: Process): Promise<Process>;
    repointJobs(orgId: string, fromLineageId: string, toProcessId: string): Promise<void>;
  };
  offers: {
    lock(orgId: string, id: string): Promise<Offer | null>;
    openForApplication(orgId: string, applicationId: string): Promise<Offer | null>;
    insert(offer: Offer): Promise<Offer>;
    update(orgId: string, id: string, change: OfferChange): Promise<Offer>;
    addRevision(revision: OfferRevision): Promise<void>;
    addApproval(approval: {
      id: string;
      offerId: string;
      revision: number;
      role: StaffRole;
      decision: 'approve' | 'reject';
      note: string;
      actor: Actor;
      at: Date;
    }): Promise<void>;
    addCounter(counter: OfferCounter): Promise<void>;
    addCompeting(competing: CompetingOffer): Promise<void>;
  };
  feedback: {
    /**
     * Records the interview and holds its time for every participant (interviewers and candidate).
     * A participant already held at an overlapping time makes the database refuse the booking.
     */
    insertInterview(
      interview: Interview & { createdBy: string; languageConfirmedAt: Date | null },
      participantIds: string[],
    ): Promise<void>;
    insertScorecard(scorecard: Scorecard): Promise<void>;
    /** Locks the scorecard of one interviewer on one interview; null when they are not on it. */
    lockScorecard(orgId: string, interviewId: string, interviewerId: string): Promise<Scorecard | null>;
    updateScorecard(orgId: string, id: string, change: ScorecardChange): Promise<Scorecard>;
    addRevision(revision: {
      scorecardId: string;
      revision: number;
      content: ScorecardContent;
      reason: string;
      at: Date;
    }): Promise<void>;
    roundFeedback(orgId: string, applicationId: string, roundKey: string): Promise<RoundFeedback[]>;
    /** Across organisations: scorecards not yet submitted whose reminder stage is behind `now`. */
    awaitingReminder(now: Date, limit: number): Promise<(Scorecard & { teamId: string })[]>;
    upsertVote(vote: {
      orgId: string;
      applicationId: string;
      roundKey: string;
      voterId: string;
      vote: 'advance' | 'reject';
      note: string;
      at: Date;
    }): Promise<void>;
    roundVotes(
      orgId: string,
      applicationId: string,
      roundKey: string,
    ): Promise<{ voterId: string; vote: 'advance' | 'reject' }[]>;
  };
  attachments: {
    insert(attachment: NewAttachment): Promise<void>;
  };
  boards: {
    /** Lists an open job on every board of the organisation whose filter it matches. */
    publish(orgId: string, jobId: string, at: Date): Promise<void>;
  };
  notifications: {
    /** Outbox events not yet turned into deliveries, oldest first, locked for this transaction. */
    undispatched(limit: number): Promise<OutboxEvent[]>;
    markDispatched(seq: number, at: Date): Promise<void>;
    /** Parks an event that could not be dispatched, with the reason, for an admin to look at. */
    markFailed(seq: number, at: Date, error: string): Promise<void>;
    candidate(
      orgId: string,
      candidateId: string,
    ): Promise<Recipient & { unsubscribed: boolean; erased: boolean }>;
    applicationContext(orgId: string, applicationId: string): Promise<ApplicationContext | null>;
    staffAudience(
      orgId: string,
      audience: 'interviewers' | 'recruiters' | 'hiring_managers' | 'hr',
      teamId: string | null,
      userIds: string[],
    ): Promise<Recipient[]>;
    interview(orgId: string, interviewId: string): Promise<InterviewContext | null>;
    webhookEndpoints(orgId: string, type: WebhookEventType): Promise<{ id: string; url: string }[]>;
    insertDelivery(delivery: NewDelivery): Promise<void>;
    /** R-FB-5: the candidate heard from us at `at`; the next update and warning are due then. */
    recordCandidateUpdate(
      orgId: string,
      applicationId: string,
      at: Date,
      next: { sendAt: Date; warnAt: Date },
    ): Promise<void>;
    /** The organisation's own text of a template in a language, if it wrote one. */
    ownTemplate(orgId: string, key: string, language: string): Promise<MessageText | null>;
    updateSettings(orgId: string): Promise<{ everyBusinessDays: number; defaultTimezone: string }>;
    /** Open applications whose update or warning time has come. */
    dueForUpdate(now: Date, limit: number): Promise<DueUpdate[]>;
    clearUpdateTimers(applicationId: string, which: 'update' | 'warning'): Promise<void>;
  };
  scheduling: {
    lockInterview(orgId: string, id: string): Promise<BookedInterview | null>;
    /** Ids of an application's interviews still to come. */
    upcoming(orgId: string, applicationId: string, after: Date): Promise<string[]>;
    /** Moves (or cancels) a booked interview: holds follow, SEQUENCE and version go up. */
    moveInterview(
      orgId: string,
      id: string,
      change: { startsAt: Date; endsAt: Date; reason: string; participantIds: string[] },
    ): Promise<BookedInterview>;
    cancelInterview(orgId: string, id: string, reason: string): Promise<BookedInterview>;
    /** Feedback not yet given on an interview that no longer happens is dropped. */
    dropOpenScorecards(interviewId: string): Promise<void>;
    setScorecardDue(interviewId: string, interviewerId: string, dueAt: Date): Promise<void>;
    lockLink(tokenHash: string): Promise<SchedulingLink | null>;
    insertLink(link: SchedulingLink & { tokenHash: string; createdAt: Date }): Promise<void>;
    markLinkBooked(linkId: string, interviewId: string): Promise<void>;
  };
  people: {
    /** Staff of the organisation by id with their time zones; unknown ids are left out. */
    staff(orgId: string, ids: string[]): Promise<{ id: string; timezone: string; roles: StaffRole[] }[]>;
    holidays(orgId: string): Promise<Set<string>>;
  };
  vestingSchedules: {
    /** An organisation's own schedule; the shipped ones come from `Deps.catalog`. */
    get(orgId: string, key: string): Promise<VestingSchedule | null>;
  };
  teams: {
    exists(orgId: string, id: string): Promise<boolean>;
  };
  candidates: {
    /** Finds the org's record for this email (normalised) or creates it, and locks it for the transaction. */
    upsertAndLock(orgId: string, id: string, input: CandidateInput): Promise<Candidate>;
    lock(orgId: string, id: string): Promise<Candidate | null>;
    /**
     * R-CAND-4: removes the candidate's personal data — name, contact, resume, files, answers,
     * shared offers, emails' contents — and their sessions; ids and the history stay.
     */
    erase(orgId: string, id: string, at: Date): Promise<void>;
  };
  policies: {
    forFamily(orgId: string, jobFamily: string): Promise<FamilyPolicy>;
  };
  audit: {
    record(entry: AuditEntry): Promise<void>;
  };
  outbox: {
    enqueue(message: OutboxMessage): Promise<void>;
  };
}

export interface AttachmentInput {
  kind: 'resume' | 'cover_letter';
  filename: string;
  contentType: string;
  data: Uint8Array;
  /** The text extracted from the file, for search and for the interviewers' kit. */
  text: string;
}

export interface NewAttachment extends AttachmentInput {
  id: string;
  orgId: string;
  candidateId: string;
  applicationId: string;
  createdAt: Date;
}

export interface OutboxEvent {
  seq: number;
  orgId: string;
  kind: EventKind;
  dedupeKey: string;
  payload: Record<string, unknown>;
  createdAt: Date;
}

export interface MessageText {
  subject: string;
  body: string;
}

export interface Recipient {
  id: string;
  email: string;
  name: string;
  language: string;
  timezone: string;
}

export interface ApplicationContext {
  applicationId: string;
  candidateId: string;
  companyName: string;
  jobTitle: string;
  teamId: string;
  teamName: string;
  status: string;
  /** The round the application is in, or the offer step. */
  currentStep: string;
  nextStep: string | null;
  lastRationale: string | null;
  shareRejectionFeedback: boolean;
  lastCandidateMessageAt: Date | null;
}

export interface InterviewContext {
  id: string;
  applicationId: string;
  roundName: string;
  startsAt: Date;
  endsAt: Date;
  language: string;
  interviewerIds: string[];
  videoUrl: string | null;
}

export interface NewDelivery {
  id: string;
  orgId: string;
  eventSeq: number;
  channel: 'email' | 'webhook';
  dedupeKey: string;
  recipient: string;
  subject: string;
  body: string;
  calendar: string | null;
  endpointId: string | null;
  candidateId: string | null;
  applicationId: string | null;
  createdAt: Date;
}

export interface DueUpdate {
  orgId: string;
  applicationId: string;
  candidateId: string;
  teamId: string;
  lastMessageAt: Date;
  updateDue: boolean;
  warningDue: boolean;
}

/** Turns a message template and its data into text, and an interview into a calendar invite. */
export interface MessageRenderer {
  render(text: MessageText, data: Record<string, unknown>): MessageText;
  invite(input: {
    /** REQUEST books or updates the event in the reader's calendar; CANCEL removes it. */
    method: 'REQUEST' | 'CANCEL';
    uid: string;
    /** RFC 5545 SEQUENCE: a calendar applies an update only if it is higher than what it holds. */
    sequence: number;
    title: string;
    description: string;
    location: string;
    startsAt: Date;
    endsAt: Date;
    organizer: string;
    attendees: string[];
  }): string;
}

/** Data shipped with the product, read once at start. */
export interface Catalog {
  vestingSchedule(key: string): VestingSchedule | undefined;
  /** A shipped message template's text in a language, if written in it. */
  messageText(key: string, language: string): MessageText | undefined;
  interviewKit(roundType: string): InterviewKit | undefined;
}

export interface Deps {
  clock: Clock;
  ids: Ids;
  tokens: Tokens;
  catalog: Catalog;
  /** Runs `work` in one transaction; a failed Result rolls everything back. */
  transaction<T>(work: (store: Store) => Promise<Result<T, DomainError>>): Promise<Result<T, DomainError>>;
}
