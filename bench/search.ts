import fs from 'node:fs';
import os from 'node:os';
import { sql } from 'kysely';
import { type Database, migrateToLatest } from '../src/db/database.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { loadCatalog } from '../src/server/templates.js';
import { BENCH_PASSWORD, generate } from './generate.js';
import { onEachDatabase } from './scratch-database.js';
import { describeFigure, type Figure, figure, percentile, round, Samples, status } from './measure.js';

/**
 * Global search at scale: GET /api/search over BENCH_CANDIDATES candidates (one per application,
 * default 1,000,000), by name, email, phone digits and resume words, against GET /healthz measured
 * in the same run; the candidate list's own search is measured beside it. Every answer is checked:
 * it must be a 200 that finds the candidate the words were taken from (or, for common resume
 * words, a full page). BENCH_SEARCH_DATABASES chooses `postgres`, `pglite` or both.
 */
const CANDIDATES = Number(process.env.BENCH_CANDIDATES ?? 1_000_000);
const DATABASES = (process.env.BENCH_SEARCH_DATABASES ?? 'postgres').split(',');
const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
/** What the searches look for, in turn; the last two are Chinese. */
const KINDS = ['email', 'phone', 'name', 'resume words', 'Chinese project', 'Chinese words'];
const SAMPLES = 15 * KINDS.length;

type Hits = { items: { kind: string; id: string; title: string; subtitle: string }[]; nextCursor: string | null };

async function measure(kind: string, database: Database): Promise<Figure[]> {
  await migrateToLatest(database.db);
  const started = performance.now();
  const data = await generate(database.db, { applications: CANDIDATES, seed: 1 });
  console.log(`[${kind}] generated ${CANDIDATES} candidates in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  // As autovacuum would have by now: statistics, and the trigram indexes' pending entries merged.
  await sql`vacuum analyze candidates`.execute(database.db);
  const config = loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'false' });
  const app = await buildApp({ database, config, catalog: loadCatalog() });
  try {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { org: data.slug, email: 'recruiter@bench.example', password: BENCH_PASSWORD } });
    if (login.statusCode !== 204) throw new Error(`sign-in: ${login.statusCode} ${login.body}`);
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const get = (url: string) => app.inject({ url, headers: { cookie } });
    // Spread over the whole table, deterministic: person i's email, phone and name.
    const person = (s: number) => (s * 7919 + 13) % CANDIDATES;
    const names = ['Mei', 'Arjun', 'Sofia', 'Kenji', 'Amara', 'Lucas', 'Priya', 'Wei', 'Hana', 'Diego'];
    const surnames = ['Chen', 'Patel', 'Garcia', 'Tanaka', 'Okafor', 'Silva', 'Kumar', 'Zhang', 'Kim', 'Lopez'];
    const fullPage = (h: Hits) => (h.items.filter((x) => x.kind === 'candidate').length === 10 ? null : 'not a full page');
    const zhNumber = (n: number) => [...String(n)].map((d) => '零一二三四五六七八九'[Number(d)]).join('');
    const queries = (s: number): { q: string; expect: (h: Hits) => string | null } => {
      const i = person(s);
      const finds = (email: string) => (h: Hits) =>
        h.items.some((x) => x.kind === 'candidate' && x.subtitle.startsWith(email)) ? null : `no candidate ${email} among ${h.items.length}`;
      const email = `person${i}@example.com`;
      // The generator writes every fifth resume (i % 5 = 4) in Chinese.
      const writer = i - (i % 5) + 4 < CANDIDATES ? i - (i % 5) + 4 : i - (i % 5) - 1;
      switch (s % KINDS.length) {
        case 0:
          return { q: email, expect: finds(email) };
        case 1:
          return { q: `415 ${String(i).padStart(7, '0')}`, expect: finds(email) };
        case 2:
          return { q: `${names[i % 10]}${i % 997} ${surnames[Math.floor(i / 10) % 10]}${i % 1009}`, expect: finds(email) };
        case 3:
          // Resume words many candidates share (one in 40): a full first page, newest first.
          return { q: 'kubernetes and payments', expect: fullPage };
        case 4:
          // One project, named in one Chinese resume.
          return { q: `参与项目${zhNumber(writer)}`, expect: finds(`person${writer}@example.com`) };
        default:
          // Chinese words one resume in 40 holds.
          return { q: '推荐系统', expect: fullPage };
      }
    };
    const checked = (expect: (h: Hits) => string | null) => (r: { statusCode: number; body: string; json(): unknown }) =>
      status(200)(r) ?? expect(r.json() as Hits);
    const health = new Samples();
    for (let i = 0; i < 50; i++) await health.time(() => get('/healthz'), status(200));
    const byKind = KINDS.map(() => new Samples());
    for (let s = 0; s < SAMPLES; s++) {
      const { q, expect } = queries(s);
      await byKind[s % KINDS.length]!.time(() => get(`/api/search?q=${encodeURIComponent(q)}&limit=10`), checked(expect));
    }
    const list = new Samples();
    for (let s = 0; s < SAMPLES; s += KINDS.length) {
      const { q } = queries(s);
      await list.time(() => get(`/api/candidates?q=${encodeURIComponent(q)}&limit=10`), status(200));
    }
    const p95 = (x: Samples) => percentile(x.times, 95);
    const ofKinds = (from: number, to: number) => {
      const part = new Samples();
      for (const kindSamples of byKind.slice(from, to)) {
        part.times.push(...kindSamples.times);
        part.errors += kindSamples.errors;
        part.firstError ??= kindSamples.firstError;
      }
      return part;
    };
    const against = { database: kind, unit: 'ms', value: p95, baselineName: 'GET /healthz p95', baselineSamples: health, baseline: p95 };
    const within = (ms: number) => ({ target: `≤ ${ms} ms`, meets: (v: number) => v <= ms });
    const figures = [
      figure({ name: `global search over ${CANDIDATES} candidates, by email, phone, name and resume words (p95)`, samples: ofKinds(0, 4), ...against, ...within(100) }),
      figure({ name: `global search over ${CANDIDATES} candidates in Chinese, one project and words many share (p95)`, samples: ofKinds(4, 6), ...against, ...within(100) }),
      figure({ name: `candidate list search by email over ${CANDIDATES} candidates (p95)`, samples: list, ...against, ...within(100) }),
    ];
    for (const f of figures) console.log(describeFigure(f));
    const perKind = KINDS.map((k, n) => `${k} p95 ${round(percentile(byKind[n]!.times, 95))} ms`);
    console.log(`[${kind}] by kind: ${perKind.join(', ')}`);
    return figures;
  } finally {
    await app.close();
  }
}

async function main() {
  const started = performance.now();
  const figures = await onEachDatabase(DATABASES, POSTGRES_URL, 'hireloop_search_bench', measure);
  const results = {
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGiB: round(os.totalmem() / 2 ** 30), node: process.version },
    candidates: CANDIDATES,
    seconds: round((performance.now() - started) / 1000),
    figures,
  };
  fs.writeFileSync(new URL('./search-results.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`search bench finished in ${results.seconds} s; results in bench/search-results.json`);
  if (figures.some((f) => f.status === 'failed')) process.exitCode = 1;
}

await main();
