import { z } from 'zod';
import { uuid } from './common.js';
import { processDefinitionSchema, roundSchema } from './process-template.js';
import { employmentTypes } from './vocabulary.js';

export const templateSummary = z.object({
  key: z.string(),
  version: z.number(),
  name: z.string(),
  employmentType: z.enum(employmentTypes),
  level: z.string(),
  rounds: z.array(roundSchema),
});
export const processSchema = z.object({
  id: z.string(),
  teamId: z.string().nullable(),
  lineageId: z.string(),
  version: z.number(),
  templateKey: z.string().nullable(),
  definition: processDefinitionSchema,
});
export const adoptTemplateBody = z.object({ templateKey: z.string().min(1).max(100), teamId: uuid });
export const reviseProcessBody = z.object({
  expectedVersion: z.number().int().min(1),
  definition: processDefinitionSchema,
});
