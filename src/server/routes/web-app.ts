import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { App } from '../context.js';
import { appPolicy } from '../csp.js';
import { page } from '../html.js';

export const WEB_ROOT = fileURLToPath(new URL('../../../dist/web', import.meta.url));

/**
 * The React app: hashed assets under /app/assets (cached for a year), and its one page for every
 * client-side route of staff (/app/…) and candidates (/candidate/…), never cached so a new build
 * is picked up at once.
 */
export async function webAppRoutes(app: App) {
  const built = fs.existsSync(`${WEB_ROOT}/index.html`);
  if (built) {
    await app.register(fastifyStatic, {
      root: `${WEB_ROOT}/assets`,
      prefix: '/app/assets/',
      immutable: true,
      maxAge: '365d',
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
  for (const path of ['/', '/app', '/app/*', '/candidate', '/candidate/*']) {
    app.get(path, { schema: { hide: true } }, path === '/' ? (_q, reply) => reply.redirect('/app/') : shell);
  }
}
