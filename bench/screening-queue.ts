import { sql } from 'kysely';
import { type Database, migrateToLatest } from '../src/db/database.js';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/config.js';
import { loadCatalog } from '../src/server/templates.js';
import { onEachDatabase } from './scratch-database.js';
import { BENCH_PASSWORD, generate, uuidOf } from './generate.js';
import { describeFigure, type Figure, figure, percentile, Samples, status, writeResults } from './measure.js';

/**
 * The resume-screen queue with annotations (ADR 0025). The generator's season of
 * BENCH_APPLICATIONS applications (default 1,000,000) puts a tenth of them, at most 100,000, in one
 * job's resume screen. The queue is measured first as it is before any matcher ran, then again
 * once every open application of the season carries an annotation in the log (three criteria,
 * verdicts with passages) and its tier: oldest first, sort=tier, sort=tier's next page, a tier filter, the
 * whole organisation's resume screen by tier, the queue under blind review, and the evidence of one
 * application. Each figure is the ratio of its p95 to the unannotated queue's p95 in the same run.
 * Every answer is checked: a 200 with a full page, tiers in order, a next page that repeats no row.
 * BENCH_SCREENING_DATABASES chooses `postgres`, `pglite` or both (default postgres).
 */
const APPLICATIONS = Number(process.env.BENCH_APPLICATIONS ?? 1_000_000);
const DATABASES = (process.env.BENCH_SCREENING_DATABASES ?? 'postgres').split(',');
const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SAMPLES = 40;
const PAGE = 50;
const RANK = ['strong', 'possible', 'unclear', 'weak'];

type Item = { id: string; screening: { status: string; tier: string | null }; blind: boolean; candidateName: string };
type Page = { items: Item[]; nextCursor: string | null };
type Answer = { statusCode: number; body: string; json(): unknown };

/** A 200 with a full page whose items pass `each`. */
const pageOf =
  (check: (page: Page) => string | null = () => null) =>
  (r: Answer) => {
    const wrong = status(200)(r);
    if (wrong) return wrong;
    const page = r.json() as Page;
    if (page.items.length !== PAGE) return `a page of ${page.items.length} rows, not ${PAGE}`;
    return check(page);
  };
const annotated = (page: Page) =>
  page.items.every((i) => i.screening.status === 'annotated') ? null : 'an item without its annotation';
const inTierOrder = (page: Page) => {
  const ranks = page.items.map((i) => RANK.indexOf(i.screening.tier ?? ''));
  return ranks.every((r, k) => r >= 0 && (k === 0 || r >= ranks[k - 1]!)) ? annotated(page) : 'tiers out of order';
};

