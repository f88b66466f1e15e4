import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { withDatabase } from '../support/global-setup.js';
import { freePort, serverProcesses, waitForHealth } from '../support/processes.js';

const processes = serverProcesses();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hireloop-data-'));
processes.cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
afterAll(() => processes.stopAll());
const start = (env: Record<string, string>) =>
  processes.start({ LOG_LEVEL: 'warn', SEED_DEMO: 'true', ...env });

it('starts on PGlite with the demo, and refuses a second process on the same data directory', async () => {
  const port = await freePort();
  const first = start({ PORT: String(port), DATA_DIR: dataDir });
  expect(await waitForHealth(port, 60_000)).toEqual({ status: 'ok', database: 'pglite' });
  expect(first.output()).toContain('Seeded the demo organisation');
  const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ org: 'tiktok', email: 'recruiter@tiktok.example', password: 'hireloop-demo' }),
  });
  expect(login.status).toBe(204);

  const second = start({ PORT: String(await freePort()), DATA_DIR: dataDir });
  expect(await second.exited).toBe(1);
  expect(second.output()).toMatch(/is in use by another Hireloop process \(pid \d+\)/);

  first.child.kill('SIGTERM');
  expect(await first.exited).toBe(0);
  expect(fs.existsSync(path.join(dataDir, 'hireloop.lock'))).toBe(false);
}, 120_000);

/** `npm start` itself: scripts/start.mjs builds what is stale, then runs the compiled server. */
function npmStart(env: Record<string, string>) {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: { PATH: process.env.PATH, TZ: 'UTC', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  processes.cleanups.push(() => {
    child.kill('SIGKILL');
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { child, exited, output: () => output };
}

/** What each built part's stamp says: rewritten whenever the part is built again. */
const stamps = () =>
  ['dist/.server-build.json', 'dist/web/.build-stamp.json', 'dist/pglite-template.json'].map((file) =>
    fs.readFileSync(file, 'utf8'),
  );

it('npm start builds what is missing once; a second start on the same data rebuilds and seeds nothing', async () => {
  const database = await processes.sharedDatabase('restart');
  const env = { SEED_DEMO: 'true', ...database.env };
  const kind = process.env.DATABASE_URL ? 'postgres' : 'pglite';

  const port = await freePort();
  const first = npmStart({ PORT: String(port), ...env });
  expect(await waitForHealth(port, 150_000)).toEqual({ status: 'ok', database: kind });
  expect(first.output()).toContain('Seeded the demo organisation');
  first.child.kill('SIGTERM');
  expect(await first.exited).toBe(0);
  const built = stamps();

  const secondPort = await freePort();
  const second = npmStart({ PORT: String(secondPort), ...env });
  expect(await waitForHealth(secondPort, 60_000)).toEqual({ status: 'ok', database: kind });
  const page = await fetch(`http://127.0.0.1:${secondPort}/app/`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('id="root"');
  expect(second.output()).not.toContain('Building');
  expect(second.output()).not.toContain('Seeded the demo organisation');
  expect(second.output()).toMatch(/Hireloop on .*started in [\d.]+ s/);
  expect(stamps()).toEqual(built);
  second.child.kill('SIGTERM');
  expect(await second.exited).toBe(0);
}, 240_000);

it('refuses to start on bad configuration, listing every bad variable', async () => {
  const bad = start({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
  expect(await bad.exited).toBe(1);
  expect(bad.output()).toContain('PORT');
  expect(bad.output()).toContain('DATABASE_URL: must start with postgres://');
  expect(bad.output()).toContain('LOG_LEVEL');
}, 60_000);

it.runIf(process.env.DATABASE_URL)(
  'two processes booting at once on one fresh PostgreSQL database migrate and seed exactly once',
  async () => {
    const url = process.env.DATABASE_URL!;
    const name = `hireloop_boot_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    try {
      const ports = [await freePort(), await freePort()];
      const servers = ports.map((port) =>
        start({ PORT: String(port), DATABASE_URL: withDatabase(url, name) }),
      );
      for (const port of ports)
        expect(await waitForHealth(port, 60_000)).toEqual({ status: 'ok', database: 'postgres' });
      const seeded = servers.filter((s) => s.output().includes('Seeded the demo organisation'));
      expect(seeded).toHaveLength(1);
      for (const server of servers) {
        server.child.kill('SIGTERM');
        expect(await server.exited).toBe(0);
      }
      const check = new pg.Client({ connectionString: withDatabase(url, name) });
      await check.connect();
      const orgs = await check.query('SELECT count(*)::int AS n FROM orgs');
      await check.end();
      expect(orgs.rows[0].n).toBe(1);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  },
  120_000,
);
