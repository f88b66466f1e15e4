import type { MessageText } from './notifications.port.js';

export interface Webhook {
  id: string;
  orgId: string;
  url: string;
  eventTypes: string[];
  active: boolean;
  createdAt: Date;
}

export interface NotificationSettings {
  /** The longest an open application goes without news, in business days. */
  updateEveryBusinessDays: number;
  shareRejectionFeedback: boolean;
  defaultLanguage: string;
  defaultTimezone: string;
  /** Minutes a round decision's messages wait for a possible undo; undefined leaves it as it is. */
  decisionUndoMinutes?: number | undefined;
}

export interface CandidatePreferences {
  language: string | null;
  timezone: string | null;
  /** Decisions, schedules and offers still arrive; status updates and confirmations stop. */
  unsubscribed: boolean;
}

/** What admins change of notifications: the queue's failures, templates, webhooks and settings. */
export interface NotificationsAdminRepository {
  lockDelivery(orgId: string, id: string): Promise<{ id: string; status: string } | null>;
  /** Puts a delivery back in the queue, due at `at`, free for the next claim. */
  requeueDelivery(id: string, at: Date): Promise<void>;
  /** Puts a failed outbox event back for dispatch; false when the organisation has no such failed event. */
  requeueFailedEvent(orgId: string, seq: number): Promise<boolean>;
  saveTemplate(orgId: string, key: string, language: string, text: MessageText, at: Date): Promise<void>;
  insertWebhook(webhook: Webhook & { secret: string }): Promise<Webhook>;
  /** Null when the organisation has no such endpoint. */
  updateWebhook(
    orgId: string,
    id: string,
    change: { active?: boolean | undefined; eventTypes?: string[] | undefined; secret?: string | undefined },
  ): Promise<Webhook | null>;
  saveSettings(orgId: string, settings: NotificationSettings): Promise<void>;
  savePreferences(
    orgId: string,
    candidateId: string,
    preferences: CandidatePreferences,
    at: Date,
  ): Promise<void>;
}
