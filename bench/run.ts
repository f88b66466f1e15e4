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
import { describeFigure, type Figure, figure, percentile, round, Samples, status } from './measure.js';

const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? 1_000_000);
const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** `postgres` or `pglite` to measure on one database only (the larger seasons, on PostgreSQL). */
const ONLY = process.env.BENCH_ONLY;
const RESULTS = process.env.BENCH_RESULTS ?? './results.json';

async function inParallel(count: number, concurrency: number, work: (i: number) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < count; i = next++) await work(i);
    }),
  );
}

/** One sample for work done as a whole (a rate, one bulk call): its elapsed time and whether every part was right. */
async function whole(work: (samples: Samples) => Promise<void>) {
  const parts = new Samples();
  const start = performance.now();
  await work(parts);
  const elapsed = performance.now() - start;
  const all = new Samples();
  if (parts.errors) all.fail(`${parts.errors} of ${parts.count} failed; first: ${parts.firstError}`);
  else all.times.push(elapsed);
  return all;
}

type Page = { items: { id: string }[]; nextCursor: string | null };
/** A 200 with a page of exactly `size` rows: the queues measured hold more than a page. */
const fullPage = (size: number) => (r: { statusCode: number; body: string; json(): unknown }) => {
  const rows = status(200)(r) ? -1 : (r.json() as Page).items.length;
  return status(200)(r) ?? (rows === size ? null : `a page of ${rows} rows, not ${size}`);
};

