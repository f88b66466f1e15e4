import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { ProcessDefinition } from '../../contracts/process-template.js';
import { steps as stepOrder } from '../../contracts/vocabulary.js';
import { REPORT_MAX_DAYS, type ReportFilter } from '../../contracts/workspace.js';
import { afterTime, pageOf } from '../pagination.js';
import type { DB } from '../schema.js';

const round1 = (n: unknown) => (n === null || n === undefined ? null : Math.round(Number(n) * 10) / 10);

/** The funnel's k-th position: a round of the job's process, or the offer that follows the last. */
const roundName = (rounds: { name: string }[], k: number) =>
  rounds[k]?.name ?? (k === rounds.length ? 'Offer' : `Round ${k + 1}`);

/** Spans of days for the time-in-step distribution, fastest first. */
const SPANS: [string, number, number][] = [
  ['Under 1 day', 0, 1],
  ['1–3 days', 1, 3],
  ['3–7 days', 3, 7],
  ['1–2 weeks', 7, 14],
  ['2–4 weeks', 14, 28],
  ['4 weeks or more', 28, Number.POSITIVE_INFINITY],
];

/** Weeks a trend covers when no range is given. */
export const TREND_WEEKS = 12;

const shiftDays = (day: string, days: number) =>
  new Date(Date.parse(day) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The days a trend covers: up to `to` (the reader's today when not given), from `from` (else
 * `TREND_WEEKS` weeks back), and never more than two years.
 */
function trendRange(now: Date, zone: string, from?: string, to?: string) {
  const end = to ?? new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(now);
  const span = from ? (Date.parse(end) - Date.parse(from)) / 86_400_000 : TREND_WEEKS * 7 - 1;
  return { from: shiftDays(end, -Math.min(span, REPORT_MAX_DAYS - 1)), to: end };
}

/** Who reads the report (their zone makes the days) and what it counts. */
export type ReportScope = ReportFilter & { orgId: string; userId: string };
type Scoped = ReportScope & { zone: string };

/** Applications of the organisation, of the job or team when one is given (`a` is `applications`). */
const inScope = (s: Scoped) => sql`a.org_id = ${s.orgId}
  and (${s.jobId ?? null}::uuid is null or a.job_id = ${s.jobId ?? null}::uuid)
  and (${s.teamId ?? null}::uuid is null or a.team_id = ${s.teamId ?? null}::uuid)`;

/** A time within the range's days, in the reader's zone; true when no range is given. */
const inRange = (column: RawBuilder<unknown>, s: Scoped) => sql`
  (${s.from ?? null}::date is null or ${column} >= (${s.from ?? null}::date)::timestamp at time zone ${s.zone})
  and (${s.to ?? null}::date is null or ${column} < (${s.to ?? null}::date + 1)::timestamp at time zone ${s.zone})`;

const ref = (column: string) => sql.ref(column) as RawBuilder<unknown>;

const DAY_MS = 86_400_000;
/** The rollup's highest level: spans of 4^5 = 1,024 days (migration 0025). */
const TOP_LEVEL = 5;
const mod4 = (n: number) => ((n % 4) + 4) % 4;

/** Buckets `lo`…`hi` (inclusive; null is open) of one level of `funnel_counts`. */
export type FunnelSpan = { level: number; lo: number | null; hi: number | null };

/**
 * Whole UTC days `lo`…`hi` (days since 1970-01-01; null is open) as buckets of the rollup's
 * levels: below the top, at most three buckets at each end of a level (two runs), since what is
 * left after them is aligned to the next level. A range of at most two years thus reads at most
 * 30 buckets of levels 0–4 and none of level 5; an open range adds the level-5 buckets beyond.
 */
export function funnelSpans(lo: number | null, hi: number | null): FunnelSpan[] {
  const spans: FunnelSpan[] = [];
  for (let level = 0; level < TOP_LEVEL; level++) {
    if (lo !== null && hi !== null && lo > hi) return spans;
    if (lo !== null && mod4(lo) !== 0) {
      const end = Math.min(hi ?? Number.POSITIVE_INFINITY, lo - mod4(lo) + 3);
      spans.push({ level, lo, hi: end });
      lo = end + 1;
    }
    if (hi !== null && mod4(hi + 1) !== 0 && (lo === null || lo <= hi)) {
      const start = Math.max(lo ?? Number.NEGATIVE_INFINITY, hi - mod4(hi));
      spans.push({ level, lo: start, hi });
      hi = start - 1;
    }
    if (lo !== null && hi !== null && lo > hi) return spans;
    lo = lo === null ? null : lo / 4;
    hi = hi === null ? null : (hi + 1) / 4 - 1;
  }
  spans.push({ level: TOP_LEVEL, lo, hi });
  return spans;
}

const spanCondition = ({ level, lo, hi }: FunnelSpan) =>
  sql`(f.level = ${level}${lo === null ? sql`` : sql` and f.bucket >= ${lo}`}${hi === null ? sql`` : sql` and f.bucket <= ${hi}`})`;

/** The reports: each figure counts applications the reader may see, and can be opened on them. */
export function reportQueries(db: Kysely<DB>) {
  async function scoped(scope: ReportScope): Promise<Scoped> {
    const user = await db
      .selectFrom('users')
      .select('timezone')
      .where('org_id', '=', scope.orgId)
      .where('id', '=', scope.userId)
      .executeTakeFirst();
    return { ...scope, zone: user?.timezone ?? 'UTC' };
  }

  /**
   * Applications per job, round and status submitted in the range: whole UTC days from the rollup
   * (`funnelSpans`), the partial days at the range's edges in the reader's zone from the
   * applications themselves (at most a day's submissions at each edge), so the result is exactly
   * the count over applications for any zone.
   */
  async function funnelCounts(s: Scoped) {
    const edges = await sql<{ start: Date | null; end: Date | null }>`
      select (${s.from ?? null}::date)::timestamp at time zone ${s.zone} as start,
             (${s.to ?? null}::date + 1)::timestamp at time zone ${s.zone} as end`.execute(db);
    const { start, end } = edges.rows[0]!;
    const lo = start ? Math.ceil(start.getTime() / DAY_MS) : null;
    const hi = end ? Math.floor(end.getTime() / DAY_MS) - 1 : null;
    const whole = lo === null || hi === null || lo <= hi;
    const submitted = ref('a.submitted_at');
    const exact = !whole
      ? [inRange(submitted, s)]
      : [
          ...(s.from && lo !== null
            ? [
                sql`(${inRange(submitted, { ...s, to: undefined })} and a.submitted_at < ${new Date(lo * DAY_MS)})`,
              ]
            : []),
          ...(s.to && hi !== null
            ? [
                sql`(${inRange(submitted, { ...s, from: undefined })} and a.submitted_at >= ${new Date((hi + 1) * DAY_MS)})`,
              ]
            : []),
        ];
    const spans = whole ? funnelSpans(lo, hi) : [];
    const none = sql`false`;
    const result = await sql<{ job_id: string; stage_index: number; status: string; n: string }>`
      select job_id, stage_index, status, sum(n) as n from (
        select f.job_id, f.stage_index, f.status, f.n from funnel_counts f
        where f.org_id = ${s.orgId}
          and (${s.jobId ?? null}::uuid is null or f.job_id = ${s.jobId ?? null}::uuid)
          and (${s.teamId ?? null}::uuid is null or f.team_id = ${s.teamId ?? null}::uuid)
          and (${spans.length ? sql.join(spans.map(spanCondition), sql` or `) : none})
        union all
        select a.job_id, a.stage_index, a.status, count(*) from applications a
        where ${inScope(s)} and (${exact.length ? sql.join(exact, sql` or `) : none})
        group by a.job_id, a.stage_index, a.status) t
      group by job_id, stage_index, status having sum(n) <> 0`.execute(db);
    return result;
  }

  /** Applications behind a drill-down figure, as SQL conditions on `a`. */
  function behind(
    s: Scoped & { measure?: string; round?: number | undefined },
    now: Date,
    targetDays: number,
  ) {
    const applied = inRange(ref('a.submitted_at'), s);
    switch (s.measure) {
      case 'reached':
        return sql`${applied} and a.stage_index >= ${s.round ?? 0}`;
      case 'hired':
        return sql`${applied} and a.status = 'hired'`;
      case 'without_evidence':
        return sql`exists (select 1 from round_decisions d where d.application_id = a.id
          and d.override_reason is not null and ${inRange(ref('d.decided_at'), s)})`;
      case 'open_past_target':
        return sql`${applied} and a.status = 'active'
          and a.submitted_at < ${new Date(now.getTime() - targetDays * 86_400_000)}
          and not exists (select 1 from offers o where o.application_id = a.id and o.sent_at is not null)`;
      default:
        return applied;
    }
  }

  return {
    /**
     * The funnel: for each job, how many applications reached each round (an application at round
     * k, or one that ended at it, has reached rounds 0…k), and how many were hired.
     */
    async funnel(scope: ReportScope) {
      const s = await scoped(scope);
      const rows = await funnelCounts(s);
      const jobs = new Map<string, { reached: number[]; hired: number; total: number }>();
      for (const r of rows.rows) {
        const job = jobs.get(r.job_id) ?? { reached: [], hired: 0, total: 0 };
        const n = Number(r.n);
        for (let k = 0; k <= r.stage_index; k++) job.reached[k] = (job.reached[k] ?? 0) + n;
        if (r.status === 'hired') job.hired += n;
        job.total += n;
        jobs.set(r.job_id, job);
      }
      const named = jobs.size
        ? await db
            .selectFrom('jobs')
            .innerJoin('teams', 'teams.id', 'jobs.team_id')
            .select(['jobs.id', 'jobs.title', 'jobs.team_id', 'jobs.process_id', 'teams.name as team_name'])
            .where('jobs.id', 'in', [...jobs.keys()])
            .execute()
        : [];
      // Each process once: jobs share a handful of processes, and a definition is large.
      const processIds = [...new Set(named.map((n) => n.process_id))];
      const processes = processIds.length
        ? await db
            .selectFrom('processes')
            .select(['id', 'definition'])
            .where('id', 'in', processIds)
            .execute()
        : [];
      const roundsOf = new Map(
        processes.map((p) => [p.id, (p.definition as ProcessDefinition | undefined)?.rounds ?? []]),
      );
      const jobNames = new Map(named.map((n) => [n.id, n]));
      return [...jobs.entries()]
        .map(([jobId, j]) => {
          const job = jobNames.get(jobId);
          const rounds = (job && roundsOf.get(job.process_id)) ?? [];
          return {
            jobId,
            jobTitle: job?.title ?? '',
            teamId: job?.team_id ?? '',
            teamName: job?.team_name ?? '',
            total: j.total,
            hired: j.hired,
            rounds: Array.from({ length: j.reached.length }, (_, k) => ({
              index: k,
              name: roundName(rounds, k),
              reached: j.reached[k] ?? 0,
              passThrough:
                k === 0 ? 1 : Math.round(((j.reached[k] ?? 0) / (j.reached[k - 1] || 1)) * 1000) / 1000,
            })),
          };
        })
        .sort((x, y) => x.teamName.localeCompare(y.teamName) || x.jobTitle.localeCompare(y.jobTitle));
    },

    /**
     * How long things take: days spent in each step (from one decision to the next) with their
     * spread, application to first offer sent against the target (`targetDays`), feedback handed in
     * by its deadline, and decisions taken without their evidence per team.
     */
    async timing(scope: ReportScope, at: { now: Date; targetDays: number }) {
      const s = await scoped(scope);
      const { now, targetDays } = at;
      const spans = SPANS.map(
        ([, lo, hi]) =>
          sql`count(*) filter (where days >= ${lo}${Number.isFinite(hi) ? sql` and days < ${hi}` : sql``})`,
      );
      // The time in a step counts from the previous decision over all of them; the range then picks
      // the decisions taken in it.
      const steps = await sql<Record<string, string | number> & { step: string; n: string }>`
        select step, count(*) as n, avg(days) as mean,
               percentile_cont(0.25) within group (order by days) as p25,
               percentile_cont(0.5) within group (order by days) as median,
               percentile_cont(0.75) within group (order by days) as p75,
               percentile_cont(0.9) within group (order by days) as p90,
               ${sql.join(spans.map((span, i) => sql`${span} as ${sql.ref(`span${i}`)}`))}
        from (
          select d.decided_at,
                 (select r ->> 'step' from jsonb_array_elements(a.plan) r where r ->> 'key' = d.round_key limit 1) as step,
                 extract(epoch from d.decided_at - coalesce(
                   lag(d.decided_at) over (partition by d.application_id order by d.decided_at, d.seq), a.submitted_at)) / 86400 as days
          from round_decisions d join applications a on a.id = d.application_id
          where ${inScope(s)}) t
        where step is not null and ${inRange(ref('decided_at'), s)} group by step`.execute(db);
      const toOffer = await sql<{
        n: string;
        median: number | null;
        p90: number | null;
        within: string;
        slow: string;
      }>`
        select count(*) as n,
               percentile_cont(0.5) within group (order by days) as median,
               percentile_cont(0.9) within group (order by days) as p90,
               count(*) filter (where days <= ${targetDays}) as within,
               count(*) filter (where days > 90) as slow
        from (
          select extract(epoch from min(o.sent_at) - a.submitted_at) / 86400 as days
          from offers o join applications a on a.id = o.application_id
          where ${inScope(s)} and ${inRange(ref('a.submitted_at'), s)} and o.sent_at is not null
          group by a.id, a.submitted_at) t`.execute(db);
      const pastTarget = await sql<{ n: string }>`
        select count(*) as n from applications a
        where ${inScope(s)} and ${behind({ ...s, measure: 'open_past_target' }, now, targetDays)}`.execute(
        db,
      );
      const feedback = await sql<{ submitted: string; on_time: string; overdue: string }>`
        select count(*) filter (where s.status = 'submitted') as submitted,
               count(*) filter (where s.status = 'submitted' and s.submitted_at <= s.due_at) as on_time,
               count(*) filter (where s.status <> 'submitted' and s.due_at < ${now}) as overdue
        from scorecards s join applications a on a.id = s.application_id
        join interviews i on i.id = s.interview_id and i.status = 'scheduled'
        where ${inScope(s)} and ${inRange(ref('s.due_at'), s)}`.execute(db);
      const overrides = await sql<{ team_id: string; team_name: string; n: string; overridden: string }>`
        select a.team_id, t.name as team_name, count(*) as n,
               count(*) filter (where d.override_reason is not null) as overridden
        from round_decisions d join applications a on a.id = d.application_id join teams t on t.id = a.team_id
        where ${inScope(s)} and ${inRange(ref('d.decided_at'), s)}
        group by a.team_id, t.name order by t.name`.execute(db);
      const o = toOffer.rows[0]!;
      const f = feedback.rows[0]!;
      const offers = Number(o.n);
      const submitted = Number(f.submitted);
      return {
        timeInStep: steps.rows
          .sort((x, y) => stepOrder.indexOf(x.step as never) - stepOrder.indexOf(y.step as never))
          .map((r) => ({
            step: r.step,
            decisions: Number(r.n),
            medianDays: round1(r.median)!,
            meanDays: round1(r.mean)!,
            p25Days: round1(r.p25)!,
            p75Days: round1(r.p75)!,
            p90Days: round1(r.p90)!,
            distribution: SPANS.map(([span], i) => ({ span, decisions: Number(r[`span${i}`]) })),
          })),
        timeToOffer: {
          targetDays,
          offers,
          medianDays: round1(o.median),
          p90Days: round1(o.p90),
          withinTargetRate: offers ? Number(o.within) / offers : null,
          overThreeMonths: Number(o.slow),
          openPastTarget: Number(pastTarget.rows[0]!.n),
        },
        feedback: {
          submitted,
          onTimeRate: submitted ? Number(f.on_time) / submitted : null,
          overdue: Number(f.overdue),
        },
        decisionsWithoutEvidence: overrides.rows.map((r) => ({
          teamId: r.team_id,
          teamName: r.team_name,
          decisions: Number(r.n),
          withoutEvidence: Number(r.overridden),
          rate: Number(r.overridden) / Number(r.n),
        })),
      };
    },

    /** Week by week over the range: applied, decided (and without evidence), offers sent, hired. */
    async trends(scope: ReportScope, now: Date) {
      const reader = await scoped(scope);
      const s = { ...reader, ...trendRange(now, reader.zone, reader.from, reader.to) };
      const week = (column: string) => sql`date_trunc('week', ${sql.ref(column)} at time zone ${s.zone})`;
      const rows = await sql<{
        week_start: string;
        applied: string;
        advanced: string;
        rejected: string;
        without_evidence: string;
        offers_sent: string;
        hired: string;
      }>`
        with weeks as (
          select generate_series(date_trunc('week', ${s.from}::date::timestamp),
                                 date_trunc('week', ${s.to}::date::timestamp), interval '1 week') as week),
        applied as (
          select ${week('a.submitted_at')} as week, count(*) as n from applications a
          where ${inScope(s)} and ${inRange(ref('a.submitted_at'), s)} group by 1),
        decided as (
          select ${week('d.decided_at')} as week,
                 count(*) filter (where d.decision = 'advance') as advanced,
                 count(*) filter (where d.decision = 'reject') as rejected,
                 count(*) filter (where d.override_reason is not null) as without_evidence
          from round_decisions d join applications a on a.id = d.application_id
          where ${inScope(s)} and ${inRange(ref('d.decided_at'), s)} group by 1),
        offered as (
          select ${week('first_sent')} as week, count(*) as n from (
            select min(o.sent_at) as first_sent from offers o join applications a on a.id = o.application_id
            where ${inScope(s)} and o.sent_at is not null group by a.id) f
          where ${inRange(ref('first_sent'), s)} group by 1),
        hired as (
          select ${week('a.ended_at')} as week, count(*) as n from applications a
          where ${inScope(s)} and a.status = 'hired' and ${inRange(ref('a.ended_at'), s)} group by 1)
        select to_char(w.week, 'YYYY-MM-DD') as week_start,
               coalesce(ap.n, 0) as applied, coalesce(d.advanced, 0) as advanced,
               coalesce(d.rejected, 0) as rejected, coalesce(d.without_evidence, 0) as without_evidence,
               coalesce(o.n, 0) as offers_sent, coalesce(h.n, 0) as hired
        from weeks w
        left join applied ap on ap.week = w.week left join decided d on d.week = w.week
        left join offered o on o.week = w.week left join hired h on h.week = w.week
        order by w.week`.execute(db);
      return {
        from: s.from,
        to: s.to,
        weeks: rows.rows.map((r) => ({
          weekStart: r.week_start,
          applied: Number(r.applied),
          advanced: Number(r.advanced),
          rejected: Number(r.rejected),
          withoutEvidence: Number(r.without_evidence),
          offersSent: Number(r.offers_sent),
          hired: Number(r.hired),
        })),
      };
    },

    /** The applications behind one figure of a report, oldest application first. */
    async drill(
      scope: ReportScope & {
        measure: string;
        round?: number | undefined;
        limit: number;
        cursor?: string | undefined;
      },
      at: { now: Date; targetDays: number },
    ) {
      const s = await scoped(scope);
      const after = afterTime(scope.cursor);
      const rows = await sql<{
        id: string;
        first_name: string;
        last_name: string;
        title: string;
        status: string;
        step: string;
        submitted_at: Date;
        cursor_time: string;
      }>`
        select a.id, c.first_name, c.last_name, j.title, a.status, a.submitted_at,
               coalesce(a.plan -> a.stage_index ->> 'step', 'offer') as step,
               to_char(a.submitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_time
        from applications a join candidates c on c.id = a.candidate_id join jobs j on j.id = a.job_id
        where ${inScope(s)} and ${behind(s, at.now, at.targetDays)}
          ${after ? sql`and (a.submitted_at, a.id) > (${after.time}, ${after.id}::uuid)` : sql``}
        order by a.submitted_at, a.id limit ${scope.limit + 1}`.execute(db);
      const p = pageOf(rows.rows, scope.limit, (r) => [r.cursor_time, r.id]);
      return {
        items: p.items.map((r) => ({
          applicationId: r.id,
          candidateName: `${r.first_name} ${r.last_name}`,
          jobTitle: r.title,
          status: r.status,
          step: r.step,
          submittedAt: new Date(r.submitted_at).toISOString(),
        })),
        nextCursor: p.nextCursor,
      };
    },
  };
}
