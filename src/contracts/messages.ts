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
