// The server's resident memory, at idle and under load, on PGlite and on PostgreSQL: the built
// server (`node dist/server/main.js`, as `npm start` runs it) on a fresh data directory with the
// demo, its RSS read from /proc once it has answered the first page and settled, then sampled
// while eight clients ask for the recruiter's busiest lists, searches and reports for 2,000
// requests (each answer must be a 200). Baselines in the same run: a Node process that does
// nothing, and on PGlite the server with the buffer pool it had before (128 MB), whose requests'
// p95 is set beside the smaller pool's to show what it costs in time. Writes
// bench/memory-results.json.
//
//   npm run bench:memory   (on the build `npm install` makes)
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describeFigure, type Figure, figure, percentile, round, Samples, status, writeResults } from './measure.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const REQUESTS = 2000;
const CLIENTS = 8;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resident memory of a process and its children, in MiB. */
function rssMiB(pid: number): number {
  const own = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  let children = 0;
  for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
    const list = fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
    for (const child of list ? list.split(' ') : []) children += rssMiB(Number(child)) * 1024;
  }
  return (own + children) / 1024;
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, sleep(10_000).then(() => child.kill('SIGKILL'))]);
}

type Memory = { idle: Samples; peak: Samples; settled: Samples; requests: Samples };

/** One server: started, idle, loaded, each RSS taken as a sample (a run with errors fails them). */
async function measureServer(env: Record<string, string>): Promise<Memory> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hireloop-memory-'));
  const child = spawn(process.execPath, ['dist/server/main.js'], {
    cwd: root,
    env: { ...process.env, TZ: 'UTC', DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  const memory: Memory = { idle: new Samples(), peak: new Samples(), settled: new Samples(), requests: new Samples() };
  try {
    for (let i = 0; ; i++) {
      const ok = await fetch(`${base}/app/`).then((r) => r.ok, () => false);
      if (ok) break;
      if (i > 600 || child.exitCode !== null) throw new Error('the server did not start');
      await sleep(200);
    }
    await sleep(5_000);
    memory.idle.times.push(rssMiB(child.pid!));
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ org: 'tiktok', email: 'recruiter@tiktok.example', password: 'hireloop-demo' }),
    });
    if (login.status !== 204) throw new Error(`sign-in: ${login.status}`);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const urls = [
      '/api/applications?step=resume_screen&limit=50',
      '/api/candidates?limit=50',
      '/api/search?q=chen',
      '/api/reports/funnel',
      '/api/jobs',
      '/api/decision-queue',
    ];
    let peak = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssMiB(child.pid!));
    }, 100);
    let next = 0;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let i = next++; i < REQUESTS; i = next++) {
          await memory.requests.time(
            async () => {
              const r = await fetch(`${base}${urls[i % urls.length]}`, { headers: { cookie } });
              return { statusCode: r.status, body: await r.text() };
            },
            status(200),
          );
        }
      }),
    );
    clearInterval(sampler);
    peak = Math.max(peak, rssMiB(child.pid!));
    const failed = memory.requests.errors ? `${memory.requests.errors} requests failed: ${memory.requests.firstError}` : null;
    if (failed) memory.peak.fail(failed);
    else memory.peak.times.push(peak);
    await sleep(5_000);
    if (failed) memory.settled.fail(failed);
    else memory.settled.times.push(rssMiB(child.pid!));
  } catch (error) {
    for (const s of [memory.idle, memory.peak, memory.settled]) if (!s.times.length) s.fail((error as Error).message);
  } finally {
    await stop(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return memory;
}

/** A Node process that does nothing: the floor any server's figure stands on. */
async function bareNode() {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  await sleep(1_000);
  const samples = new Samples();
  samples.times.push(rssMiB(child.pid!));
  await stop(child);
  return samples;
}

async function main() {
  const started = performance.now();
  if (!fs.existsSync(path.join(root, 'dist/server/main.js'))) throw new Error('build first: npm run build');
  const node = await bareNode();
  const one = (s: Samples) => s.times[0]!;
  const figures: Figure[] = [];
  const add = (database: string, name: string, samples: Samples, baselineName: string, baselineSamples: Samples) => {
    const f = figure({ name, database, unit: 'MiB', samples, value: one, baselineName, baselineSamples, baseline: one, target: 'reported', meets: () => true });
    figures.push(f);
    console.log(describeFigure(f));
  };

  const embedded = await measureServer({});
  const before = await measureServer({ PGLITE_SHARED_BUFFERS_MB: '128' });
  add('pglite', 'RSS at idle', embedded.idle, 'a Node process doing nothing', node);
  add('pglite', 'RSS at idle', embedded.idle, 'the same with a 128 MB buffer pool (before)', before.idle);
  add('pglite', `RSS at its peak under load (${REQUESTS} requests, ${CLIENTS} clients)`, embedded.peak, 'the same with a 128 MB buffer pool (before)', before.peak);
  add('pglite', 'RSS 5 s after the load', embedded.settled, 'a Node process doing nothing', node);
  // What the smaller pool costs in time: the same requests' p95 with each.
  const requestsP95 = figure({
    name: 'the load\'s requests, p95',
    database: 'pglite',
    unit: 'ms',
    samples: embedded.requests,
    value: (x) => percentile(x.times, 95),
    baselineName: 'the same with a 128 MB buffer pool (before)',
    baselineSamples: before.requests,
    baseline: (x) => percentile(x.times, 95),
    target: 'reported',
    meets: () => true,
  });
  figures.push(requestsP95);
  console.log(describeFigure(requestsP95));

  const admin = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  const reachable = await admin.connect().then(() => true, () => false);
  if (reachable) {
    const name = `hireloop_memory_${process.pid}`;
    await admin.query(`create database ${name}`);
    try {
      const url = new URL(POSTGRES_URL);
      url.pathname = `/${name}`;
      const server = await measureServer({ DATABASE_URL: url.toString() });
      add('postgres', 'RSS at idle', server.idle, 'a Node process doing nothing', node);
      add('postgres', `RSS at its peak under load (${REQUESTS} requests, ${CLIENTS} clients)`, server.peak, 'a Node process doing nothing', node);
      add('postgres', 'RSS 5 s after the load', server.settled, 'a Node process doing nothing', node);
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  } else console.log(`PostgreSQL at ${POSTGRES_URL} skipped: not reachable`);

  writeResults(new URL('./memory-results.json', import.meta.url), { bareNodeMiB: round(one(node)) }, started, figures);
}

await main();
