import { type Kysely, sql } from 'kysely';
import type { QuestionHistory } from '../../core/feedback/feedback.rules.js';
import type { DB } from '../schema.js';

/**
 * What a candidate was asked: every scorecard of every application of the same candidate record
 * (a merge moves applications to the kept one), and how often the organisation has asked each of
 * the kit's questions. A cancelled interview asked nothing and seats nobody.
 */
export async function questionHistory(
  db: Kysely<DB>,
  orgId: string,
  candidateId: string,
  questionIds: string[],
): Promise<QuestionHistory> {
  const rows = await db
    .selectFrom('scorecards')
    .innerJoin('applications', 'applications.id', 'scorecards.application_id')
    .innerJoin('interviews', 'interviews.id', 'scorecards.interview_id')
    .select([
      'scorecards.interview_id',
      'scorecards.interviewer_id',
      'scorecards.round_key',
      'scorecards.content',
      'applications.plan',
      'interviews.starts_at',
    ])
    .where('scorecards.org_id', '=', orgId)
    .where('applications.candidate_id', '=', candidateId)
    .where('interviews.status', '<>', 'cancelled')
    .execute();
  const counts = await sql<{ id: string; times: number }>`
    select q.id, count(*)::int as times
    from scorecards s
    join interviews i on i.id = s.interview_id and i.status <> 'cancelled'
    cross join lateral jsonb_array_elements_text(s.content -> 'askedQuestionIds') as q(id)
    where s.org_id = ${orgId} and s.content ? 'askedQuestionIds' and q.id = any(${questionIds}::text[])
    group by q.id`.execute(db);
  return {
    scorecards: rows.map((r) => ({
      interviewId: r.interview_id,
      interviewerId: r.interviewer_id,
      roundType: r.plan.find((round) => round.key === r.round_key)?.roundType ?? null,
      startsAt: r.starts_at,
      asked: r.content.askedQuestionIds ?? [],
    })),
    timesAsked: new Map(counts.rows.map((c) => [c.id, c.times])),
  };
}
