import { type Kysely, sql } from 'kysely';
import type { Rating } from '../../contracts/kits.js';
import type { ProcessDefinition } from '../../contracts/process-template.js';
import type { ListFilter } from '../../contracts/views.js';
import type { EvidenceGap } from '../../contracts/vocabulary.js';
import { needsKit } from '../../core/feedback/feedback.rules.js';
import type { PlannedRound } from '../../core/shared/types.js';
import type {
  DecisionScope,
  OverriddenDecision,
  QueuedRound,
} from '../../core/workspace/list-decision-queue.js';
import type { DB } from '../schema.js';
import { all, applicationConditions, candidateConditions } from '../tags/filters.js';

const CARDS_PER_COLUMN = 20;
/** The overrides of a month the decision queue lists; the reports count them all. */
const OVERRIDES_SHOWN = 50;
const endedColumns = ['queued', 'hired', 'rejected', 'withdrawn', 'closed'] as const;
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

type CardRow = {
  id: string;
  col: string;
  submitted_at: Date;
  entered_at: Date;
  name: string;
  round_type: string | null;
  owner_name: string | null;
  booked: string;
  upcoming: string;
  expected: string;
  submitted: string;
  yes: string;
  no: string;
};

/** Where a round's interviews stand: none held with the candidate, to book, booked, feedback due, complete. */
function interviewState(card: CardRow) {
  if (!card.round_type || !needsKit(card.round_type)) return 'none' as const;
  if (Number(card.booked) === 0) return 'to_book' as const;
  if (Number(card.upcoming) > 0) return 'booked' as const;
  return Number(card.submitted) < Number(card.expected) ? ('feedback_due' as const) : ('complete' as const);
}

/**
 * The applications `a` in a decider's queue: active, on a current round the decider decides, with
 * evidence to weigh or on its way (a booked interview, a scorecard or a committee vote).
 */
export const inDecisionQueue = (orgId: string, scope: DecisionScope) => sql<boolean>`(
  a.org_id = ${orgId} and a.status = 'active' and a.current_round_key is not null
  and ((a.team_id = any(${scope.managedTeamIds}::uuid[])
        and (a.plan -> a.stage_index ->> 'decidedBy') = 'hiring_manager')
       or (a.plan -> a.stage_index ->> 'decidedBy') = any(${scope.deciders}::text[]))
  and (exists (select 1 from interviews i where i.org_id = a.org_id and i.application_id = a.id
                 and i.round_key = a.current_round_key and i.status = 'scheduled')
       or exists (select 1 from scorecards s where s.org_id = a.org_id and s.application_id = a.id
                    and s.round_key = a.current_round_key)
       or exists (select 1 from committee_votes v where v.application_id = a.id
                    and v.round_key = a.current_round_key)))`;

