import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideApplicationRound } from '../../src/core/applications/decide-round.js';
import { decideRoundsInBulk } from '../../src/core/applications/decide-rounds-in-bulk.js';
import { hireApplication } from '../../src/core/applications/hire-application.js';
import { undoDecision, undoDecisions } from '../../src/core/applications/undo-decision.js';
import { withdrawApplication } from '../../src/core/applications/withdraw-application.js';
import { eraseCandidate } from '../../src/core/candidates/erase-candidate.js';
import { mergeCandidates } from '../../src/core/merges/merge-candidates.js';
import type { Actor, Application } from '../../src/core/shared/types.js';
import type { Database } from '../../src/db/database.js';
import { funnelSpans, reportQueries } from '../../src/db/workspace/reports.queries.js';
import { openTestDatabase } from '../support/db.js';
import { buildWorld, ok, TestClock, type World } from '../support/world.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
let database: Database;
let world: World;
const clock = new TestClock(new Date('2026-02-20T03:17:00Z'));
const apps: Application[] = [];

type Scope = { from?: string; to?: string; jobId?: string; teamId?: string };
type Shape = Record<string, { total: number; hired: number; reached: number[] }>;

/** The funnel's query before the rollup, kept as the oracle: every application of the scope, counted. */
async function oracle(scope: Scope, zone: string): Promise<Shape> {
  const { from = null, to = null, jobId = null, teamId = null } = scope;
  const rows = await sql<{ job_id: string; stage_index: number; status: string; n: string }>`
    select a.job_id, a.stage_index, a.status, count(*) as n from applications a
    where a.org_id = ${world.orgId}
      and (${jobId}::uuid is null or a.job_id = ${jobId}::uuid)
      and (${teamId}::uuid is null or a.team_id = ${teamId}::uuid)
      and (${from}::date is null or a.submitted_at >= (${from}::date)::timestamp at time zone ${zone})
      and (${to}::date is null or a.submitted_at < (${to}::date + 1)::timestamp at time zone ${zone})
    group by a.job_id, a.stage_index, a.status`.execute(world.db);
  const shape: Shape = {};
  for (const r of rows.rows) {
    const job = shape[r.job_id] ?? { total: 0, hired: 0, reached: [] };
    shape[r.job_id] = job;
    const n = Number(r.n);
    for (let k = 0; k <= r.stage_index; k++) job.reached[k] = (job.reached[k] ?? 0) + n;
    if (r.status === 'hired') job.hired += n;
    job.total += n;
  }
  return shape;
}

/** The funnel as the API computes it, for a reader in `zone`. */
async function funnel(scope: Scope, zone: string): Promise<Shape> {
  const reader = world.staff.hr;
  await world.db.updateTable('users').set({ timezone: zone }).where('id', '=', reader.userId).execute();
  const items = await reportQueries(world.db).funnel({ ...scope, orgId: world.orgId, userId: reader.userId });
  return Object.fromEntries(
    items.map((j) => [j.jobId, { total: j.total, hired: j.hired, reached: j.rounds.map((r) => r.reached) }]),
  );
}

async function expectExact(scopes: Scope[], zones: string[]) {
  for (const zone of zones)
    for (const scope of scopes) {
      const [expected, actual] = [await oracle(scope, zone), await funnel(scope, zone)];
      expect(actual, `${zone} ${JSON.stringify(scope)}`).toEqual(expected);
    }
}

/** Every level of the rollup is what counting the applications afresh gives (the migration's backfill). */
async function expectRollupAsCounted() {
  const differences = await sql<{ n: string }>`
    with counted as (
      select org_id, l.level, ((submitted_at at time zone 'UTC')::date - date '1970-01-01') >> (2 * l.level) as bucket,
             job_id, team_id, stage_index, status, count(*) as n
      from applications cross join generate_series(0, 5) as l(level)
      group by 1, 2, 3, 4, 5, 6, 7),
    kept as (select org_id, level::int, bucket, job_id, team_id, stage_index, status, n from funnel_counts where n <> 0)
    select count(*) as n from ((select * from counted except all select * from kept)
                               union all (select * from kept except all select * from counted)) d`.execute(
    world.db,
  );
  expect(Number(differences.rows[0]!.n)).toBe(0);
  const pending = await sql<{ n: string }>`select count(*) as n from funnel_pending`.execute(world.db);
  expect(Number(pending.rows[0]!.n)).toBe(0);
}

