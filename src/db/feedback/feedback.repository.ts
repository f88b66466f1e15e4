import { type Kysely, type Selectable, sql } from 'kysely';
import type { FeedbackRepository } from '../../core/feedback/feedback.port.js';
import type { Clock } from '../../core/shared/ports.js';
import type { Scorecard } from '../../core/shared/types.js';
import { given, json } from '../columns.js';
import type { DB } from '../schema.js';

export function toScorecard(row: Selectable<DB['scorecards']>): Scorecard {
  return {
    id: row.id,
    orgId: row.org_id,
    interviewId: row.interview_id,
    applicationId: row.application_id,
    roundKey: row.round_key,
    interviewerId: row.interviewer_id,
    status: row.status as Scorecard['status'],
    revision: row.revision,
    content: row.content,
    dueAt: row.due_at,
    submittedAt: row.submitted_at,
    reminderStage: row.reminder_stage,
    version: row.version,
  };
}

export function feedbackRepository(trx: Kysely<DB>, clock: Clock): FeedbackRepository {
  return {
    async insertScorecard(c) {
      await trx
        .insertInto('scorecards')
        .values({
          id: c.id,
          org_id: c.orgId,
          interview_id: c.interviewId,
          application_id: c.applicationId,
          round_key: c.roundKey,
          interviewer_id: c.interviewerId,
          status: c.status,
          revision: c.revision,
          content: JSON.stringify(c.content),
          due_at: c.dueAt,
          reminder_stage: c.reminderStage,
          updated_at: clock.now(),
        })
        .execute();
    },
    async lockScorecard(orgId, interviewId, interviewerId) {
      const row = await trx
        .selectFrom('scorecards')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('interview_id', '=', interviewId)
        .where('interviewer_id', '=', interviewerId)
        .forUpdate()
        .executeTakeFirst();
      return row ? toScorecard(row) : null;
    },
    async updateScorecard(orgId, id, change) {
      const row = await trx
        .updateTable('scorecards')
        .set({
          ...given({
            status: change.status,
            revision: change.revision,
            content: json(change.content),
            submitted_at: change.submittedAt,
            reminder_stage: change.reminderStage,
          }),
          version: sql<number>`version + 1`,
          updated_at: clock.now(),
        })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toScorecard(row);
    },
    async addRevision(r) {
      await trx
        .insertInto('scorecard_revisions')
        .values({
          scorecard_id: r.scorecardId,
          revision: r.revision,
          content: JSON.stringify(r.content),
          reason: r.reason,
          created_at: r.at,
        })
        .execute();
    },
    async roundFeedback(orgId, applicationId, roundKey) {
      const rows = await trx
        .selectFrom('scorecards')
        .select(['interviewer_id', 'status', 'content'])
        .where('org_id', '=', orgId)
        .where('application_id', '=', applicationId)
        .where('round_key', '=', roundKey)
        .execute();
      return rows.map((r) => ({
        interviewerId: r.interviewer_id,
        status: r.status as Scorecard['status'],
        recommendation: r.status === 'submitted' ? r.content.recommendation : null,
      }));
    },
    async awaitingReminder(now, limit) {
      // Only open applications are chased; the partial index keeps this sweep cheap.
      const rows = await trx
        .selectFrom('scorecards')
        .innerJoin('applications', 'applications.id', 'scorecards.application_id')
        .selectAll('scorecards')
        .select('applications.team_id')
        .where('scorecards.status', '<>', 'submitted')
        .where('scorecards.reminder_stage', '<', 3)
        .where('scorecards.due_at', '<=', new Date(now.getTime() + 86_400_000))
        .where('applications.status', '=', 'active')
        .orderBy('scorecards.due_at')
        .limit(limit)
        .forUpdate()
        .execute();
      return rows.map((r) => ({ ...toScorecard(r), teamId: r.team_id }));
    },
    async upsertVote(v) {
      const values = { vote: v.vote, note: v.note, voted_at: v.at };
      await trx
        .insertInto('committee_votes')
        .values({
          org_id: v.orgId,
          application_id: v.applicationId,
          round_key: v.roundKey,
          voter_id: v.voterId,
          ...values,
        })
        .onConflict((oc) => oc.columns(['application_id', 'round_key', 'voter_id']).doUpdateSet(values))
        .execute();
    },
    async roundVotes(orgId, applicationId, roundKey) {
      const rows = await trx
        .selectFrom('committee_votes')
        .select(['voter_id', 'vote'])
        .where('org_id', '=', orgId)
        .where('application_id', '=', applicationId)
        .where('round_key', '=', roundKey)
        .orderBy('voted_at')
        .execute();
      return rows.map((r) => ({ voterId: r.voter_id, vote: r.vote as 'advance' | 'reject' }));
    },
  };
}
