import type { AttachmentInput } from '../../core/applications/applications.port.js';
import type { ResumeReaders } from './resume-readers.js';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export type IntakeResult = { ok: true; attachment: AttachmentInput } | { ok: false; message: string };

const startsWith = (data: Uint8Array, ascii: string) =>
  Buffer.from(data.subarray(0, ascii.length)).toString('latin1') === ascii;

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const NOT_A_RESUME = 'not a PDF, DOCX or text file';

/**
 * Accepts a PDF, DOCX or plain-text file up to 10 MB and extracts its text. The type is decided by
 * the content, not the name. A file that is none of these, or is broken, is refused with a message,
 * never thrown. A PDF or DOCX is read by `readers`, outside the server; one that cannot be read within
 * their limits is kept as sent, its text empty and `textUnread` saying why.
 */
export async function readAttachment(
  readers: ResumeReaders,
  kind: AttachmentInput['kind'],
  filename: string,
  data: Uint8Array,
): Promise<IntakeResult> {
  if (data.byteLength === 0) return { ok: false, message: 'the file is empty' };
  if (data.byteLength > MAX_ATTACHMENT_BYTES) return { ok: false, message: 'the file is larger than 10 MB' };
  const name = filename.slice(0, 200) || `${kind}`;
  const type = startsWith(data, '%PDF-') ? 'pdf' : startsWith(data, 'PK\u0003\u0004') ? 'docx' : null;
  if (type) {
    const read = await readers.read(type, data);
    if ('error' in read) return { ok: false, message: `could not be read (${read.error})` };
    const contentType = type === 'pdf' ? 'application/pdf' : DOCX;
    const attachment = { kind, filename: name, contentType, data };
    if ('unread' in read)
      return { ok: true, attachment: { ...attachment, text: '', textUnread: read.unread } };
    return { ok: true, attachment: { ...attachment, text: read.text } };
  }
  // Plain text is decoded here: linear in its size, at most 10 MB, nothing to unpack.
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return { ok: false, message: NOT_A_RESUME };
  }
  if (text.includes('\u0000')) return { ok: false, message: NOT_A_RESUME };
  return {
    ok: true,
    attachment: { kind, filename: name, contentType: 'text/plain', data, text: text.trim() },
  };
}

/** Pasted text instead of a file. */
export function textAttachment(kind: AttachmentInput['kind'], text: string): AttachmentInput {
  const data = new TextEncoder().encode(text);
  return { kind, filename: `${kind}.txt`, contentType: 'text/plain', data, text: text.trim() };
}