/** Criteria of three kinds and, for every application of the season, one annotation of them. */
async function annotateSeason(database: Database, orgId: string, queueJobId: string) {
  const db = database.db;
  const criteria = [
    { text: 'Writes Go', kind: 'must', weight: 3, check: { type: 'skills', anyOf: ['Go'] } },
    { text: 'Knows Kafka', kind: 'nice', weight: 2, check: { type: 'skills', anyOf: ['Kafka'] } },
    { text: 'Runs Kubernetes', kind: 'nice', weight: 2, check: { type: 'skills', anyOf: ['Kubernetes'] } },
  ];
  const ids = criteria.map((_, i) => `00000000-0000-4000-8000-00000000000${i + 1}`);
  await sql`insert into screening_criteria_versions (job_id, org_id, version, updated_at)
    select id, org_id, 1, now() from jobs where org_id = ${orgId}`.execute(db);
  await sql`insert into screening_criteria (id, org_id, job_id, position, text, kind, weight, "check", source)
    select ${uuidOf(sql`j.id::text || ':' || c.n`)}, j.org_id, j.id, c.n - 1, c.text, c.kind, c.weight, c.chk, 'job'
    from jobs j cross join unnest(${criteria.map((c) => c.text)}::text[], ${criteria.map((c) => c.kind)}::text[],
      ${criteria.map((c) => c.weight)}::int[], ${criteria.map((c) => JSON.stringify(c.check))}::jsonb[]) with ordinality as c(text, kind, weight, chk, n)
    where j.org_id = ${orgId}`.execute(db);
  // One verdict per criterion; the tier follows the stated rule from them.
  const started = performance.now();
  await sql`insert into screening_annotations (org_id, application_id, job_id, matcher_name, matcher_version, criteria_version, tier, verdicts, computed_at)
    select a.org_id, a.id, a.job_id, 'local', 'bench', 1, (array['strong', 'possible', 'unclear', 'weak'])[1 + t.h],
      jsonb_build_array(
        jsonb_build_object('criterionId', ${ids[0]}::text, 'verdict', (array['found', 'found', 'unclear', 'missing'])[1 + t.h],
          'reason', 'skills: Go', 'passages', jsonb_build_array(jsonb_build_object('start', 16, 'end', 18, 'text', 'Go'))),
        jsonb_build_object('criterionId', ${ids[1]}::text, 'verdict', (array['found', 'missing', 'found', 'found'])[1 + t.h],
          'reason', 'skills: Kafka', 'passages', '[]'::jsonb),
        jsonb_build_object('criterionId', ${ids[2]}::text, 'verdict', (array['missing', 'missing', 'missing', 'found'])[1 + t.h],
          'reason', 'skills: Kubernetes', 'passages', '[]'::jsonb)),
      a.submitted_at + interval '1 minute'
    from applications a
    cross join lateral (select abs(hashtext(a.id::text)) % 4 as h) t
    -- What the worker annotates: open applications (the rest ended before a matcher ran).
    where a.org_id = ${orgId} and a.status in ('queued', 'active')`.execute(db);
  await sql`update applications a set screening_tier = s.tier,
      screening_must_found = case when s.verdicts -> 0 ->> 'verdict' = 'found' then 1 else 0 end, screening_must_total = 1
    from screening_annotations s where s.application_id = a.id and a.org_id = ${orgId}`.execute(db);
  await sql`vacuum analyze applications`.execute(db);
  await sql`analyze screening_annotations`.execute(db);
  const count = await sql<{ n: number }>`select count(*)::int as n from screening_annotations where org_id = ${orgId}`.execute(db);
  const queue = await sql<{ n: number }>`select count(*)::int as n from applications where job_id = ${queueJobId} and status = 'active' and stage_index = 0`.execute(db);
  return { annotations: count.rows[0]!.n, queue: queue.rows[0]!.n, seconds: (performance.now() - started) / 1000 };
}