const day = (offset: number) =>
  new Date(Date.parse('2026-02-20T00:00:00Z') + offset * 86_400_000).toISOString().slice(0, 10);

/** Deterministic ranges over the season and past its ends, open on either side or on both. */
function ranges(count: number): Scope[] {
  let seed = 20260220;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const scopes: Scope[] = [{}, { from: day(10) }, { to: day(30) }, { from: day(-400), to: day(300) }];
  for (let i = 0; i < count; i++) {
    const from = next(70) - 5;
    const to = from + [0, 0, 1, 2, 6, 13, 27, 40][next(8)]!;
    scopes.push({ from: day(from), to: day(to) });
  }
  return scopes;
}

const zones = [
  'UTC',
  'America/Los_Angeles',
  'America/St_Johns', // -03:30 / -02:30
  'Asia/Kolkata', // +05:30
  'Asia/Kathmandu', // +05:45
  'Australia/Adelaide', // +10:30 / +09:30
  'Pacific/Chatham', // +13:45 / +12:45
  'Pacific/Kiritimati', // +14:00
  'Pacific/Pago_Pago', // -11:00
];

const reasons = { rationale: 'ok', overrideReason: 'Decided in the test without its interview.' };

const deciderOf = (app: Application, roundKey: string): Actor =>
  roundKey === 'resume'
    ? world.staff.recruiter
    : roundKey === 'hr'
      ? world.staff.hr
      : app.teamId === world.teams.A
        ? world.staff.hiring_manager
        : world.staff.hmB;

async function decide(app: Application, roundKey: string, decision: 'advance' | 'reject' = 'advance') {
  return ok(
    await decideApplicationRound(world.deps, {
      actor: deciderOf(app, roundKey),
      applicationId: app.id,
      roundKey,
      decision,
      ...reasons,
    }),
  );
}

const candidateOf = (app: Application): Actor & { kind: 'candidate' } => ({
  kind: 'candidate',
  orgId: world.orgId,
  candidateId: app.candidateId,
});

