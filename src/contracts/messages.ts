import { z } from 'zod';

const text = z.object({ subject: z.string().min(1).max(300), body: z.string().min(1).max(20_000) }).strict();
export const languageTag = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag such as en or zh');

/** A shipped message template: one event's email in each language it is written in. */
export const messageTemplateFileSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9_]{1,60}$/),
    languages: z.record(languageTag, text).refine((l) => 'en' in l, 'every template has an English version'),
  })
  .strict();
export type MessageTemplateFile = z.infer<typeof messageTemplateFileSchema>;
export const messageTextSchema = text;

// ---- conversations with candidates, and the candidate's profile

export const messageStatuses = ['scheduled', 'sending', 'sent', 'failed', 'received'] as const;
export const threadMessageSchema = z.object({
  id: z.string(),
  applicationId: z.string(),
  direction: z.enum(['outbound', 'inbound']).describe('outbound: staff to candidate; inbound: the reply'),
  channel: z.enum(['email', 'portal']),
  authorName: z.string().nullable().describe('The staff member who wrote it; null for the candidate'),
  fromAddress: z.string().nullable().describe('The address an emailed reply came from'),
  subject: z.string(),
  body: z.string().describe("Plain text; a reply's own words, without the history it quoted"),
  quoted: z.string().describe('The quoted history a reply carried, kept apart'),
  status: z.enum(messageStatuses),
  sendAt: z.string().describe('When it went (or goes); a reply: when it arrived'),
  attachments: z.array(
    z.object({
      id: z.string(),
      filename: z.string(),
      sizeBytes: z.number(),
      refused: z
        .string()
        .nullable()
        .describe('Why the file is kept but not offered (not a PDF, DOCX or text)'),
      textUnread: z.string().nullable(),
    }),
  ),
});
export type ThreadMessage = z.infer<typeof threadMessageSchema>;

export const writeMessageBody = z.object({
  applicationId: z.uuid().describe('The application the conversation is about'),
  subject: z.string().trim().min(1).max(300),
  body: z.string().trim().min(1).max(20_000).describe('Text with {{placeholders}}, filled per candidate'),
  templateKey: z
    .string()
    .regex(/^[a-z0-9_]{1,60}$/)
    .optional()
    .describe('The template the text started from'),
  sendAt: z.iso
    .datetime()
    .optional()
    .describe(
      'Schedule for later (UTC), at most 90 days ahead; omitted: now; more than 5 minutes past: refused',
    ),
});
export const previewMessageBody = writeMessageBody.pick({ applicationId: true, subject: true, body: true });
export const writtenMessage = z.object({
  messageId: z.string(),
  threadId: z.string(),
  sendAt: z.string(),
  subject: z.string(),
  body: z.string(),
});
export const portalReplyBody = z.object({
  applicationId: z.uuid(),
  body: z.string().trim().min(1).max(20_000),
});
export const portalThreadSchema = z.object({
  applicationId: z.string(),
  jobTitle: z.string(),
  messages: z.array(threadMessageSchema.omit({ fromAddress: true })),
});

export const sourceKinds = ['board', 'career_site', 'referral', 'staff', 'candidate_portal'] as const;
export const feedKinds = ['application', 'decision', 'interview', 'offer', 'message'] as const;
export const feedItemSchema = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.enum(feedKinds),
  action: z.string().describe('What happened, as a stable key (round.advanced, message.received …)'),
  applicationId: z.string().nullable(),
  jobTitle: z.string().nullable(),
  actorName: z.string().nullable(),
  detail: z.string().nullable().describe('The round, the rationale, the subject: in words'),
});
export const profileSchema = z.object({
  candidate: z.object({
    id: z.string(),
    email: z.string(),
    firstName: z.string(),
    lastName: z.string(),
    phone: z.string().nullable(),
    timezone: z.string().nullable(),
    language: z.string().nullable(),
    erased: z.boolean(),
    createdAt: z.string(),
    owner: z
      .object({ id: z.string(), name: z.string() })
      .nullable()
      .describe('The staff member who owns the candidate'),
  }),
  applications: z.array(
    z.object({
      id: z.string(),
      jobId: z.string(),
      jobTitle: z.string(),
      teamName: z.string(),
      status: z.string(),
      step: z.string(),
      submittedAt: z.string(),
      endedAt: z.string().nullable(),
      source: z.object({ kind: z.enum(sourceKinds), name: z.string() }),
      answers: z.array(z.object({ question: z.string(), answer: z.string() })),
      coverLetter: z.object({ attachmentId: z.string().nullable(), text: z.string() }).nullable(),
    }),
  ),
  documents: z.array(
    z.object({
      id: z.string(),
      applicationId: z.string().nullable(),
      kind: z.enum(['resume', 'cover_letter']),
      filename: z.string(),
      contentType: z.string(),
      sizeBytes: z.number(),
      text: z.string().describe('The text read from the file, searchable on the page'),
      textUnread: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  messages: z.array(threadMessageSchema),
  feed: z.array(feedItemSchema).describe('Oldest first; messages both ways included'),
});
export type Profile = z.infer<typeof profileSchema>;
