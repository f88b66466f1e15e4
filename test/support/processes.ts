import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/db/database.js';
import { withDatabase } from './global-setup.js';

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Real server processes of one test file, killed when it ends. */
export function serverProcesses() {
  const children: ChildProcess[] = [];
  const cleanups: (() => Promise<void> | void)[] = [];
  return {
    cleanups,
    /** Starts `src/server/main.ts` with `args` (a role: serve, worker, sandbox; none for all three). */
    start(env: Record<string, string>, args: string[] = []) {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', ...args], {
        env: { PATH: process.env.PATH, TZ: 'UTC', LOG_LEVEL: 'silent', SEED_DEMO: 'false', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      let output = '';
      child.stdout!.on('data', (d) => (output += d));
      child.stderr!.on('data', (d) => (output += d));
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      return { child, exited, output: () => output };
    },
    /** A database the processes share: a PGlite directory, or a fresh PostgreSQL database with DATABASE_URL. */
    async sharedDatabase(
      label: string,
    ): Promise<{ env: Record<string, string>; open: () => Promise<Database> }> {
      const url = process.env.DATABASE_URL;
      if (url) {
        const name = `hireloop_${label}_${process.pid}`;
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.query(`CREATE DATABASE ${name}`);
        cleanups.push(async () => {
          await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await admin.end();
        });
        return {
          env: { DATABASE_URL: withDatabase(url, name) },
          open: () => openDatabase({ databaseUrl: withDatabase(url, name) }),
        };
      }
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `hireloop-${label}-`));
      cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
      return { env: { DATA_DIR: dataDir }, open: () => openDatabase({ dataDir }) };
    },
    /** A process of the test's own (HAProxy, PgBouncer), killed with the rest. */
    spawnOther(command: string, args: string[]) {
      const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
      children.push(child);
      let output = '';
      child.stdout!.on('data', (d) => (output += d));
      child.stderr!.on('data', (d) => (output += d));
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      return { child, exited, output: () => output };
    },
    async stopAll() {
      for (const child of children)
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await Promise.all(
        children.map((child) =>
          child.exitCode === null && child.signalCode === null
            ? new Promise((resolve) => child.once('exit', resolve))
            : null,
        ),
      );
      for (const cleanup of cleanups.reverse()) await cleanup();
    },
  };
}

export async function waitForHealth(port: number, deadlineMs: number) {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return response.json();
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not become healthy');
}
