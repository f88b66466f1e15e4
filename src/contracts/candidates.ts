import { z } from 'zod';
import { email, noUrl, timezone } from './common.js';
import { type TextUnread, textUnreadReasons } from './vocabulary.js';

export const candidateInput = z.object({
  email,
  firstName: z.string().trim().min(1).max(100).refine(noUrl, 'must not contain a URL'),
  lastName: z.string().trim().min(1).max(100).refine(noUrl, 'must not contain a URL'),
  phone: z.string().trim().max(40).refine(noUrl, 'must not contain a URL').optional(),
  timezone: timezone.optional(),
  /** The resume as text, shown to the candidate's interviewers. */
  resumeText: z.string().max(100_000).optional(),
});
export const candidateSchema = z.object({
  id: z.string(),
  email: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  phone: z.string().nullable(),
  timezone: z.string().nullable(),
  createdAt: z.string(),
});
export const attachmentSchema = z.object({
  id: z.string(),
  applicationId: z.string().nullable(),
  kind: z.enum(['resume', 'cover_letter']),
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number(),
  /** The file is kept as sent, but its text could not be read within the readers' limits. */
  textUnread: z
    .object({
      reason: z.enum(Object.keys(textUnreadReasons) as [TextUnread, ...TextUnread[]]),
      message: z.string(),
    })
    .nullable()
    .describe('Why no text could be read from the file (it is kept as sent); null when its text was read'),
  createdAt: z.string(),
});
/** Search words and the list filter (job, team, step, tag, source, applied dates, owner, decided without evidence). */
export { candidateFilterQuery as candidateListQuery } from './views.js';