/** A season: applications at every hour of seven weeks, then whatever moves them. */
async function buildSeason() {
  const jobs = [world.jobs.fullTimeA, world.jobs.internA, world.jobs.internB, world.jobs.internB2];
  for (let i = 0; i < 160; i++) {
    clock.advanceMs((((i * 7919) % 17) + 1) * 29 * 60_000 + (i % 13) * 1_000 + 7);
    const app = await world.apply(world.candidate(), jobs[i % jobs.length]!.id);
    apps.push(app);
    if (i % 5 === 1) await decide(app, 'resume', 'reject');
    if (i % 5 === 2 || i % 5 === 3) await decide(app, 'resume');
    if (i % 10 === 3) await decide(app, 'tech', i % 20 === 3 ? 'reject' : 'advance');
    if (i % 9 === 4 && i % 5 !== 1 && i % 20 !== 3)
      ok(await withdrawApplication(world.deps, { actor: candidateOf(app), applicationId: app.id }));
  }
  // Through every round, and hired: two per job's headcount.
  const fresh = apps.filter((_, i) => i % 5 === 0 && i % 9 !== 4);
  const hired = jobs.flatMap((job) => fresh.filter((a) => a.jobId === job.id).slice(0, 2));
  for (const app of hired) {
    for (const round of ['resume', 'tech', 'hr']) await decide(app, round);
    ok(await hireApplication(world.deps, { actor: world.staff.hr, applicationId: app.id }));
  }
  // Bulk decisions of the resume screen, over every job, in both directions.
  const waiting = apps.filter((a, i) => (i % 5 === 0 || i % 5 === 4) && i % 9 !== 4 && !hired.includes(a));
  const bulk = (items: Application[], decision: 'advance' | 'reject') =>
    decideRoundsInBulk(world.deps, {
      actor: world.staff.recruiter,
      items: items.map((a) => ({ applicationId: a.id, roundKey: 'resume' })),
      decision,
      rationale: 'bulk',
    });
  await bulk(waiting.slice(0, 20), 'reject');
  await bulk(waiting.slice(20, 35), 'advance');
  // Undone decisions, alone and from a bulk action, put the counts back.
  await world.db
    .updateTable('orgs')
    .set({ decision_undo_minutes: 30 })
    .where('id', '=', world.orgId)
    .execute();
  const undone = await bulk(waiting.slice(35, 45), 'reject');
  await undoDecisions(world.deps, {
    actor: world.staff.recruiter,
    decisionIds: undone.filter((o, i) => o.ok && i % 2 === 0).map((o) => o.decisionId!),
  });
  const single = apps.find((_, i) => i % 5 === 2 && i % 10 !== 3 && i % 9 !== 4 && i % 10 !== 0)!;
  await decide(single, 'tech');
  const decision = await world.db
    .selectFrom('round_decisions')
    .select('id')
    .where('application_id', '=', single.id)
    .where('round_key', '=', 'tech')
    .executeTakeFirstOrThrow();
  ok(await undoDecision(world.deps, { actor: deciderOf(single, 'tech'), decisionId: decision.id }));
  await world.db
    .updateTable('orgs')
    .set({ decision_undo_minutes: 0 })
    .where('id', '=', world.orgId)
    .execute();
  // Erasure ends the candidate's open applications; a merge moves applications to the kept person.
  const open = await world.db
    .selectFrom('applications')
    .selectAll()
    .where('org_id', '=', world.orgId)
    .where('status', '=', 'active')
    .orderBy('submitted_at')
    .execute();
  ok(
    await eraseCandidate(world.deps, {
      actor: candidateOf(apps.find((a) => a.id === open[0]!.id)!),
      videoRoomBaseUrl: 'https://meet.hireloop.test/',
    }),
  );
  const kept = apps.find((a) => a.id === open[1]!.id)!;
  const merged = apps.find((a) => a.jobId !== kept.jobId && open.slice(6).some((o) => o.id === a.id))!;
  ok(
    await mergeCandidates(world.deps, {
      actor: world.staff.recruiter,
      keptId: kept.candidateId,
      mergedId: merged.candidateId,
    }),
  );
  // Data fixes the application rules never make, but the rollup must follow: an application moved
  // to another job and team, another's submission time moved by days, one added and one deleted.
  await sql`update applications set job_id = ${world.jobs.internB.id}, team_id = ${world.teams.B}
    where id = ${open[2]!.id}`.execute(world.db);
  await sql`update applications set submitted_at = submitted_at - interval '9 days 5 hours'
    where id = ${open[3]!.id}`.execute(world.db);
  await sql`insert into applications (id, org_id, job_id, team_id, candidate_id, process_id, job_family, status,
      stage_index, plan, submitted_at, source)
    select gen_random_uuid(), org_id, job_id, team_id, candidate_id, process_id, job_family, 'closed', 2, plan,
      submitted_at + interval '1 day 3 hours 45 minutes', source
    from applications where id in (${open[4]!.id}, ${open[5]!.id})`.execute(world.db);
  await sql`delete from applications where org_id = ${world.orgId} and status = 'closed'
    and submitted_at = (select min(submitted_at) from applications where status = 'closed')`.execute(
    world.db,
  );
}

beforeAll(async () => {
  database = await openTestDatabase();
  world = await buildWorld(database, clock);
  await buildSeason();
}, 240_000);
afterAll(() => database?.close());

