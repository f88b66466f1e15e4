import { type Kysely, sql } from 'kysely';
import type { ProcessDefinition } from '../../contracts/process-template.js';
import { type Decider, steps as stepOrder } from '../../contracts/vocabulary.js';
import type { DB } from '../schema.js';

const CARDS_PER_COLUMN = 20;
const round1 = (n: unknown) => (n === null || n === undefined ? null : Math.round(Number(n) * 10) / 10);
const endedColumns = ['queued', 'hired', 'rejected', 'withdrawn', 'closed'] as const;
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The funnel's k-th position: a round of the job's process, or the offer that follows the last. */
const roundName = (rounds: { name: string }[], k: number) =>
  rounds[k]?.name ?? (k === rounds.length ? 'Offer' : `Round ${k + 1}`);

/** Read models for the staff screens: the pipeline board, the decision queue and the reports. */
export function workspaceQueries(db: Kysely<DB>) {
  return {
    /**
     * A job's board: one column per round of its process (and any round added to one application),
     * then offer and the ended states, each with its count and its oldest cards.
     */
    async pipeline(orgId: string, jobId: string) {
      const job = await db
        .selectFrom('jobs')
        .innerJoin('processes', 'processes.id', 'jobs.process_id')
        .select(['jobs.id', 'jobs.title', 'processes.definition'])
        .where('jobs.org_id', '=', orgId)
        .where('jobs.id', '=', jobId)
        .executeTakeFirst();
      if (!job) return null;
      const column = sql<string>`case when a.status = 'active' then coalesce(a.current_round_key, 'offer') else a.status end`;
      const counts = await sql<{ col: string; n: string }>`
        select ${column} as col, count(*) as n from applications a
        where a.org_id = ${orgId} and a.job_id = ${jobId} group by 1`.execute(db);
      const cards = await sql<{ id: string; col: string; submitted_at: Date; name: string }>`
        select id, col, submitted_at, name from (
          select a.id, a.submitted_at, ${column} as col, c.first_name || ' ' || c.last_name as name,
                 row_number() over (partition by ${column} order by a.submitted_at, a.id) as rn
          from applications a join candidates c on c.id = a.candidate_id
          where a.org_id = ${orgId} and a.job_id = ${jobId}) t
        where rn <= ${CARDS_PER_COLUMN} order by submitted_at, id`.execute(db);
      const countOf = new Map(counts.rows.map((r) => [r.col, Number(r.n)]));
      const definition = job.definition as ProcessDefinition;
      const columns: { key: string; name: string; kind: 'round' | 'offer' | 'ended' }[] = [
        ...definition.rounds.map((r) => ({ key: r.key, name: r.name, kind: 'round' as const })),
      ];
      for (const key of countOf.keys()) {
        const known =
          columns.some((c) => c.key === key) || key === 'offer' || endedColumns.some((e) => e === key);
        if (!known) columns.push({ key, name: key, kind: 'round' });
      }
      columns.push({ key: 'offer', name: 'Offer', kind: 'offer' });
      for (const key of endedColumns) {
        columns.push({ key, name: key[0]!.toUpperCase() + key.slice(1), kind: 'ended' });
      }
      return {
        jobId: job.id,
        jobTitle: job.title,
        columns: columns.map((c) => ({
          ...c,
          count: countOf.get(c.key) ?? 0,
          cards: cards.rows
            .filter((card) => card.col === c.key)
            .map((card) => ({
              applicationId: card.id,
              candidateName: card.name,
              submittedAt: iso(card.submitted_at)!,
            })),
        })),
      };
    },

    /**
     * Applications waiting for a decision this person makes (every round of the teams they manage,
     * and rounds that name one of their roles as decider) with interviews on the current
     * round; complete feedback first, then the longest waiting.
     */
    async decisionQueue(orgId: string, q: { managedTeamIds: string[]; deciders: Decider[]; limit: number }) {
      const rows = await sql<{
        id: string;
        round_key: string;
        round_name: string;
        name: string;
        job_title: string;
        submitted_at: Date;
        scorecards: string;
        submitted: string;
        last_feedback_at: Date | null;
        total: string;
      }>`
        select a.id, a.current_round_key as round_key, a.plan -> a.stage_index ->> 'name' as round_name,
               c.first_name || ' ' || c.last_name as name, j.title as job_title, a.submitted_at,
               count(s.id) as scorecards, count(s.id) filter (where s.status = 'submitted') as submitted,
               max(s.submitted_at) as last_feedback_at, count(*) over () as total
        from applications a
        join candidates c on c.id = a.candidate_id
        join jobs j on j.id = a.job_id
        join scorecards s on s.application_id = a.id and s.round_key = a.current_round_key
        join interviews i on i.id = s.interview_id and i.status = 'scheduled'
        where a.org_id = ${orgId} and a.status = 'active'
          and (a.team_id = any(${q.managedTeamIds}::uuid[])
               or (a.plan -> a.stage_index ->> 'decidedBy') = any(${q.deciders}::text[]))
        group by a.id, c.id, j.id
        order by count(s.id) filter (where s.status <> 'submitted') = 0 desc, max(s.submitted_at) nulls last, a.id
        limit ${q.limit}`.execute(db);
      return {
        total: Number(rows.rows[0]?.total ?? 0),
        items: rows.rows.map((r) => ({
          applicationId: r.id,
          candidateName: r.name,
          jobTitle: r.job_title,
          roundKey: r.round_key,
          roundName: r.round_name,
          scorecards: Number(r.scorecards),
          submitted: Number(r.submitted),
          lastFeedbackAt: iso(r.last_feedback_at),
        })),
      };
    },

    /**
     * The funnel: for each job, how many applications reached each round (an application at round
     * k, or one that ended at it, has reached rounds 0…k), and how many were hired.
     */
    async funnel(orgId: string, filter: { jobId?: string | undefined; teamId?: string | undefined }) {
      let query = db
        .selectFrom('applications')
        .select(['job_id', 'stage_index', 'status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('org_id', '=', orgId);
      if (filter.jobId) query = query.where('job_id', '=', filter.jobId);
      if (filter.teamId) query = query.where('team_id', '=', filter.teamId);
      const rows = await query.groupBy(['job_id', 'stage_index', 'status']).execute();
      const jobs = new Map<string, { reached: number[]; hired: number; total: number }>();
      for (const r of rows) {
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
            .innerJoin('processes', 'processes.id', 'jobs.process_id')
            .select(['jobs.id', 'jobs.title', 'processes.definition'])
            .where('jobs.id', 'in', [...jobs.keys()])
            .execute()
        : [];
      const jobNames = new Map(named.map((n) => [n.id, n]));
      return [...jobs.entries()].map(([jobId, j]) => ({
        jobId,
        jobTitle: jobNames.get(jobId)?.title ?? '',
        total: j.total,
        hired: j.hired,
        rounds: Array.from({ length: j.reached.length }, (_, k) => ({
          index: k,
          name: roundName(jobNames.get(jobId)?.definition.rounds ?? [], k),
          reached: j.reached[k] ?? 0,
          passThrough:
            k === 0 ? 1 : Math.round(((j.reached[k] ?? 0) / (j.reached[k - 1] || 1)) * 1000) / 1000,
        })),
      }));
    },

    /**
     * How long things take: days spent in each step (from one decision to the next), application to
     * first offer sent against the target (`targetDays`), and feedback handed in by its deadline.
     */
    async timing(
      orgId: string,
      filter: { jobId?: string | undefined; teamId?: string | undefined },
      at: { now: Date; targetDays: number },
    ) {
      const { now, targetDays } = at;
      const scope = sql`a.org_id = ${orgId}
        and (${filter.jobId ?? null}::uuid is null or a.job_id = ${filter.jobId ?? null}::uuid)
        and (${filter.teamId ?? null}::uuid is null or a.team_id = ${filter.teamId ?? null}::uuid)`;
      const steps = await sql<{ step: string; n: string; median: number; mean: number }>`
        select step, count(*) as n, percentile_cont(0.5) within group (order by days) as median, avg(days) as mean
        from (
          select (select r ->> 'step' from jsonb_array_elements(a.plan) r where r ->> 'key' = d.round_key limit 1) as step,
                 extract(epoch from d.decided_at - coalesce(
                   lag(d.decided_at) over (partition by d.application_id order by d.decided_at, d.seq), a.submitted_at)) / 86400 as days
          from round_decisions d join applications a on a.id = d.application_id
          where ${scope}) t
        where step is not null group by step`.execute(db);
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
          where ${scope} and o.sent_at is not null group by a.id, a.submitted_at) t`.execute(db);
      const pastTarget = await sql<{ n: string }>`
        select count(*) as n from applications a
        where ${scope} and a.status = 'active'
          and a.submitted_at < ${new Date(now.getTime() - targetDays * 86_400_000)}
          and not exists (select 1 from offers o where o.application_id = a.id and o.sent_at is not null)`.execute(
        db,
      );
      const feedback = await sql<{ submitted: string; on_time: string; overdue: string }>`
        select count(*) filter (where s.status = 'submitted') as submitted,
               count(*) filter (where s.status = 'submitted' and s.submitted_at <= s.due_at) as on_time,
               count(*) filter (where s.status <> 'submitted' and s.due_at < ${now}) as overdue
        from scorecards s join applications a on a.id = s.application_id
        join interviews i on i.id = s.interview_id and i.status = 'scheduled'
        where ${scope}`.execute(db);
      const overrides = await sql<{ team_id: string; team_name: string; n: string; overridden: string }>`
        select a.team_id, t.name as team_name, count(*) as n,
               count(*) filter (where d.override_reason is not null) as overridden
        from round_decisions d join applications a on a.id = d.application_id join teams t on t.id = a.team_id
        where ${scope} group by a.team_id, t.name order by t.name`.execute(db);
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
  };
}
