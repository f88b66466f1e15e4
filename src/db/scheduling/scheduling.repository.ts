import { type Kysely, type Selectable, sql } from 'kysely';
import type { SchedulingRepository } from '../../core/scheduling/scheduling.port.js';
import type { Clock } from '../../core/shared/ports.js';
import type { ApplicationStatus, BookedInterview, SchedulingLink } from '../../core/shared/types.js';
import type { DB } from '../schema.js';

export function schedulingRepository(trx: Kysely<DB>, clock: Clock): SchedulingRepository {
  return {
    async insertInterview(i, participantIds) {
      await trx
        .insertInto('interviews')
        .values({
          id: i.id,
          org_id: i.orgId,
          application_id: i.applicationId,
          round_key: i.roundKey,
          starts_at: i.startsAt,
          ends_at: i.endsAt,
          language: i.language,
          interviewer_ids: i.interviewerIds,
          video_url: i.videoUrl,
          language_confirmed_at: i.languageConfirmedAt,
          created_by: i.createdBy,
          created_at: clock.now(),
        })
        .execute();
      await holdTime(trx, i, participantIds);
    },
    async roundInterviews(orgId, applicationId, roundKey) {
      return trx
        .selectFrom('interviews')
        .select(['id', 'starts_at as startsAt'])
        .where('org_id', '=', orgId)
        .where('application_id', '=', applicationId)
        .where('round_key', '=', roundKey)
        .where('status', '=', 'scheduled')
        .execute();
    },
    async withInterviews(orgId, applicationIds) {
      if (applicationIds.length === 0) return new Set();
      const rows = await trx
        .selectFrom('interviews')
        .select('application_id')
        .distinct()
        .where('org_id', '=', orgId)
        .where('application_id', 'in', applicationIds)
        .where('status', '=', 'scheduled')
        .execute();
      return new Set(rows.map((r) => r.application_id));
    },
    async upcoming(orgId, applicationId, after) {
      // An interview with submitted feedback is kept when the application ends: the feedback is
      // the record that it took place, whatever its booked start says.
      const rows = await trx
        .selectFrom('interviews')
        .select('id')
        .where('org_id', '=', orgId)
        .where('application_id', '=', applicationId)
        .where('status', '=', 'scheduled')
        .where('starts_at', '>', after)
        .where(({ exists, not, selectFrom }) =>
          not(
            exists(
              selectFrom('scorecards')
                .select('scorecards.id')
                .whereRef('scorecards.interview_id', '=', 'interviews.id')
                .where('scorecards.status', '=', 'submitted'),
            ),
          ),
        )
        .execute();
      return rows.map((r) => r.id);
    },
    async lockInterview(orgId, id) {
      const row = await bookedInterviews(trx)
        .where('interviews.org_id', '=', orgId)
        .where('interviews.id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      return row ? toBookedInterview(row) : null;
    },
    async moveInterview(orgId, id, change) {
      await trx
        .updateTable('interviews')
        .set({
          starts_at: change.startsAt,
          ends_at: change.endsAt,
          change_reason: change.reason,
          sequence: sql<number>`sequence + 1`,
          version: sql<number>`version + 1`,
        })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .execute();
      await trx.deleteFrom('interview_holds').where('interview_id', '=', id).execute();
      await holdTime(trx, { id, orgId, ...change }, change.participantIds);
      const row = await bookedInterviews(trx).where('interviews.id', '=', id).executeTakeFirstOrThrow();
      return toBookedInterview(row);
    },
    async cancelInterview(orgId, id, reason) {
      await trx
        .updateTable('interviews')
        .set({
          status: 'cancelled',
          change_reason: reason,
          sequence: sql<number>`sequence + 1`,
          version: sql<number>`version + 1`,
        })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .execute();
      await trx.deleteFrom('interview_holds').where('interview_id', '=', id).execute();
      const row = await bookedInterviews(trx).where('interviews.id', '=', id).executeTakeFirstOrThrow();
      return toBookedInterview(row);
    },
    async restoreInterview(orgId, id) {
      await trx
        .updateTable('interviews')
        .set({
          status: 'scheduled',
          change_reason: null,
          sequence: sql<number>`sequence + 1`,
          version: sql<number>`version + 1`,
        })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .execute();
      const restored = toBookedInterview(
        await bookedInterviews(trx).where('interviews.id', '=', id).executeTakeFirstOrThrow(),
      );
      await holdTime(trx, restored, [...restored.interviewerIds, restored.candidateId]);
      return restored;
    },
    async dropOpenScorecards(interviewId) {
      await trx
        .deleteFrom('scorecards')
        .where('interview_id', '=', interviewId)
        .where('status', '<>', 'submitted')
        .execute();
    },
    async setScorecardDue(interviewId, interviewerId, dueAt) {
      await trx
        .updateTable('scorecards')
        .set({ due_at: dueAt, reminder_stage: 0 })
        .where('interview_id', '=', interviewId)
        .where('interviewer_id', '=', interviewerId)
        .where('status', '<>', 'submitted')
        .execute();
    },
    async lockLink(tokenHash) {
      const row = await trx
        .selectFrom('scheduling_links')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .forUpdate()
        .executeTakeFirst();
      return row ? toSchedulingLink(row) : null;
    },
    async insertLink(link) {
      await trx
        .insertInto('scheduling_links')
        .values({
          id: link.id,
          token_hash: link.tokenHash,
          org_id: link.orgId,
          application_id: link.applicationId,
          round_key: link.roundKey,
          interviewer_ids: link.interviewerIds,
          duration_minutes: link.durationMinutes,
          language: link.language,
          video_url: link.videoUrl,
          window_start: link.windowStart,
          window_end: link.windowEnd,
          interview_id: link.interviewId,
          created_by: link.createdBy,
          created_at: link.createdAt,
          expires_at: link.expiresAt,
        })
        .execute();
    },
    async markLinkBooked(linkId, interviewId) {
      await trx
        .updateTable('scheduling_links')
        .set({ interview_id: interviewId })
        .where('id', '=', linkId)
        .execute();
    },
    async interview(orgId, id) {
      const row = await bookedInterviews(trx)
        .where('interviews.org_id', '=', orgId)
        .where('interviews.id', '=', id)
        .executeTakeFirst();
      return row ? toBookedInterview(row) : null;
    },
    async linkPage(tokenHash) {
      const row = await trx
        .selectFrom('scheduling_links')
        .innerJoin('applications', 'applications.id', 'scheduling_links.application_id')
        .innerJoin('jobs', 'jobs.id', 'applications.job_id')
        .innerJoin('orgs', 'orgs.id', 'scheduling_links.org_id')
        .selectAll('scheduling_links')
        .select([
          'applications.candidate_id',
          'applications.plan',
          'applications.status as application_status',
          'jobs.title as job_title',
          'orgs.name as company_name',
        ])
        .where('scheduling_links.token_hash', '=', tokenHash)
        .executeTakeFirst();
      if (!row) return null;
      return {
        link: toSchedulingLink(row),
        candidateId: row.candidate_id,
        applicationStatus: row.application_status as ApplicationStatus,
        roundName: row.plan.find((r) => r.key === row.round_key)?.name ?? row.round_key,
        jobTitle: row.job_title,
        companyName: row.company_name,
      };
    },
    async toSchedule(orgId, scope, limit) {
      let query = trx
        .selectFrom('applications')
        .select('applications.id')
        .where('applications.org_id', '=', orgId)
        .where('applications.status', '=', 'active')
        .where(sql<boolean>`(applications.plan -> applications.stage_index ->> 'durationMinutes')::int > 0`)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('interviews')
                .select('interviews.id')
                .whereRef('interviews.application_id', '=', 'applications.id')
                .whereRef('interviews.round_key', '=', 'applications.current_round_key')
                .where('interviews.status', '=', 'scheduled'),
            ),
          ),
        )
        .orderBy('applications.submitted_at')
        .orderBy('applications.id')
        .limit(limit);
      if (scope.teamId) query = query.where('applications.team_id', '=', scope.teamId);
      if (scope.jobId) query = query.where('applications.job_id', '=', scope.jobId);
      return (await query.execute()).map((r) => r.id);
    },
    async applicationsToPlan(orgId, ids) {
      if (ids.length === 0) return [];
      const rows = await trx
        .selectFrom('applications')
        .innerJoin('jobs', 'jobs.id', 'applications.job_id')
        .innerJoin('candidates', 'candidates.id', 'applications.candidate_id')
        .innerJoin('orgs', 'orgs.id', 'applications.org_id')
        .select([
          'applications.id',
          'applications.status',
          'applications.plan',
          'applications.stage_index',
          'applications.candidate_id',
          'jobs.level',
          'jobs.team_id',
          'candidates.timezone',
          'candidates.language',
          'orgs.default_timezone',
          'orgs.default_language',
        ])
        .where('applications.org_id', '=', orgId)
        .where('applications.id', 'in', ids)
        .execute();
      return rows.map((a) => ({
        id: a.id,
        status: a.status as ApplicationStatus,
        plan: a.plan,
        stageIndex: a.stage_index,
        candidateId: a.candidate_id,
        level: a.level,
        teamId: a.team_id,
        timezone: a.timezone ?? a.default_timezone,
        language: a.language ?? a.default_language,
      }));
    },
  };
}

