import type { Kysely, Selectable } from 'kysely';
import type { ScorecardContent } from '../../contracts/kits.js';
import type { EvidenceGap } from '../../contracts/vocabulary.js';
import type { Catalog } from '../../core/shared/ports.js';
import type { ApplicationStatus } from '../../core/shared/types.js';
import { resumeUnread } from '../candidates/candidates.queries.js';
import type { DB } from '../schema.js';
import { questionHistory } from './asked-questions.queries.js';

const iso = (d: Date) => d.toISOString();
type InterviewRow = Selectable<DB['interviews']>;

/**
 * Read models for interviews and feedback. Who may see what is decided by the caller; the panel's
 * majority, the committee's consensus and the interviewer insights are computed in the core.
 */
export function feedbackQueries(db: Kysely<DB>, catalog: Catalog) {
  const presentInterview = (row: InterviewRow, name: string) => ({
    id: row.id,
    applicationId: row.application_id,
    roundKey: row.round_key,
    roundName: name,
    startsAt: iso(row.starts_at),
    endsAt: iso(row.ends_at),
    language: row.language,
    interviewerIds: row.interviewer_ids,
    status: row.status,
    changeReason: row.change_reason,
  });
  const hidePrivate = (content: ScorecardContent, showPrivate: boolean) => {
    if (showPrivate) return content;
    const { privateNote: _hidden, ...rest } = content;
    return rest;
  };

  return {
    async interview(orgId: string, id: string) {
      return (
        (await db
          .selectFrom('interviews')
          .selectAll()
          .where('org_id', '=', orgId)
          .where('id', '=', id)
          .executeTakeFirst()) ?? null
      );
    },

    async interviewsForApplication(orgId: string, applicationId: string) {
      const rows = await db
        .selectFrom('interviews')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('application_id', '=', applicationId)
        .orderBy('starts_at')
        .execute();
      if (rows.length === 0) return [];
      const { plan } = await db
        .selectFrom('applications')
        .select('plan')
        .where('id', '=', applicationId)
        .executeTakeFirstOrThrow();
      return rows.map((r) =>
        presentInterview(r, plan.find((round) => round.key === r.round_key)?.name ?? r.round_key),
      );
    },

    /** An interviewer's own interviews, with the time zone they read them in. */
    async myInterviews(orgId: string, userId: string) {
      const [user, rows] = await Promise.all([
        db.selectFrom('users').select('timezone').where('id', '=', userId).executeTakeFirstOrThrow(),
        db
          .selectFrom('scorecards')
          .innerJoin('interviews', 'interviews.id', 'scorecards.interview_id')
          .innerJoin('applications', 'applications.id', 'scorecards.application_id')
          .innerJoin('candidates', 'candidates.id', 'applications.candidate_id')
          .innerJoin('jobs', 'jobs.id', 'applications.job_id')
          .selectAll('interviews')
          .select([
            'scorecards.status as scorecard_status',
            'scorecards.due_at',
            'candidates.first_name',
            'candidates.last_name',
            'jobs.title as job_title',
            'applications.plan',
          ])
          .where('scorecards.org_id', '=', orgId)
          .where('scorecards.interviewer_id', '=', userId)
          .orderBy('interviews.starts_at')
          .execute(),
      ]);
      return {
        timezone: user.timezone ?? 'UTC',
        items: rows.map((r) => ({
          ...presentInterview(r, r.plan.find((p) => p.key === r.round_key)?.name ?? r.round_key),
          candidateName: `${r.first_name} ${r.last_name}`,
          jobTitle: r.job_title,
          scorecardStatus: r.scorecard_status as 'pending' | 'draft' | 'submitted',
          feedbackDueAt: iso(r.due_at),
        })),
      };
    },

    /**
     * The kit of one interview with the candidate's resume, and what the candidate was asked, from
     * which the caller proposes questions.
     */
    async kit(orgId: string, interviewId: string) {
      const row = await db
        .selectFrom('interviews')
        .innerJoin('applications', 'applications.id', 'interviews.application_id')
        .innerJoin('candidates', 'candidates.id', 'applications.candidate_id')
        .innerJoin('jobs', 'jobs.id', 'applications.job_id')
        .selectAll('interviews')
        .select([
          'applications.plan',
          'applications.status as application_status',
          'candidates.id as candidate_id',
          'candidates.first_name',
          'candidates.last_name',
          'candidates.resume_text',
          'jobs.title',
          'jobs.level',
        ])
        .where('interviews.org_id', '=', orgId)
        .where('interviews.id', '=', interviewId)
        .executeTakeFirst();
      if (!row) return null;
      const round = row.plan.find((r) => r.key === row.round_key)!;
      const kit = catalog.interviewKit(round.roundType) ?? null;
      const history =
        kit &&
        (await questionHistory(
          db,
          orgId,
          row.candidate_id,
          kit.questions.map((q) => q.id),
        ));
      return {
        interview: presentInterview(row, round.name),
        candidate: {
          id: row.candidate_id,
          name: `${row.first_name} ${row.last_name}`,
          resumeText: row.resume_text,
          resumeUnread: await resumeUnread(db, { id: row.candidate_id, resume_text: row.resume_text }),
        },
        jobTitle: row.title,
        applicationStatus: row.application_status as ApplicationStatus,
        round: {
          key: round.key,
          name: round.name,
          roundType: round.roundType,
          durationMinutes: round.durationMinutes,
          format: round.format,
        },
        kit,
        history,
        jobLevel: row.level,
      };
    },

    /** Where this person's own feedback on the application stands: it decides what else they may read. */
    async ownFeedbackState(
      orgId: string,
      applicationId: string,
      userId: string,
    ): Promise<'none' | 'pending' | 'submitted'> {
      const rows = await db
        .selectFrom('scorecards')
        .select('status')
        .where('org_id', '=', orgId)
        .where('application_id', '=', applicationId)
        .where('interviewer_id', '=', userId)
        .execute();
      if (rows.length === 0) return 'none';
      return rows.every((r) => r.status === 'submitted') ? 'submitted' : 'pending';
    },

    async scorecards(
      orgId: string,
      applicationId: string,
      filter: { onlyInterviewerId?: string; showPrivate: boolean },
    ) {
      let query = db
        .selectFrom('scorecards')
        .innerJoin('users', 'users.id', 'scorecards.interviewer_id')
        .selectAll('scorecards')
        .select('users.name as interviewer_name')
        .where('scorecards.org_id', '=', orgId)
        .where('scorecards.application_id', '=', applicationId);
      if (filter.onlyInterviewerId)
        query = query.where('scorecards.interviewer_id', '=', filter.onlyInterviewerId);
      const rows = await query.orderBy('scorecards.due_at').orderBy('scorecards.id').execute();
      const revisions = rows.length
        ? await db
            .selectFrom('scorecard_revisions')
            .selectAll()
            .where(
              'scorecard_id',
              'in',
              rows.map((r) => r.id),
            )
            .orderBy('revision')
            .execute()
        : [];
      const total = filter.onlyInterviewerId
        ? await db
            .selectFrom('scorecards')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('org_id', '=', orgId)
            .where('application_id', '=', applicationId)
            .executeTakeFirstOrThrow()
        : { n: rows.length };
      return {
        items: rows.map((r) => ({
          id: r.id,
          interviewId: r.interview_id,
          applicationId: r.application_id,
          roundKey: r.round_key,
          interviewerId: r.interviewer_id,
          interviewerName: r.interviewer_name,
          status: r.status as 'pending' | 'draft' | 'submitted',
          revision: r.revision,
          content: hidePrivate(
            r.content,
            filter.showPrivate || r.interviewer_id === filter.onlyInterviewerId,
          ),
          dueAt: iso(r.due_at),
          submittedAt: r.submitted_at ? iso(r.submitted_at) : null,
          late: r.submitted_at ? r.submitted_at > r.due_at : false,
          version: r.version,
          revisions: revisions
            .filter((v) => v.scorecard_id === r.id)
            .map((v) => ({
              revision: v.revision,
              content: hidePrivate(
                v.content,
                filter.showPrivate || r.interviewer_id === filter.onlyInterviewerId,
              ),
              reason: v.reason,
              at: iso(v.created_at),
            })),
        })),
        othersHidden: Number(total.n) > rows.length,
      };
    },

    /** A round's scorecards, committee votes and decision, beside the application's plan. */
    async debrief(orgId: string, applicationId: string, roundKey: string) {
      const app = await db
        .selectFrom('applications')
        .select('plan')
        .where('org_id', '=', orgId)
        .where('id', '=', applicationId)
        .executeTakeFirst();
      if (!app) return null;
      const [cards, votes, decision] = await Promise.all([
        db
          .selectFrom('scorecards')
          .innerJoin('users', 'users.id', 'scorecards.interviewer_id')
          .selectAll('scorecards')
          .select('users.name')
          .where('scorecards.org_id', '=', orgId)
          .where('scorecards.application_id', '=', applicationId)
          .where('scorecards.round_key', '=', roundKey)
          .execute()
          .then((rows) => rows.sort((a, b) => a.name.localeCompare(b.name))),
        db
          .selectFrom('committee_votes')
          .innerJoin('users', 'users.id', 'committee_votes.voter_id')
          .select(['committee_votes.voter_id', 'committee_votes.vote', 'committee_votes.note', 'users.name'])
          .where('committee_votes.application_id', '=', applicationId)
          .where('committee_votes.round_key', '=', roundKey)
          .orderBy('committee_votes.voted_at')
          .execute(),
        db
          .selectFrom('round_decisions')
          .selectAll()
          .where('application_id', '=', applicationId)
          .where('round_key', '=', roundKey)
          .executeTakeFirst(),
      ]);
      return {
        plan: app.plan,
        cards: cards.map((c) => ({
          interviewerId: c.interviewer_id,
          name: c.name,
          status: c.status as 'pending' | 'draft' | 'submitted',
          content: c.content,
          late: c.submitted_at ? c.submitted_at > c.due_at : false,
        })),
        votes: votes.map((v) => ({
          voterId: v.voter_id,
          name: v.name,
          vote: v.vote as 'advance' | 'reject',
          note: v.note,
        })),
        decision: decision
          ? {
              decision: decision.decision as 'advance' | 'reject',
              rationale: decision.rationale,
              againstMajority: decision.against_majority,
              missingFeedback: decision.missing_feedback,
              override: decision.override_reason
                ? { reason: decision.override_reason, gaps: decision.evidence_gaps as EvidenceGap[] }
                : null,
            }
          : null,
      };
    },

    holidays: (orgId: string) =>
      db
        .selectFrom('org_holidays')
        .select(['day', 'name'])
        .where('org_id', '=', orgId)
        .orderBy('day')
        .execute(),

    /** Every scorecard of the organisation with its interviewer and its round's decision, for the insights. */
    async insightCards(orgId: string) {
      const cards = await db
        .selectFrom('scorecards')
        .innerJoin('users', 'users.id', 'scorecards.interviewer_id')
        .leftJoin('round_decisions', (join) =>
          join
            .onRef('round_decisions.application_id', '=', 'scorecards.application_id')
            .onRef('round_decisions.round_key', '=', 'scorecards.round_key'),
        )
        .select([
          'scorecards.interviewer_id',
          'users.name',
          'scorecards.application_id',
          'scorecards.round_key',
          'scorecards.status',
          'scorecards.content',
          'scorecards.due_at',
          'scorecards.submitted_at',
          'round_decisions.decision',
        ])
        .where('scorecards.org_id', '=', orgId)
        .execute();
      return cards.map((c) => ({
        interviewerId: c.interviewer_id,
        name: c.name,
        panel: `${c.application_id}/${c.round_key}`,
        status: c.status as 'pending' | 'draft' | 'submitted',
        recommendation: c.content.recommendation,
        dueAt: c.due_at,
        submittedAt: c.submitted_at,
        decision: c.decision as 'advance' | 'reject' | null,
      }));
    },
  };
}
