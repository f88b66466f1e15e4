import type { EventKind, WebhookEventType } from '../../contracts/vocabulary.js';

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
  /** Who booked it: replies to the invite reach them. */
  organizer: { name: string; email: string };
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
  /** What the message is about (an interview); a later one on the same topic replaces it if not yet sent. */
  topic: string | null;
  /** Where the reader's answer goes (a thread's reply address); the sender's address when absent. */
  replyTo?: string | null;
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

export type StaffAudience = 'interviewers' | 'recruiters' | 'coordinators' | 'hiring_managers' | 'hr';

/** Events to dispatch, their recipients, deliveries, and the candidate-update timers. */
export interface NotificationsRepository {
  /**
   * Outbox events not yet turned into deliveries and no longer held (a decision's messages wait out
   * its undo window), oldest first, locked for this transaction.
   */
  undispatched(limit: number, now: Date): Promise<OutboxEvent[]>;
  markDispatched(seq: number, at: Date): Promise<void>;
  /** Parks an event that could not be dispatched, with the reason, for an admin to look at. */
  markFailed(seq: number, at: Date, error: string): Promise<void>;
  candidate(
    orgId: string,
    candidateId: string,
  ): Promise<Recipient & { unsubscribed: boolean; erased: boolean }>;
  applicationContext(orgId: string, applicationId: string): Promise<ApplicationContext | null>;
  /** The given interviewers, or the staff with the audience's role (on the team, when one is given). */
  staffAudience(
    orgId: string,
    audience: StaffAudience,
    teamId: string | null,
    userIds: string[],
  ): Promise<Recipient[]>;
  interview(orgId: string, interviewId: string): Promise<InterviewContext | null>;
  webhookEndpoints(orgId: string, type: WebhookEventType): Promise<{ id: string; url: string }[]>;
  /**
   * A delivery whose dedupe key is already there is left alone. One with a topic supersedes the
   * recipient's earlier deliveries on that topic that are still waiting and not being sent.
   */
  insertDelivery(delivery: NewDelivery): Promise<void>;
  /** The candidate heard from us at `at`; the next update and warning are due then. */
  recordCandidateUpdate(
    orgId: string,
    applicationId: string,
    at: Date,
    next: { sendAt: Date; warnAt: Date },
  ): Promise<void>;
  /** The organisation's own text of a template in a language, if it wrote one. */
  ownTemplate(orgId: string, key: string, language: string): Promise<MessageText | null>;
  updateSettings(orgId: string): Promise<{ everyBusinessDays: number; defaultTimezone: string }>;
  /** Open applications whose update or warning time has come, locked, skipping ones already locked. */
  dueForUpdate(now: Date, limit: number): Promise<DueUpdate[]>;
  clearUpdateTimers(applicationId: string, which: 'update' | 'warning'): Promise<void>;
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
    organizer: { name: string; email: string };
    attendees: { name: string; email: string }[];
  }): string;
}