/** Holds [startsAt, endsAt) for each participant; the exclusion constraint refuses any overlap. */
async function holdTime(
  trx: Kysely<DB>,
  interview: { id: string; orgId: string; startsAt: Date; endsAt: Date },
  participantIds: string[],
) {
  if (participantIds.length === 0) return;
  await trx
    .insertInto('interview_holds')
    .values(
      [...new Set(participantIds)].map((participant) => ({
        interview_id: interview.id,
        org_id: interview.orgId,
        participant_id: participant,
        during: sql<string>`tstzrange(${interview.startsAt}, ${interview.endsAt}, '[)')`,
      })),
    )
    .execute();
}

/** Interviews with the candidate they are with. */
export const bookedInterviews = (db: Kysely<DB>) =>
  db
    .selectFrom('interviews')
    .innerJoin('applications', 'applications.id', 'interviews.application_id')
    .selectAll('interviews')
    .select('applications.candidate_id');

export function toBookedInterview(
  row: Selectable<DB['interviews']> & { candidate_id: string },
): BookedInterview {
  return {
    id: row.id,
    orgId: row.org_id,
    applicationId: row.application_id,
    roundKey: row.round_key,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    language: row.language,
    interviewerIds: row.interviewer_ids,
    videoUrl: row.video_url,
    candidateId: row.candidate_id,
    status: row.status,
    changeReason: row.change_reason,
    sequence: row.sequence,
    version: row.version,
  };
}

function toSchedulingLink(row: Selectable<DB['scheduling_links']>): SchedulingLink {
  return {
    id: row.id,
    orgId: row.org_id,
    applicationId: row.application_id,
    roundKey: row.round_key,
    interviewerIds: row.interviewer_ids,
    durationMinutes: row.duration_minutes,
    language: row.language,
    videoUrl: row.video_url,
    windowStart: row.window_start,
    windowEnd: row.window_end,
    interviewId: row.interview_id,
    expiresAt: row.expires_at,
    createdBy: row.created_by,
  };
}
