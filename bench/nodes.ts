// `npm run bench:nodes`: applications per second through HAProxy with 1, 2 and 3 `hireloop serve`
// nodes on one PostgreSQL, against raw insert transactions measured in the same run on the same
// database. Each node is the built server (dist/, `node scripts/build.mjs server` first); the
// load is 16 clients posting applications with Idempotency-Keys through the public board API,
// every answer checked. CPU time is read from /proc for the serve nodes, PostgreSQL's processes,
// HAProxy and this load generator, so the table says where the time went.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { ensureDebianPackages } from '../scripts/debian-packages.mjs';
import { migrateToLatest, openDatabase } from '../src/db/database.js';
import { BENCH_BOARD_KEY, generate } from './generate.js';
import { round } from './measure.js';

const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SECONDS = Number(process.env.BENCH_NODES_SECONDS ?? 20);
const CLIENTS = Number(process.env.BENCH_NODES_CLIENTS ?? 16);
const NODES = (process.env.BENCH_NODES ?? '1,2,3').split(',').map(Number);
/** USER_HZ: /proc counts CPU time in hundredths of a second on Linux. */
const TICK = 100;

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

/** CPU seconds a process has used (user + system), from /proc. */
function cpuOf(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICK;
  } catch {
    return 0;
  }
}
/** CPU seconds of every process named `name` (PostgreSQL's backends come and go). */
function cpuOfAll(name: string): number {
  let total = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === name) total += cpuOf(Number(entry));
    } catch {
      // gone
    }
  }
  return total;
}
/** The machine's busy and total CPU seconds so far, all cores. */
function machine() {
  const [, ...fields] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const n = fields.map(Number);
  const idle = (n[3] ?? 0) + (n[4] ?? 0);
  const total = n.reduce((a, b) => a + b, 0);
  return { busy: (total - idle) / TICK, total: total / TICK };
}

