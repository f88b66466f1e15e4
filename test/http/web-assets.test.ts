import fs from 'node:fs';
import zlib from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import type { App } from '../../src/server/context.js';
import { WEB_ROOT } from '../../src/server/routes/web-app.js';
import { openTestDatabase } from '../support/db.js';
import { buildTestApp } from '../support/http.js';
import { requireBuiltWebApp } from '../support/web.js';
import { TestClock } from '../support/world.js';

let database: Database;
let app: App;
let script: string;

beforeAll(async () => {
  requireBuiltWebApp();
  database = await openTestDatabase();
  app = await buildTestApp(database, new TestClock());
  script = /src="(\/app\/assets\/index-[^"]+\.js)"/.exec(
    fs.readFileSync(`${WEB_ROOT}/index.html`, 'utf8'),
  )![1]!;
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const original = () => fs.readFileSync(`${WEB_ROOT}/assets/${script.split('/').pop()}`);

it('sends the app script Brotli- or gzip-compressed to a browser that accepts it, and as it is otherwise', async () => {
  const brotli = await app.inject({ url: script, headers: { 'accept-encoding': 'gzip, deflate, br' } });
  expect(brotli.statusCode).toBe(200);
  expect(brotli.headers['content-encoding']).toBe('br');
  expect(String(brotli.headers.vary)).toMatch(/accept-encoding/i);
  expect(zlib.brotliDecompressSync(brotli.rawPayload).equals(original())).toBe(true);
  expect(brotli.rawPayload.length).toBeLessThan(original().length / 2);

  const gzip = await app.inject({ url: script, headers: { 'accept-encoding': 'gzip' } });
  expect(gzip.headers['content-encoding']).toBe('gzip');
  expect(zlib.gunzipSync(gzip.rawPayload).equals(original())).toBe(true);

  const plain = await app.inject({ url: script, headers: { 'accept-encoding': 'identity' } });
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.rawPayload.equals(original())).toBe(true);
  expect(plain.headers['cache-control']).toContain('immutable');
});
