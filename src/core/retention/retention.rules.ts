import { DateTime } from 'luxon';

/** An office's retention policy (null months: that ending is not covered, so it keeps the data). */
export interface RetentionPolicy {
  rejectedMonths: number | null;
  withdrawnMonths: number | null;
  closedMonths: number | null;
  consentMonths: number;
  renewalNoticeDays: number;
}

/** A consent's length when none of the job's offices has a policy that says otherwise. */
export const DEFAULT_CONSENT_MONTHS = 12;
/** How long before expiry a consent is offered for renewal when no policy says. */
export const DEFAULT_RENEWAL_NOTICE_DAYS = 30;

export const plusMonths = (at: Date, months: number) =>
  DateTime.fromJSDate(at, { zone: 'utc' }).plus({ months }).toJSDate();

/**
 * RET-3: a consent to future jobs lasts the longest consent period among the offices concerned
 * (the default when none has a policy).
 */
export function consentExpiry(givenAt: Date, policies: readonly RetentionPolicy[]): Date {
  const months = Math.max(0, ...policies.map((p) => p.consentMonths)) || DEFAULT_CONSENT_MONTHS;
  return plusMonths(givenAt, months);
}

/** RET-4: the renewal notice goes once, within the notice period before expiry, and never after it. */
export function renewalDue(
  consent: { expiresAt: Date; renewalSentAt: Date | null; withdrawnAt: Date | null },
  noticeDays: number,
  now: Date,
): boolean {
  if (consent.renewalSentAt || consent.withdrawnAt) return false;
  if (consent.expiresAt <= now) return false;
  return consent.expiresAt.getTime() - noticeDays * 86_400_000 <= now.getTime();
}
