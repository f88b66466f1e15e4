import fs from 'node:fs';
import os from 'node:os';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import pg from 'pg';
import { decideRoundsInBulk } from '../src/core/applications/decide-rounds-in-bulk.js';
import { type Database, migrateToLatest, openDatabase, pgliteExtensions } from '../src/db/database.js';
import { createDeps } from '../src/db/store.js';
import { buildApp, randomIds, systemClock } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { loadCatalog } from '../src/server/templates.js';
import { BENCH_BOARD_KEY, BENCH_PASSWORD, generate } from './generate.js';

const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? 1_000_000);
const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Scenario {
  name: string;
  database: 'pglite' | 'postgres';
  value: number;
  unit: string;
  baseline: number;
  baseline_name: string;
  ratio: number;
  target: string;
  met: boolean;
}

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const round = (x: number) => Math.round(x * 100) / 100;
async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await work();
  return [performance.now() - start, result];
}
async function inParallel<T>(count: number, concurrency: number, work: (i: number) => Promise<T>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) await work(i);
    }),
  );
}

async function measure(kind: 'pglite' | 'postgres', database: Database): Promise<Scenario[]> {
  const db = database.db;
  const catalog = loadCatalog();
  await migrateToLatest(db);
  const [genMs, data] = await timed(() => generate(db, { applications: APPLICATIONS, seed: 1 }));
  console.log(`[${kind}] generated ${APPLICATIONS} applications, ${data.interviews} interviews with scorecards and ${data.offers} offers in ${(genMs / 1000).toFixed(1)} s`);
  const config = loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'false', SUBMISSIONS_PER_MINUTE_PER_IP: '100000', SUBMISSIONS_PER_MINUTE_PER_KEY: '1000000' });
  const app = await buildApp({ database, config, catalog });
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { org: data.slug, email: 'recruiter@bench.example', password: BENCH_PASSWORD } });
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const get = (url: string) => app.inject({ url, headers: { cookie } });
  const latencies = async (n: number, url: (i: number) => string) => {
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const [ms, response] = await timed(() => get(url(i)));
      if (response.statusCode !== 200) throw new Error(`${url(i)}: ${response.statusCode} ${response.body.slice(0, 200)}`);
      times.push(ms);
    }
    return times;
  };
  const health = percentile(await latencies(50, () => '/healthz'), 95);
  const scenarios: Scenario[] = [];
  const add = (name: string, value: number, unit: string, baseline: number, baselineName: string, target: string, met: boolean) => {
    scenarios.push({ name, database: kind, value: round(value), unit, baseline: round(baseline), baseline_name: baselineName, ratio: round(value / baseline), target, met });
    console.log(`[${kind}] ${name}: ${round(value)} ${unit} (baseline ${round(baseline)}, ${baselineName}; target ${target}: ${met ? 'met' : 'missed'})`);
  };

  // 1. Submissions through the public API, every rule applied, against the raw multi-statement transaction rate.
  const posts = (await get(`/v1/boards/${data.boardToken}/jobs`)).json().jobs.map((j: { id: number }) => j.id);
  const SUBMISSIONS = 400;
  const [subMs] = await timed(() =>
    inParallel(SUBMISSIONS, 4, async (i) => {
      const response = await app.inject({
        method: 'POST',
        url: `/v1/boards/${data.boardToken}/jobs/${posts[i % posts.length]}`,
        headers: { authorization: `Basic ${Buffer.from(`${BENCH_BOARD_KEY}:`).toString('base64')}` },
        payload: { first_name: 'Bench', last_name: `Applicant ${i}`, email: `bench.applicant.${i}@example.com`, resume_text: 'Go and Kafka' },
      });
      if (response.statusCode !== 200) throw new Error(`submission ${i}: ${response.body}`);
    }),
  );
  const job = await sql<{ id: string; team_id: string; process_id: string }>`select id, team_id, process_id from jobs where org_id = ${data.orgId} and id <> ${data.queueJobId} limit 1`.execute(db);
  const j = job.rows[0]!;
  const [rawMs] = await timed(() =>
    inParallel(SUBMISSIONS, 4, async (i) => {
      await db.transaction().execute(async (trx) => {
        const c = randomIds.next();
        const a = randomIds.next();
        await sql`insert into candidates (id, org_id, email, email_normalized, first_name, last_name, created_at)
          values (${c}, ${data.orgId}, ${`raw${i}@example.com`}, ${`raw${i}@example.com`}, 'Raw', 'Tx', now())`.execute(trx);
        await sql`insert into applications (id, org_id, job_id, team_id, candidate_id, process_id, job_family, status, plan, submitted_at, source)
          values (${a}, ${data.orgId}, ${j.id}, ${j.team_id}, ${c}, ${j.process_id}, 'full_time', 'closed', '[{"key":"resume"}]', now(), 'raw')`.execute(trx);
        await sql`insert into audit_events (org_id, actor_kind, entity_type, entity_id, action, at) values (${data.orgId}, 'system', 'application', ${a}, 'raw', now())`.execute(trx);
        await sql`insert into outbox (org_id, kind, dedupe_key, payload, created_at, available_at) values (${data.orgId}, 'raw', ${`raw:${a}`}, '{}', now(), now())`.execute(trx);
      });
    }),
  );
  const perSecond = SUBMISSIONS / (subMs / 1000);
  const rawPerSecond = SUBMISSIONS / (rawMs / 1000);
  add('submissions through the public API', perSecond, 'per s', rawPerSecond, 'raw 4-statement insert transactions per s', '≥ 60% of baseline', perSecond / rawPerSecond >= 0.6);

  // 2. The screening queue of a job with 100k applications: first page and the next one.
  const first: number[] = [];
  const next: number[] = [];
  for (let i = 0; i < 30; i++) {
    const [a, page] = await timed(() => get(`/api/applications?jobId=${data.queueJobId}&roundKey=resume&limit=50`));
    const [b] = await timed(() => get(`/api/applications?jobId=${data.queueJobId}&roundKey=resume&limit=50&cursor=${page.json().nextCursor}`));
    first.push(a);
    next.push(b);
  }
  add('screening queue, first page p95 (100k applications)', percentile(first, 95), 'ms', health, 'GET /healthz p95', '≤ 50 ms', percentile(first, 95) <= 50);
  add('screening queue, next page p95 (100k applications)', percentile(next, 95), 'ms', health, 'GET /healthz p95', '≤ 50 ms', percentile(next, 95) <= 50);
  // The web app's resume screen asks by step, for one job or for every job at once.
  const byStep: number[] = [];
  const everyJob: number[] = [];
  for (let i = 0; i < 30; i++) {
    byStep.push((await timed(() => get(`/api/applications?jobId=${data.queueJobId}&step=resume_screen&limit=50`)))[0]);
    everyJob.push((await timed(() => get('/api/applications?step=resume_screen&limit=50')))[0]);
  }
  add('resume screen of one job, first page p95 (web app)', percentile(byStep, 95), 'ms', health, 'GET /healthz p95', '≤ 50 ms', percentile(byStep, 95) <= 50);
  add('resume screen of every job, first page p95 (web app)', percentile(everyJob, 95), 'ms', health, 'GET /healthz p95', '≤ 50 ms', percentile(everyJob, 95) <= 50);

  // 3. Bulk reject of 10,000 applications, with audit events and messages.
  const queue = await sql<{ id: string }>`select id from applications where job_id = ${data.queueJobId} and status = 'active' and source = 'bench' order by submitted_at limit 10000`.execute(db);
  const recruiter = await sql<{ id: string }>`select id from users where org_id = ${data.orgId} and email = 'recruiter@bench.example'`.execute(db);
  const deps = createDeps(db, systemClock, randomIds, catalog);
  const actor = { kind: 'staff' as const, orgId: data.orgId, userId: recruiter.rows[0]!.id, roles: ['recruiter' as const], teamIds: [] };
  const [bulkMs, outcomes] = await timed(() =>
    decideRoundsInBulk(deps, { actor, items: queue.rows.map((r) => ({ applicationId: r.id, roundKey: 'resume' })), decision: 'reject', rationale: 'Bench.' }),
  );
  if (outcomes.some((o) => !o.ok)) throw new Error('bulk reject refused items');
  const [rawBulkMs] = await timed(() =>
    sql`update applications set ended_at = ended_at where id in (select id from applications where job_id = ${data.queueJobId} and status = 'rejected' limit 10000)`.execute(db),
  );
  add('bulk reject of 10,000 applications', bulkMs, 'ms', rawBulkMs, 'one UPDATE of the same 10,000 rows', '≤ 2000 ms', bulkMs <= 2000);

  // 4. Funnel over every application.
  const funnel = await latencies(5, () => '/api/reports/funnel');
  const [countMs] = await timed(() => sql`select count(*) from applications where org_id = ${data.orgId}`.execute(db));
  add(`funnel report over ${APPLICATIONS} applications (p95)`, percentile(funnel, 95), 'ms', countMs, 'count(*) of the same rows', '≤ 500 ms', percentile(funnel, 95) <= 500);

  // 5. Candidate search by name, email or resume text.
  const terms = ['mei12', 'person4242@', 'kafka and ads', 'lopez77', 'project 9931', 'sofia5', 'rust and', 'kim100'];
  const search = await latencies(40, (i) => `/api/candidates?q=${encodeURIComponent(terms[i % terms.length]!)}&limit=20`);
  add(`candidate search over ${APPLICATIONS} candidates (p95)`, percentile(search, 95), 'ms', health, 'GET /healthz p95', '≤ 100 ms', percentile(search, 95) <= 100);

  // 6. The public board's job list with a thousand open jobs.
  const board = await latencies(30, () => `/v1/boards/${data.boardToken}/jobs`);
  add(`board job list, ${posts.length} open jobs (p95)`, percentile(board, 95), 'ms', health, 'GET /healthz p95', '≤ 20 ms', percentile(board, 95) <= 20);

  await app.close();
  return scenarios;
}

