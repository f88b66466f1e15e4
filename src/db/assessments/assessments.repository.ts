import type { Kysely, Selectable } from 'kysely';
import type { Assessment, AssessmentsRepository } from '../../core/assessments/assessments.port.js';
import { programJson } from '../columns.js';
import type { DB } from '../schema.js';

const columns = [
  'a.id',
  'a.org_id',
  'a.application_id',
  'ap.candidate_id',
  'a.items',
  'a.duration_minutes',
  'a.start_by',
  'a.started_at',
  'a.deadline_at',
  'a.submitted_at',
  'a.score_percent',
] as const;

type Row = Pick<
  Selectable<DB['assessments']>,
  | 'id'
  | 'org_id'
  | 'application_id'
  | 'items'
  | 'duration_minutes'
  | 'start_by'
  | 'started_at'
  | 'deadline_at'
  | 'submitted_at'
  | 'score_percent'
> & { candidate_id: string };

const toAssessment = (row: Row): Assessment => ({
  id: row.id,
  orgId: row.org_id,
  applicationId: row.application_id,
  candidateId: row.candidate_id,
  items: row.items,
  durationMinutes: row.duration_minutes,
  startBy: row.start_by,
  startedAt: row.started_at,
  deadlineAt: row.deadline_at,
  submittedAt: row.submitted_at,
  scorePercent: row.score_percent,
});

/** Timed assessments: the link's row, the candidate's answers and the timeline beside them. */
export function assessmentsRepository(trx: Kysely<DB>): AssessmentsRepository {
  const assessments = () =>
    trx
      .selectFrom('assessments as a')
      .innerJoin('applications as ap', 'ap.id', 'a.application_id')
      .select(columns);

  return {
    async insert(a) {
      await trx
        .insertInto('assessments')
        .values({
          id: a.id,
          org_id: a.orgId,
          application_id: a.applicationId,
          token_hash: a.tokenHash,
          items: JSON.stringify(a.items),
          duration_minutes: a.durationMinutes,
          start_by: a.startBy,
          created_by: a.createdBy,
          created_at: a.createdAt,
        })
        .execute();
    },
    async lockByToken(tokenHash) {
      const row = await assessments().where('a.token_hash', '=', tokenHash).forUpdate('a').executeTakeFirst();
      return row ? toAssessment(row) : null;
    },
    async lock(id) {
      const row = await assessments().where('a.id', '=', id).forUpdate('a').executeTakeFirst();
      return row ? toAssessment(row) : null;
    },
    async overdue(before, limit) {
      const rows = await assessments()
        .where('a.submitted_at', 'is', null)
        .where('a.deadline_at', '<', before)
        .orderBy('a.deadline_at')
        .limit(limit)
        .execute();
      return rows.map(toAssessment);
    },
    async start(id, startedAt, deadlineAt) {
      await trx
        .updateTable('assessments')
        .set((eb) => ({ started_at: startedAt, deadline_at: deadlineAt, version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .execute();
    },
    async answers(id) {
      const rows = await trx
        .selectFrom('assessment_answers')
        .select(['item_index', 'language', 'code', 'attachment_id'])
        .where('assessment_id', '=', id)
        .orderBy('item_index')
        .execute();
      return rows.map((r) => ({
        itemIndex: r.item_index,
        language: r.language,
        code: r.code,
        attachmentId: r.attachment_id,
      }));
    },
    async saveAnswer(id, answer) {
      const values = {
        language: answer.language,
        code: answer.code,
        saved_at: answer.savedAt,
        grade: answer.grade === null ? null : programJson(answer.grade),
      };
      await trx
        .insertInto('assessment_answers')
        .values({ assessment_id: id, item_index: answer.itemIndex, ...values })
        .onConflict((oc) => oc.columns(['assessment_id', 'item_index']).doUpdateSet(values))
        .execute();
    },
    async saveDeliverable(assessment, itemIndex, file) {
      const previous = await trx
        .selectFrom('assessment_answers')
        .select('attachment_id')
        .where('assessment_id', '=', assessment.id)
        .where('item_index', '=', itemIndex)
        .forUpdate()
        .executeTakeFirst();
      await trx
        .insertInto('attachments')
        .values({
          id: file.id,
          org_id: assessment.orgId,
          candidate_id: assessment.candidateId,
          application_id: assessment.applicationId,
          kind: 'case_study',
          filename: file.filename,
          content_type: file.contentType,
          size_bytes: file.data.byteLength,
          data: Buffer.from(file.data),
          text: '',
          created_at: file.savedAt,
        })
        .execute();
      const values = {
        language: 'file',
        code: file.filename,
        saved_at: file.savedAt,
        grade: null,
        attachment_id: file.id,
      };
      await trx
        .insertInto('assessment_answers')
        .values({ assessment_id: assessment.id, item_index: itemIndex, ...values })
        .onConflict((oc) => oc.columns(['assessment_id', 'item_index']).doUpdateSet(values))
        .execute();
      if (previous?.attachment_id)
        await trx.deleteFrom('attachments').where('id', '=', previous.attachment_id).execute();
    },
    async recordEvents(id, at, events) {
      if (events.length === 0) return;
      await trx
        .insertInto('assessment_events')
        .values(
          events.map((e) => ({
            assessment_id: id,
            at,
            kind: e.kind,
            item_index: e.itemIndex,
            detail: programJson(e.detail ?? {}),
          })),
        )
        .execute();
    },
    async markSubmitted(id, at, scorePercent) {
      await trx
        .updateTable('assessments')
        .set((eb) => ({ submitted_at: at, score_percent: scorePercent, version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .execute();
    },
  };
}
