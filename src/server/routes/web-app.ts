import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { App } from '../context.js';
import { appPolicy } from '../csp.js';
import { page } from '../html.js';

/** The mark browsers show in a tab; asked for at /favicon.ico by every page that names no icon. */
export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#1f4f8f"/>' +
  '<path d="M9 8v16M23 8v16M9 16h14" stroke="#fff" stroke-width="3.5" stroke-linecap="round"/></svg>';

export const WEB_ROOT = fileURLToPath(new URL('../../../dist/web', import.meta.url));

/**
 * The React app: hashed assets under /app/assets (cached for a year, sent compressed), and its
 * one page for every client-side route of staff (/app/…) and candidates (/candidate/…), never
 * cached so a new build is picked up at once.
 */
export async function webAppRoutes(app: App) {
  const built = fs.existsSync(`${WEB_ROOT}/index.html`);
  if (built) {
    await app.register(fastifyStatic, {
      root: `${WEB_ROOT}/assets`,
      prefix: '/app/assets/',
      immutable: true,
      maxAge: '365d',
      // The build writes .br and .gz beside each asset; a browser gets the smallest it accepts,
      // and a shared cache keeps one copy per encoding.
      preCompressed: true,
      setHeaders: (res) => res.setHeader('vary', 'accept-encoding'),
    });
  }
  const shell = async (_request: unknown, reply: import('fastify').FastifyReply) => {
    if (!built) {
      return page(
        reply,
        503,
        'Hireloop is not built yet',
        '<h1>The web app is not built yet</h1><p>Run <code>npm run build:web</code> (or <code>npm start</code>, which builds it) and reload.</p>',
        '',
        false,
      );
    }
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-security-policy', appPolicy)
      .send(fs.createReadStream(`${WEB_ROOT}/index.html`));
  };
  app.get('/favicon.ico', { schema: { hide: true } }, (_request, reply) =>
    reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(FAVICON_SVG),
  );
  for (const path of ['/', '/app', '/app/*', '/candidate', '/candidate/*']) {
    app.get(path, { schema: { hide: true } }, path === '/' ? (_q, reply) => reply.redirect('/app/') : shell);
  }
}