async function main() {
  const started = performance.now();
  const scenarios: Scenario[] = [];
  const pglite = await PGlite.create({ extensions: pgliteExtensions });
  const embedded = await openDatabase({ pglite });
  scenarios.push(...(await measure('pglite', embedded)));
  await embedded.close();
  await pglite.close();

  const admin = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
    const name = `hireloop_bench_${process.pid}`;
    await admin.query(`create database ${name}`);
    const url = new URL(POSTGRES_URL);
    url.pathname = `/${name}`;
    const server = await openDatabase({ databaseUrl: url.toString() });
    try {
      scenarios.push(...(await measure('postgres', server)));
    } finally {
      await server.close();
      await admin.query(`drop database if exists ${name} with (force)`);
    }
  } catch (error) {
    console.log(`PostgreSQL at ${POSTGRES_URL} skipped: ${(error as Error).message}`);
  } finally {
    await admin.end().catch(() => undefined);
  }

  const results = {
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` },
    applications: APPLICATIONS,
    seconds: round((performance.now() - started) / 1000),
    scenarios,
  };
  fs.writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
  console.table(scenarios.map((s) => ({ scenario: s.name, db: s.database, value: `${s.value} ${s.unit}`, baseline: s.baseline, ratio: s.ratio, target: s.target, met: s.met })));
  console.log(`bench finished in ${results.seconds} s; results in bench/results.json`);
}

await main();
