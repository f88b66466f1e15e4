// One résumé reader process: extracts the text of a PDF or DOCX sent to a public form. The files
// come from anyone, and a small one can ask for minutes of work or gigabytes of memory, so they are
// read here, never in the server: the host measures this process's CPU time and memory and kills it
// past its limits (see resume-readers.ts). Started like the code sandboxes: empty environment, no
// code generation from strings, reading only the libraries, writing nothing.
//
// Protocol (IPC, structured clone): says { ready: true } whenever it can take a file; receives
// { id, request: { type: 'pdf' | 'docx', data, maxUnpackedBytes, maxTextChars } }; answers
// { id, result: { text } | { unread: 'unpacked_limit' } | { error } }.

import JSZip from 'jszip';
import mammoth from 'mammoth';
import { extractText, getDocumentProxy } from 'unpdf';

const host = process;

/** The sizes a DOCX's central directory declares, read without inflating anything. */
async function unpackedSize(data) {
  const zip = await JSZip.loadAsync(data, { checkCRC32: false });
  return Object.values(zip.files).reduce((sum, file) => sum + (file._data?.uncompressedSize ?? 0), 0);
}

async function read({ type, data, maxUnpackedBytes }) {
  if (type === 'pdf') {
    const pdf = await getDocumentProxy(new Uint8Array(data), { isEvalSupported: false });
    return (await extractText(pdf, { mergePages: true })).text;
  }
  if ((await unpackedSize(data)) > maxUnpackedBytes) return null;
  return (await mammoth.extractRawText({ buffer: Buffer.from(data) })).value;
}

host.on('message', async ({ id, request }) => {
  try {
    const text = await read(request);
    // A zero byte cannot be stored as text; what is kept is what a person reads, trimmed to size.
    const result =
      text === null
        ? { unread: 'unpacked_limit' }
        : { text: text.replaceAll('\u0000', '').trim().slice(0, request.maxTextChars) };
    host.send({ id, result });
  } catch (error) {
    host.send({ id, result: { error: error instanceof Error ? error.message : String(error) } });
  }
  host.send({ ready: true });
});
host.send({ ready: true });
