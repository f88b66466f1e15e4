import { parseArgs } from 'node:util';
import { hash } from '@node-rs/argon2';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import { createBoard } from '../src/core/boards/create-board.js';
import { migrateToLatest, openDatabase } from '../src/db/database.js';
import type { DB } from '../src/db/schema.js';
import { createDeps } from '../src/db/store.js';
import { loadCatalog } from '../src/server/templates.js';

export const BENCH_PASSWORD = 'bench-password';
export const BENCH_BOARD_KEY = 'bench-board-key';

export interface Generated {
  orgId: string;
  slug: string;
  queueJobId: string;
  queueSize: number;
  boardToken: string;
  jobs: number;
  applications: number;
  interviews: number;
  offers: number;
}

/**
 * A deterministic RFC 9562 UUID from a name, computed by the database row by row: the name's md5
 * with the version nibble set to 4 and the variant bits to 10. A bare `md5(...)::uuid` is no RFC
 * 9562 UUID (its version and variant are whatever the hash gives), and the API refuses it.
 */
export function uuidOf(name: RawBuilder<unknown>) {
  return sql<string>`(overlay(overlay(md5(${name}) placing '4' from 13)
    placing substr('89ab89ab89ab89ab', strpos('0123456789abcdef', substr(md5(${name}), 17, 1)), 1) from 17))::uuid`;
}

/**
 * Drops the indexes of `tables` that back no constraint and returns what builds them again. One
 * build of each after the bulk inserts takes minutes at 10,000,000 rows, where keeping sixteen
 * indexes current row by row took hours; the data and the indexes in the end are the same.
 */
async function dropSecondaryIndexes(db: Kysely<DB>, tables: string[]) {
  const indexes = await sql<{ name: string; definition: string }>`
    select indexname as name, indexdef as definition from pg_indexes i
    where schemaname = current_schema() and tablename = any(${tables}::text[])
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`.execute(db);
  for (const index of indexes.rows) await sql`drop index ${sql.id(index.name)}`.execute(db);
  return () =>
    db.connection().execute(async (connection) => {
      await sql`set maintenance_work_mem = '512MB'`.execute(connection);
      for (const index of indexes.rows) await sql.raw(index.definition).execute(connection);
      await sql`reset maintenance_work_mem`.execute(connection);
    });
}

/**
 * A synthetic hiring season, generated inside the database with set-based inserts so a million
 * applications take seconds. Deterministic from the seed: the same seed gives the same data.
 * Shape follows the seeds: about 90% of applications end at the resume screen; one job holds a
 * large screening queue; a thousand jobs are open on a public board.
 */
