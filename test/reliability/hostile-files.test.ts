import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { readAttachment } from '../../src/server/boards/resume-intake.js';
import { READERS, resumeReaders, WAITING } from '../../src/server/boards/resume-readers.js';
import { docxWith, pdfWith } from '../support/files.js';
import { manyPagesPdf } from '../support/hostile-files.js';

const readers = resumeReaders();
afterAll(() => readers.close());

describe('hostile files are refused with a message or kept unread, never a crash', () => {
  it('a zip bomb posing as a DOCX is kept unread, without being inflated', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    // 200 MB of zeros compresses to a few hundred kilobytes.
    zip.file('word/document.xml', new Uint8Array(200 * 1024 * 1024));
    const bomb = await zip.generateAsync({
      type: 'uint8array',
      compression: 'DEFLATE',
      compressionOptions: { level: 9 },
    });
    expect(bomb.byteLength).toBeLessThan(1024 * 1024);
    const before = process.memoryUsage().rss;
    const result = await readAttachment(readers, 'resume', 'bomb.docx', bomb);
    expect(result.ok && result.attachment.textUnread).toBe('unpacked_limit');
    expect(result.ok && result.attachment.text).toBe('');
    expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1024 * 1024);
  }, 60_000);

  it('malformed, truncated, mislabelled and oversized files', async () => {
    const pdf = await pdfWith('A real resume');
    const docx = await docxWith('A real letter');
    const cases: [string, Uint8Array, RegExp][] = [
      ['truncated.pdf', pdf.subarray(0, 200), /could not be read/],
      ['garbage.pdf', Buffer.from('%PDF-1.7\n%%EOF garbage'), /could not be read/],
      ['broken.docx', docx.subarray(0, 100), /could not be read/],
      [
        'notazip.docx',
        Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(500, 7)]),
        /could not be read/,
      ],
      [
        'resume.pdf',
        Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0xff, 0xfe, 0x00, 0x00]),
        /not a PDF, DOCX or text file/,
      ],
      [
        'image.png',
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
        /not a PDF, DOCX or text file/,
      ],
      ['empty.txt', new Uint8Array(0), /the file is empty/],
      ['huge.pdf', new Uint8Array(10 * 1024 * 1024 + 1), /larger than 10 MB/],
    ];
    for (const [name, data, message] of cases) {
      const result = await readAttachment(readers, 'resume', name, data);
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(result.message, name).toMatch(message);
    }
    const good = await readAttachment(readers, 'resume', 'ok.pdf', pdf);
    expect(good.ok && good.attachment.text).toBe('A real resume');
    const letter = await readAttachment(readers, 'cover_letter', 'ok.docx', docx);
    expect(letter.ok && letter.attachment.text).toBe('A real letter');
  }, 60_000);

  it('files past two readers and eight waiting places are not read at all, and say the server was busy', async () => {
    const pdf = await pdfWith('Waiting in line');
    // Asked in one go, before any reader answers: the last one finds every place taken.
    const results = await Promise.all(
      Array.from({ length: READERS + WAITING + 1 }, () => readers.read('pdf', pdf)),
    );
    expect(results.slice(0, -1)).toEqual(Array(READERS + WAITING).fill({ text: 'Waiting in line' }));
    expect(results.at(-1)).toEqual({ unread: 'busy' });
    expect(await readers.read('pdf', pdf)).toEqual({ text: 'Waiting in line' });
  }, 60_000);

  it('a file still being read when the server closes is answered, and its reader ended', async () => {
    const own = resumeReaders();
    const reading = own.read('pdf', manyPagesPdf(50_000));
    // Closed once the file reached a reader: the real resume read first says when one is ready.
    await own.read('pdf', await pdfWith('First'));
    await own.close();
    expect(await reading).toEqual({ unread: 'reader_failed' });
    expect(await own.read('pdf', await pdfWith('Late'))).toEqual({ unread: 'reader_failed' });
  }, 60_000);
});