async function measure(kind: 'pglite' | 'postgres', database: Database): Promise<Figure[]> {
  const db = database.db;
  const catalog = loadCatalog();
  await migrateToLatest(db);
  const started = performance.now();
  const data = await generate(db, { applications: APPLICATIONS, seed: 1 });
  const genSeconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`[${kind}] generated ${APPLICATIONS} applications, ${data.interviews} interviews with scorecards and ${data.offers} offers in ${genSeconds} s`);
  const config = loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'false', SUBMISSIONS_PER_MINUTE_PER_IP: '100000', SUBMISSIONS_PER_MINUTE_PER_KEY: '1000000' });
  const app = await buildApp({ database, config, catalog });
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { org: data.slug, email: 'recruiter@bench.example', password: BENCH_PASSWORD } });
  if (login.statusCode !== 204) throw new Error(`sign-in: ${login.statusCode} ${login.body}`);
  const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const get = (url: string) => app.inject({ url, headers: { cookie } });
  type Answer = Awaited<ReturnType<typeof get>>;
  const latencies = async (n: number, url: (i: number) => string, check: (r: Answer) => string | null = status(200)) => {
    const samples = new Samples();
    for (let i = 0; i < n; i++) await samples.time(() => get(url(i)), check);
    return samples;
  };
  const p95 = (s: Samples) => percentile(s.times, 95);
  const health = await latencies(50, () => '/healthz');
  const figures: Figure[] = [];
  const add = (spec: Omit<Parameters<typeof figure>[0], 'database'>) => {
    const f = figure({ ...spec, database: kind });
    figures.push(f);
    console.log(describeFigure(f));
  };
  const againstHealth = { baselineName: 'GET /healthz p95', baselineSamples: health, baseline: p95, value: p95, unit: 'ms' };
  const within = (ms: number) => ({ target: `≤ ${ms} ms`, meets: (v: number) => v <= ms });

  // 1. Submissions through the public API, every rule applied, against the raw multi-statement transaction rate.
  const boardList = await get(`/v1/boards/${data.boardToken}/jobs`);
  if (boardList.statusCode !== 200) throw new Error(`board list: ${boardList.statusCode} ${boardList.body}`);
  const posts = boardList.json().jobs.map((j: { id: number }) => j.id);
  const SUBMISSIONS = 400;
  const submissions = await whole((parts) =>
    inParallel(SUBMISSIONS, 4, (i) =>
      parts.time(
        () =>
          app.inject({
            method: 'POST',
            url: `/v1/boards/${data.boardToken}/jobs/${posts[i % posts.length]}`,
            headers: { authorization: `Basic ${Buffer.from(`${BENCH_BOARD_KEY}:`).toString('base64')}` },
            payload: { first_name: 'Bench', last_name: `Applicant ${i}`, email: `bench.applicant.${i}@example.com`, resume_text: 'Go and Kafka' },
          }),
        status(200),
      ),
    ),
  );
  const job = await sql<{ id: string; team_id: string; process_id: string }>`select id, team_id, process_id from jobs where org_id = ${data.orgId} and id <> ${data.queueJobId} limit 1`.execute(db);
  const j = job.rows[0]!;
  const raw = await whole((parts) =>
    inParallel(SUBMISSIONS, 4, (i) =>
      parts.time(() =>
        db.transaction().execute(async (trx) => {
          const c = randomIds.next();
          const a = randomIds.next();
          await sql`insert into candidates (id, org_id, email, email_normalized, first_name, last_name, created_at)
            values (${c}, ${data.orgId}, ${`raw${i}@example.com`}, ${`raw${i}@example.com`}, 'Raw', 'Tx', now())`.execute(trx);
          await sql`insert into applications (id, org_id, job_id, team_id, candidate_id, process_id, job_family, status, plan, submitted_at, source)
            values (${a}, ${data.orgId}, ${j.id}, ${j.team_id}, ${c}, ${j.process_id}, 'full_time', 'closed', '[{"key":"resume"}]', now(), 'raw')`.execute(trx);
          await sql`insert into audit_events (org_id, actor_kind, entity_type, entity_id, action, at) values (${data.orgId}, 'system', 'application', ${a}, 'raw', now())`.execute(trx);
          await sql`insert into outbox (org_id, kind, dedupe_key, payload, created_at, available_at) values (${data.orgId}, 'raw', ${`raw:${a}`}, '{}', now(), now())`.execute(trx);
        }),
      ),
    ),
  );
  const perSecond = (s: Samples) => SUBMISSIONS / (s.times[0]! / 1000);
  add({
    name: 'submissions through the public API',
    unit: 'per s',
    samples: submissions,
    value: perSecond,
    baselineName: 'raw 4-statement insert transactions per s',
    baselineSamples: raw,
    baseline: perSecond,
    target: '≥ 60% of baseline',
    meets: (v, b) => v / b >= 0.6,
  });

  // 2. The screening queue of the job holding the queue: first page, and the next one, which must
  // not repeat a row of the first (cursors exact to the microsecond).
  const queueUrl = `/api/applications?jobId=${data.queueJobId}&roundKey=resume&limit=50`;
  const first = new Samples();
  const next = new Samples();
  for (let i = 0; i < 30; i++) {
    const page = await first.time(() => get(queueUrl), fullPage(50));
    if (!page || page.statusCode !== 200) continue;
    const seen = new Set(page.json().items.map((item: { id: string }) => item.id));
    await next.time(
      () => get(`${queueUrl}&cursor=${page.json().nextCursor}`),
      (r) => fullPage(50)(r) ?? (r.json().items.some((item: { id: string }) => seen.has(item.id)) ? 'the next page repeats a row of the first' : null),
    );
  }
  const queue = `${data.queueSize.toLocaleString('en')} waiting`;
  add({ name: `screening queue, first page p95 (${queue})`, samples: first, ...againstHealth, ...within(50) });
  add({ name: `screening queue, next page p95 (${queue})`, samples: next, ...againstHealth, ...within(50) });
  // The web app's resume screen asks by step, for one job or for every job at once.
  const byStep = await latencies(30, () => `/api/applications?jobId=${data.queueJobId}&step=resume_screen&limit=50`, fullPage(50));
  const everyJob = await latencies(30, () => '/api/applications?step=resume_screen&limit=50', fullPage(50));
  add({ name: 'resume screen of one job, first page p95 (web app)', samples: byStep, ...againstHealth, ...within(50) });
  add({ name: 'resume screen of every job, first page p95 (web app)', samples: everyJob, ...againstHealth, ...within(50) });

  // 3. Bulk reject of 10,000 applications, with audit events and messages.
  const waiting = await sql<{ id: string }>`select id from applications where job_id = ${data.queueJobId} and status = 'active' and source = 'bench' order by submitted_at limit 10000`.execute(db);
  const recruiter = await sql<{ id: string }>`select id from users where org_id = ${data.orgId} and email = 'recruiter@bench.example'`.execute(db);
  const deps = createDeps(db, systemClock, randomIds, catalog);
  const actor = { kind: 'staff' as const, orgId: data.orgId, userId: recruiter.rows[0]!.id, roles: ['recruiter' as const], teamIds: [] };
  const bulk = new Samples();
  await bulk.time(
    () => decideRoundsInBulk(deps, { actor, items: waiting.rows.map((r) => ({ applicationId: r.id, roundKey: 'resume' })), decision: 'reject', rationale: 'Bench.' }),
    (outcomes) => {
      const refused = outcomes.filter((o) => !o.ok);
      return refused.length ? `${refused.length} of ${outcomes.length} items refused; first: ${JSON.stringify(refused[0])}` : null;
    },
  );
  const update = new Samples();
  await update.time(
    () => sql`update applications set ended_at = ended_at where id in (select id from applications where job_id = ${data.queueJobId} and status = 'rejected' limit 10000)`.execute(db),
    (r) => (Number(r.numAffectedRows) === waiting.rows.length ? null : `updated ${r.numAffectedRows} rows, not ${waiting.rows.length}`),
  );
  const once = (s: Samples) => s.times[0]!;
  add({
    name: `bulk reject of ${waiting.rows.length.toLocaleString('en')} applications`,
    unit: 'ms',
    samples: bulk,
    value: once,
    baselineName: `one UPDATE of the same ${waiting.rows.length.toLocaleString('en')} rows`,
    baselineSamples: update,
    baseline: once,
    target: '≤ 2000 ms and ≤ 5× baseline',
    meets: (v, b) => v <= 2000 && v <= 5 * b,
  });

  // 4. Funnel over every application.
  const funnel = await latencies(5, () => '/api/reports/funnel');
  const count = new Samples();
  await count.time(() => sql`select count(*) from applications where org_id = ${data.orgId}`.execute(db));
  add({ name: `funnel report over ${APPLICATIONS} applications (p95)`, unit: 'ms', samples: funnel, value: p95, baselineName: 'count(*) of the same rows', baselineSamples: count, baseline: once, ...within(100) });

  // 5. Candidate search by name, email or resume text.
  const terms = ['mei12', 'person4242@', 'kafka and ads', 'lopez77', 'project 9931', 'sofia5', 'rust and', 'kim100'];
  const search = await latencies(40, (i) => `/api/candidates?q=${encodeURIComponent(terms[i % terms.length]!)}&limit=20`);
  add({ name: `candidate search over ${APPLICATIONS} candidates (p95)`, samples: search, ...againstHealth, ...within(50) });

  // 6. The public board's job list with a thousand open jobs.
  const board = await latencies(30, () => `/v1/boards/${data.boardToken}/jobs`, (r) =>
    status(200)(r) ?? (r.json().jobs.length === posts.length ? null : `${r.json().jobs.length} jobs, not ${posts.length}`),
  );
  add({ name: `board job list, ${posts.length} open jobs (p95)`, samples: board, ...againstHealth, ...within(10) });

  await app.close();
  return figures;
}

