import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { addBoard } from '../support/boards.js';
import { openTestDatabase } from '../support/db.js';
import { multipart } from '../support/files.js';
import { errorCode, listening, loginAs } from '../support/http.js';
import { buildWorld, TestClock, type World } from '../support/world.js';

// Cross-site request forgery: a page on another origin, even on the same site (another port, a
// sibling subdomain), must not make an admin's browser change anything, however it sends the request.
let database: Database;
let world: World;
let app: App;
let base: string;
let host: string;
let admin: string;
let boardId: string;
const token = `csrf-${Math.random().toString(36).slice(2, 8)}`;
const clock = new TestClock();

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
  ({ app, base } = await listening(database, clock));
  host = `127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  boardId = (await addBoard(world, { token, name: 'Careers', employmentTypes: ['full_time', 'internship'] }))
    .id;
  admin = await loginAs(app, world.slug, world.staff.admin.email);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const keyHash = async () =>
  (
    await world.db
      .selectFrom('boards')
      .select('api_key_hash')
      .where('id', '=', boardId)
      .executeTakeFirstOrThrow()
  ).api_key_hash;
const rotate = (headers: Record<string, string>, payload?: string | Buffer) =>
  app.inject({
    method: 'POST',
    url: `/api/boards/${boardId}/rotate-key`,
    headers: { cookie: admin, host, ...headers },
    ...(payload === undefined ? {} : { payload }),
  });

describe('a write with the session cookie', () => {
  it.each([
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }],
    [
      'Sec-Fetch-Site: same-site (another port or subdomain)',
      { 'sec-fetch-site': 'same-site', origin: 'http://127.0.0.1:1' },
    ],
    ['an Origin of another host, without Sec-Fetch-Site', { origin: 'http://localhost:1' }],
    ['an Origin of another port, without Sec-Fetch-Site', { origin: 'http://127.0.0.1:1' }],
    ['an Origin that is not a URL', { origin: 'null' }],
  ])('is refused with 403 csrf.refused from %s, and the key stays', async (_name, headers) => {
    const before = await keyHash();
    const response = await rotate(headers);
    expect(response.statusCode).toBe(403);
    expect(errorCode(response)).toBe('csrf.refused');
    expect(response.json().error.message).toMatch(/another (site|origin)/);
    expect(await keyHash()).toBe(before);
  });

  it.each([
    [
      'Sec-Fetch-Site: same-origin (the web app)',
      { 'sec-fetch-site': 'same-origin', origin: 'http://ignored' },
    ],
    ['Sec-Fetch-Site: none (typed by the user)', { 'sec-fetch-site': 'none' }],
    ['an Origin equal to the Host, from a browser without Sec-Fetch-Site', { origin: '' }],
    ['the public URL as Origin (a proxy that rewrites Host)', { origin: 'http://localhost:3000' }],
    ['neither header: a script, which no other site can drive', {}],
  ])('passes from %s', async (_name, headers: Record<string, string>) => {
    const before = await keyHash();
    const response = await rotate(headers.origin === '' ? { origin: base } : headers);
    expect(response.statusCode, response.body).toBe(200);
    expect(await keyHash()).not.toBe(before);
  });
});

describe('a bodyless JSON endpoint takes no form or text body (what a cross-site form can send)', () => {
  it.each([
    ['text/plain', 'x'],
    ['application/x-www-form-urlencoded', 'a=1'],
    [
      'multipart/form-data; boundary=b',
      '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--b--\r\n',
    ],
  ])('%s is a 415, even same-origin', async (type, body) => {
    const before = await keyHash();
    const response = await rotate({ 'sec-fetch-site': 'same-origin', 'content-type': type }, body);
    expect(response.statusCode).toBe(415);
    expect(errorCode(response)).toBe('validation.failed');
    expect(await keyHash()).toBe(before);
  });

  it('a JSON body still passes', async () => {
    const response = await rotate(
      { 'sec-fetch-site': 'same-origin', 'content-type': 'application/json' },
      '{}',
    );
    expect(response.statusCode, response.body).toBe(200);
  });
});

describe('requests without a session', () => {
  it('the career-site form posts from our own page (same-origin), and not from another site', async () => {
    const jobs = (await app.inject({ url: `/v1/boards/${token}/jobs` })).json().jobs;
    const url = `/careers/${token}/jobs/${jobs[0].id}/apply`;
    const form = multipart(
      { first_name: 'Grace', last_name: 'Hopper', email: 'grace.csrf@example.com', resume_text: 'COBOL' },
      [],
    );
    const post = (site: string) =>
      app.inject({
        method: 'POST',
        url,
        payload: form.body,
        headers: { 'content-type': form.contentType, 'sec-fetch-site': site, host },
      });
    expect((await post('cross-site')).statusCode).toBe(403);
    const ours = await post('same-origin');
    expect(ours.statusCode, ours.body).toBe(200);
    expect(ours.body).toContain('Thank you for applying');
  });

  it('the board API with Basic auth from a server (no browser headers) passes', async () => {
    const jobs = (await app.inject({ url: `/v1/boards/${token}/jobs` })).json().jobs;
    const rotated = (await rotate({})).json();
    const response = await app.inject({
      method: 'POST',
      url: `/v1/boards/${token}/jobs/${jobs[0].id}`,
      headers: { authorization: `Basic ${Buffer.from(`${rotated.apiKey}:`).toString('base64')}` },
      payload: {
        first_name: 'Ada',
        last_name: 'Lovelace',
        email: 'ada.csrf@example.com',
        resume_text: 'engines',
      },
    });
    expect(response.statusCode, response.body).toBe(200);
  });

  it('reading is never refused: GET from another site is how links work', async () => {
    const response = await app.inject({
      url: `/careers/${token}`,
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(response.statusCode).toBe(200);
  });
});

describe('the staff pad WebSocket', () => {
  const open = (url: string, headers: Record<string, string>) =>
    new Promise<number>((resolve, reject) => {
      const socket = new WebSocket(url, { headers });
      socket.once('open', () => {
        socket.close();
        resolve(101);
      });
      socket.once('unexpected-response', (request, response) => {
        request.destroy();
        resolve(response.statusCode ?? 0);
      });
      socket.once('error', reject);
    });

  it('opens from our own origin and is refused from another one', async () => {
    const application = await world.atTechnicalRound();
    const cookie = await loginAs(app, world.slug, world.staff.recruiter.email);
    const created = await app.inject({
      method: 'POST',
      url: `/api/applications/${application.id}/pads`,
      headers: { cookie },
      payload: { problem: 'two-sum', language: 'javascript' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id, candidateUrl } = created.json();
    const staff = `${base.replace('http', 'ws')}/api/pads/${id}/live`;
    const candidate = `${base.replace('http', 'ws')}/api/pad-links/${candidateUrl.split('/').pop()}/live`;
    expect(await open(staff, { cookie, origin: base })).toBe(101);
    expect(await open(staff, { cookie, origin: 'http://localhost:1' })).toBe(403);
    expect(await open(staff, { cookie, origin: base.replace(/:\d+$/, ':1') })).toBe(403);
    expect(await open(staff, { cookie, origin: base, 'sec-fetch-site': 'same-site' })).toBe(403);
    expect(await open(candidate, { origin: base })).toBe(101);
    expect(await open(candidate, { origin: 'https://evil.example' })).toBe(403);
  });
});
