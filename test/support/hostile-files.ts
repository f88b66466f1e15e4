import JSZip from 'jszip';

/**
 * Files built to be expensive to read, as an attacker would send them to a public form. Each is
 * valid (a reader cannot refuse it as corrupt) and small enough to pass the 10 MB upload cap.
 */

const WORD_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** A DOCX whose `word/document.xml` unpacks to about `unpackedBytes` of one-letter paragraphs. */
export async function paragraphFloodDocx(unpackedBytes: number): Promise<Buffer> {
  const paragraph = '<w:p><w:r><w:t>a</w:t></w:r></w:p>';
  const head = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${WORD_NS}"><w:body>`;
  const tail = '</w:body></w:document>';
  const count = Math.max(1, Math.floor((unpackedBytes - head.length - tail.length) / paragraph.length));
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', RELS);
  zip.file('word/document.xml', Buffer.from(head + paragraph.repeat(count) + tail));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** A PDF from its objects (`1 0 obj` first, the catalog), with a correct cross-reference table. */
function pdfFromObjects(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(offset);
    const chunk = Buffer.concat([
      Buffer.from(`${index + 1} 0 obj\n`),
      typeof body === 'string' ? Buffer.from(body, 'latin1') : body,
      Buffer.from('\nendobj\n'),
    ]);
    parts.push(chunk);
    offset += chunk.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`),
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`,
  ].join('');
  parts.push(Buffer.from(xref, 'latin1'));
  return Buffer.concat(parts);
}

const stream = (content: Buffer) =>
  Buffer.concat([Buffer.from(`<</Length ${content.length}>>stream\n`), content, Buffer.from('\nendstream')]);

const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

/**
 * A one-page PDF that shows `operators` one-letter strings, each with its own operator, all at one
 * spot on the page (`0 0 Td` goes back to the line's start), so a reader keeps every one.
 */
export function textOperatorFloodPdf(operators: number): Buffer {
  const content = Buffer.from(`BT /F1 12 Tf 50 700 Td\n${'0 0 Td (a) Tj\n'.repeat(operators)}ET`, 'latin1');
  return pdfFromObjects([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [4 0 R] /Count 1 >>',
    FONT,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /Font << /F1 3 0 R >> >> >>',
    stream(content),
  ]);
}

/**
 * A PDF of `pages` pages in one flat page tree, each with a line of its own text. The pages inherit
 * their size and font from the tree, so 50,000 of them fit in about 9 MB.
 */
export function manyPagesPdf(pages: number): Buffer {
  const first = 4;
  const kids = Array.from({ length: pages }, (_, i) => `${first + 2 * i} 0 R`).join(' ');
  const objects: (string | Buffer)[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> >>`,
    FONT,
  ];
  for (let i = 0; i < pages; i++) {
    objects.push(
      `<</Type/Page/Parent 2 0 R/Contents ${first + 2 * i + 1} 0 R>>`,
      stream(Buffer.from(`BT/F1 9 Tf(Page ${i + 1})Tj ET`)),
    );
  }
  return pdfFromObjects(objects);
}
