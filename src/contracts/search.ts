import { z } from 'zod';
import { longEnoughToSearch } from './vocabulary.js';

export const searchQuery = z.object({
  q: z
    .string()
    .trim()
    .max(200)
    .refine(longEnoughToSearch, 'Type at least 2 characters, or one Chinese character')
    .describe('Name, email, phone or resume words; candidates need 3 characters, or one Chinese character'),
  limit: z.coerce.number().int().min(1).max(50).default(10),
  cursor: z
    .string()
    .max(500)
    .optional()
    .describe('Further candidates; jobs and people come on the first page only'),
});
export const searchHitSchema = z.object({
  kind: z.enum(['candidate', 'job', 'person']),
  id: z.string(),
  title: z.string(),
  subtitle: z.string(),
  link: z.string(),
});
export const searchPage = z.object({ items: z.array(searchHitSchema), nextCursor: z.string().nullable() });
export type SearchHit = z.infer<typeof searchHitSchema>;
export type SearchPage = z.infer<typeof searchPage>;
