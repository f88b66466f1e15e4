import { type Kysely, type Selectable, sql } from 'kysely';
import type { EvidenceGap } from '../../contracts/vocabulary.js';
import type {
  ApplicationsRepository,
  AttachmentsRepository,
  NewApplication,
  NewAttachment,
  RoundDecisionRecord,
} from '../../core/applications/applications.port.js';
import type { Application, ApplicationStatus, FamilyPolicy } from '../../core/shared/types.js';
import { signInLinkRow } from '../accounts/accounts.repository.js';
import { auditRow } from '../audit.repository.js';
import { given, json } from '../columns.js';
import { defaultPolicy } from '../organisation/organisation.repository.js';
import { enqueueQuery, outboxRow } from '../outbox.repository.js';
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

const insertApplication = (trx: Kysely<DB>, app: NewApplication) =>
  trx
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
      screening_opt_out: app.screeningOptOut ?? false,
    })
    .returningAll();

const attachmentRow = (a: NewAttachment) => ({
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
});

/**
 * The newest resume is the one interviewers read and search finds; one whose text could not be
 * read leaves none, rather than an older file's text shown as this one's.
 */
const setResumeText = (trx: Kysely<DB>, resume: NewAttachment) =>
  trx
    .updateTable('candidates')
    .set({ resume_text: resume.textUnread ? null : resume.text })
    .where('id', '=', resume.candidateId);