/** Read models for the staff screens: the pipeline board and the decision queue. */
export function workspaceQueries(db: Kysely<DB>) {
  return {
    /**
     * A job's board: one column per round of its process (and any round added to one application),
     * then offer and the ended states, each with its count and its oldest cards.
     */
    async pipeline(orgId: string, jobId: string, now: Date, filter: ListFilter = {}) {
      const job = await db
        .selectFrom('jobs')
        .innerJoin('processes', 'processes.id', 'jobs.process_id')
        .select(['jobs.id', 'jobs.title', 'processes.definition'])
        .where('jobs.org_id', '=', orgId)
        .where('jobs.id', '=', jobId)
        .executeTakeFirst();
      if (!job) return null;
      const column = sql<string>`case when a.status = 'active' then coalesce(a.current_round_key, 'offer') else a.status end`;
      const matches = all([...applicationConditions(filter), ...candidateConditions(filter)]);
      const counts = await sql<{ col: string; n: string }>`
        select ${column} as col, count(*) as n from applications a join candidates c on c.id = a.candidate_id
        where a.org_id = ${orgId} and a.job_id = ${jobId} and ${matches} group by 1`.execute(db);
      // Each card says how long it has been in its column and where the round's evidence stands.
      const cards = await sql<CardRow>`
        select t.id, t.col, t.submitted_at, t.name, t.round_type, t.owner_name,
          coalesce((select max(d.decided_at) from round_decisions d where d.application_id = t.id), t.submitted_at) as entered_at,
          (select count(*) from interviews i where i.application_id = t.id and i.round_key = t.round_key
             and i.status = 'scheduled') as booked,
          (select count(*) from interviews i where i.application_id = t.id and i.round_key = t.round_key
             and i.status = 'scheduled' and i.ends_at > ${now}) as upcoming,
          (select count(*) from scorecards s join interviews i on i.id = s.interview_id and i.status = 'scheduled'
             where s.application_id = t.id and s.round_key = t.round_key) as expected,
          (select count(*) filter (where s.status = 'submitted') from scorecards s
             where s.application_id = t.id and s.round_key = t.round_key) as submitted,
          (select count(*) from scorecards s where s.application_id = t.id and s.round_key = t.round_key
             and s.status = 'submitted' and s.content ->> 'recommendation' in ('yes', 'strong_yes')) as yes,
          (select count(*) from scorecards s where s.application_id = t.id and s.round_key = t.round_key
             and s.status = 'submitted' and s.content ->> 'recommendation' in ('no', 'strong_no')) as no
        from (
          select a.id, a.submitted_at, ${column} as col, c.first_name || ' ' || c.last_name as name,
                 a.current_round_key as round_key, a.plan -> a.stage_index ->> 'roundType' as round_type,
                 o.name as owner_name,
                 row_number() over (partition by ${column} order by a.submitted_at, a.id) as rn
          from applications a join candidates c on c.id = a.candidate_id
          left join users o on o.id = c.owner_id
          where a.org_id = ${orgId} and a.job_id = ${jobId} and ${matches}) t
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
              enteredAt: iso(card.entered_at)!,
              ownerName: card.owner_name,
              interviews: c.kind === 'round' ? interviewState(card) : null,
              panel: {
                submitted: Number(card.submitted),
                expected: Number(card.expected),
                yes: Number(card.yes),
                no: Number(card.no),
              },
            })),
        })),
        serverNow: now.toISOString(),
      };
    },

    /**
     * The current rounds in a decider's scope that have evidence to weigh or on its way: a booked
     * interview, a scorecard or a committee vote. Feedback counts every scorecard of the round, as
     * the decision itself does; cancelling an interview drops its open scorecards.
     */
    async decisionQueue(orgId: string, scope: DecisionScope, filter: ListFilter): Promise<QueuedRound[]> {
      const rows = await sql<{
        id: string;
        team_id: string;
        team_name: string;
        round: PlannedRound;
        name: string;
        job_title: string;
        interviews: string[];
        scorecards: { status: string; recommendation: Rating | null; submittedAt: string | null }[];
        votes: { vote: 'advance' | 'reject'; votedAt: string }[];
      }>`
        select a.id, a.team_id, t.name as team_name, a.plan -> a.stage_index as round,
               c.first_name || ' ' || c.last_name as name, j.title as job_title,
               coalesce((select json_agg(i.starts_at order by i.starts_at) from interviews i
                         where i.org_id = a.org_id and i.application_id = a.id
                           and i.round_key = a.current_round_key and i.status = 'scheduled'), '[]') as interviews,
               coalesce((select json_agg(json_build_object(
                           'status', s.status,
                           'recommendation', case when s.status = 'submitted' then s.content ->> 'recommendation' end,
                           'submittedAt', s.submitted_at) order by s.id)
                         from scorecards s
                         where s.org_id = a.org_id and s.application_id = a.id
                           and s.round_key = a.current_round_key), '[]') as scorecards,
               coalesce((select json_agg(json_build_object('vote', v.vote, 'votedAt', v.voted_at) order by v.voted_at)
                         from committee_votes v
                         where v.application_id = a.id and v.round_key = a.current_round_key), '[]') as votes
        from applications a
        join candidates c on c.id = a.candidate_id
        join jobs j on j.id = a.job_id
        join teams t on t.id = a.team_id
        where ${inDecisionQueue(orgId, scope)} and ${all([...applicationConditions(filter), ...candidateConditions(filter)])}`.execute(
        db,
      );
      return rows.rows.map((r) => ({
        applicationId: r.id,
        candidateName: r.name,
        jobTitle: r.job_title,
        teamId: r.team_id,
        teamName: r.team_name,
        round: r.round,
        interviews: r.interviews.map((at) => new Date(at)),
        scorecards: r.scorecards.map((s) => ({
          status: s.status,
          recommendation: s.recommendation,
          submittedAt: s.submittedAt === null ? null : new Date(s.submittedAt),
        })),
        votes: r.votes.map((v) => ({ vote: v.vote, votedAt: new Date(v.votedAt) })),
      }));
    },

    /**
     * Decisions taken without their evidence since `since`, on the rounds of a decider's scope
     * (any round of the teams they manage, for a hiring manager), newest first.
     */
    async decisionOverrides(orgId: string, scope: DecisionScope, since: Date): Promise<OverriddenDecision[]> {
      const rows = await sql<{
        application_id: string;
        name: string;
        job_title: string;
        round_key: string;
        round_name: string | null;
        decision: 'advance' | 'reject';
        override_reason: string;
        evidence_gaps: EvidenceGap[];
        decided_at: Date;
        decider_name: string;
      }>`
        select d.application_id, c.first_name || ' ' || c.last_name as name, j.title as job_title,
               d.round_key, r.round ->> 'name' as round_name, d.decision, d.override_reason,
               d.evidence_gaps, d.decided_at, u.name as decider_name
        from round_decisions d
        join applications a on a.id = d.application_id
        join candidates c on c.id = a.candidate_id
        join jobs j on j.id = a.job_id
        join users u on u.id = d.decided_by
        left join lateral (select x as round from jsonb_array_elements(a.plan) x
                           where x ->> 'key' = d.round_key limit 1) r on true
        where d.org_id = ${orgId} and d.override_reason is not null and d.decided_at >= ${since}
          and (a.team_id = any(${scope.managedTeamIds}::uuid[])
               or (r.round ->> 'decidedBy') = any(${scope.deciders}::text[]))
        order by d.decided_at desc, d.seq desc
        limit ${OVERRIDES_SHOWN}`.execute(db);
      return rows.rows.map((r) => ({
        applicationId: r.application_id,
        candidateName: r.name,
        jobTitle: r.job_title,
        roundKey: r.round_key,
        roundName: r.round_name ?? r.round_key,
        decision: r.decision,
        reason: r.override_reason,
        gaps: r.evidence_gaps,
        decidedAt: new Date(r.decided_at),
        deciderName: r.decider_name,
      }));
    },

    async deciderCalendar(orgId: string, userId: string) {
      const user = await db
        .selectFrom('users')
        .select('timezone')
        .where('org_id', '=', orgId)
        .where('id', '=', userId)
        .executeTakeFirst();
      const holidays = await db
        .selectFrom('org_holidays')
        .select('day')
        .where('org_id', '=', orgId)
        .execute();
      return { zone: user?.timezone ?? 'UTC', holidays: new Set(holidays.map((h) => h.day)) };
    },
  };
}
