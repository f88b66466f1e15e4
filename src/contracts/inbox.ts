import { z } from 'zod';
import { pageQuery } from './common.js';

import { inboxKinds } from './vocabulary.js';

export { type InboxKind, inboxKinds } from './vocabulary.js';

export const inboxItemSchema = z.object({
  id: z.string(),
  kind: z.enum(inboxKinds),
  title: z.string(),
  body: z.string(),
  link: z.string().describe('Where the thing is in the web app, e.g. /app/applications/…'),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const inboxQuery = pageQuery.extend({
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export const inboxPage = z.object({
  items: z.array(inboxItemSchema),
  nextCursor: z.string().nullable(),
  unread: z.number(),
});
export const unreadCount = z.object({ unread: z.number() });
export const inboxSettingsSchema = z.object({
  emailKinds: z.array(z.enum(inboxKinds)).describe('Kinds that also come by email; the rest stay in the app'),
});
export const readInput = z.object({ read: z.boolean() });
export type InboxItem = z.infer<typeof inboxItemSchema>;
export type InboxPage = z.infer<typeof inboxPage>;
export type InboxSettings = z.infer<typeof inboxSettingsSchema>;
