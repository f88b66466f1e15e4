import { randomBytes } from 'node:crypto';

/**
 * The Content-Security-Policy of each kind of answer. Scripts run only from our own files (and,
 * on a server-rendered page, its inline script carrying this response's nonce), so an injected
 * `<script>` or `onclick=` does nothing; no page may be framed, change its base URL, post a form
 * elsewhere or load plugins.
 */
const shared = [
  "default-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "img-src 'self' data:",
  // 'self' covers ws: and wss: on our own host, for the pads' live socket.
  "connect-src 'self'",
];

/**
 * The React app. React sets `style` props through the CSSOM, which CSP does not govern, and its
 * styles are a file, so no 'unsafe-inline' is needed.
 */
export const appPolicy = [
  ...shared,
  "script-src 'self'",
  "style-src 'self'",
  // The résumé viewer's pdf.js worker is a file of the app itself; no blob: or data: workers.
  "worker-src 'self'",
].join('; ');

/** A server-rendered page: its one `<style>` and inline script carry the nonce. */
export const pagePolicy = (nonce: string) =>
  [...shared, `script-src 'self' 'nonce-${nonce}'`, `style-src 'self' 'nonce-${nonce}'`].join('; ');

/**
 * Anything else (JSON, files, the offer letter, charts): a document that runs nothing and loads
 * nothing; inline styles let the offer letter and the SVG chart look as designed.
 */
export const documentPolicy = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Swagger UI at /docs: its scripts are files ("try it out" calls the API), but its bundle adds a
 * <style> element at run time, so styles (only) may be inline there; the page shows no data.
 */
export const docsPolicy = [...shared, "script-src 'self'", "style-src 'self' 'unsafe-inline'"].join('; ');

/** A fresh nonce for one response. */
export const newNonce = () => randomBytes(16).toString('base64');
