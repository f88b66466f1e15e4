import type { DueCandidateView, DueReason } from '../../contracts/retention.js';
import type { ApplicationStatus } from '../shared/types.js';
import { plusMonths, type RetentionPolicy } from './retention.rules.js';

/** Everything the planner needs to know of one candidate. */
export interface RetentionRecord {
  candidateId: string;
  name: string;
  applications: {
    id: string;
    jobTitle: string;
    status: ApplicationStatus;
    endedAt: Date | null;
    offices: { id: string; name: string }[];
  }[];
  /** Offers not yet ended (draft, awaiting approval, approved, sent). */
  openOffers: number;
  onHold: boolean;
  consents: { expiresAt: Date; withdrawnAt: Date | null }[];
}

export interface PurgePlan {
  due: DueCandidateView[];
  /** Otherwise due, kept by a legal hold (RET-5). */
  keptOnHold: number;
  /** Otherwise due, kept by a consent to future jobs in force (RET-6). */
  keptByConsent: number;
  /** More were due than `limit`: the next run takes them. */
  more: boolean;
}

const ended = ['rejected', 'withdrawn', 'closed'] as const;
type Ended = (typeof ended)[number];
const isEnded = (s: ApplicationStatus): s is Ended => (ended as readonly string[]).includes(s);

const monthsFor = (policy: RetentionPolicy, status: Ended) =>
  status === 'rejected'
    ? policy.rejectedMonths
    : status === 'withdrawn'
      ? policy.withdrawnMonths
      : policy.closedMonths;

/**
 * When one ended application stops holding its candidate's data, or null when it holds it for
 * good. RET-1: the longest keep among the job's offices wins; RET-2: an office without a policy,
 * or whose policy does not cover this ending, keeps the data (nothing is deleted by default).
 */
function applicationDue(
  application: RetentionRecord['applications'][number] & { status: Ended; endedAt: Date },
  policies: ReadonlyMap<string, RetentionPolicy>,
): DueReason | null {
  if (application.offices.length === 0) return null;
  let longest: { months: number; office: string } | null = null;
  for (const office of application.offices) {
    const policy = policies.get(office.id);
    const months = policy ? monthsFor(policy, application.status) : null;
    if (months === null) return null;
    if (!longest || months > longest.months) longest = { months, office: office.name };
  }
  if (!longest) return null;
  return {
    applicationId: application.id,
    jobTitle: application.jobTitle,
    status: application.status,
    endedAt: application.endedAt.toISOString(),
    keepMonths: longest.months,
    office: longest.office,
    dueAt: plusMonths(application.endedAt, longest.months).toISOString(),
  };
}

/**
 * Which candidates a purge erases now, and why. RET-0: a candidate is erased only when every one
 * of their applications ended (rejected, withdrawn, closed) and passed its keep period, no offer
 * is open, no consent to future jobs is in force and no legal hold stands. The dry run and the
 * purge both ask this function, so the dry run lists exactly what the purge erases.
 */
export function planPurge(
  records: readonly RetentionRecord[],
  policies: ReadonlyMap<string, RetentionPolicy>,
  now: Date,
  limit: number,
): PurgePlan {
  const due: DueCandidateView[] = [];
  let keptOnHold = 0;
  let keptByConsent = 0;
  for (const record of records) {
    if (record.applications.length === 0 || record.openOffers > 0) continue;
    const reasons: DueReason[] = [];
    let kept = false;
    for (const application of record.applications) {
      const { status, endedAt } = application;
      const reason =
        isEnded(status) && endedAt ? applicationDue({ ...application, status, endedAt }, policies) : null;
      if (!reason) {
        kept = true;
        break;
      }
      reasons.push(reason);
    }
    if (kept) continue;
    const lastDue = Math.max(...reasons.map((r) => Date.parse(r.dueAt)));
    if (lastDue > now.getTime()) continue;
    const live = record.consents.filter((c) => c.withdrawnAt === null);
    const inForce = live.some((c) => c.expiresAt > now);
    const lastExpiry = Math.max(0, ...live.map((c) => c.expiresAt.getTime()));
    if (record.onHold) {
      keptOnHold++;
      continue;
    }
    if (inForce) {
      keptByConsent++;
      continue;
    }
    due.push({
      candidateId: record.candidateId,
      name: record.name,
      dueSince: new Date(Math.max(lastDue, lastExpiry)).toISOString(),
      consentExpiredAt: lastExpiry > 0 ? new Date(lastExpiry).toISOString() : null,
      reasons: reasons.sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
    });
  }
  due.sort((a, b) => a.dueSince.localeCompare(b.dueSince) || a.candidateId.localeCompare(b.candidateId));
  return { due: due.slice(0, limit), keptOnHold, keptByConsent, more: due.length > limit };
}
