import type { Criterion, CriterionVerdict, Tier } from '../../contracts/screening.js';
import type { OutboxMessage } from '../shared/types.js';
import type { PostingJob } from './index.js';

/** What criteria are derived from: the job and its posting as stored. */
export interface ScreeningJob {
  id: string;
  orgId: string;
  title: string;
  jobFamily: string;
  employmentType: string;
  /** As the API shapes it (`contracts/jobs.ts`), defaults filled in. */
  posting: PostingJob['posting'];
}

export interface StoredCriteria {
  version: number;
  items: Criterion[];
}

/** One `screening.annotate` outbox message, claimed by the annotation pass. */
export interface AnnotationTask {
  seq: number;
  orgId: string;
  applicationId: string;
  attempts: number;
}

/** Everything a matcher run needs about one application, read before the matcher runs. */
export interface AnnotationSubject {
  applicationId: string;
  orgId: string;
  job: ScreeningJob;
  /** Queued or active: only open applications are annotated. */
  open: boolean;
  optedOut: boolean;
  /** The candidate's newest resume's extracted text; null when there is none. */
  resumeText: string | null;
  criteria: StoredCriteria | null;
}

export interface NewAnnotation {
  orgId: string;
  applicationId: string;
  jobId: string;
  matcher: { name: string; version: string };
  criteriaVersion: number;
  tier: Tier;
  verdicts: CriterionVerdict[];
  mustFound: number;
  mustTotal: number;
  computedAt: Date;
}

/** Criteria, annotations and blind-review switches (ADR 0025). */
export interface ScreeningRepository {
  job(orgId: string, jobId: string): Promise<ScreeningJob | null>;
  criteria(orgId: string, jobId: string): Promise<StoredCriteria | null>;
  /**
   * Stores the first criteria of a job (version 1) unless another transaction already did: false
   * then, and nothing is written.
   */
  storeFirst(orgId: string, jobId: string, items: Criterion[], at: Date): Promise<boolean>;
  /**
   * Replaces every criterion of the job when its version is still `fromVersion` (0: none stored),
   * moving it to `fromVersion + 1`; false, with nothing written, when another change came first.
   */
  replace(orgId: string, jobId: string, fromVersion: number, items: Criterion[], at: Date): Promise<boolean>;
  /**
   * Queues a `screening.annotate` message for every open application of the job at the resume
   * screen (not opted out), in one statement; answers how many.
   */
  enqueueForJob(orgId: string, jobId: string, cause: string, at: Date): Promise<number>;
  /** Claims due annotation messages for `leaseMs` (SKIP LOCKED): another worker passes them by. */
  claim(now: Date, leaseMs: number, limit: number): Promise<AnnotationTask[]>;
  subject(orgId: string, applicationId: string): Promise<AnnotationSubject | null>;
  /** Locks the application and answers what its annotation would be computed from now. */
  lockSubject(orgId: string, applicationId: string): Promise<AnnotationSubject | null>;
  /** Appends to the annotation log and sets the application's current tier. */
  record(annotation: NewAnnotation): Promise<void>;
  finish(seq: number, at: Date): Promise<void>;
  /** A failed run: retried at `retryAt`, or parked as failed when null. */
  failed(seq: number, at: Date, error: string, retryAt: Date | null): Promise<void>;
  /** The organisation's blind-review switch and the job's own (null: inherit). */
  blindSettings(orgId: string, jobId: string | null): Promise<{ org: boolean; job: boolean | null }>;
  setBlind(orgId: string, jobId: string | null, blind: boolean | null, at: Date): Promise<void>;
}

/** The message that asks the worker to annotate one application; the cause keeps its key unique. */
export const annotateMessage = (orgId: string, applicationId: string, cause: string): OutboxMessage => ({
  orgId,
  kind: 'screening.annotate',
  dedupeKey: `screening.annotate:${applicationId}:${cause}`,
  payload: { applicationId },
});
