import { DateTime } from 'luxon';
import type { EventKind, WebhookEventType } from '../../contracts/vocabulary.js';

/** Who receives an email about an event. */
export type Audience =
  | 'candidate'
  | 'interviewer'
  | 'interviewers'
  | 'recruiters'
  | 'coordinators'
  | 'hiring_managers'
  | 'hr'
  /** The staff member named by the event's `userId` (their own account's messages). */
  | 'user'
  /** The staff named in the event (payload.userIds). */
  | 'people';

export interface PlannedEmail {
  audience: Audience;
  template: string;
  /** Essential messages (decisions, schedules, offers, sign-in) go even to a candidate who unsubscribed. */
  essential: boolean;
  /** A message to the candidate about their application counts as news for R-FB-5. */
  countsAsUpdate: boolean;
  /** Attach the interview's calendar invite: a request (new or changed) or a cancellation. */
  invite?: 'request' | 'cancel';
}

const candidate = (template: string, essential: boolean, countsAsUpdate = true): PlannedEmail => ({
  audience: 'candidate',
  template,
  essential,
  countsAsUpdate,
});
const staff = (audience: Audience, template: string): PlannedEmail => ({
  audience,
  template,
  essential: true,
  countsAsUpdate: false,
});

/** The one table of what each event sends, and to which webhook type it maps. */
export const eventPlan: Record<EventKind, { emails: PlannedEmail[]; webhook?: WebhookEventType }> = {
  // Worked by the annotation pass (core/screening/annotate-application.ts); dispatch never claims it.
  'screening.annotate': { emails: [] },
  'application.submitted': {
    emails: [candidate('application_received', false)],
    webhook: 'application.created',
  },
  'candidate.application_advanced': {
    emails: [candidate('application_advanced', true)],
    webhook: 'application.stage_changed',
  },
  // R-FB-5: a decision message ends every application.
  'candidate.application_rejected': {
    emails: [candidate('application_rejected', true)],
    webhook: 'application.rejected',
  },
  'candidate.application_withdrawn': {
    emails: [candidate('application_withdrawn', true)],
    webhook: 'candidate.withdrawn',
  },
  'candidate.application_hired': {
    emails: [candidate('application_hired', true)],
    webhook: 'application.hired',
  },
  'candidate.application_closed': {
    emails: [candidate('application_closed', true)],
    webhook: 'application.stage_changed',
  },
  'candidate.status_update': { emails: [candidate('status_update', false)] },
  // A person writing to the candidate: always delivered, and it resets the update clock.
  'candidate.message': { emails: [candidate('personal_message', true)] },
  'candidate.sign_in_link': { emails: [candidate('sign_in_link', true, false)] },
  'candidate.offer_sent': { emails: [candidate('offer_sent', true)], webhook: 'offer.sent' },
  'candidate.offer_rescinded': { emails: [candidate('offer_rescinded', true)] },
  'interview.scheduled': {
    emails: [
      { ...candidate('interview_scheduled', true), invite: 'request' },
      { ...staff('interviewers', 'interview_scheduled_staff'), invite: 'request' },
    ],
    webhook: 'interview.scheduled',
  },
  'interview.rescheduled': {
    emails: [
      { ...candidate('interview_rescheduled', true), invite: 'request' },
      { ...staff('interviewers', 'interview_rescheduled_staff'), invite: 'request' },
    ],
    webhook: 'interview.rescheduled',
  },
  'interview.cancelled': {
    emails: [
      { ...candidate('interview_cancelled', true), invite: 'cancel' },
      { ...staff('interviewers', 'interview_cancelled_staff'), invite: 'cancel' },
    ],
    webhook: 'interview.cancelled',
  },
  'candidate.scheduling_link': { emails: [candidate('interview_pick_a_time', true)] },
  'candidate.assessment_link': { emails: [candidate('assessment_invite', true)] },
  'candidate.practice_reminder': { emails: [candidate('practice_reminder', false, false)] },
  'candidate.consent_renewal': { emails: [candidate('consent_renewal', false, false)] },
  'scorecard.submitted': { emails: [], webhook: 'scorecard.submitted' },
  'feedback.reminder_before_due': { emails: [staff('interviewer', 'feedback_reminder')] },
  'feedback.reminder_due': { emails: [staff('interviewer', 'feedback_due')] },
  'feedback.escalated': {
    emails: [
      staff('interviewer', 'feedback_overdue'),
      staff('recruiters', 'feedback_escalated'),
      staff('hiring_managers', 'feedback_escalated'),
    ],
  },
  'offer.created': { emails: [], webhook: 'offer.created' },
  'staff.offer_accepted': {
    emails: [staff('recruiters', 'offer_accepted'), staff('hr', 'offer_accepted')],
    webhook: 'offer.accepted',
  },
  'staff.offer_declined': {
    emails: [staff('recruiters', 'offer_declined'), staff('hr', 'offer_declined')],
    webhook: 'offer.declined',
  },
  'staff.offer_countered': {
    emails: [staff('recruiters', 'offer_countered'), staff('hr', 'offer_countered')],
  },
  'staff.update_due_tomorrow': { emails: [staff('recruiters', 'update_due_tomorrow')] },
  // A candidate answered: the team's recruiters are asked to reply within a business day.
  'staff.candidate_replied': { emails: [staff('recruiters', 'candidate_replied')] },
  'staff.reply_reminder': { emails: [staff('recruiters', 'reply_reminder')] },
  'staff.reply_escalated': {
    emails: [staff('recruiters', 'reply_escalated'), staff('hiring_managers', 'reply_escalated')],
  },
  'staff.password_reset_link': { emails: [staff('user', 'password_reset_link')] },
  // ASVS V2.2.3: the owner hears of every change of their password.
  'staff.password_changed': { emails: [staff('user', 'password_changed')] },
  // Whoever books the application's interviews finds a replacement for a disabled interviewer.
  'staff.panel_member_removed': {
    emails: [staff('recruiters', 'panel_member_removed'), staff('coordinators', 'panel_member_removed')],
  },
  'staff.notified': { emails: [staff('people', 'staff_notification')] },
  // Mock interviews are no news about an application, and nothing of them goes to the hiring team.
  'mock.booked': {
    emails: [candidate('mock_booked', true, false), staff('interviewer', 'mock_booked_staff')],
  },
  'mock.cancelled': {
    emails: [candidate('mock_cancelled', true, false), staff('interviewer', 'mock_cancelled_staff')],
  },
  'candidate.mock_card_ready': { emails: [candidate('mock_card_ready', true, false)] },
};

