import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { openTestDatabase } from '../support/db.js';
import { buildTestApp, errorCode, loginAs } from '../support/http.js';
import { testWorker } from '../support/worker.js';
import { buildWorld, TestClock, type World } from '../support/world.js';

/** A receiver written from the documentation alone: HMAC-SHA256 of the raw body, hex, in `Signature: sha256 <hex>`. */
function verify(body: string, header: string | undefined, secret: string): boolean {
  const match = /^sha256 ([0-9a-f]{64})$/.exec(header ?? '');
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(body, 'utf8').digest();
  return timingSafeEqual(expected, Buffer.from(match[1]!, 'hex'));
}

interface Call {
  body: string;
  signature: string | undefined;
  event: string | undefined;
}

let database: Database;
let app: App;
let world: World;
let clock: TestClock;
let receiver: Server;
let receiverUrl: string;
const calls: Call[] = [];
let failNext = 0;

beforeAll(async () => {
  database = await openTestDatabase();
  clock = new TestClock();
  world = await buildWorld(database, clock);
  app = await buildTestApp(database, clock);
  receiver = createServer(async (request: IncomingMessage, response) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    calls.push({
      body,
      signature: request.headers.signature as string | undefined,
      event: request.headers['hireloop-event'] as string | undefined,
    });
    if (failNext > 0) {
      failNext--;
      response.writeHead(503).end('try later');
    } else {
      response.writeHead(204).end();
    }
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
});
afterAll(async () => {
  await app.close();
  await new Promise((resolve) => receiver.close(resolve));
  await database.close();
});

it('signed webhook POSTs verify with an independent receiver, retry on failure and are logged with the response', async () => {
  const admin = await loginAs(app, world.slug, world.staff.admin.email);
  const recruiter = await loginAs(app, world.slug, world.staff.recruiter.email);
  const bad = await app.inject({
    method: 'POST',
    url: '/api/webhooks',
    headers: { cookie: admin },
    payload: { url: 'ftp://x', eventTypes: ['nope'] },
  });
  expect(
    bad
      .json()
      .error.details.issues.map((i: { field: string }) => i.field)
      .sort(),
  ).toEqual(['body.eventTypes.0', 'body.url']);
  const created = await app.inject({
    method: 'POST',
    url: '/api/webhooks',
    headers: { cookie: admin },
    payload: { url: receiverUrl, eventTypes: ['application.created', 'application.stage_changed'] },
  });
  expect(created.statusCode).toBe(201);
  const { id, secret } = created.json();
  expect(secret).toMatch(/^[0-9a-f]{64}$/);
  expect(
    (await app.inject({ url: '/api/webhooks', headers: { cookie: admin } })).json().items[0],
  ).not.toHaveProperty('secret');

  const worker = testWorker(world);
  failNext = 1;
  const submitted = await app.inject({
    method: 'POST',
    url: '/api/applications',
    headers: { cookie: recruiter },
    payload: { jobId: world.jobs.fullTimeA.id, candidate: world.candidate() },
  });
  await worker.drain();
  expect(calls).toHaveLength(1);
  clock.advanceMs(30_000);
  await worker.drain();
  expect(calls).toHaveLength(2);
  const [first, second] = calls as [Call, Call];
  expect(second.body).toBe(first.body);
  expect(verify(second.body, second.signature, secret)).toBe(true);
  expect(verify(second.body, second.signature, 'another secret')).toBe(false);
  expect(verify(`${second.body} `, second.signature, secret)).toBe(false);
  const payload = JSON.parse(second.body);
  expect(payload).toMatchObject({
    type: 'application.created',
    data: { applicationId: submitted.json().id },
  });
  expect(second.event).toBe('application.created');

  const deliveries = (
    await app.inject({ url: '/api/deliveries?channel=webhook', headers: { cookie: admin } })
  ).json().items;
  expect(deliveries[0]).toMatchObject({ status: 'delivered', attempts: 2, recipient: receiverUrl });
  const detail = (
    await app.inject({ url: `/api/deliveries/${deliveries[0].id}`, headers: { cookie: admin } })
  ).json();
  expect(detail.attempts.map((a: { ok: boolean; response: string }) => [a.ok, a.response])).toEqual([
    [false, '503 try later'],
    [true, '204'],
  ]);

  // Events it did not subscribe to are not sent; a paused endpoint gets nothing; a rotated secret signs from then on.
  const rotated = await app.inject({
    method: 'PATCH',
    url: `/api/webhooks/${id}`,
    headers: { cookie: admin },
    payload: { rotateSecret: true },
  });
  const newSecret = rotated.json().secret;
  await app.inject({
    method: 'POST',
    url: `/api/applications/${submitted.json().id}/decisions`,
    headers: { cookie: recruiter },
    payload: { roundKey: 'resume', decision: 'advance', rationale: 'ok' },
  });
  await worker.drain();
  const stageChanged = calls.at(-1)!;
  expect(stageChanged.event).toBe('application.stage_changed');
  expect(verify(stageChanged.body, stageChanged.signature, newSecret)).toBe(true);
  await app.inject({
    method: 'PATCH',
    url: `/api/webhooks/${id}`,
    headers: { cookie: admin },
    payload: { active: false },
  });
  const before = calls.length;
  await app.inject({
    method: 'POST',
    url: '/api/applications',
    headers: { cookie: recruiter },
    payload: { jobId: world.jobs.fullTimeA.id, candidate: world.candidate() },
  });
  await worker.drain();
  expect(calls).toHaveLength(before);
  expect(
    errorCode(
      await app.inject({
        method: 'PATCH',
        url: `/api/webhooks/${world.orgId}`,
        headers: { cookie: admin },
        payload: { active: true },
      }),
    ),
  ).toBe('not_found');
  worker.close();
});
