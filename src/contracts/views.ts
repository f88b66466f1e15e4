import { z } from 'zod';
import { pageQuery, uuid } from './common.js';

export const viewLists = ['candidates', 'screening', 'pipeline', 'decisions'] as const;

/** The one filter every list understands; each list applies what makes sense for it. */
export const listFilterSchema = z.object({
  jobId: uuid.optional(),
  teamId: uuid.optional(),
  step: z.string().trim().min(1).max(60).optional().describe('A pipeline step, e.g. technical_screen'),
  tagId: uuid.optional(),
  source: z.string().trim().min(1).max(100).optional(),
  appliedFrom: z.iso.date().optional().describe('Applied on or after this day (UTC)'),
  appliedTo: z.iso.date().optional().describe('Applied on or before this day (UTC)'),
  ownerId: uuid.optional().describe("The candidate's owner"),
  decidedWithoutEvidence: z
    .union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')])
    .optional()
    .describe('Only applications with a round decided on a written override of missing evidence'),
});
export type ListFilter = z.infer<typeof listFilterSchema>;

export const candidateFilterQuery = pageQuery
  .extend({ q: z.string().trim().min(1).max(200).optional() })
  .extend(listFilterSchema.shape);

export const viewInput = z.object({
  list: z.enum(viewLists),
  name: z.string().trim().min(1).max(80),
  filters: listFilterSchema,
  shared: z
    .boolean()
    .default(false)
    .describe('Shared with the team (everyone in the organisation who reads the list)'),
});
export const viewSchema = z.object({
  id: z.string(),
  list: z.enum(viewLists),
  name: z.string(),
  filters: listFilterSchema,
  shared: z.boolean(),
  mine: z.boolean(),
  owner: z.object({ id: z.string(), name: z.string() }),
  count: z.number().describe('How many records the view finds now'),
});
export const viewListQuery = z.object({ list: z.enum(viewLists).optional() });
export type SavedView = z.infer<typeof viewSchema>;
