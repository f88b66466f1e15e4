import type { EvidenceGap, TextUnread } from '../../contracts/vocabulary.js';
import type { Application, ApplicationStatus, Job, PlannedRound } from '../shared/types.js';

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
}

export interface ApplicationsRepository {
  lock(orgId: string, id: string): Promise<Application | null>;
  /** Every application of the candidate, locked, oldest first. */
  lockAllOfCandidate(orgId: string, candidateId: string): Promise<Application[]>;
  /** The candidate's queued and active applications in a job family, oldest first. */
  openForCandidate(orgId: string, candidateId: string, jobFamily: string): Promise<Application[]>;
  byIdempotencyKey(
    orgId: string,
    key: string,
  ): Promise<{ application: Application; fingerprint: string | null } | null>;
  openForJob(orgId: string, candidateId: string, jobId: string): Promise<Application | null>;
  /** When the candidate's latest rejection by the team ended, if they had one. */
  lastRejectedAt(orgId: string, candidateId: string, teamId: string): Promise<Date | null>;
  insert(app: NewApplication): Promise<Application>;
  /** Sets the fields given, leaves the rest, and moves the version on. */
  update(orgId: string, id: string, change: ApplicationChange): Promise<Application>;
  recordDecision(decision: RoundDecisionRecord): Promise<void>;
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
