import { z } from 'zod';
import { timezone } from './common.js';
import { languageTag, messageTextSchema } from './messages.js';
import { deliveryStatuses, webhookEventTypes } from './vocabulary.js';

export const deliveryListQuery = z.object({
  status: z.enum(deliveryStatuses).optional(),
  channel: z.enum(['email', 'webhook']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export const deliverySchema = z.object({
  id: z.string(),
  channel: z.enum(['email', 'webhook']),
  recipient: z.string(),
  subject: z.string(),
  body: z.string(),
  hasCalendar: z.boolean(),
  status: z.enum(deliveryStatuses),
  attempts: z.number(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
  applicationId: z.string().nullable(),
});
export const deliveryDetail = deliverySchema.extend({
  calendar: z.string().nullable(),
  attempts: z.array(z.object({ attempt: z.number(), at: z.string(), ok: z.boolean(), response: z.string() })),
  attemptCount: z.number(),
});
export const templateParams = z.object({ key: z.string().regex(/^[a-z0-9_]{1,60}$/), language: languageTag });
export const templateItem = z.object({
  key: z.string(),
  language: z.string(),
  subject: z.string(),
  body: z.string(),
  customised: z.boolean(),
});
export const templateBody = messageTextSchema;
export const previewBody = messageTextSchema
  .partial()
  .extend({ data: z.record(z.string(), z.unknown()).optional() });
export const previewResponse = z.object({ subject: z.string(), body: z.string() });

const publicUrl = z
  .url()
  .refine((u) => /^https?:\/\//.test(u), 'must be an http or https URL')
  .refine((u) => !/@/.test(new URL(u).host), 'must not carry credentials');
export const webhookBody = z.object({
  url: publicUrl,
  eventTypes: z.array(z.enum(webhookEventTypes)).min(1),
});
export const webhookPatch = z
  .object({
    active: z.boolean().optional(),
    eventTypes: z.array(z.enum(webhookEventTypes)).min(1).optional(),
    rotateSecret: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to change');
export const webhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  eventTypes: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.string(),
  /** Only when created or rotated: sign-check POSTs with it. */
  secret: z.string().optional(),
});
export const notificationSettings = z.object({
  /** The longest an open application goes without news, in the candidate's business days. */
  updateEveryBusinessDays: z.number().int().min(1).max(30),
  shareRejectionFeedback: z.boolean(),
  defaultLanguage: languageTag,
  defaultTimezone: timezone,
  /**
   * Minutes a round decision's messages wait, in which the decider can undo it; 0 sends
   * them at once. Left out, it stays as it is.
   */
  decisionUndoMinutes: z.number().int().min(0).max(60).optional(),
});
export const updateDueSchema = z.object({
  applicationId: z.string(),
  candidateName: z.string(),
  jobTitle: z.string(),
  lastMessageAt: z.string().nullable(),
  nextUpdateAt: z.string(),
  overdue: z.boolean(),
});
export const messageBody = z.object({
  subject: z.string().trim().min(1).max(300),
  body: z.string().trim().min(1).max(20_000),
});
export const preferencesSchema = z.object({
  language: languageTag.nullable(),
  timezone: timezone.nullable(),
  /** Decisions, schedules and offers still arrive; status updates and confirmations stop. */
  unsubscribed: z.boolean(),
});
