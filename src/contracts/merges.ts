import { z } from 'zod';
import { uuid } from './common.js';

export const mergeInput = z.object({
  keptId: uuid.describe('The candidate who stays'),
  mergedId: uuid.describe('The duplicate whose applications, files, notes and tags move to the kept one'),
});
export const mergeSchema = z.object({
  id: z.string(),
  keptId: z.string(),
  mergedId: z.string(),
  status: z.enum(['pending', 'confirmed', 'undone']),
  moved: z.object({
    applications: z.number(),
    attachments: z.number(),
    notes: z.number(),
    tags: z.number(),
  }),
  overLimit: z
    .array(z.object({ jobFamily: z.string(), active: z.number(), limit: z.number(), message: z.string() }))
    .describe('Job families where the merged person now holds more active applications than allowed'),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type MergeView = z.infer<typeof mergeSchema>;
