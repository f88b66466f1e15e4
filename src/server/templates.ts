import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { type InterviewKit, interviewKitSchema } from '../contracts/kits.js';
import { type MessageTemplateFile, messageTemplateFileSchema } from '../contracts/messages.js';
import { type VestingSchedule, vestingScheduleSchema } from '../contracts/offer-terms.js';
import { type TemplateFile, templateFileSchema } from '../contracts/process-template.js';
import { needsKit, valuesOutsideKit } from '../core/feedback/feedback.rules.js';
import { eventPlan } from '../core/notifications/notification.rules.js';
import type { Catalog } from '../core/shared/ports.js';

export const templatesRoot = fileURLToPath(new URL('../../templates/', import.meta.url));

export class TemplateError extends Error {}

/** Parses one data file; a broken file is refused naming the file, the path inside it and the reason. */
export function parseDataFile<S extends z.ZodType>(schema: S, file: string, text: string): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new TemplateError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `${file}: at ${i.path.join('.') || '(root)'}: ${i.message}`,
    );
    throw new TemplateError(problems.join('\n'));
  }
  return parsed.data;
}

export const parseTemplate = (file: string, text: string): TemplateFile =>
  parseDataFile(templateFileSchema, file, text);

function loadKeyed<S extends z.ZodType<{ key: string }>>(schema: S, dir: string): Map<string, z.output<S>> {
  const items = new Map<string, z.output<S>>();
  for (const name of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const item = parseDataFile(schema, path.join(dir, name), fs.readFileSync(path.join(dir, name), 'utf8'));
    if (items.has(item.key))
      throw new TemplateError(`${path.join(dir, name)}: key "${item.key}" is used twice`);
    items.set(item.key, item);
  }
  return items;
}

export const loadTemplates = (dir = path.join(templatesRoot, 'processes')) =>
  loadKeyed(templateFileSchema, dir);

export interface ShippedCatalog extends Catalog {
  processTemplates: Map<string, TemplateFile>;
  vestingSchedules: Map<string, VestingSchedule>;
  interviewKits: Map<string, InterviewKit>;
  messageTemplates: Map<string, MessageTemplateFile>;
}

/** Everything shipped under templates/, validated once at start. */
export function loadCatalog(root = templatesRoot): ShippedCatalog {
  const processTemplates = loadTemplates(path.join(root, 'processes'));
  const vestingSchedules = loadKeyed(vestingScheduleSchema, path.join(root, 'vesting'));
  const interviewKits = new Map<string, InterviewKit>();
  const bank = path.join(root, 'question-bank');
  for (const name of fs
    .readdirSync(bank)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const kit = parseDataFile(
      interviewKitSchema,
      path.join(bank, name),
      fs.readFileSync(path.join(bank, name), 'utf8'),
    );
    const unknown = valuesOutsideKit(kit);
    if (unknown.length > 0) {
      throw new TemplateError(
        `${path.join(bank, name)}: questions name values that are not focus attributes: ${unknown.join(', ')}`,
      );
    }
    interviewKits.set(kit.roundType, kit);
  }
  const messageTemplates = loadKeyed(messageTemplateFileSchema, path.join(root, 'messages'));
  for (const [kind, plan] of Object.entries(eventPlan)) {
    for (const email of plan.emails) {
      if (!messageTemplates.has(email.template)) {
        throw new TemplateError(`messages: no template "${email.template}" for the event "${kind}"`);
      }
    }
  }
  for (const template of processTemplates.values()) {
    for (const [i, round] of template.rounds.entries()) {
      if (needsKit(round.roundType) && !interviewKits.has(round.roundType)) {
        throw new TemplateError(
          `${template.key}: at rounds.${i}.roundType: no interview kit for "${round.roundType}" in the question bank`,
        );
      }
    }
    const key = template.defaultVestingScheduleKey;
    if (key && !vestingSchedules.has(key)) {
      throw new TemplateError(
        `${template.key}: at defaultVestingScheduleKey: no shipped vesting schedule "${key}"`,
      );
    }
  }
  return {
    processTemplates,
    vestingSchedules,
    interviewKits,
    messageTemplates,
    vestingSchedule: (key) => vestingSchedules.get(key),
    messageText: (key, language) => messageTemplates.get(key)?.languages[language],
    interviewKit: (roundType) => interviewKits.get(roundType),
  };
}