async function measure(kind: 'postgres' | 'pglite', database: Database): Promise<Figure[]> {
  const db = database.db;
  await migrateToLatest(db);
  const started = performance.now();
  const data = await generate(db, { applications: APPLICATIONS, seed: 1, openJobs: 1000 });
  console.log(`[${kind}] generated ${APPLICATIONS} applications (${data.queueSize} in the queue) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await sql`vacuum analyze applications`.execute(db);
  const config = loadConfig({ LOG_LEVEL: 'silent', SEED_DEMO: 'false' });
  const app = await buildApp({ database, config, catalog: loadCatalog() });
  const figures: Figure[] = [];
  try {
    const signIn = async (email: string) => {
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { org: data.slug, email, password: BENCH_PASSWORD } });
      if (login.statusCode !== 204) throw new Error(`sign-in: ${login.statusCode} ${login.body}`);
      return login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    };
    const cookie = await signIn('recruiter@bench.example');
    const admin = await signIn('admin@bench.example');
    const get = (url: string) => app.inject({ url, headers: { cookie } });
    const run = async (url: (i: number) => string, check: (r: Answer) => string | null) => {
      const samples = new Samples();
      for (let i = 0; i < SAMPLES; i++) await samples.time(() => get(url(i)), check);
      return samples;
    };
    const queue = `/api/applications?jobId=${data.queueJobId}&step=resume_screen&limit=${PAGE}`;
    // Warm the caches the same for both sides, then the baseline: nothing annotated yet.
    await run(() => queue, status(200));
    const pending = await run(
      () => queue,
      pageOf((p) => (p.items.some((i) => i.screening.status === 'annotated') ? 'an item already annotated' : null)),
    );

    const made = await annotateSeason(database, data.orgId, data.queueJobId);
    console.log(`[${kind}] ${made.annotations} annotations written (${made.queue} applications in the queue) in ${made.seconds.toFixed(1)} s`);
    const p95 = (s: Samples) => percentile(s.times, 95);
    const add = (name: string, samples: Samples) => {
      const f = figure({
        name,
        database: kind,
        unit: 'ms',
        samples,
        value: p95,
        baselineName: `unannotated queue p95 (${data.queueSize} at the resume screen)`,
        baselineSamples: pending,
        baseline: p95,
        target: '≤ 2× the unannotated queue',
        meets: (v, b) => v <= 2 * b,
      });
      figures.push(f);
      console.log(describeFigure(f));
    };
    await run(() => queue, status(200));
    add('queue with annotations, oldest first, p95', await run(() => queue, pageOf(annotated)));
    add('queue sort=tier, first page, p95', await run(() => `${queue}&sort=tier`, pageOf(inTierOrder)));
    // The next page by tier: exact, no row of the first repeated, tiers still in order.
    const firstByTier = (await get(`${queue}&sort=tier`)).json() as Page;
    const seen = new Set(firstByTier.items.map((i) => i.id));
    add(
      'queue sort=tier, next page, p95',
      await run(
        () => `${queue}&sort=tier&cursor=${firstByTier.nextCursor}`,
        pageOf((p) => (p.items.some((i) => seen.has(i.id)) ? 'the next page repeats a row' : inTierOrder(p))),
      ),
    );
    // Deep in the queue: the first page of the weak ones, past three tiers of rows.
    add(
      'queue tier=weak, p95',
      await run(
        () => `${queue}&tier=weak`,
        pageOf((p) => (p.items.every((i) => i.screening.tier === 'weak') ? null : 'an item of another tier')),
      ),
    );
    add(
      "the organisation's resume screen sort=tier, p95",
      await run(() => `/api/applications?step=resume_screen&sort=tier&limit=${PAGE}`, pageOf(inTierOrder)),
    );
    const blind = await app.inject({ method: 'PUT', url: '/api/screening/settings', headers: { cookie: admin }, payload: { blindReview: true } });
    if (blind.statusCode !== 200) throw new Error(`blind review: ${blind.statusCode} ${blind.body}`);
    add(
      'queue sort=tier under blind review, p95',
      await run(
        () => `${queue}&sort=tier`,
        pageOf((p) => (p.items.every((i) => i.blind && i.candidateName.startsWith('Applicant')) ? inTierOrder(p) : 'a name shown')),
      ),
    );
    const ids = firstByTier.items.map((i) => i.id);
    add(
      'evidence of one application under blind review, p95',
      await run(
        (i) => `/api/applications/${ids[i % ids.length]}/screening`,
        (r) =>
          status(200)(r) ??
          ((r.json() as { status: string; blind: boolean }).status === 'annotated' && (r.json() as { blind: boolean }).blind
            ? null
            : 'not annotated and blind'),
      ),
    );
  } finally {
    await app.close();
  }
  return figures;
}

const started = performance.now();
const figures = await onEachDatabase(DATABASES, POSTGRES_URL, 'hireloop_bench_screening', measure);
writeResults(new URL('./screening-queue-results.json', import.meta.url), { applications: APPLICATIONS }, started, figures);
console.table(figures.map((f) => ({ scenario: f.name, db: f.database, p95: f.value, baseline: f.baseline, ratio: f.ratio, met: f.met })));
