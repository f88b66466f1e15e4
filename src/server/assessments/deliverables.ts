import type { FastifyRequest } from 'fastify';
import JSZip from 'jszip';
import type { DomainError } from '../../contracts/errors.js';
import type { Deliverable } from '../../core/assessments/upload-deliverable.js';
import { fail, ok, type Result } from '../../core/shared/result.js';

const MAX_DELIVERABLE_BYTES = 20 * 1024 * 1024;

/** Reads a case study's deliverable from a multipart upload: a PDF or a PowerPoint, up to 20 MB. */
export async function receiveDeliverable(request: FastifyRequest): Promise<Result<Deliverable, DomainError>> {
  const part = request.isMultipart()
    ? await request.file({ limits: { fileSize: MAX_DELIVERABLE_BYTES } })
    : undefined;
  const data = part ? await part.toBuffer().catch(() => null) : null;
  const kind = data && !part?.file.truncated ? await deliverableKind(data) : null;
  if (!part || !data || !kind) {
    const why = !part
      ? 'send the deliverable as multipart form data'
      : !data || part.file.truncated
        ? 'larger than 20 MB'
        : 'not a PDF or a PowerPoint (.pptx) file';
    return fail('validation.failed', `file: ${why}`, { issues: [{ field: 'body.file', message: why }] });
  }
  const filename = part.filename.slice(0, 200) || `case-study.${kind.extension}`;
  return ok({ filename, contentType: kind.contentType, data });
}

/** What an upload is, by its content: a PDF, or a zip that holds a PowerPoint presentation. */
async function deliverableKind(data: Buffer) {
  if (data.subarray(0, 5).toString('latin1') === '%PDF-')
    return { contentType: 'application/pdf', extension: 'pdf' };
  if (data.subarray(0, 4).toString('latin1') !== 'PK\u0003\u0004') return null;
  const zip = await JSZip.loadAsync(data, { checkCRC32: false }).catch(() => null);
  return zip?.file('ppt/presentation.xml')
    ? {
        contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
        extension: 'pptx',
      }
    : null;
}