export function applicationsRepository(trx: Kysely<DB>): ApplicationsRepository {
  const recordDecisions = async (decisions: RoundDecisionRecord[]) => {
    if (decisions.length === 0) return;
    await trx
      .insertInto('round_decisions')
      .values(
        decisions.map((d) => ({
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
          undo: d.undo && JSON.stringify(d.undo),
        })),
      )
      .execute();
  };
  const lockMany: ApplicationsRepository['lockMany'] = async (orgId, ids) => {
    if (ids.length === 0) return [];
    const rows = await trx
      .selectFrom('applications')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('id', 'in', ids)
      .orderBy('id')
      .forUpdate()
      .execute();
    return rows.map(toApplication);
  };
  return {
    lock: async (orgId, id) => (await lockMany(orgId, [id]))[0] ?? null,
    lockMany,
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
    async intakeFor(orgId, candidateId, job) {
      // One row per open application (or one row of nulls), each carrying the candidate's zone,
      // the family's policy and the last rejection by the team.
      const rows = await trx
        .selectFrom('candidates')
        .innerJoin('orgs', 'orgs.id', 'candidates.org_id')
        .leftJoin('policies', (join) =>
          join
            .onRef('policies.org_id', '=', 'candidates.org_id')
            .on('policies.job_family', '=', job.jobFamily),
        )
        .leftJoin('applications', (join) =>
          join
            .on('applications.org_id', '=', orgId)
            .on('applications.candidate_id', '=', candidateId)
            .on('applications.status', 'in', ['queued', 'active'])
            .on((eb) =>
              eb.or([
                eb('applications.job_family', '=', job.jobFamily),
                eb('applications.job_id', '=', job.id),
              ]),
            ),
        )
        .leftJoin('jobs', 'jobs.id', 'applications.job_id')
        .leftJoin('teams', 'teams.id', 'applications.team_id')
        .selectAll('applications')
        .select([
          'jobs.title as job_title',
          'teams.name as team_name',
          'candidates.timezone as candidate_timezone',
          'orgs.default_timezone as org_timezone',
          'policies.job_family as policy_family',
          'policies.max_active_applications',
          'policies.consideration_order',
          'policies.cooldown_days',
        ])
        .select((eb) =>
          eb
            .selectFrom('applications as rejected')
            .select((r) => r.fn.max('rejected.ended_at').as('at'))
            .where('rejected.org_id', '=', orgId)
            .where('rejected.candidate_id', '=', candidateId)
            .where('rejected.team_id', '=', job.teamId)
            .where('rejected.status', '=', 'rejected')
            .as('last_rejected_at'),
        )
        .where('candidates.org_id', '=', orgId)
        .where('candidates.id', '=', candidateId)
        .orderBy('applications.submitted_at')
        .execute();
      const first = rows[0];
      if (!first) throw new Error(`candidate ${candidateId} is not in org ${orgId}`);
      const open = rows.flatMap((row) =>
        row.id === null ? [] : [{ app: toApplication(row as Selectable<DB['applications']>), row }],
      );
      return {
        duplicate: open.find(({ app }) => app.jobId === job.id)?.app ?? null,
        open: open
          .filter(({ app }) => app.jobFamily === job.jobFamily)
          .map(({ app, row }) => ({ ...app, jobTitle: row.job_title ?? '', teamName: row.team_name ?? '' })),
        timezone: first.candidate_timezone ?? first.org_timezone ?? 'UTC',
        policy:
          first.policy_family === null
            ? defaultPolicy(job.jobFamily)
            : {
                jobFamily: job.jobFamily,
                maxActiveApplications: first.max_active_applications,
                order: first.consideration_order as FamilyPolicy['order'],
                cooldownDays: first.cooldown_days!,
              },
        lastRejectedAt: first.last_rejected_at ?? null,
      };
    },
    async insert(app) {
      return toApplication(await insertApplication(trx, app).executeTakeFirstOrThrow());
    },
    async insertSubmitted(app, extras) {
      const at = app.submittedAt;
      const parts = [sql`application AS (${insertApplication(trx, app)})`];
      if (extras.attachments.length > 0) {
        parts.push(
          sql`files AS (${trx.insertInto('attachments').values(extras.attachments.map(attachmentRow))})`,
        );
      }
      const resume = [...extras.attachments].reverse().find((a) => a.kind === 'resume');
      if (resume) parts.push(sql`resume AS (${setResumeText(trx, resume)})`);
      parts.push(sql`audit AS (${trx.insertInto('audit_events').values(auditRow(extras.audit, at))})`);
      const messages = extras.messages.map((m) => outboxRow({ ...m, hold: null }, at));
      if (messages.length > 0) parts.push(sql`messages AS (${enqueueQuery(trx, messages)})`);
      if (extras.reannotate) {
        // The new application is not in this statement's snapshot, so only the others are queued.
        parts.push(sql`reannotate AS (
          insert into outbox (org_id, kind, dedupe_key, payload, created_at, available_at)
          select o.org_id, 'screening.annotate', 'screening.annotate:' || o.id || ':' || ${extras.reannotate.cause}::text,
                 jsonb_build_object('applicationId', o.id), ${at}::timestamptz, ${at}::timestamptz
          from applications o
          where o.org_id = ${app.orgId} and o.candidate_id = ${app.candidateId}
            and o.status in ('queued', 'active') and not o.screening_opt_out
          on conflict (dedupe_key) do nothing)`);
      }
      const link = extras.signInLink;
      if (link) {
        parts.push(sql`link AS (${trx.insertInto('sign_in_links').values(signInLinkRow(link))})`);
      }
      const { rows } = await sql<Selectable<DB['applications']>>`
        WITH ${sql.join(parts)} SELECT * FROM application`.execute(trx);
      return toApplication(rows[0]!);
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
    recordDecision: (d) => recordDecisions([d]),
    recordDecisions,
    async updateMany(orgId, changes) {
      if (changes.length === 0) return;
      const rows = changes.map(
        (c) => sql`(${c.id}::uuid, ${c.status}, ${c.stageIndex}::int, ${c.endedAt}::timestamptz)`,
      );
      await sql`
        update applications a
        set status = c.status, stage_index = c.stage_index, ended_at = coalesce(c.ended_at, a.ended_at),
            version = a.version + 1
        from (values ${sql.join(rows)}) as c(id, status, stage_index, ended_at)
        where a.org_id = ${orgId} and a.id = c.id`.execute(trx);
    },
    async lockDecision(orgId, id) {
      const r = await trx
        .selectFrom('round_decisions')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!r) return null;
      return {
        id: r.id,
        orgId: r.org_id,
        applicationId: r.application_id,
        roundKey: r.round_key,
        decision: r.decision as 'advance' | 'reject',
        rationale: r.rationale,
        decidedBy: r.decided_by,
        decidedAt: r.decided_at,
        againstMajority: r.against_majority,
        missingFeedback: r.missing_feedback,
        override: r.override_reason
          ? { reason: r.override_reason, gaps: r.evidence_gaps as EvidenceGap[] }
          : null,
        undo: r.undo,
      };
    },
    async deleteDecision(orgId, id) {
      await trx.deleteFrom('round_decisions').where('org_id', '=', orgId).where('id', '=', id).execute();
    },
    async undoWindowMinutes(orgId) {
      const row = await trx
        .selectFrom('orgs')
        .select('decision_undo_minutes')
        .where('id', '=', orgId)
        .executeTakeFirstOrThrow();
      return row.decision_undo_minutes;
    },
  };
}

export function attachmentsRepository(trx: Kysely<DB>): AttachmentsRepository {
  return {
    async insert(a) {
      await trx.insertInto('attachments').values(attachmentRow(a)).execute();
      if (a.kind === 'resume') await setResumeText(trx, a).execute();
    },
  };
}