export async function generate(db: Kysely<DB>, options: { applications: number; seed: number; openJobs?: number }): Promise<Generated> {
  const { applications, seed } = options;
  const openJobs = options.openJobs ?? 1000;
  const queueSize = Math.min(100_000, Math.floor(applications / 10));
  const slug = `bench-${seed}`;
  const id = (kind: string, i: RawBuilder<unknown> = sql`i`) => uuidOf(sql`${`${seed}:${kind}:`} || ${i}`);
  const one = async (name: string) => (await sql<{ id: string }>`select ${uuidOf(sql`${name}::text`)} as id`.execute(db)).rows[0]!.id;
  const orgId = await one(`${seed}:org`);
  const template = loadCatalog().processTemplates.get('software-engineer-mid')!;
  const plan = JSON.stringify(template.rounds);
  const definition = JSON.stringify({ name: template.name, description: template.description, rounds: template.rounds });
  const passwordHash = await hash(BENCH_PASSWORD);

  await sql`insert into orgs (id, slug, name, created_at) values (${orgId}, ${slug}, 'Bench Co', now())`.execute(db);
  await sql`insert into teams (id, org_id, name, timezone, created_at)
    select ${id('team')}, ${orgId}, 'Team ' || i, (array['America/Los_Angeles','Asia/Singapore','Asia/Shanghai'])[1 + i % 3], now()
    from generate_series(0, 9) i`.execute(db);
  await sql`insert into offices (id, org_id, name, location, timezone, created_at)
    select ${id('office')}, ${orgId}, (array['Los Angeles','Singapore','Beijing'])[1 + i], (array['Los Angeles','Singapore','Beijing'])[1 + i], 'UTC', now()
    from generate_series(0, 2) i`.execute(db);
  const teamIds = (await sql<{ id: string }>`select id from teams where org_id = ${orgId} order by name`.execute(db)).rows.map((r) => r.id);
  await sql`insert into users (id, org_id, email, email_normalized, name, timezone, password_hash, roles, team_ids, created_at)
    select ${id('user')}, ${orgId}, r || '@bench.example', r || '@bench.example', initcap(r), 'UTC', ${passwordHash}, array[r], ${teamIds}::uuid[], now()
    from unnest(array['recruiter','hiring_manager','hr','admin']) with ordinality as t(r, i)`.execute(db);
  await sql`insert into processes (id, org_id, team_id, lineage_id, version, template_key, definition, created_at)
    select ${id('process')}, ${orgId}, t.id, ${id('process')}, 1, 'software-engineer-mid@1', ${definition}::jsonb, now()
    from (select id, row_number() over (order by name) - 1 as i from teams where org_id = ${orgId}) t`.execute(db);
  // The queue job first (i = 0), then the open jobs a board lists.
  await sql`insert into jobs (id, org_id, team_id, process_id, title, status, employment_type, job_family, level, headcount,
      locations, office_ids, posting, created_at, updated_at)
    select ${id('job')}, ${orgId}, p.team_id, p.id, 'Software Engineer ' || i, 'open', 'full_time', 'full_time', 'mid', 1000,
      array[(array['Los Angeles','Singapore','Beijing'])[1 + i % 3]], '{}', '{"summary":"Build things."}'::jsonb,
      now() - interval '100 days', now() - interval '1 day'
    from generate_series(0, ${openJobs}) i
    join (select id, team_id, row_number() over (order by team_id) - 1 as n from processes where org_id = ${orgId}) p on p.n = i % 10`.execute(db);
  const jobIds = (await sql<{ id: string }>`select id from jobs where org_id = ${orgId} order by title`.execute(db)).rows.length;
  const queueJobId = await one(`${seed}:job:0`);

  const rebuildIndexes = await dropSecondaryIndexes(db, ['candidates', 'applications']);
  await sql`insert into candidates (id, org_id, email, email_normalized, first_name, last_name, phone, resume_text, created_at)
    select ${id('candidate')}, ${orgId}, 'person' || i || '@example.com', 'person' || i || '@example.com',
      (array['Mei','Arjun','Sofia','Kenji','Amara','Lucas','Priya','Wei','Hana','Diego'])[1 + i % 10] || (i % 997),
      (array['Chen','Patel','Garcia','Tanaka','Okafor','Silva','Kumar','Zhang','Kim','Lopez'])[1 + (i / 10) % 10] || (i % 1009),
      '+1 415 ' || lpad(i::text, 7, '0'),
      case when i % 5 = 4
        -- A fifth write in Chinese, each naming a project of its own by its number in Chinese numerals.
        then '熟悉' || (array['Go','Kafka','SQL','Python','React','Kubernetes','Spark','Rust','Java','C++'])[1 + i % 10]
          || '和' || (array['推荐','存储','搜索','支付','广告','视频','增长','安全'])[1 + i % 8] || '系统，参与项目'
          || translate(i::text, '0123456789', '零一二三四五六七八九')
        else 'Experience with ' || (array['Go','Kafka','SQL','Python','React','Kubernetes','Spark','Rust','Java','C++'])[1 + i % 10]
          || ' and ' || (array['recommendation','storage','search','payments','ads','video','growth','security'])[1 + i % 8] || ' systems, project ' || (i % 10007)
      end,
      -- The day by a hash of i, not i % 90: words and days both cycle with i, and a day from the same
      -- cycle left the newest days without some words at all, which no real season does.
      now() - ((abs(hashtext(i::text)) % 90) || ' days')::interval
    from generate_series(0, ${applications - 1}) i`.execute(db);
  // Pass-through like the seeds': 90% stop at the resume screen; the queue job's applicants all wait in it.
  await sql`insert into applications (id, org_id, job_id, team_id, candidate_id, process_id, job_family, status, stage_index, plan,
      submitted_at, source, last_candidate_message_at)
    select ${id('application')}, ${orgId}, j.id, j.team_id, ${id('candidate')}, j.process_id, 'full_time',
      case when i < ${queueSize} then 'active' when i % 10 < 9 then 'rejected' when i % 8 = 7 and i % 3 = 0 then 'hired' else 'active' end,
      case when i < ${queueSize} then 0 when i % 10 < 9 then 0 else 1 + (i % 8) end,
      ${plan}::jsonb, now() - ((i % 90) || ' days')::interval - ((i % 86400) || ' seconds')::interval, 'bench', now()
    from generate_series(0, ${applications - 1}) i
    join jobs j on j.id = ${id('job', sql`(case when i < ${queueSize} then 0 else 1 + i % ${openJobs} end)`)}`.execute(db);
  await rebuildIndexes();
  // Interviews with a submitted scorecard for applications past the screens, and offers for those
  // at the offer step.
  await sql`insert into interviews (id, org_id, application_id, round_key, starts_at, ends_at, language, interviewer_ids, created_by, created_at)
    select ${uuidOf(sql`'interview:' || a.id`)}, a.org_id, a.id, a.plan -> (a.stage_index - 1) ->> 'key', a.submitted_at + interval '7 days',
      a.submitted_at + interval '7 days 1 hour', 'en', array[u.id], u.id, a.submitted_at
    from applications a
    join users u on u.org_id = a.org_id and u.email = 'hiring_manager@bench.example'
    where a.org_id = ${orgId} and a.stage_index >= 3`.execute(db);
  await sql`insert into scorecards (id, org_id, interview_id, application_id, round_key, interviewer_id, status, revision, content, due_at, submitted_at, updated_at)
    select ${uuidOf(sql`'scorecard:' || i.id`)}, i.org_id, i.id, i.application_id, i.round_key, i.interviewer_ids[1], 'submitted', 1,
      '{"ratings":{"coding":"yes"},"recommendation":"yes","notes":"Solid.","privateNote":"","salaryExpectation":null}'::jsonb,
      i.ends_at + interval '2 days', i.ends_at + interval '1 day', i.ends_at + interval '1 day'
    from interviews i where i.org_id = ${orgId}`.execute(db);
  await sql`insert into offers (id, org_id, application_id, status, revision, terms, created_at, updated_at, sent_at)
    select ${uuidOf(sql`'offer:' || a.id`)}, a.org_id, a.id, 'sent', 1,
      jsonb_build_object('currency','USD','baseSalaryCents',18000000 + (abs(hashtext(a.id::text)) % 40) * 100000,
        'signOn', jsonb_build_object('amountCents',3000000,'instalments',2,'clawbackMonths',12),'targetBonusBps',1500,
        'equity', jsonb_build_object('kind','units','units',2000,'referencePriceCents',15000),
        'vestingScheduleKey','back-weighted-15-25-25-35','startDate','2027-01-04','expiresAt','2027-12-31T00:00:00Z','level','2-1','location','Singapore'),
      now(), now(), now()
    from applications a where a.org_id = ${orgId} and a.status = 'active' and a.stage_index >= jsonb_array_length(a.plan)`.execute(db);
  // A database that has lived has its visibility map set, which index-only scans rely on.
  await sql`vacuum analyze`.execute(db);

  const admin = (await sql<{ id: string }>`select id from users where org_id = ${orgId} and email = 'admin@bench.example'`.execute(db)).rows[0]!.id;
  const boardId = await one(`${seed}:board`);
  const boardDeps = createDeps(db, { now: () => new Date() }, { next: () => boardId }, loadCatalog());
  const board = await createBoard(boardDeps, {
    actor: { kind: 'staff', orgId, userId: admin, roles: ['admin'], teamIds: [] },
    board: { token: slug, name: 'Bench careers', intro: '', employmentTypes: ['full_time'], teamIds: [], gdprRetentionDays: null },
    apiKey: BENCH_BOARD_KEY,
  });
  if (!board.ok) throw new Error(board.error.message);
  const counts = await sql<{ interviews: number; offers: number }>`
    select (select count(*)::int from interviews where org_id = ${orgId}) as interviews,
           (select count(*)::int from offers where org_id = ${orgId}) as offers`.execute(db);
  return { orgId, slug, queueJobId, queueSize, boardToken: slug, jobs: jobIds, applications, ...counts.rows[0]! };
}

// `npm run bench:data -- --applications 1000000`: generate into DATABASE_URL or the PGlite DATA_DIR.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { applications: { type: 'string', default: '1000000' }, seed: { type: 'string', default: '1' } } });
  const target = process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : { dataDir: process.env.DATA_DIR ?? './bench/data' };
  const database = await openDatabase(target);
  await migrateToLatest(database.db);
  const started = performance.now();
  const result = await generate(database.db, { applications: Number(values.applications), seed: Number(values.seed) });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`generated ${result.applications} applications over ${result.jobs} jobs, ${result.interviews} interviews and scorecards, ${result.offers} offers in ${seconds} s`);
  await database.close();
}
