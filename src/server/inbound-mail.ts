import { convert } from 'html-to-text';
import { simpleParser } from 'mailparser';
import type { ReplyText } from '../core/messages/receive-candidate-reply.js';
import { readAttachment } from './boards/resume-intake.js';
import type { ResumeReaders } from './boards/resume-readers.js';

/** At most this many files are kept from one reply; more are listed as refused. */
export const MAX_REPLY_FILES = 5;
/** Text longer than this is cut before reply separation (its patterns are regular expressions). */
const MAX_TEXT_CHARS = 100_000;

/** The token in `reply+<token>@<domain>`, or null when the address is not one of ours. */
export function replyTokenOf(address: string, domain: string): string | null {
  const match = /^reply\+([A-Za-z0-9_-]{20,100})@(.+)$/i.exec(address.trim());
  if (!match || match[2]!.toLowerCase() !== domain.toLowerCase()) return null;
  return match[1]!;
}

/** Text a person reads and nothing else: no zero bytes or control characters but line breaks and tabs. */
export function plainText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[^\P{Cc}\n\t]|[\u202a-\u202e\u2066-\u2069]/gu, '')
    .trim();
}

/** Lines that open the history a mail program quotes under a reply, in the languages seen most. */
const QUOTE_HEADERS = [
  /^On\s.{1,300}\swrote:$/, // On Mon, 2 Mar 2026 at 09:00, Name <address> wrote:
  /^Le\s.{1,300}\sa écrit\s?:$/,
  /^Am\s.{1,300}\sschrieb\s.{0,300}:$/,
  /^El\s.{1,300}\sescribió:$/,
  /^在.{1,300}写道[:：]$/,
  /^-{2,}\s?(Original Message|Forwarded message|Ursprüngliche Nachricht|Message d'origine)\s?-{2,}$/i,
  /^_{10,}$/, // Outlook's rule above the quoted headers
];
/** An Outlook-style block of headers: From:, then Sent:/Date: and To:/Subject: within a few lines. */
const isHeaderBlock = (lines: string[], i: number) =>
  /^\*?(From|Von|De):\*?\s/.test(lines[i] ?? '') &&
  lines.slice(i + 1, i + 4).some((l) => /^\*?(Sent|Date|Gesendet|Envoyé|Datum):\*?\s/.test(l));

/**
 * The candidate's own words apart from the history their mail program quoted under them: cut at
 * the first quote header ("On … wrote:", "-----Original Message-----", an Outlook header block), at
 * a trailing block of "> " lines, or at a signature separator ("-- "). Every pattern matches one
 * line of bounded length, so hostile text costs linear time.
 */
export function separateReply(text: string): { body: string; quoted: string } {
  const lines = plainText(text).slice(0, MAX_TEXT_CHARS).split('\n');
  let cut = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    // A header the mail program wrapped onto two lines: "On … <address>" then "wrote:".
    const joined = lines[i + 1] !== undefined ? `${line} ${lines[i + 1]!.trim()}` : line;
    if (
      line === '--' ||
      lines[i] === '-- ' ||
      QUOTE_HEADERS.some((r) => r.test(line) || r.test(joined)) ||
      isHeaderBlock(lines, i)
    ) {
      cut = i;
      break;
    }
    if (line.startsWith('>') && lines.slice(i).every((l) => l.trim() === '' || l.trim().startsWith('>'))) {
      cut = i;
      break;
    }
  }
  const body = lines.slice(0, cut).join('\n').trim();
  const quoted = lines.slice(cut).join('\n').trim();
  return body ? { body, quoted } : { body: quoted, quoted: '' };
}

/** An HTML-only message as text: words only, no scripts, styles, images or link targets. */
export function htmlAsText(html: string): string {
  return convert(html.slice(0, 2_000_000), {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'script', format: 'skip' },
      { selector: 'style', format: 'skip' },
    ],
  });
}

/**
 * A raw message as the thread keeps it: plain text only (an HTML-only message is turned into text,
 * its markup and scripts dropped), the reply apart from the quote, each file read as a résumé is
 * (PDF, DOCX or text, in the limited readers) and a file that is none of those kept only by name.
 */
export async function readInboundMail(
  raw: Buffer,
  readers: ResumeReaders,
): Promise<ReplyText & { from: string | null }> {
  const mail = await simpleParser(raw, { maxHtmlLengthToParse: 2_000_000 });
  const { body, quoted: history } = separateReply(
    mail.text ?? (typeof mail.html === 'string' ? htmlAsText(mail.html) : ''),
  );
  const attachments: ReplyText['attachments'] = [];
  for (const [index, file] of mail.attachments.entries()) {
    const filename = plainText(file.filename ?? `attachment-${index + 1}`).slice(0, 200) || 'attachment';
    const refuse = (reason: string) =>
      attachments.push({
        filename,
        contentType: 'application/octet-stream',
        sizeBytes: file.size,
        data: new Uint8Array(),
        text: '',
        textUnread: null,
        refused: reason,
      });
    if (index >= MAX_REPLY_FILES) {
      refuse(`only the first ${MAX_REPLY_FILES} files of a reply are kept`);
      continue;
    }
    const read = await readAttachment(readers, 'resume', filename, new Uint8Array(file.content));
    if (!read.ok) {
      refuse(read.message);
      continue;
    }
    const a = read.attachment;
    attachments.push({
      filename: a.filename,
      contentType: a.contentType,
      sizeBytes: a.data.byteLength,
      data: a.data,
      text: plainText(a.text),
      textUnread: a.textUnread ?? null,
      refused: null,
    });
  }
  return {
    from: mail.from?.value[0]?.address ?? null,
    subject: plainText(mail.subject ?? '').slice(0, 300) || '(no subject)',
    body: body || '(no text)',
    // The quoted history repeats our reply address; its secret has no place on a page.
    quoted: history.replace(/reply\+[A-Za-z0-9_-]{20,100}@/gi, 'reply+…@'),
    attachments,
  };
}