async function waitFor(url: string, ms: number, gone: () => boolean = () => false) {
  const until = Date.now() + ms;
  for (;;) {
    if (gone()) throw new Error(`the process behind ${url} exited`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    if (Date.now() > until) throw new Error(`${url} did not answer`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function main() {
  const missing = ensureDebianPackages(['haproxy']);
  if (missing) throw new Error(`the benchmark needs HAProxy: ${missing}`);
  const built = spawnSync(process.execPath, ['scripts/build.mjs', 'server'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('the server did not build');
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  const name = `hireloop_nodes_${process.pid}`;
  await admin.query(`create database ${name}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const children: ChildProcess[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hl-bench-nodes-'));
  try {
    const database = await openDatabase({ databaseUrl, poolSize: CLIENTS });
    await migrateToLatest(database.db);
    const data = await generate(database.db, { applications: 2000, seed: 1 });
    const authorization = `Basic ${Buffer.from(`${BENCH_BOARD_KEY}:`).toString('base64')}`;

    // The baseline: the four inserts an application needs at least, as raw transactions from
    // CLIENTS connections, for the same time.
    const job = (
      await sql<{ id: string; team_id: string; process_id: string }>`select id, team_id, process_id from jobs where org_id = ${data.orgId} limit 1`.execute(
        database.db,
      )
    ).rows[0]!;
    let rawCount = 0;
    const rawUntil = Date.now() + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (Date.now() < rawUntil) {
          await database.db.transaction().execute(async (trx) => {
            const c = randomUUID();
            const a = randomUUID();
            await sql`insert into candidates (id, org_id, email, email_normalized, first_name, last_name, created_at)
              values (${c}, ${data.orgId}, ${`raw-${c}@example.com`}, ${`raw-${c}@example.com`}, 'Raw', 'Tx', now())`.execute(trx);
            await sql`insert into applications (id, org_id, job_id, team_id, candidate_id, process_id, job_family, status, plan, submitted_at, source)
              values (${a}, ${data.orgId}, ${job.id}, ${job.team_id}, ${c}, ${job.process_id}, 'full_time', 'closed', '[{"key":"resume"}]', now(), 'raw')`.execute(trx);
            await sql`insert into audit_events (org_id, actor_kind, entity_type, entity_id, action, at) values (${data.orgId}, 'system', 'application', ${a}, 'raw', now())`.execute(trx);
            await sql`insert into outbox (org_id, kind, dedupe_key, payload, created_at, available_at) values (${data.orgId}, 'raw', ${`raw:${a}`}, '{}', now(), now())`.execute(trx);
          });
          rawCount++;
        }
      }),
    );
    const baseline = rawCount / SECONDS;
    console.log(`baseline: ${round(baseline)} raw 4-insert transactions per s from ${CLIENTS} connections`);
    await database.close();

    const rows = [];
    for (const count of NODES) {
      const ports = await Promise.all(Array.from({ length: count + 1 }, freePort));
      const [front, ...servePorts] = ports;
      const nodes = servePorts.map((port, i) => {
        const child = spawn(process.execPath, ['dist/server/main.js', 'serve'], {
          env: {
            PATH: process.env.PATH,
            DATABASE_URL: databaseUrl,
            PORT: String(port),
            NODE_NAME: `bench-${i + 1}`,
            LOG_LEVEL: 'silent',
            SEED_DEMO: 'false',
            TRUST_PROXY: '127.0.0.1',
            SUBMISSIONS_PER_MINUTE_PER_IP: '100000',
            SUBMISSIONS_PER_MINUTE_PER_KEY: '1000000',
            DATABASE_POOL_SIZE: String(Math.ceil(CLIENTS / count) + 2),
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let output = '';
        child.stdout!.on('data', (d) => (output += d));
        child.stderr!.on('data', (d) => (output += d));
        child.on('exit', (code) => {
          if (code !== 0 && code !== null) console.error(`serve node ${i + 1} exited ${code}: ${output.slice(-2000)}`);
        });
        children.push(child);
        return child;
      });
      for (const [i, port] of servePorts.entries()) {
        await waitFor(`http://127.0.0.1:${port}/readyz`, 90_000, () => nodes[i]!.exitCode !== null);
      }
      const cfg = path.join(dir, `haproxy-${count}.cfg`);
      fs.writeFileSync(
        cfg,
        [
          'global',
          '  maxconn 4096',
          'defaults',
          '  mode http',
          '  timeout connect 2s',
          '  timeout client 60s',
          '  timeout server 60s',
          '  option forwardfor',
          'frontend web',
          `  bind 127.0.0.1:${front}`,
          '  default_backend serve',
          'backend serve',
          '  balance roundrobin',
          ...servePorts.map((p, i) => `  server s${i + 1} 127.0.0.1:${p}`),
          '',
        ].join('\n'),
      );
      const haproxy = spawn('/usr/sbin/haproxy', ['-db', '-f', cfg], { stdio: 'ignore' });
      children.push(haproxy);
      const base = `http://127.0.0.1:${front}`;
      await waitFor(`${base}/readyz`, 20_000);
      const posts = ((await (await fetch(`${base}/v1/boards/${data.boardToken}/jobs`)).json()) as { jobs: { id: number }[] }).jobs.map(
        (j) => j.id,
      );
      // A short warm-up: each node's first requests compile its routes' code.
      const apply = async (i: number, client: number) => {
        const response = await fetch(`${base}/v1/boards/${data.boardToken}/jobs/${posts[i % posts.length]}`, {
          method: 'POST',
          headers: {
            authorization,
            'content-type': 'application/json',
            'idempotency-key': randomUUID(),
            'x-forwarded-for': `10.2.${client}.1`,
          },
          body: JSON.stringify({
            first_name: 'Bench',
            last_name: `Node ${count}`,
            email: `bench.${count}.${client}.${i}.${randomUUID()}@example.com`,
            resume_text: 'Go and Kafka',
          }),
        });
        await response.text();
        return response.status;
      };
      for (let i = 0; i < 20 * count; i++) await apply(i, 0);

      const before = {
        machine: machine(),
        serve: nodes.reduce((sum, n) => sum + cpuOf(n.pid!), 0),
        postgres: cpuOfAll('postgres'),
        haproxy: cpuOf(haproxy.pid!),
        load: process.cpuUsage(),
      };
      let ok = 0;
      let failed = 0;
      const until = Date.now() + SECONDS * 1000;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: CLIENTS }, async (_, client) => {
          for (let i = 0; Date.now() < until; i++) {
            const status = await apply(i, client).catch(() => 0);
            if (status === 200) ok++;
            else failed++;
          }
        }),
      );
      const elapsed = (performance.now() - started) / 1000;
      // A figure counts only answered applications; any other answer means the run measured something else.
      if (failed > 0) throw new Error(`${failed} of ${ok + failed} applications were not answered 200 with ${count} nodes`);
      const after = machine();
      const load = process.cpuUsage(before.load);
      const cpu = {
        serve: nodes.reduce((sum, n) => sum + cpuOf(n.pid!), 0) - before.serve,
        postgres: cpuOfAll('postgres') - before.postgres,
        haproxy: cpuOf(haproxy.pid!) - before.haproxy,
        load: (load.user + load.system) / 1e6,
      };
      const busy = after.busy - before.machine.busy;
      const total = after.total - before.machine.total;
      const row = {
        serveNodes: count,
        applicationsPerSecond: round(ok / elapsed),
        failed,
        ratioToRawInserts: round(ok / elapsed / baseline),
        ratioToOneNode: 0,
        machineBusyPercent: round((100 * busy) / total),
        cpuSecondsPerApplication: {
          serve: round((cpu.serve / ok) * 1000) / 1000,
          postgres: round((cpu.postgres / ok) * 1000) / 1000,
          haproxy: round((cpu.haproxy / ok) * 1000) / 1000,
          loadGenerator: round((cpu.load / ok) * 1000) / 1000,
        },
        cpuShare: {
          serve: round((100 * cpu.serve) / busy),
          postgres: round((100 * cpu.postgres) / busy),
          haproxy: round((100 * cpu.haproxy) / busy),
          loadGenerator: round((100 * cpu.load) / busy),
          other: round((100 * (busy - cpu.serve - cpu.postgres - cpu.haproxy - cpu.load)) / busy),
        },
      };
      rows.push(row);
      console.log(JSON.stringify(row));
      for (const child of [haproxy, ...nodes]) {
        const gone = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await gone;
      }
    }
    const one = rows.find((r) => r.serveNodes === 1)?.applicationsPerSecond ?? rows[0]!.applicationsPerSecond;
    for (const row of rows) row.ratioToOneNode = round(row.applicationsPerSecond / one);
    const results = {
      machine: { cpus: os.cpus().length, node: process.version, loadAverageAtEnd: os.loadavg().map(round) },
      seconds: SECONDS,
      clients: CLIENTS,
      baseline: { name: `raw 4-insert transactions per s from ${CLIENTS} connections`, value: round(baseline) },
      rows,
    };
    fs.writeFileSync(new URL('./nodes-results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
    console.table(
      rows.map((r) => ({
        nodes: r.serveNodes,
        'apps/s': r.applicationsPerSecond,
        'vs 1 node': r.ratioToOneNode,
        'vs raw inserts': r.ratioToRawInserts,
        'machine busy %': r.machineBusyPercent,
        'serve %': r.cpuShare.serve,
        'postgres %': r.cpuShare.postgres,
        failed: r.failed,
      })),
    );
  } finally {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

await main();
