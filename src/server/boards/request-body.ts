import type { FastifyRequest } from 'fastify';
import { ZeroByteError, zeroByteIssues } from '../http-guards.js';
import { MAX_ATTACHMENT_BYTES } from './resume-intake.js';

export interface IntakeFile {
  field: string;
  filename: string;
  data: Uint8Array;
}

/**
 * A multipart or JSON body as flat fields plus files; nested multipart names (`a[b]`) become objects.
 * A zero byte in a text field, a field name or a file name throws `ZeroByteError` (a 400 naming the
 * field); file contents may hold zero bytes.
 */
export async function readBody(
  request: FastifyRequest,
): Promise<{ fields: Record<string, unknown>; files: IntakeFile[]; tooLarge?: string }> {
  if (!request.isMultipart()) {
    const body = request.body;
    return { fields: body && typeof body === 'object' ? (body as Record<string, unknown>) : {}, files: [] };
  }
  const fields: Record<string, unknown> = {};
  const files: IntakeFile[] = [];
  for await (const part of request.parts({
    limits: { fileSize: MAX_ATTACHMENT_BYTES, fields: 200, fieldSize: 200_000, files: 5 },
  })) {
    if (part.type === 'file') {
      const data = await part.toBuffer().catch(() => null);
      if (!data || part.file.truncated) return { fields, files, tooLarge: part.fieldname };
      // Browsers send an empty part for a file input left empty.
      if (data.length === 0 && !part.filename) continue;
      files.push({ field: part.fieldname, filename: part.filename, data });
    } else {
      setField(fields, part.fieldname, part.value);
    }
  }
  const issues = [
    ...zeroByteIssues(fields, 'body'),
    ...files.flatMap((f) => zeroByteIssues({ [f.field]: { filename: f.filename } }, 'body')),
  ];
  if (issues.length > 0) throw new ZeroByteError(issues);
  return { fields, files };
}

function setField(fields: Record<string, unknown>, name: string, value: unknown) {
  const nested = /^([\w-]+)\[([\w-]+)\]$/.exec(name);
  if (nested) {
    const [, outer, inner] = nested as unknown as [string, string, string];
    const target = (fields[outer] ?? {}) as Record<string, unknown>;
    target[inner] = value;
    fields[outer] = target;
  } else if (name.endsWith('[]')) {
    const key = name.slice(0, -2);
    fields[key] = [...((fields[key] as unknown[]) ?? []), value];
  } else {
    fields[name] = value;
  }
}
