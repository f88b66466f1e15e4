import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSchedulingLink } from '../../src/core/scheduling/create-scheduling-link.js';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { addBoard } from '../support/boards.js';
import { openTestDatabase } from '../support/db.js';
import { buildTestApp, loginAs } from '../support/http.js';
import { buildWorld, ok, TestClock, type World } from '../support/world.js';

let database: Database;
let world: World;
let app: App;
beforeAll(async () => {
  database = await openTestDatabase();
  const clock = new TestClock();
  world = await buildWorld(database, clock);
  app = await buildTestApp(database, clock);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

it('no page can be framed by another site, no link leaks in a Referer, and personal data is not cached', async () => {
  const cookie = await loginAs(app, world.slug, `recruiter@${world.slug}.example`);
  for (const url of ['/api/auth/me', '/api/applications', '/healthz', '/app/', '/no-such-page']) {
    const response = await app.inject({ url, headers: { cookie } });
    expect(response.headers['x-frame-options'], url).toBe('DENY');
    expect(response.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
    expect(response.headers['referrer-policy'], url).toBe('no-referrer');
    expect(response.headers['x-content-type-options'], url).toBe('nosniff');
    expect(response.headers['cache-control'], url).toBe('no-store');
  }
});

describe('Content-Security-Policy', () => {
  const policy = (response: { headers: Record<string, unknown> }) =>
    String(response.headers['content-security-policy']);
  const strict = [
    "default-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "connect-src 'self'",
  ];

  it('a server-rendered page runs only its own nonce-carrying inline script and style, a new nonce each time', async () => {
    await addBoard(world, { token: `csp-${world.slug}`, name: 'Careers', employmentTypes: ['full_time'] });
    const application = await world.atTechnicalRound();
    const link = ok(
      await createSchedulingLink(world.deps, {
        actor: world.staff.coordinator,
        applicationId: application.id,
        roundKey: 'tech',
        interviewerIds: [world.staff.interviewer.userId],
        language: 'en',
        windowStart: new Date('2026-03-05T00:00:00Z'),
        windowEnd: new Date('2026-03-12T00:00:00Z'),
        pageUrl: 'http://localhost/schedule',
      }),
    );
    const nonces = new Set<string>();
    for (const url of [
      `/careers/csp-${world.slug}`,
      `/schedule/${link.url.split('/').pop()}`,
      '/careers/none',
    ]) {
      const response = await app.inject({ url });
      const csp = policy(response);
      for (const directive of strict) expect(csp, url).toContain(directive);
      expect(csp, url).not.toContain('unsafe-inline');
      const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce, url).toBeTruthy();
      expect(csp, url).toContain(`style-src 'self' 'nonce-${nonce}'`);
      nonces.add(nonce!);
      // Every inline script and style element carries the nonce (JSON-LD is data, not a script).
      const inline = [...response.body.matchAll(/<(script|style)(?![^>]*\bsrc=)([^>]*)>/g)].filter(
        (m) => !m[2]!.includes('application/ld+json'),
      );
      expect(inline.length, url).toBeGreaterThan(0);
      for (const m of inline) expect(m[2], url).toBe(` nonce="${nonce}"`);
      expect(response.body, url).not.toMatch(/\sstyle="|\son[a-z]+="/);
    }
    expect(nonces.size).toBe(3);
  });

  it('the web app runs only its own files; the API and files run nothing; /docs has its own policy', async () => {
    const cookie = await loginAs(app, world.slug, `recruiter@${world.slug}.example`);
    const shell = await app.inject({ url: '/app/' });
    for (const directive of strict) expect(policy(shell)).toContain(directive);
    if (shell.statusCode === 200) {
      expect(policy(shell)).toContain("script-src 'self';");
      expect(policy(shell)).not.toContain('unsafe-inline');
    }
    for (const url of ['/api/auth/me', '/healthz', '/openapi.json', '/no-such-page']) {
      const response = await app.inject({ url, headers: { cookie } });
      expect(policy(response), url).toContain("default-src 'none'");
      expect(policy(response), url).not.toContain('script-src');
    }
    const docs = await app.inject({ url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(policy(docs)).toContain("script-src 'self'");
    expect(policy(docs)).toContain("frame-ancestors 'none'");
  });
});
