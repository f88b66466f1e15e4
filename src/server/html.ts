import type { FastifyReply } from 'fastify';
import { escapeHtml as e } from './boards/postings.js';
import { newNonce, pagePolicy } from './csp.js';

const style = `
.notice{border:2px solid #1e7d32;padding:.5rem 1rem;background:#edf7ee}
fieldset{border:0;padding:0;margin:0}fieldset.self-id,fieldset.screening-notice{border-top:1px solid #e3e3e3;margin-top:1.5rem;padding-top:.75rem}fieldset.self-id legend,fieldset.screening-notice legend{font-weight:700;font-size:1.05rem;padding:0 .25rem 0 0}.slot{display:block;font-weight:400;margin:.35rem 0}.day{margin:1.25rem 0 .25rem;font-size:1.05rem}
body{font:16px/1.55 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
main{max-width:46rem;margin:0 auto;padding:1.5rem 1rem 4rem}
a{color:#0b57d0}a:focus,button:focus,input:focus,select:focus,textarea:focus{outline:3px solid #f9a825;outline-offset:2px}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
.meta{color:#555}.job{padding:.5rem 0;border-bottom:1px solid #e3e3e3}
form{background:#fff;border:1px solid #ddd;border-radius:8px;padding:1rem 1.25rem;margin-top:2rem}
label{display:block;font-weight:600;margin-top:1rem}input[type=text],input[type=email],input[type=tel],textarea,select{width:100%;box-sizing:border-box;padding:.5rem;font:inherit}
.hint{font-weight:400;color:#555;font-size:.9rem}.errors{border:2px solid #b3261e;padding:.5rem 1rem;background:#fdecea}
.error-text{color:#b3261e}.hp{position:absolute;left:-10000px}button{margin-top:1.5rem;padding:.6rem 1.4rem;font:inherit;background:#0b57d0;color:#fff;border:0;border-radius:6px}
`;

/**
 * A server-rendered page in the product's one look: readable type, visible focus, a skip link.
 * Public pages may be cached a minute; personal ones (`cache: false`) never. An inline script goes
 * in `head` as a function of the response's CSP nonce (`<script nonce="…">`); nothing else inline runs.
 */
export function page(
  reply: FastifyReply,
  status: number,
  title: string,
  body: string,
  head: string | ((nonce: string) => string) = '',
  cache = true,
) {
  const nonce = newNonce();
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', cache && status === 200 ? 'public, max-age=60' : 'no-store')
    .header('content-security-policy', pagePolicy(nonce))
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
        `<title>${e(title)}</title><style nonce="${nonce}">${style}</style>${typeof head === 'function' ? head(nonce) : head}</head><body><a class="skip" href="#main">Skip to content</a>` +
        `<main id="main">${body}</main></body></html>`,
    );
}
