import { useEffect, useRef, useState } from 'react';

type PdfJs = typeof import('pdfjs-dist');

/** pdf.js and its worker, loaded the first time a PDF is shown; both are files of our own origin. */
let loading: Promise<PdfJs> | undefined;
function pdfjs(): Promise<PdfJs> {
  loading ??= Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]).then(
    ([lib, worker]) => {
      lib.GlobalWorkerOptions.workerSrc = worker.default;
      return lib;
    },
  );
  return loading;
}

const MAX_PAGES = 20;

/**
 * The PDF drawn page by page on canvases, in the browser: the file is fetched from our own API and
 * never run (no scripts, no eval, no links followed). The text read on the server, shown beside it,
 * is what the page searches.
 */
export function PdfPages({ url, title }: { url: string; title: string }) {
  const holder = useRef<HTMLElement>(null);
  const [state, setState] = useState<{ pages: number; shown: number } | 'failed' | null>(null);
  useEffect(() => {
    let cancelled = false;
    const container = holder.current;
    if (!container) return;
    container.replaceChildren();
    (async () => {
      const lib = await pdfjs();
      const doc = await lib.getDocument({
        url,
        isEvalSupported: false,
        enableXfa: false,
        withCredentials: true,
      }).promise;
      const shown = Math.min(doc.numPages, MAX_PAGES);
      for (let n = 1; n <= shown && !cancelled; n++) {
        const page = await doc.getPage(n);
        const viewport = page.getViewport({ scale: 1.3 });
        const canvas = document.createElement('canvas');
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        canvas.className = 'pdf-page';
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', `${title}, page ${n} of ${doc.numPages}`);
        container.append(canvas);
        await page.render({ canvas, viewport }).promise;
        if (n === 1 && !cancelled) setState({ pages: doc.numPages, shown });
      }
      await doc.destroy();
    })().catch(() => !cancelled && setState('failed'));
    return () => {
      cancelled = true;
    };
  }, [url, title]);
  return (
    <div className="pdf-viewer">
      {state === null && <p className="loading">Drawing the PDF…</p>}
      {state === 'failed' && (
        <p className="error" role="alert">
          This PDF could not be drawn here; download the original below.
        </p>
      )}
      {state && state !== 'failed' && state.pages > state.shown && (
        <p className="meta">
          The first {state.shown} of {state.pages} pages are shown; download the file for the rest.
        </p>
      )}
      {/* Scrolls on its own: reachable by keyboard, named for screen readers. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to scroll by keyboard */}
      <section ref={holder} className="pdf-pages" aria-label={`${title}, pages`} tabIndex={0} />
    </div>
  );
}
