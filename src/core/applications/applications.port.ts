import type { EvidenceGap, TextUnread } from '../../contracts/vocabulary.js';
import type { NewSignInLink } from '../accounts/accounts.port.js';
import type {
  Application,
  ApplicationStatus,
  AuditEntry,
  FamilyPolicy,
  Job,
  OutboxMessage,
  PlannedRound,
} from '../shared/types.js';

export interface NewApplication {
  id: string;
  orgId: string;
  job: Job;
  candidateId: string;
  status: ApplicationStatus;
  plan: PlannedRound[];
  submittedAt: Date;
  idempotencyKey: string | null;
  /** What the keyed request asked for, so a reused key with another request is told apart. */
  idempotencyFingerprint: string | null;
  source: string;
  answers: Record<string, unknown>;
  /** Asked at application: no matcher ever reads this one (ADR 0025). */
  screeningOptOut?: boolean;
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
  /** The decision went against the panel's (or committee's) majority. */
  againstMajority: boolean;
  /** Interviewers whose feedback was still missing when the decision was taken. */
  missingFeedback: string[];
  /** Decided without its evidence, and why. */
  override: { reason: string; gaps: EvidenceGap[] } | null;
  /** Set while the decision may be undone. */
  undo: DecisionUndo | null;
}

/** What undoing a decision puts back, kept with it for its undo window. */
export interface DecisionUndo {
  /** ISO time the window closes, when the decision's held messages go out. */
  until: string;
  before: { status: ApplicationStatus; stageIndex: number; endedAt: string | null };
  after: { status: ApplicationStatus; stageIndex: number };
  cancelledInterviewIds: string[];
  /** Applications the decision let out of the queue (sequential consideration). */
  activatedApplicationIds: string[];
}

/** An open application with the job and team it is for, as a candidate would recognise it. */
export type OpenApplicationView = Application & { jobTitle: string; teamName: string };

/** What a new application's rules read about its candidate (the candidate already locked). */
export interface Intake {
  /** Their open application to this very job, if any. */
  duplicate: Application | null;
  /** Their queued and active applications in the job's family, oldest first. */
  open: OpenApplicationView[];
  /** The zone the candidate reads dates in (theirs, else the organisation's). */
  timezone: string;
  /** The family's policy (the default one when the organisation set none). */
  policy: FamilyPolicy;
  /** When their latest rejection by the job's team ended, if they had one. */
  lastRejectedAt: Date | null;
}

export interface SubmissionExtras {
  attachments: NewAttachment[];
  audit: AuditEntry;
  messages: OutboxMessage[];
  signInLink: NewSignInLink | null;
  /**
   * The submission brought a resume: the candidate's other open applications are annotated again
   * (ADR 0025), each by a `screening.annotate` message whose key ends with `cause`.
   */
  reannotate?: { cause: string } | null;
}

export interface ApplicationsRepository {
  lock(orgId: string, id: string): Promise<Application | null>;
  /** Every application of the candidate, locked, oldest first. */
  lockAllOfCandidate(orgId: string, candidateId: string): Promise<Application[]>;
  /** The candidate's queued and active applications in a job family, oldest first. */
  openForCandidate(orgId: string, candidateId: string, jobFamily: string): Promise<Application[]>;
  /** Everything the rules of a new application to `job` read about its candidate, in one statement. */
  intakeFor(orgId: string, candidateId: string, job: Job): Promise<Intake>;
  byIdempotencyKey(
    orgId: string,
    key: string,
  ): Promise<{ application: Application; fingerprint: string | null } | null>;
  insert(app: NewApplication): Promise<Application>;
  /**
   * A new application and what comes with it, in one statement (a submission is the busiest write
   * there is, and its cost is round trips): its files, the resume's text as the candidate's current
   * one, its audit event, its outbox messages, and the candidate's sign-in link when one is sent.
   */
  insertSubmitted(app: NewApplication, extras: SubmissionExtras): Promise<Application>;
  /** Sets the fields given, leaves the rest, and moves the version on. */
  update(orgId: string, id: string, change: ApplicationChange): Promise<Application>;
  recordDecision(decision: RoundDecisionRecord): Promise<void>;
  /** Many decisions in one statement. */
  recordDecisions(decisions: RoundDecisionRecord[]): Promise<void>;
  /** Several applications, locked in id order (so two batches never deadlock). */
  lockMany(orgId: string, ids: string[]): Promise<Application[]>;
  /** Sets status and round of many applications in one statement; a null `endedAt` leaves it. */
  updateMany(
    orgId: string,
    changes: { id: string; status: ApplicationStatus; stageIndex: number; endedAt: Date | null }[],
  ): Promise<void>;
  /** A round decision, locked; null when there is none by that id. */
  lockDecision(orgId: string, id: string): Promise<RoundDecisionRecord | null>;
  /** An undone decision leaves no record but its audit trail, so the round can be decided again. */
  deleteDecision(orgId: string, id: string): Promise<void>;
  /** Minutes a decision's messages wait, in which the decider may undo it (0: none). */
  undoWindowMinutes(orgId: string): Promise<number>;
}

export interface AttachmentInput {
  kind: 'resume' | 'cover_letter';
  filename: string;
  contentType: string;
  data: Uint8Array;
  /** The text extracted from the file, for search and for the interviewers' kit. */
  text: string;
  /** Why no text could be read from a file kept as sent (`text` is then empty). */
  textUnread?: TextUnread;
}

export interface NewAttachment extends AttachmentInput {
  id: string;
  orgId: string;
  candidateId: string;
  applicationId: string;
  createdAt: Date;
}

/** Files sent with an application. */
export interface AttachmentsRepository {
  /** Keeps the file; a resume also becomes the candidate's current resume text. */
  insert(attachment: NewAttachment): Promise<void>;
}
