import { type ReactNode, useMemo, useState } from 'react';
import type { Profile } from '../../types';
import { TextField } from '../../ui';
import { PdfPages } from './pdf-pages';

type Document = Profile['documents'][number];

/** The text with every case-insensitive match of `query` marked; the count of matches. */
export function highlight(text: string, query: string): { nodes: ReactNode[]; count: number } {
  const q = query.trim();
  if (!q) return { nodes: [text], count: 0 };
  const lower = text.toLowerCase();
  const needle = q.toLowerCase();
  const nodes: ReactNode[] = [];
  let from = 0;
  let count = 0;
  for (let at = lower.indexOf(needle); at !== -1 && count < 500; at = lower.indexOf(needle, from)) {
    nodes.push(text.slice(from, at), <mark key={at}>{text.slice(at, at + q.length)}</mark>);
    from = at + q.length;
    count++;
  }
  nodes.push(text.slice(from));
  return { nodes, count };
}

const PDF = 'application/pdf';

/** A résumé or cover letter shown in place: a PDF drawn, a DOCX or text as its text; always downloadable. */
export function DocumentViewer({ document: d }: { document: Document }) {
  const [query, setQuery] = useState('');
  const { nodes, count } = useMemo(() => highlight(d.text, query), [d.text, query]);
  const label = d.kind === 'resume' ? 'Résumé' : 'Cover letter';
  return (
    <section aria-labelledby={`doc-${d.id}`} className="document">
      <h3 id={`doc-${d.id}`}>
        {label}: {d.filename}
      </h3>
      <p>
        <a href={`/api/attachments/${d.id}`} download={d.filename}>
          Download the original
        </a>{' '}
        <span className="meta">({Math.ceil(d.sizeBytes / 1024)} KB)</span>
      </p>
      {d.contentType === PDF && (
        <PdfPages url={`/api/attachments/${d.id}`} title={`${label} ${d.filename}`} />
      )}
      {d.textUnread ? (
        <p className="meta">No text could be read from this file ({d.textUnread.replaceAll('_', ' ')}).</p>
      ) : (
        <>
          <form
            className="inline-form search"
            aria-label="Search the text"
            onSubmit={(e) => e.preventDefault()}
          >
            <TextField
              label={`Search the ${label.toLowerCase()}'s text`}
              type="search"
              value={query}
              onChange={setQuery}
            />
          </form>
          <p className="meta" role="status" aria-live="polite">
            {query.trim() ? `${count} match${count === 1 ? '' : 'es'} for “${query.trim()}”` : ''}
          </p>
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to scroll by keyboard */}
          <section className="document-text" aria-label={`${label} text`} tabIndex={0}>
            <pre>{nodes}</pre>
          </section>
        </>
      )}
    </section>
  );
}
