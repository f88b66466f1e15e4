import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import type { DomainError } from '../contracts/errors.js';
import type { Catalog, Clock, Deps, Ids, Process, Store } from '../core/shared/ports.js';
import type { Result } from '../core/shared/result.js';
import { fail } from '../core/shared/result.js';
import type {
  Actor,
  Application,
  ApplicationStatus,
  AuditEntry,
  FamilyPolicy,
  Job,
  Offer,
  Scorecard,
  StaffRole,
} from '../core/shared/types.js';
import { publishOnBoards } from './boards/postings.js';
import { notificationStore } from './notifications/notifications.repository.js';
import { schedulingRepository } from './scheduling/scheduling.repository.js';
import type { DB } from './schema.js';
import { secretTokens } from './tokens.js';

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

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

export function toJob(row: Selectable<DB['jobs']>): Job {
  return {
    id: row.id,
    orgId: row.org_id,
    teamId: row.team_id,
    processId: row.process_id,
    title: row.title,
    status: row.status as Job['status'],
    employmentType: row.employment_type as Job['employmentType'],
    jobFamily: row.job_family,
    headcount: row.headcount,
    hiredCount: row.hired_count,
    compensationBand: row.compensation_band,
    version: row.version,
  };
}

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

export function toOffer(row: Selectable<DB['offers']>): Offer {
  return {
    id: row.id,
    orgId: row.org_id,
    applicationId: row.application_id,
    status: row.status as Offer['status'],
    revision: row.revision,
    terms: row.terms,
    approvalChain: row.approval_chain as StaffRole[],
    approvalsDone: row.approvals_done,
    sentAt: row.sent_at,
    respondedAt: row.responded_at,
    version: row.version,
  };
}

/** A JSON column's value; undefined stays undefined, so `given` leaves the column alone. */
function json<T extends object>(value: T): string;
function json<T extends object>(value: T | undefined): string | undefined;
function json<T extends object>(value: T | null | undefined): string | null | undefined;
function json(value: object | null | undefined) {
  return value === undefined ? undefined : value === null ? null : JSON.stringify(value);
}

/** The fields of a change that were given: an update sets only those, and leaves the rest alone. */
export const given = <T extends Record<string, unknown>>(fields: T) =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };

export function toProcess(row: Selectable<DB['processes']>): Process {
  return {
    id: row.id,
    orgId: row.org_id,
    teamId: row.team_id,
    lineageId: row.lineage_id,
    version: row.version,
    templateKey: row.template_key,
    definition: row.definition,
  };
}

/** Used when an org has no policy row for a family: internships are limited and sequential (R-APP-1, R-APP-2). */
export function defaultPolicy(jobFamily: string): FamilyPolicy {
  return jobFamily === 'internship'
    ? { jobFamily, maxActiveApplications: 2, order: 'sequential', cooldownDays: 0 }
    : { jobFamily, maxActiveApplications: null, order: 'parallel', cooldownDays: 0 };
}

const actorId = (actor: Actor | { kind: 'system' }) =>
  actor.kind === 'staff'
    ? actor.userId
    : actor.kind === 'candidate'
      ? actor.candidateId
      : actor.kind === 'board'
        ? actor.boardId
        : null;

