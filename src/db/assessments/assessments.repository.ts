import { type Kysely, sql } from 'kysely';
import type { Clock } from '../../core/shared/ports.js';
import type { Actor } from '../../core/shared/types.js';
import type { AssessmentItemRow, DB } from '../schema.js';

export type AssessmentEventInput = {
  kind: string;
  itemIndex: number | null;
  detail?: Record<string, unknown>;
};

/** Timed assessments: the link's row, the candidate's answers and the timeline beside them. */
export function assessmentStore(db: Kysely<DB>, clock: Clock) {
  const base = () =>
    db
      .selectFrom('assessments as a')
      .innerJoin('applications as ap', 'ap.id', 'a.application_id')
      .innerJoin('jobs as j', 'j.id', 'ap.job_id')
      .innerJoin('orgs as o', 'o.id', 'a.org_id')
      .select([
        'a.id',
        'a.org_id',
        'a.application_id',
        'a.items',
        'a.duration_minutes',
        'a.start_by',
        'a.started_at',
        'a.deadline_at',
        'a.submitted_at',
        'a.score_percent',
        'a.created_at',
        'a.created_by',
        'a.version',
        'ap.status as application_status',
        'ap.candidate_id',
        'j.title as job_title',
        'o.name as company_name',
      ]);

  const event = (assessmentId: string, input: AssessmentEventInput, executor: Kysely<DB> = db) =>
    executor
      .insertInto('assessment_events')
      .values({
        assessment_id: assessmentId,
        at: clock.now(),
        kind: input.kind,
        item_index: input.itemIndex,
        detail: JSON.stringify(input.detail ?? {}),
      })
      .execute();

  const atomically = <T>(work: (trx: Kysely<DB>) => Promise<T>) =>
    db.isTransaction ? work(db) : db.transaction().execute(work);

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

    /** Keeps an uploaded deliverable as the item's answer, replacing an earlier upload. */
    async saveDeliverable(
      row: { id: string; org_id: string; candidate_id: string; application_id: string },
      itemIndex: number,
      file: { id: string; filename: string; contentType: string; data: Uint8Array },
    ) {
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const previous = await trx
          .selectFrom('assessment_answers')
          .select('attachment_id')
          .where('assessment_id', '=', row.id)
          .where('item_index', '=', itemIndex)
          .forUpdate()
          .executeTakeFirst();
        await trx
          .insertInto('attachments')
          .values({
            id: file.id,
            org_id: row.org_id,
            candidate_id: row.candidate_id,
            application_id: row.application_id,
            kind: 'case_study',
            filename: file.filename,
            content_type: file.contentType,
            size_bytes: file.data.byteLength,
            data: Buffer.from(file.data),
            text: '',
            created_at: now,
          })
          .execute();
        const values = {
          language: 'file',
          code: file.filename,
          saved_at: now,
          grade: null,
          attachment_id: file.id,
        };
        await trx
          .insertInto('assessment_answers')
          .values({ assessment_id: row.id, item_index: itemIndex, ...values })
          .onConflict((oc) => oc.columns(['assessment_id', 'item_index']).doUpdateSet(values))
          .execute();
        if (previous?.attachment_id)
          await trx.deleteFrom('attachments').where('id', '=', previous.attachment_id).execute();
        await event(row.id, { kind: 'uploaded', itemIndex, detail: { bytes: file.data.byteLength } }, trx);
      });
    },

    timeline: (assessmentId: string) =>
      db
        .selectFrom('assessment_events')
        .select(['at', 'kind', 'item_index', 'detail'])
        .where('assessment_id', '=', assessmentId)
        .orderBy('seq')
        .execute(),

    /** In the caller's transaction when there is one (the demo seed), else in its own. */
    async create(input: {
      id: string;
      actor: Actor & { kind: 'staff' };
      applicationId: string;
      tokenHash: string;
      items: AssessmentItemRow[];
      durationMinutes: number;
      startBy: Date;
      /** What the invitation email says beside the link. */
      invitation: { candidateId: string; url: string; problemCount: number };
    }) {
      const now = clock.now();
      await atomically(async (trx) => {
        await trx
          .insertInto('assessments')
          .values({
            id: input.id,
            org_id: input.actor.orgId,
            application_id: input.applicationId,
            token_hash: input.tokenHash,
            items: JSON.stringify(input.items),
            duration_minutes: input.durationMinutes,
            start_by: input.startBy,
            created_by: input.actor.userId,
            created_at: now,
          })
          .execute();
        await trx
          .insertInto('audit_events')
          .values({
            org_id: input.actor.orgId,
            actor_kind: 'staff',
            actor_id: input.actor.userId,
            entity_type: 'application',
            entity_id: input.applicationId,
            action: 'assessment.sent',
            data: JSON.stringify({
              assessmentId: input.id,
              items: input.items,
              durationMinutes: input.durationMinutes,
            }),
            at: now,
          })
          .execute();
        await trx
          .insertInto('outbox')
          .values({
            org_id: input.actor.orgId,
            kind: 'candidate.assessment_link',
            dedupe_key: `assessment_link:${input.id}`,
            payload: JSON.stringify({
              applicationId: input.applicationId,
              candidateId: input.invitation.candidateId,
              url: input.invitation.url,
              durationMinutes: input.durationMinutes,
              problemCount: input.invitation.problemCount,
              startBy: input.startBy.toISOString().slice(0, 10),
            }),
            created_at: now,
            available_at: now,
          })
          .execute();
      });
    },

    /** Starts the clock once; a second start keeps the first deadline. */
    async start(id: string) {
      const now = clock.now();
      const started = await db
        .updateTable('assessments')
        .set((eb) => ({
          started_at: now,
          deadline_at: sql<Date>`${now}::timestamptz + make_interval(mins => ${eb.ref('duration_minutes')})`,
          version: sql<number>`version + 1`,
        }))
        .where('id', '=', id)
        .where('started_at', 'is', null)
        .executeTakeFirst();
      if (Number(started.numUpdatedRows) > 0) await event(id, { kind: 'started', itemIndex: null });
    },

    async saveAnswer(id: string, itemIndex: number, language: string, code: string) {
      await db
        .insertInto('assessment_answers')
        .values({
          assessment_id: id,
          item_index: itemIndex,
          language,
          code,
          saved_at: clock.now(),
          grade: null,
        })
        .onConflict((oc) =>
          oc
            .columns(['assessment_id', 'item_index'])
            .doUpdateSet({ language, code, saved_at: clock.now(), grade: null }),
        )
        .execute();
    },

    event: (id: string, input: AssessmentEventInput) => event(id, input),
    events: async (id: string, inputs: AssessmentEventInput[]) => {
      if (inputs.length === 0) return;
      const at = clock.now();
      await db
        .insertInto('assessment_events')
        .values(
          inputs.map((input) => ({
            assessment_id: id,
            at,
            kind: input.kind,
            item_index: input.itemIndex,
            detail: JSON.stringify(input.detail ?? {}),
          })),
        )
        .execute();
    },

    /**
     * Records a graded submission, once: the row is locked and a second submission finds it
     * submitted. `arrivedAt` is when the submission reached the server, which the deadline was
     * checked against; grading time is not the candidate's.
     */
    async submit(input: {
      id: string;
      orgId: string;
      applicationId: string;
      candidateId: string;
      arrivedAt: Date;
      answers: { itemIndex: number; language: string; code: string; grade: unknown }[];
      /** Null when nothing in it is graded automatically (a case study). */
      scorePercent: number | null;
    }): Promise<'submitted' | 'already_submitted'> {
      return db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('assessments')
          .select('submitted_at')
          .where('id', '=', input.id)
          .forUpdate()
          .executeTakeFirstOrThrow();
        if (row.submitted_at) return 'already_submitted';
        for (const answer of input.answers) {
          const values = {
            language: answer.language,
            code: answer.code,
            saved_at: input.arrivedAt,
            grade: JSON.stringify(answer.grade),
          };
          await trx
            .insertInto('assessment_answers')
            .values({ assessment_id: input.id, item_index: answer.itemIndex, ...values })
            .onConflict((oc) => oc.columns(['assessment_id', 'item_index']).doUpdateSet(values))
            .execute();
        }
        await trx
          .updateTable('assessments')
          .set({
            submitted_at: input.arrivedAt,
            score_percent: input.scorePercent,
            version: sql<number>`version + 1`,
          })
          .where('id', '=', input.id)
          .execute();
        await event(
          input.id,
          { kind: 'submitted', itemIndex: null, detail: { scorePercent: input.scorePercent } },
          trx,
        );
        await trx
          .insertInto('audit_events')
          .values({
            org_id: input.orgId,
            actor_kind: 'candidate',
            actor_id: input.candidateId,
            entity_type: 'application',
            entity_id: input.applicationId,
            action: 'assessment.submitted',
            data: JSON.stringify({ assessmentId: input.id, scorePercent: input.scorePercent }),
            at: clock.now(),
          })
          .execute();
        return 'submitted';
      });
    },
  };
}
