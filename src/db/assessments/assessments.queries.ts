import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';

/** Assessments as the API shows them: to the candidate behind their link, and to the hiring team. */
export function assessmentsQueries(db: Kysely<DB>) {
  const base = () =>
    db
      .selectFrom('assessments as a')
      .innerJoin('applications as ap', 'ap.id', 'a.application_id')
      .innerJoin('jobs as j', 'j.id', 'ap.job_id')
      .innerJoin('orgs as o', 'o.id', 'a.org_id')
      .select([
        'a.id',
        'a.application_id',
        'a.items',
        'a.duration_minutes',
        'a.start_by',
        'a.started_at',
        'a.deadline_at',
        'a.submitted_at',
        'a.score_percent',
        'a.created_at',
        'j.title as job_title',
        'o.name as company_name',
      ]);

  return {
    byToken: (tokenHash: string) => base().where('a.token_hash', '=', tokenHash).executeTakeFirst(),
    byId: (orgId: string, id: string) =>
      base().where('a.org_id', '=', orgId).where('a.id', '=', id).executeTakeFirst(),
    ofApplication: (orgId: string, applicationId: string) =>
      base()
        .where('a.org_id', '=', orgId)
        .where('a.application_id', '=', applicationId)
        .orderBy('a.created_at', 'desc')
        .execute(),

    answers: (assessmentId: string) =>
      db
        .selectFrom('assessment_answers as a')
        .leftJoin('attachments as f', 'f.id', 'a.attachment_id')
        .selectAll('a')
        .select(['f.filename', 'f.size_bytes'])
        .where('a.assessment_id', '=', assessmentId)
        .orderBy('a.item_index')
        .execute(),

    timeline: (assessmentId: string) =>
      db
        .selectFrom('assessment_events')
        .select(['at', 'kind', 'item_index', 'detail'])
        .where('assessment_id', '=', assessmentId)
        .orderBy('seq')
        .execute(),

    /** A case study's deliverable, for the hiring team to download. */
    deliverable: (orgId: string, assessmentId: string, itemIndex: number) =>
      db
        .selectFrom('assessment_answers as a')
        .innerJoin('attachments as f', 'f.id', 'a.attachment_id')
        .select(['f.filename', 'f.content_type', 'f.data'])
        .where('f.org_id', '=', orgId)
        .where('a.assessment_id', '=', assessmentId)
        .where('a.item_index', '=', itemIndex)
        .executeTakeFirst(),

    /** Whether the user interviews (or interviewed) the candidate of this application. */
    async interviewsOn(orgId: string, userId: string, applicationId: string) {
      const interview = await db
        .selectFrom('interviews')
        .select('id')
        .where('org_id', '=', orgId)
        .where('application_id', '=', applicationId)
        .where((eb) => eb(eb.val(userId), '=', eb.fn.any('interviewer_ids')))
        .executeTakeFirst();
      return interview !== undefined;
    },
  };
}

export type AssessmentsQueries = ReturnType<typeof assessmentsQueries>;
export type AssessmentView = NonNullable<Awaited<ReturnType<AssessmentsQueries['byId']>>>;
export type AnswerView = Awaited<ReturnType<AssessmentsQueries['answers']>>[number];
export type TimelineView = Awaited<ReturnType<AssessmentsQueries['timeline']>>[number];
