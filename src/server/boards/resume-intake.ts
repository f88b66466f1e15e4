import JSZip from 'jszip';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';
import type { AttachmentInput } from '../../core/applications/applications.port.js';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const EXTRACT_TIMEOUT_MS = 15_000;
/** A DOCX unpacks to at most this much: a zip bomb is refused before anything is inflated. */
const MAX_UNPACKED_BYTES = 50 * 1024 * 1024;

async function unpackedSize(data: Uint8Array): Promise<number> {
  const zip = await JSZip.loadAsync(data, { checkCRC32: false });
  return Object.values(zip.files).reduce((sum, file) => {
    // The central directory's declared size, read without inflating anything.
    const declared =
      (file as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    return sum + declared;
  }, 0);
}

export type IntakeResult = { ok: true; attachment: AttachmentInput } | { ok: false; message: string };

const startsWith = (data: Uint8Array, ascii: string) =>
  Buffer.from(data.subarray(0, ascii.length)).toString('latin1') === ascii;

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error('took too long to read')), EXTRACT_TIMEOUT_MS).unref(),
    ),
  ]);
}

/**
 * Accepts a PDF, DOCX or plain-text file up to 10 MB and extracts its text. The type is decided by
 * the content, not the name: a renamed or corrupt file is refused with a message, never thrown.
 */
export async function readAttachment(
  kind: AttachmentInput['kind'],
  filename: string,
  data: Uint8Array,
): Promise<IntakeResult> {
  if (data.byteLength === 0) return { ok: false, message: 'the file is empty' };
  if (data.byteLength > MAX_ATTACHMENT_BYTES) return { ok: false, message: 'the file is larger than 10 MB' };
  const name = filename.slice(0, 200) || `${kind}`;
  try {
    if (startsWith(data, '%PDF-')) {
      const text = await withTimeout(
        getDocumentProxy(new Uint8Array(data)).then((pdf) => extractText(pdf, { mergePages: true })),
      );
      return {
        ok: true,
        attachment: { kind, filename: name, contentType: 'application/pdf', data, text: text.text.trim() },
      };
    }
    if (startsWith(data, 'PK\u0003\u0004')) {
      if ((await withTimeout(unpackedSize(data))) > MAX_UNPACKED_BYTES) {
        return { ok: false, message: 'the document unpacks to more than 50 MB' };
      }
      const result = await withTimeout(mammoth.extractRawText({ buffer: Buffer.from(data) }));
      return {
        ok: true,
        attachment: {
          kind,
          filename: name,
          contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          data,
          text: result.value.trim(),
        },
      };
    }
    const text = new TextDecoder('utf-8', { fatal: true }).decode(data);
    if (text.includes('\u0000')) return { ok: false, message: 'not a PDF, DOCX or text file' };
    return {
      ok: true,
      attachment: { kind, filename: name, contentType: 'text/plain', data, text: text.trim() },
    };
  } catch (error) {
    const reason =
      error instanceof TypeError
        ? 'not a PDF, DOCX or text file'
        : `could not be read (${(error as Error).message})`;
    return { ok: false, message: reason };
  }
}

/** Pasted text instead of a file. */
export function textAttachment(kind: AttachmentInput['kind'], text: string): AttachmentInput {
  const data = new TextEncoder().encode(text);
  return { kind, filename: `${kind}.txt`, contentType: 'text/plain', data, text: text.trim() };
}