export function createStore(trx: Kysely<DB>, clock: Clock): Store {
  return {
    applications: {
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
        return row ? toApplication(row) : null;
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
          })
          .execute();
      },
    },
    jobs: {
      async lock(orgId, id) {
        const row = await trx
          .selectFrom('jobs')
          .selectAll()
          .where('org_id', '=', orgId)
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirst();
        return row ? toJob(row) : null;
      },
      async insert(job) {
        const now = clock.now();
        const row = await trx
          .insertInto('jobs')
          .values({
            id: job.id,
            org_id: job.orgId,
            team_id: job.teamId,
            process_id: job.processId,
            title: job.title,
            status: job.status,
            employment_type: job.employmentType,
            job_family: job.jobFamily,
            level: job.level,
            headcount: job.headcount,
            locations: job.locations,
            office_ids: job.officeIds,
            posting: JSON.stringify(job.posting),
            compensation_band: json(job.compensationBand ?? null),
            created_at: now,
            updated_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return toJob(row);
      },
      async update(orgId, id, change) {
        const row = await trx
          .updateTable('jobs')
          .set({
            ...given({
              title: change.title,
              team_id: change.teamId,
              process_id: change.processId,
              employment_type: change.employmentType,
              job_family: change.jobFamily,
              headcount: change.headcount,
              level: change.level,
              locations: change.locations,
              office_ids: change.officeIds,
              posting: json(change.posting),
              compensation_band: json(change.compensationBand),
              status: change.status,
              hired_count: change.hiredCount,
            }),
            version: sql<number>`version + 1`,
            updated_at: clock.now(),
          })
          .where('org_id', '=', orgId)
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        return toJob(row);
      },
    },
    processes: {
      async get(orgId, id) {
        const row = await trx
          .selectFrom('processes')
          .selectAll()
          .where('org_id', '=', orgId)
          .where('id', '=', id)
          .executeTakeFirst();
        return row ? toProcess(row) : null;
      },
      async latestVersion(orgId, lineageId) {
        const row = await trx
          .selectFrom('processes')
          .selectAll()
          .where('org_id', '=', orgId)
          .where('lineage_id', '=', lineageId)
          .orderBy('version', 'desc')
          .forUpdate()
          .executeTakeFirst();
        return row ? toProcess(row) : null;
      },
      async insert(p) {
        const row = await trx
          .insertInto('processes')
          .values({
            id: p.id,
            org_id: p.orgId,
            team_id: p.teamId,
            lineage_id: p.lineageId,
            version: p.version,
            template_key: p.templateKey,
            definition: JSON.stringify(p.definition),
            created_at: clock.now(),
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return toProcess(row);
      },
      async repointJobs(orgId, lineageId, toProcessId) {
        await trx
          .updateTable('jobs')
          .set({ process_id: toProcessId, version: sql<number>`version + 1`, updated_at: clock.now() })
          .where('org_id', '=', orgId)
          .where('process_id', 'in', (eb) =>
            eb.selectFrom('processes').select('id').where('lineage_id', '=', lineageId),
          )
          .execute();
      },
    },
    offers: {
      async lock(orgId, id) {
        const row = await trx
          .selectFrom('offers')
          .selectAll()
          .where('org_id', '=', orgId)
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirst();
        return row ? toOffer(row) : null;
      },
      async openForApplication(orgId, applicationId) {
        const row = await trx
          .selectFrom('offers')
          .selectAll()
          .where('org_id', '=', orgId)
          .where('application_id', '=', applicationId)
          .where('status', 'in', ['draft', 'pending_approval', 'approved', 'sent'])
          .executeTakeFirst();
        return row ? toOffer(row) : null;
      },
      async insert(offer) {
        const now = clock.now();
        const row = await trx
          .insertInto('offers')
          .values({
            id: offer.id,
            org_id: offer.orgId,
            application_id: offer.applicationId,
            status: offer.status,
            revision: offer.revision,
            terms: JSON.stringify(offer.terms),
            approval_chain: offer.approvalChain,
            approvals_done: offer.approvalsDone,
            created_at: now,
            updated_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return toOffer(row);
      },
      async update(orgId, id, change) {
        const row = await trx
          .updateTable('offers')
          .set({
            ...given({
              status: change.status,
              revision: change.revision,
              terms: json(change.terms),
              approval_chain: change.approvalChain,
              approvals_done: change.approvalsDone,
              sent_at: change.sentAt,
              responded_at: change.respondedAt,
            }),
            version: sql<number>`version + 1`,
            updated_at: clock.now(),
          })
          .where('org_id', '=', orgId)
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        return toOffer(row);
      },
      async addRevision(r) {
        await trx
          .insertInto('offer_revisions')
          .values({
            offer_id: r.offerId,
            revision: r.revision,
            terms: JSON.stringify(r.terms),
            changes: JSON.stringify(r.changes),
            reason: r.reason,
            author_kind: r.author.kind,
            author_id: actorId(r.author)!,
            created_at: r.at,
          })
          .execute();
      },
      async addApproval(a) {
        await trx
          .insertInto('offer_approvals')
          .values({
            id: a.id,
            offer_id: a.offerId,
            revision: a.revision,
            role: a.role,
            decision: a.decision,
            note: a.note,
            decided_by: actorId(a.actor)!,
            decided_at: a.at,
          })
          .execute();
      },
      async addCounter(c) {
        await trx
          .insertInto('offer_counters')
          .values({
            id: c.id,
            offer_id: c.offerId,
            revision: c.revision,
            component: c.component,
            proposal: c.proposal,
            note: c.note,
            candidate_id: c.candidateId,
            created_at: c.at,
          })
          .execute();
      },
      async addCompeting(c) {
        await trx
          .insertInto('competing_offers')
          .values({
            id: c.id,
            org_id: c.orgId,
            application_id: c.applicationId,
            terms: JSON.stringify(c.terms),
            entered_by_kind: c.enteredBy.kind,
            entered_by_id: actorId(c.enteredBy)!,
            created_at: c.at,
          })
          .execute();
      },
    },
    feedback: {
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
    },
    attachments: {
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
            created_at: a.createdAt,
          })
          .execute();
        // The newest resume is the one interviewers read and search finds.
        if (a.kind === 'resume') {
          await trx
            .updateTable('candidates')
            .set({ resume_text: a.text })
            .where('id', '=', a.candidateId)
            .execute();
        }
      },
    },
    boards: {
      async publish(orgId, jobId, at) {
        await publishOnBoards(trx, orgId, at, jobId);
      },
    },
    notifications: notificationStore(trx),
    scheduling: schedulingRepository(trx, clock),
    people: {
      async staff(orgId, ids) {
        if (ids.length === 0) return [];
        const rows = await trx
          .selectFrom('users')
          .select(['id', 'timezone', 'roles'])
          .where('org_id', '=', orgId)
          .where('id', 'in', ids)
          .execute();
        return rows.map((r) => ({ id: r.id, timezone: r.timezone, roles: r.roles as StaffRole[] }));
      },
      async holidays(orgId) {
        const rows = await trx.selectFrom('org_holidays').select('day').where('org_id', '=', orgId).execute();
        return new Set(rows.map((r) => r.day));
      },
    },
    vestingSchedules: {
      async get(orgId, key) {
        const row = await trx
          .selectFrom('vesting_schedules')
          .select('definition')
          .where('org_id', '=', orgId)
          .where('key', '=', key)
          .executeTakeFirst();
        return row?.definition ?? null;
      },
    },
    teams: {
      async exists(orgId, id) {
        const row = await trx
          .selectFrom('teams')
          .select('id')
          .where('org_id', '=', orgId)
          .where('id', '=', id)
          .executeTakeFirst();
        return row !== undefined;
      },
    },
    candidates: {
      async upsertAndLock(orgId, id, input) {
        const emailNormalized = normalizeEmail(input.email);
        await trx
          .insertInto('candidates')
          .values({
            id,
            org_id: orgId,
            email: input.email.trim(),
            email_normalized: emailNormalized,
            first_name: input.firstName,
            last_name: input.lastName,
            phone: input.phone ?? null,
            timezone: input.timezone ?? null,
            resume_text: input.resumeText ?? null,
            created_at: clock.now(),
          })
          // A returning candidate keeps their record; a newly sent resume replaces the old one.
          .onConflict((oc) =>
            oc
              .columns(['org_id', 'email_normalized'])
              .doUpdateSet({ resume_text: sql`coalesce(excluded.resume_text, candidates.resume_text)` }),
          )
          .execute();
        const row = await trx
          .selectFrom('candidates')
          .selectAll()
          .where('org_id', '=', orgId)
          .where('email_normalized', '=', emailNormalized)
          .forUpdate()
          .executeTakeFirstOrThrow();
        return { id: row.id, orgId, email: row.email, firstName: row.first_name, lastName: row.last_name };
      },
      async lock(orgId, id) {
        const row = await trx
          .selectFrom('candidates')
          .selectAll()
          .where('org_id', '=', orgId)
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirst();
        return row
          ? { id: row.id, orgId, email: row.email, firstName: row.first_name, lastName: row.last_name }
          : null;
      },
      async erase(orgId, id, at) {
        // An address that can never receive mail (RFC 2606), unique so the email index holds.
        const nowhere = `erased-${id}@erased.invalid`;
        const applications = trx
          .selectFrom('applications')
          .select('id')
          .where('org_id', '=', orgId)
          .where('candidate_id', '=', id);
        await trx
          .updateTable('candidates')
          .set({
            first_name: 'Erased',
            last_name: 'candidate',
            email: nowhere,
            email_normalized: nowhere,
            phone: null,
            timezone: null,
            language: null,
            resume_text: null,
            erased_at: at,
          })
          .where('org_id', '=', orgId)
          .where('id', '=', id)
          .execute();
        await trx
          .updateTable('applications')
          .set({ answers: '{}' })
          .where('id', 'in', applications)
          .execute();
        // Their assessment answers (code, deliverables) go too; scores and timelines stay.
        await trx
          .updateTable('assessment_answers')
          .set({ code: '', attachment_id: null })
          .where('assessment_id', 'in', (eb) =>
            eb.selectFrom('assessments').select('id').where('application_id', 'in', applications),
          )
          .execute();
        await trx
          .deleteFrom('attachments')
          .where('org_id', '=', orgId)
          .where('candidate_id', '=', id)
          .execute();
        await trx.deleteFrom('competing_offers').where('application_id', 'in', applications).execute();
        await trx.deleteFrom('scheduling_links').where('application_id', 'in', applications).execute();
        await trx.deleteFrom('sessions').where('candidate_id', '=', id).execute();
        await trx.deleteFrom('sign_in_links').where('candidate_id', '=', id).execute();
        // Sent emails keep their place in the log without their words; unsent ones never go.
        await trx
          .updateTable('deliveries')
          .set({ recipient: nowhere, subject: '[erased]', body: '[erased]', calendar: null })
          .where('org_id', '=', orgId)
          .where('candidate_id', '=', id)
          .execute();
        await trx
          .updateTable('deliveries')
          .set({ status: 'failed', locked_until: null, last_error: "The candidate's data was erased." })
          .where('org_id', '=', orgId)
          .where('candidate_id', '=', id)
          .where('status', '=', 'pending')
          .execute();
      },
    },
    policies: {
      async forFamily(orgId, jobFamily) {
        const row = await trx
          .selectFrom('policies')
          .selectAll()
          .where('org_id', '=', orgId)
          .where('job_family', '=', jobFamily)
          .executeTakeFirst();
        if (!row) return defaultPolicy(jobFamily);
        return {
          jobFamily,
          maxActiveApplications: row.max_active_applications,
          order: row.consideration_order as FamilyPolicy['order'],
          cooldownDays: row.cooldown_days,
        };
      },
    },
    audit: {
      async record(entry) {
        await trx
          .insertInto('audit_events')
          .values({
            org_id: entry.orgId,
            actor_kind: entry.actor.kind,
            actor_id: actorId(entry.actor),
            entity_type: entry.entityType,
            entity_id: entry.entityId,
            action: entry.action,
            reason: entry.reason ?? null,
            data: JSON.stringify(entry.data ?? {}),
            at: clock.now(),
          })
          .execute();
      },
    },
    outbox: {
      async enqueue(message) {
        const now = clock.now();
        // The dedupe key makes a replayed change enqueue its message once.
        await trx
          .insertInto('outbox')
          .values({
            org_id: message.orgId,
            kind: message.kind,
            dedupe_key: message.dedupeKey,
            payload: JSON.stringify(message.payload),
            created_at: now,
            available_at: now,
          })
          .onConflict((oc) => oc.column('dedupe_key').doNothing())
          .execute();
      },
    },
  };
}

export interface AuditNote {
  entityType: AuditEntry['entityType'];
  entityId?: string;
  action: string;
  data?: Record<string, unknown>;
}

/**
 * A write with no process rules (reference data, admin settings) together with its audit event,
 * in one transaction, or in the caller's when already inside one (the demo seed). `note` says what
 * to record about the result; null records nothing (nothing was changed).
 */
export function auditedWrite(db: Kysely<DB>, clock: Clock) {
  return <T>(
    actor: Actor | { kind: 'system'; orgId: string },
    work: (trx: Kysely<DB>) => Promise<T>,
    note: (result: T) => AuditNote | null,
  ): Promise<T> => {
    const run = async (trx: Kysely<DB>) => {
      const result = await work(trx);
      const entry = note(result);
      if (entry)
        await createStore(trx, clock).audit.record({
          orgId: actor.orgId,
          actor,
          entityId: actor.orgId,
          ...entry,
        });
      return result;
    };
    return db.isTransaction ? run(db) : db.transaction().execute(run);
  };
}

class Rollback {
  constructor(readonly result: Result<never, DomainError>) {}
}

/** Postgres errors that mean "someone else changed this at the same time", not a bug. */
const concurrencyErrors = new Set(['23505', '40001', '40P01']);
/** The exclusion constraint on interview holds: someone is already booked at that time. */
const OVERLAP = '23P01';

export function createDeps(db: Kysely<DB>, clock: Clock, ids: Ids, catalog: Catalog): Deps {
  return {
    clock,
    ids,
    tokens: secretTokens,
    catalog,
    async transaction(work) {
      if (db.isTransaction) {
        // Already inside a caller's transaction (the demo seed): a refusal there is a bug, and
        // throwing rolls the caller's whole transaction back.
        const result = await work(createStore(db, clock));
        if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
        return result;
      }
      try {
        return await db.transaction().execute(async (trx: Transaction<DB>) => {
          const result = await work(createStore(trx, clock));
          if (!result.ok) throw new Rollback(result);
          return result;
        });
      } catch (error) {
        if (error instanceof Rollback) return error.result;
        const code = (error as { code?: string }).code;
        if (code === OVERLAP) {
          return fail('interview.slot_taken', 'Someone on this interview is already booked at that time.', {
            constraint: (error as { constraint?: string }).constraint,
          });
        }
        if (code && concurrencyErrors.has(code)) {
          return fail(
            'conflict.concurrent_change',
            'Another change to the same record happened at the same time; retry.',
            {
              constraint: (error as { constraint?: string }).constraint,
            },
          );
        }
        throw error;
      }
    },
  };
}