describe('the funnel from its rollup', () => {
  it('covers a range of days with at most three buckets at each end of a level', () => {
    const days = (spans: ReturnType<typeof funnelSpans>) =>
      spans.flatMap(({ level, lo, hi }) =>
        Array.from({ length: (hi! - lo! + 1) * 4 ** level }, (_, i) => lo! * 4 ** level + i),
      );
    for (const [lo, hi] of [
      [0, 0],
      [-7, 5],
      [20_503, 21_233],
      [20_500, 20_500 + 1023],
      [-1_000, 3_000],
    ] as const) {
      const spans = funnelSpans(lo, hi);
      expect(days(spans).sort((a, b) => a - b)).toEqual(
        Array.from({ length: hi - lo + 1 }, (_, i) => lo + i),
      );
      for (let level = 0; level < 5; level++)
        expect(
          spans.filter((s) => s.level === level).reduce((n, s) => n + s.hi! - s.lo! + 1, 0),
        ).toBeLessThanOrEqual(6);
    }
    expect(funnelSpans(null, null)).toEqual([{ level: 5, lo: null, hi: null }]);
    expect(funnelSpans(3, null)).toEqual([
      { level: 0, lo: 3, hi: 3 },
      { level: 1, lo: 1, hi: 3 },
      { level: 2, lo: 1, hi: 3 },
      { level: 3, lo: 1, hi: 3 },
      { level: 4, lo: 1, hi: 3 },
      { level: 5, lo: 1, hi: null },
    ]);
  });

  it('holds what counting the applications gives, after a season of every kind of change', async () => {
    const statuses = await sql<{
      status: string;
    }>`select distinct status from applications where org_id = ${world.orgId}`.execute(world.db);
    expect(statuses.rows.map((r) => r.status)).toEqual(
      expect.arrayContaining(['active', 'closed', 'hired', 'rejected', 'withdrawn']),
    );
    await expectRollupAsCounted();
  });

  it('returns exactly what the query over applications returns, for ranges in every zone', async () => {
    await expectExact(ranges(24), zones);
  });

  it('is exact by job and by team too', async () => {
    const scopes = ranges(8).flatMap((r) => [
      { ...r, jobId: world.jobs.internB.id },
      { ...r, teamId: world.teams.A },
      { ...r, jobId: world.jobs.fullTimeA.id, teamId: world.teams.B },
    ]);
    await expectExact(scopes, ['Asia/Kathmandu', 'America/St_Johns', 'UTC']);
  });

  it('changes nothing when the transaction rolls back, whole or to a savepoint', async () => {
    const before = await oracle({}, 'UTC');
    await expect(
      world.db.transaction().execute(async (trx) => {
        await sql`update applications set stage_index = stage_index + 1 where org_id = ${world.orgId}`.execute(
          trx,
        );
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await world.db.transaction().execute(async (trx) => {
      await sql`savepoint s`.execute(trx);
      await sql`update applications set status = 'closed' where org_id = ${world.orgId}`.execute(trx);
      await sql`rollback to savepoint s`.execute(trx);
      await sql`update applications set stage_index = stage_index + 1 where id = ${apps[7]!.id}`.execute(trx);
    });
    await sql`update applications set stage_index = stage_index - 1 where id = ${apps[7]!.id}`.execute(
      world.db,
    );
    expect(await funnel({}, 'UTC')).toEqual(before);
    await expectRollupAsCounted();
  });

  it('two bulk decisions at once both complete and leave the counts exact', async () => {
    const open = await world.db
      .selectFrom('applications')
      .select(['id', 'job_id'])
      .where('org_id', '=', world.orgId)
      .where('status', '=', 'active')
      .where('current_round_key', '=', 'resume')
      .execute();
    expect(open.length).toBeGreaterThanOrEqual(8);
    const half = open.slice(0, Math.floor(open.length / 2));
    const [one, two] = await Promise.all([
      decideRoundsInBulk(world.deps, {
        actor: world.staff.recruiter,
        items: half.map((a) => ({ applicationId: a.id, roundKey: 'resume' })),
        decision: 'reject',
        rationale: 'bulk one',
      }),
      decideRoundsInBulk(world.deps, {
        actor: world.staff.recruiter,
        items: open
          .slice(half.length)
          .reverse()
          .map((a) => ({ applicationId: a.id, roundKey: 'resume' })),
        decision: 'advance',
        rationale: 'bulk two',
      }),
    ]);
    expect([...one, ...two].filter((o) => !o.ok)).toEqual([]);
    await expectRollupAsCounted();
    await expectExact(ranges(4), ['Asia/Kolkata']);
  });

  it.runIf(onPostgres)(
    'two transactions changing the same jobs in opposite orders never deadlock on the rollup',
    async () => {
      const pick = async (jobId: string) =>
        (
          await world.db
            .selectFrom('applications')
            .select('id')
            .where('job_id', '=', jobId)
            .orderBy('id')
            .limit(2)
            .execute()
        ).map((r) => r.id);
      const [x1, x2] = await pick(world.jobs.fullTimeA.id);
      const [y1, y2] = await pick(world.jobs.internB.id);
      let release: () => void = () => {};
      const bothFirst = new Promise<void>((resolve) => {
        let n = 0;
        release = () => {
          if (++n === 2) resolve();
        };
      });
      const move = (first: string, second: string) =>
        world.db.transaction().execute(async (trx) => {
          await sql`update applications set stage_index = stage_index + 1 where id = ${first}`.execute(trx);
          release();
          await bothFirst;
          await sql`update applications set stage_index = stage_index + 1 where id = ${second}`.execute(trx);
        });
      await Promise.all([move(x1!, y1!), move(y2!, x2!)]);
      await expectRollupAsCounted();
      await expectExact([{}, { from: day(3), to: day(20) }], ['Pacific/Chatham']);
    },
  );
});