const UPDATE_HOUR = 9;

/** The local 09:00 of the business day `n` business days after `from`'s local date. */
function businessDayMorning(from: Date, zone: string, n: number, holidays: ReadonlySet<string>): DateTime {
  let day = DateTime.fromJSDate(from, { zone }).startOf('day');
  let counted = 0;
  while (counted < n) {
    day = day.plus({ days: 1 });
    if (day.weekday <= 5 && !holidays.has(day.toISODate()!)) counted++;
  }
  return day.set({ hour: UPDATE_HOUR });
}

/**
 * R-FB-5: when the candidate must next hear from us. The automatic update goes at 09:00 in the
 * candidate's zone on the Nth business day after the last message, so no open application ever
 * goes more than N business days without news; the recruiter is warned a business day earlier, so
 * a person can write instead.
 */
export function nextUpdate(
  lastMessageAt: Date,
  zone: string,
  everyBusinessDays: number,
  holidays: ReadonlySet<string>,
) {
  const sendAt = businessDayMorning(lastMessageAt, zone, everyBusinessDays, holidays);
  const warnAt =
    everyBusinessDays > 1
      ? businessDayMorning(lastMessageAt, zone, everyBusinessDays - 1, holidays)
      : sendAt.minus({ hours: 12 });
  return { sendAt: sendAt.toJSDate(), warnAt: warnAt.toJSDate() };
}

/** Business days after `from`'s local date up to and including `to`'s: the length of a silence. */
export function businessDaysBetween(
  from: Date,
  to: Date,
  zone: string,
  holidays: ReadonlySet<string>,
): number {
  let day = DateTime.fromJSDate(from, { zone }).startOf('day');
  const last = DateTime.fromJSDate(to, { zone }).startOf('day');
  let count = 0;
  while (day < last) {
    day = day.plus({ days: 1 });
    if (day.weekday <= 5 && !holidays.has(day.toISODate()!)) count++;
  }
  return count;
}

const BACKOFF_BASE_MS = 30_000;
const BACKOFF_CAP_MS = 6 * 3_600_000;
export const MAX_ATTEMPTS = 8;

/** Exponential backoff between delivery attempts: 30 s, 1 min, 2 min … capped at 6 h. */
export function retryDelayMs(attempt: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempt - 1), BACKOFF_CAP_MS);
}
