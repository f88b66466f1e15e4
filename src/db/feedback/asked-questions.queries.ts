import { type Kysely, sql } from 'kysely';
import type { InterviewKit, KitProposal } from '../../contracts/kits.js';
import { bankLevelOf, interviewerSeat, proposeQuestions } from '../../core/feedback/feedback.rules.js';
import type { DB } from '../schema.js';

/**
 * The questions a kit proposes to one reader of one interview, from what the candidate was asked
 * in their other interviews (every application of the same candidate record, which a merge moves
 * to the kept one) and how often the organisation has asked each. A cancelled interview asked
 * nothing and seats nobody.
 */
export async function kitProposal(
  db: Kysely<DB>,
  at: {
    orgId: string;
    interviewId: string;
    candidateId: string;
    roundType: string;
    jobLevel: string;
    readerId: string;
  },
  kit: InterviewKit,
): Promise<KitProposal> {
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
    .where('scorecards.org_id', '=', at.orgId)
    .where('applications.candidate_id', '=', at.candidateId)
    .where('interviews.status', '<>', 'cancelled')
    .execute();
  const questionIds = kit.questions.map((q) => q.id);
  const counts = await sql<{ id: string; times: number }>`
    select q.id, count(*)::int as times
    from scorecards s
    join interviews i on i.id = s.interview_id and i.status <> 'cancelled'
    cross join lateral jsonb_array_elements_text(s.content -> 'askedQuestionIds') as q(id)
    where s.org_id = ${at.orgId} and s.content ? 'askedQuestionIds' and q.id = any(${questionIds}::text[])
    group by q.id`.execute(db);
  const asked = (content: { askedQuestionIds?: string[] }) => content.askedQuestionIds ?? [];
  const here = rows.filter((r) => r.interview_id === at.interviewId && r.interviewer_id === at.readerId);
  const elsewhere = new Set(
    rows
      .filter((r) => !(r.interview_id === at.interviewId && r.interviewer_id === at.readerId))
      .flatMap((r) => asked(r.content)),
  );
  const sameType = rows.filter(
    (r) => r.plan.find((round) => round.key === r.round_key)?.roundType === at.roundType,
  );
  const level = bankLevelOf(at.jobLevel);
  return {
    level,
    questionIds: proposeQuestions({
      questions: kit.questions,
      level,
      askedElsewhere: elsewhere,
      timesAsked: new Map(counts.rows.map((c) => [c.id, c.times])),
      candidateId: at.candidateId,
      seat: interviewerSeat(
        sameType.map((r) => ({ interviewerId: r.interviewer_id, startsAt: r.starts_at })),
        at.readerId,
      ),
    }),
    askedElsewhereIds: questionIds.filter((id) => elsewhere.has(id)),
    askedHereIds: here.flatMap((r) => asked(r.content)),
  };
}
