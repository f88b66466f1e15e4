import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { addBoard } from '../support/boards.js';
import { launchChromium } from '../support/browser.js';
import { openTestDatabase } from '../support/db.js';
import { buildTestApp, loginAs } from '../support/http.js';
import { requireBuiltWebApp, staffContext } from '../support/web.js';
import { buildWorld, TestClock, type World } from '../support/world.js';

// An admin signed in at http://localhost:A visits a page at http://localhost:B: the same site
// (SameSite=Lax sends the cookie along) but another origin. Nothing the page sends may act for them.
let database: Database;
let app: App;
let world: World;
let browser: Browser;
let base: string;
let attacker: http.Server;
let evil: string;
let boardId: string;
let padId: string;
const clock = new TestClock();

beforeAll(async () => {
  requireBuiltWebApp();
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
  boardId = (
    await addBoard(world, { token: `x-${world.slug}`, name: 'Careers', employmentTypes: ['full_time'] })
  ).id;
  app = await buildTestApp(database, clock);
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://localhost:${(app.server.address() as AddressInfo).port}`;
  const cookie = await loginAs(app, world.slug, world.staff.recruiter.email);
  const application = await world.atTechnicalRound();
  const pad = await app.inject({
    method: 'POST',
    url: `/api/applications/${application.id}/pads`,
    headers: { cookie },
    payload: { problem: 'two-sum', language: 'javascript' },
  });
  expect(pad.statusCode, pad.body).toBe(201);
  padId = pad.json().id;
  attacker = http.createServer((_request, response) => {
    response.setHeader('content-type', 'text/html');
    response.end(attackPage());
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  evil = `http://localhost:${(attacker.address() as AddressInfo).port}`;
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => attacker?.close(resolve));
  await app?.close();
  await database?.close();
});

/** The attacker's page: a form that posts itself, a text/plain fetch, and a socket to the staff pad. */
function attackPage() {
  const rotate = `${base}/api/boards/${boardId}/rotate-key`;
  const socket = `${base.replace('http', 'ws')}/api/pads/${padId}/live`;
  return `<!doctype html><html><body>
<iframe name="sink"></iframe>
<form id="f" method="post" action="${rotate}" enctype="text/plain" target="sink"><input name="a" value="b"></form>
<script>
window.results = {};
fetch(${JSON.stringify(rotate)}, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body: 'x' })
  .then(() => { window.results.fetch = 'sent'; }, () => { window.results.fetch = 'failed'; });
const ws = new WebSocket(${JSON.stringify(socket)});
ws.onopen = () => { window.results.socket = 'open'; };
ws.onclose = () => { window.results.socket = window.results.socket || 'refused'; };
document.getElementById('f').submit();
</script></body></html>`;
}

const keyHash = async () =>
  (
    await world.db
      .selectFrom('boards')
      .select('api_key_hash')
      .where('id', '=', boardId)
      .executeTakeFirstOrThrow()
  ).api_key_hash;

it('a same-site page on another port cannot rotate a board key or open the pad socket with the admin cookie', async () => {
  const { context, page } = await staffContext(browser, base, world.slug, world.staff.admin.email);
  const before = await keyHash();
  const refusals: number[] = [];
  page.on('response', (response) => {
    if (response.url().includes('/rotate-key')) refusals.push(response.status());
  });
  await page.goto(evil);
  await page.waitForFunction(() => {
    const r = (window as unknown as { results: Record<string, string> }).results;
    return r.fetch && r.socket;
  });
  expect(await page.evaluate(() => (window as unknown as { results: unknown }).results)).toEqual({
    fetch: 'sent',
    socket: 'refused',
  });
  await expect.poll(() => refusals.length, { timeout: 15_000 }).toBe(2);
  expect(refusals).toEqual([403, 403]);
  expect(await keyHash()).toBe(before);

  // The web app itself, as src/web/client.ts sends a bodyless POST, still rotates it, and its socket opens.
  await page.goto(`${base}/app/`);
  const own = await page.evaluate(
    async ([url, socket]) => {
      const response = await fetch(url!, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
        credentials: 'same-origin',
      });
      const opened = await new Promise((resolve) => {
        const ws = new WebSocket(socket!);
        ws.onopen = () => {
          ws.close();
          resolve('open');
        };
        ws.onclose = () => resolve('refused');
      });
      return { status: response.status, opened };
    },
    [`/api/boards/${boardId}/rotate-key`, `${base.replace('http', 'ws')}/api/pads/${padId}/live`],
  );
  expect(own).toEqual({ status: 200, opened: 'open' });
  expect(await keyHash()).not.toBe(before);
  await context.close();
});
