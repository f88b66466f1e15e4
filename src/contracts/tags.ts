import { z } from 'zod';
import { uuid } from './common.js';
import { listFilterSchema } from './views.js';

const colour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour such as #3366cc')
  .nullable()
  .optional();

export const tagInput = z.object({
  name: z.string().trim().min(1).max(60),
  colour,
});
export const tagPatch = z.object({ name: z.string().trim().min(1).max(60).optional(), colour });
export const tagSchema = z.object({
  id: z.string(),
  name: z.string(),
  colour: z.string().nullable(),
  candidates: z.number().describe('How many candidates carry the tag'),
});
export const tagDeleted = z.object({
  candidates: z.number().describe('How many candidates carried the tag'),
  viewsChanged: z
    .array(z.object({ id: z.string(), name: z.string() }))
    .describe('Saved views that filtered on the tag and no longer do'),
});
export const candidateTagsSchema = z.object({ items: z.array(tagSchema.omit({ candidates: true })) });
export const bulkTagInput = z
  .object({
    action: z.enum(['add', 'remove']),
    candidateIds: z.array(uuid).min(1).max(500).optional(),
    /** Instead of ids: every candidate a list's filter finds (at most 5,000). */
    filter: listFilterSchema.optional(),
  })
  .refine((v) => Boolean(v.candidateIds) !== Boolean(v.filter), {
    message: 'give exactly one of candidateIds and filter',
    path: ['candidateIds'],
  });
export const tagParams = z.object({ id: uuid, tagId: uuid });
export const ownerInput = z.object({
  userId: uuid.nullable().describe('The staff member who owns the candidate; null for none'),
});

export type TagView = z.infer<typeof tagSchema>;
