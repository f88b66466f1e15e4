import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type TemplateFile, templateFileSchema } from '../contracts/process-template.js';

export const templatesDir = fileURLToPath(new URL('../../templates/processes/', import.meta.url));

export class TemplateError extends Error {}

/** Parses one template file; a broken file is refused naming the file, the path inside it and the reason. */
export function parseTemplate(file: string, text: string): TemplateFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new TemplateError(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = templateFileSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `${file}: at ${i.path.join('.') || '(root)'}: ${i.message}`,
    );
    throw new TemplateError(problems.join('\n'));
  }
  return parsed.data;
}

export function loadTemplates(dir = templatesDir): Map<string, TemplateFile> {
  const templates = new Map<string, TemplateFile>();
  for (const name of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const template = parseTemplate(path.join(dir, name), fs.readFileSync(path.join(dir, name), 'utf8'));
    if (templates.has(template.key))
      throw new TemplateError(`${name}: template key "${template.key}" is used twice`);
    templates.set(template.key, template);
  }
  return templates;
}