async function main() {
  const started = performance.now();
  const scenarios: Figure[] = [];
  if (ONLY !== 'postgres') {
    const pglite = await PGlite.create({ extensions: pgliteExtensions });
    const embedded = await openDatabase({ pglite });
    scenarios.push(...(await measure('pglite', embedded)));
    await embedded.close();
    await pglite.close();
  }

  const admin = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  const reachable = ONLY === 'pglite' ? false : await admin.connect().then(
    () => true,
    (error: Error) => {
      console.log(`PostgreSQL at ${POSTGRES_URL} skipped: ${error.message}`);
      return false;
    },
  );
  if (reachable) {
    const name = `hireloop_bench_${process.pid}`;
    try {
      await admin.query(`create database ${name}`);
      const url = new URL(POSTGRES_URL);
      url.pathname = `/${name}`;
      const server = await openDatabase({ databaseUrl: url.toString() });
      try {
        scenarios.push(...(await measure('postgres', server)));
      } finally {
        await server.close();
      }
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }

  const failed = scenarios.filter((s) => s.status === 'failed');
  const results = {
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` },
    applications: APPLICATIONS,
    seconds: round((performance.now() - started) / 1000),
    // A failed figure had a wrong answer among its samples (or its baseline's): it has no value.
    failedFigures: failed.length,
    scenarios,
  };
  fs.writeFileSync(new URL(RESULTS, import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
  console.table(
    scenarios.map((s) => ({
      scenario: s.name,
      db: s.database,
      value: s.status === 'failed' ? `FAILED (${s.errors}/${s.samples} errors)` : `${s.value} ${s.unit}`,
      baseline: s.baseline,
      ratio: s.ratio,
      target: s.target,
      met: s.met,
    })),
  );
  console.log(`bench finished in ${results.seconds} s; results in bench/${RESULTS.replace('./', '')}`);
  if (failed.length) {
    console.log(`${failed.length} figures failed: ${failed.map((f) => `${f.name} [${f.database}]`).join('; ')}`);
    process.exitCode = 1;
  }
}

await main();
