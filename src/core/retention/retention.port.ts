import type { DueReason } from '../../contracts/retention.js';
import type { RetentionRecord } from './plan-purge.js';
import type { RetentionPolicy } from './retention.rules.js';

export interface PurgeRunInput {
  id: string;
  orgId: string;
  dry: boolean;
  trigger: 'person' | 'schedule';
  runBy: string | null;
  dryRunId: string | null;
  ranAt: Date;
  keptOnHold: number;
  keptByConsent: number;
  more: boolean;
  lines: { candidateId: string; dueSince: Date; consentExpiredAt: Date | null; reasons: DueReason[] }[];
}

export interface ConsentToRenew {
  id: string;
  orgId: string;
  candidateId: string;
  expiresAt: Date;
  /** The longest notice among the policies of the offices the candidate applied to (null: none). */
  noticeDays: number | null;
  withdrawnAt: Date | null;
  renewalSentAt: Date | null;
}

/** What retention needs from the store. */
export interface RetentionRepository {
  /** Every office policy of the organisation, by office id. */
  policies(orgId: string): Promise<Map<string, RetentionPolicy>>;
  office(orgId: string, officeId: string): Promise<{ id: string; name: string } | null>;
  /** The office's policy version, locked (0 when it has none). */
  lockPolicyVersion(orgId: string, officeId: string): Promise<number>;
  savePolicy(
    orgId: string,
    officeId: string,
    policy: RetentionPolicy,
    version: number,
    by: string,
    at: Date,
  ): Promise<void>;
  /**
   * The live candidates that might be due at `now`: every application ended, the earliest a
   * month ago at least. With `candidateIds`, only those, their rows locked.
   */
  records(orgId: string, now: Date, candidateIds?: readonly string[]): Promise<RetentionRecord[]>;
  /** The legal hold in force on a candidate, locked. */
  lockActiveHold(orgId: string, candidateId: string): Promise<{ id: string } | null>;
  lockHold(
    orgId: string,
    holdId: string,
  ): Promise<{ id: string; candidateId: string; releasedAt: Date | null } | null>;
  placeHold(hold: {
    id: string;
    orgId: string;
    candidateId: string;
    reason: string;
    placedBy: string;
    placedAt: Date;
  }): Promise<void>;
  releaseHold(holdId: string, by: string, at: Date): Promise<void>;
  recordRun(run: PurgeRunInput): Promise<void>;
  /** The candidates a dry run listed, or null when there is no such dry run. */
  dryRunCandidates(orgId: string, runId: string): Promise<string[] | null>;
  /**
   * Organisations with a policy whose scheduled purge has not run in the last day, or whose last
   * one left candidates due for the next.
   */
  orgsDueForScheduledPurge(now: Date): Promise<string[]>;
  /** Policies of the offices of one application's job. */
  policiesOfApplication(orgId: string, applicationId: string): Promise<RetentionPolicy[]>;
  /** Policies of the offices of every job the candidate applied to. */
  policiesOfCandidate(orgId: string, candidateId: string): Promise<RetentionPolicy[]>;
  addConsent(consent: {
    id: string;
    orgId: string;
    candidateId: string;
    applicationId: string | null;
    source: 'application' | 'portal_renewal';
    givenAt: Date;
    expiresAt: Date;
  }): Promise<void>;
  /** Ends every consent of the candidate still in force; how many there were. */
  withdrawConsents(orgId: string, candidateId: string, at: Date): Promise<number>;
  /**
   * Candidates' newest consents inside their notice period (the policies' longest, else
   * `defaultNoticeDays`) not yet offered for renewal, locked, skipping ones another sweep holds.
   */
  lockConsentsToRenew(now: Date, defaultNoticeDays: number, limit: number): Promise<ConsentToRenew[]>;
  markRenewalSent(consentId: string, at: Date): Promise<void>;
}
