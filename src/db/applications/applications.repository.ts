import { type Kysely, type Selectable, sql } from 'kysely';
import type {
  ApplicationsRepository,
  AttachmentsRepository,
} from '../../core/applications/applications.port.js';
import type { Application, ApplicationStatus } from '../../core/shared/types.js';
import { given, json } from '../columns.js';
import type { DB } from '../schema.js';

export function toApplication(row: Selectable<DB['applications']>): Application {
  return {
    id: row.id,
    orgId: row.org_id,
    jobId: row.job_id,
    teamId: row.team_id,
    candidateId: row.candidate_id,
    jobFamily: row.job_family,
    status: row.status as ApplicationStatus,
    stageIndex: row.stage_index,
    plan: row.plan,
    processId: row.process_id,
    submittedAt: row.submitted_at,
    endedAt: row.ended_at,
    version: row.version,
  };
}

export function applicationsRepository(trx: Kysely<DB>): ApplicationsRepository {
  return {
    async lock(orgId, id) {
      const row = await trx
        .selectFrom('applications')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      return row ? toApplication(row) : null;
    },
    async lockAllOfCandidate(orgId, candidateId) {
      const rows = await trx
        .selectFrom('applications')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('candidate_id', '=', candidateId)
        .orderBy('submitted_at')
        .orderBy('id')
        .forUpdate()
        .execute();
      return rows.map(toApplication);
    },
    async openForCandidate(orgId, candidateId, jobFamily) {
      const rows = await trx
        .selectFrom('applications')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('candidate_id', '=', candidateId)
        .where('job_family', '=', jobFamily)
        .where('status', 'in', ['queued', 'active'])
        .orderBy('submitted_at')
        .execute();
      return rows.map(toApplication);
    },
    async byIdempotencyKey(orgId, key) {
      const row = await trx
        .selectFrom('applications')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('idempotency_key', '=', key)
        .executeTakeFirst();
      return row ? { application: toApplication(row), fingerprint: row.idempotency_fingerprint } : null;
    },
    async openForJob(orgId, candidateId, jobId) {
      const row = await trx
        .selectFrom('applications')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('candidate_id', '=', candidateId)
        .where('job_id', '=', jobId)
        .where('status', 'in', ['queued', 'active'])
        .executeTakeFirst();
      return row ? toApplication(row) : null;
    },
    async lastRejectedAt(orgId, candidateId, teamId) {
      const row = await trx
        .selectFrom('applications')
        .select((eb) => eb.fn.max('ended_at').as('at'))
        .where('org_id', '=', orgId)
        .where('candidate_id', '=', candidateId)
        .where('team_id', '=', teamId)
        .where('status', '=', 'rejected')
        .executeTakeFirst();
      return row?.at ?? null;
    },
    async insert(app) {
      const row = await trx
        .insertInto('applications')
        .values({
          id: app.id,
          org_id: app.orgId,
          job_id: app.job.id,
          team_id: app.job.teamId,
          candidate_id: app.candidateId,
          process_id: app.job.processId,
          job_family: app.job.jobFamily,
          status: app.status,
          plan: JSON.stringify(app.plan),
          submitted_at: app.submittedAt,
          idempotency_key: app.idempotencyKey,
          idempotency_fingerprint: app.idempotencyFingerprint,
          source: app.source,
          answers: JSON.stringify(app.answers),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toApplication(row);
    },
    async update(orgId, id, change) {
      const row = await trx
        .updateTable('applications')
        .set({
          ...given({
            status: change.status,
            stage_index: change.stageIndex,
            plan: json(change.plan),
            ended_at: change.endedAt,
          }),
          version: sql<number>`version + 1`,
        })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toApplication(row);
    },
    async recordDecision(d) {
      await trx
        .insertInto('round_decisions')
        .values({
          id: d.id,
          org_id: d.orgId,
          application_id: d.applicationId,
          round_key: d.roundKey,
          decision: d.decision,
          rationale: d.rationale,
          decided_by: d.decidedBy,
          decided_at: d.decidedAt,
          against_majority: d.againstMajority,
          missing_feedback: d.missingFeedback,
          override_reason: d.override?.reason ?? null,
          evidence_gaps: d.override?.gaps ?? [],
        })
        .execute();
    },
  };
}

export function attachmentsRepository(trx: Kysely<DB>): AttachmentsRepository {
  return {
    async insert(a) {
      await trx
        .insertInto('attachments')
        .values({
          id: a.id,
          org_id: a.orgId,
          candidate_id: a.candidateId,
          application_id: a.applicationId,
          kind: a.kind,
          filename: a.filename,
          content_type: a.contentType,
          size_bytes: a.data.byteLength,
          data: Buffer.from(a.data),
          text: a.text,
          text_unread: a.textUnread ?? null,
          created_at: a.createdAt,
        })
        .execute();
      // The newest resume is the one interviewers read and search finds; one whose text could not
      // be read leaves none, rather than an older file's text shown as this one's.
      if (a.kind === 'resume') {
        await trx
          .updateTable('candidates')
          .set({ resume_text: a.textUnread ? null : a.text })
          .where('id', '=', a.candidateId)
          .execute();
      }
    },
  };
}
