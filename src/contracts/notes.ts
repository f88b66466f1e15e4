import { z } from 'zod';
import { pageQuery, uuid } from './common.js';

/** Markdown-lite: **bold**, *italics*, lists, links. Rendered as text nodes, never as HTML. */
export const noteBody = z
  .string()
  .trim()
  .min(1)
  .max(10_000)
  .describe('The note in Markdown-lite: **bold**, *italics*, "- " lists, [text](https://…) links; no HTML');

export const noteInput = z
  .object({
    candidateId: uuid.optional().describe('The candidate the note is about (or give applicationId)'),
    applicationId: uuid.optional().describe('The application the note is about; its candidate is implied'),
    body: noteBody,
    mentions: z
      .array(uuid)
      .max(20)
      .default([])
      .describe(
        'Staff mentioned with @name in the body; each is notified in the app (and by email if they chose)',
      ),
  })
  .refine((v) => Boolean(v.candidateId) !== Boolean(v.applicationId), {
    message: 'give exactly one of candidateId and applicationId',
    path: ['candidateId'],
  });

export const noteEdit = z.object({
  body: noteBody,
  mentions: z.array(uuid).max(20).default([]),
  version: z.number().int().min(1).describe('The version being edited; a stale one is a conflict'),
});

export const noteSchema = z.object({
  id: z.string(),
  candidateId: z.string(),
  applicationId: z.string().nullable(),
  author: z.object({ id: z.string(), name: z.string() }),
  body: z.string(),
  mentions: z.array(z.object({ id: z.string(), name: z.string() })),
  version: z.number(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
  editableUntil: z.string().describe('The author may edit the note until then; later it is kept as written'),
});

export const noteRevisionSchema = z.object({ version: z.number(), body: z.string(), writtenAt: z.string() });

export const noteListQuery = pageQuery
  .extend({ candidateId: uuid.optional(), applicationId: uuid.optional() })
  .refine((v) => Boolean(v.candidateId) !== Boolean(v.applicationId), {
    message: 'give exactly one of candidateId and applicationId',
    path: ['candidateId'],
  });

export const noteListSchema = z.object({
  items: z.array(noteSchema),
  nextCursor: z.string().nullable(),
  withheld: z
    .object({ reason: z.literal('feedback_pending'), message: z.string() })
    .nullable()
    .describe(
      'Why notes are left out for this reader (an interviewer whose scorecard is not yet in); null when none are',
    ),
});

export type NoteView = z.infer<typeof noteSchema>;
export type NoteList = z.infer<typeof noteListSchema>;
export type NoteRevision = z.infer<typeof noteRevisionSchema>;
