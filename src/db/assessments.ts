import { type Kysely, sql } from 'kysely';
import type { Clock } from '../core/ports.js';
import type { Actor } from '../core/types.js';
import type { AssessmentItemRow, DB } from './schema.js';

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
        .selectFrom('assessment_answers')
        .selectAll()
        .where('assessment_id', '=', assessmentId)
        .orderBy('item_index')
        .execute(),

    timeline: (assessmentId: string) =>
      db
        .selectFrom('assessment_events')
        .select(['at', 'kind', 'item_index', 'detail'])
        .where('assessment_id', '=', assessmentId)
        .orderBy('seq')
        .execute(),

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
      await db.transaction().execute(async (trx) => {
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
      scorePercent: number;
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
