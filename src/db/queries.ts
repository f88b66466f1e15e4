import { type Kysely, type Selectable, sql } from 'kysely';
import { postingSchema } from '../contracts/api.js';
import { decodeCursor, pageOf } from './pagination.js';
import type { DB } from './schema.js';
import { toApplication } from './store.js';

export type Page<T> = { items: T[]; nextCursor: string | null };
export class InvalidCursorError extends Error {}

function cursorOf(cursor: string | undefined) {
  const decoded = decodeCursor(cursor);
  if (decoded === 'invalid') throw new InvalidCursorError('cursor is not one this API issued');
  return decoded;
}

const iso = (d: Date) => d.toISOString();

/** The funnel's k-th position: a round of the job's process, or the offer that follows the last. */
const roundName = (rounds: { name: string }[], k: number) =>
  rounds[k]?.name ?? (k === rounds.length ? 'Offer' : `Round ${k + 1}`);

export function presentApplication(row: Selectable<DB['applications']>) {
  const app = toApplication(row);
  const current = app.status === 'active' ? app.plan[app.stageIndex] : undefined;
  return {
    id: app.id,
    jobId: app.jobId,
    teamId: app.teamId,
    candidateId: app.candidateId,
    jobFamily: app.jobFamily,
    status: app.status,
    currentRound: current?.key ?? null,
    step: app.stageIndex >= app.plan.length ? 'offer' : (app.plan[app.stageIndex]?.step ?? 'offer'),
    plan: app.plan,
    processId: app.processId,
    submittedAt: iso(app.submittedAt),
    endedAt: app.endedAt ? iso(app.endedAt) : null,
    version: app.version,
  };
}

export function presentCandidate(row: Selectable<DB['candidates']>) {
  return {
    id: row.id,
    email: row.email,
    firstName: row.first_name,
    lastName: row.last_name,
    phone: row.phone,
    timezone: row.timezone,
    createdAt: iso(row.created_at),
  };
}

/** Read models for the API. Writes with rules go through core use cases instead. */
export function queries(db: Kysely<DB>) {
  const jobsWithTeam = (orgId: string) =>
    db
      .selectFrom('jobs')
      .innerJoin('teams', 'teams.id', 'jobs.team_id')
      .selectAll('jobs')
      .select('teams.name as team_name')
      .where('jobs.org_id', '=', orgId);
  type JobRow = Selectable<DB['jobs']> & { team_name: string };
  const presentJob = (row: JobRow) => ({
    id: row.id,
    title: row.title,
    teamId: row.team_id,
    teamName: row.team_name,
    processId: row.process_id,
    status: row.status as 'draft' | 'open' | 'closed' | 'archived',
    employmentType: row.employment_type as 'full_time' | 'internship' | 'contract',
    jobFamily: row.job_family,
    level: row.level,
    headcount: row.headcount,
    hiredCount: row.hired_count,
    locations: row.locations,
    officeIds: row.office_ids,
    // Postings are stored as given; parsing fills the defaults of fields added since.
    posting: postingSchema.parse(row.posting),
    compensationBand: row.compensation_band,
    version: row.version,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  });

  return {
    async getJob(orgId: string, id: string) {
      const row = await jobsWithTeam(orgId).where('jobs.id', '=', id).executeTakeFirst();
      return row ? presentJob(row) : null;
    },

    async listJobs(orgId: string, q: { status?: string; teamId?: string; limit: number; cursor?: string }) {
      const after = cursorOf(q.cursor);
      let query = jobsWithTeam(orgId);
      if (q.status) query = query.where('jobs.status', '=', q.status);
      if (q.teamId) query = query.where('jobs.team_id', '=', q.teamId);
      if (after) {
        query = query.where((eb) =>
          eb(eb.refTuple('jobs.created_at', 'jobs.id'), '>', eb.tuple(new Date(after.sortValue), after.id)),
        );
      }
      const rows = await query
        .orderBy('jobs.created_at')
        .orderBy('jobs.id')
        .limit(q.limit + 1)
        .execute();
      const p = pageOf(rows, q.limit, (r) => [iso(r.created_at), r.id]);
      return { items: p.items.map(presentJob), nextCursor: p.nextCursor };
    },

    /** R-APP-4: the review queue is oldest first. */
    async listApplications(
      orgId: string,
      q: {
        jobId?: string;
        status?: string;
        roundKey?: string;
        step?: string;
        candidateId?: string;
        limit: number;
        cursor?: string;
      },
    ) {
      const after = cursorOf(q.cursor);
      let query = db
        .selectFrom('applications')
        .innerJoin('candidates', 'candidates.id', 'applications.candidate_id')
        .innerJoin('jobs', 'jobs.id', 'applications.job_id')
        .selectAll('applications')
        .select(['candidates.first_name', 'candidates.last_name', 'jobs.title as job_title'])
        .where('applications.org_id', '=', orgId);
      if (q.jobId) query = query.where('applications.job_id', '=', q.jobId);
      if (q.status) query = query.where('applications.status', '=', q.status);
      if (q.candidateId) query = query.where('applications.candidate_id', '=', q.candidateId);
      if (q.roundKey)
        query = query
          .where('applications.status', '=', 'active')
          .where('applications.current_round_key', '=', q.roundKey);
      if (q.step)
        query = query
          .where('applications.status', '=', 'active')
          .where(sql<string>`applications.plan -> applications.stage_index ->> 'step'`, '=', q.step);
      if (after) {
        query = query.where((eb) =>
          eb(
            eb.refTuple('applications.submitted_at', 'applications.id'),
            '>',
            eb.tuple(new Date(after.sortValue), after.id),
          ),
        );
      }
      const rows = await query
        .orderBy('applications.submitted_at')
        .orderBy('applications.id')
        .limit(q.limit + 1)
        .execute();
      const p = pageOf(rows, q.limit, (r) => [iso(r.submitted_at), r.id]);
      return {
        items: p.items.map((r) => ({
          ...presentApplication(r),
          candidateName: `${r.first_name} ${r.last_name}`,
          jobTitle: r.job_title,
        })),
        nextCursor: p.nextCursor,
      };
    },

    async getApplication(orgId: string, id: string) {
      const row = await db
        .selectFrom('applications')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (!row) return null;
      const [candidate, job, decisions] = await Promise.all([
        db.selectFrom('candidates').selectAll().where('id', '=', row.candidate_id).executeTakeFirstOrThrow(),
        db
          .selectFrom('jobs')
          .select(['id', 'title', 'status'])
          .where('id', '=', row.job_id)
          .executeTakeFirstOrThrow(),
        db
          .selectFrom('round_decisions')
          .selectAll()
          .where('application_id', '=', id)
          .orderBy('decided_at')
          .execute(),
      ]);
      return {
        ...presentApplication(row),
        candidate: { ...presentCandidate(candidate), resumeText: candidate.resume_text },
        job,
        decisions: decisions.map((d) => ({
          roundKey: d.round_key,
          decision: d.decision as 'advance' | 'reject',
          rationale: d.rationale,
          againstMajority: d.against_majority,
          missingFeedback: d.missing_feedback,
          decidedBy: d.decided_by,
          decidedAt: iso(d.decided_at),
        })),
      };
    },

    async timeline(orgId: string, entityType: string, entityId: string) {
      const rows = await db
        .selectFrom('audit_events')
        .leftJoin('users', 'users.id', 'audit_events.actor_id')
        .leftJoin('candidates', 'candidates.id', 'audit_events.actor_id')
        .select([
          'audit_events.seq',
          'audit_events.at',
          'audit_events.action',
          'audit_events.actor_kind',
          'audit_events.actor_id',
          'audit_events.reason',
          'audit_events.data',
          'users.name as user_name',
          sql<string | null>`candidates.first_name || ' ' || candidates.last_name`.as('candidate_name'),
        ])
        .where('audit_events.org_id', '=', orgId)
        .where('audit_events.entity_type', '=', entityType)
        .where('audit_events.entity_id', '=', entityId)
        .orderBy('audit_events.seq')
        .execute();
      return rows.map((r) => ({
        seq: Number(r.seq),
        at: iso(r.at),
        action: r.action,
        actor: { kind: r.actor_kind, id: r.actor_id, name: r.user_name ?? r.candidate_name ?? null },
        reason: r.reason,
        data: r.data,
      }));
    },

    async listCandidates(orgId: string, q: { q?: string; limit: number; cursor?: string }) {
      const after = cursorOf(q.cursor);
      let query = db.selectFrom('candidates').selectAll().where('org_id', '=', orgId);
      // Name, email or resume text; the trigram index on search_text serves the substring match.
      if (q.q)
        query = query.where(
          'search_text',
          'like',
          `%${q.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
        );
      if (after) {
        query = query.where((eb) =>
          eb(eb.refTuple('created_at', 'id'), '>', eb.tuple(new Date(after.sortValue), after.id)),
        );
      }
      const rows = await query
        .orderBy('created_at')
        .orderBy('id')
        .limit(q.limit + 1)
        .execute();
      const p = pageOf(rows, q.limit, (r) => [iso(r.created_at), r.id]);
      return { items: p.items.map(presentCandidate), nextCursor: p.nextCursor };
    },

    /**
     * The funnel: for each job, how many applications reached each round (an application at round
     * k, or one that ended at it, has reached rounds 0…k), and how many were hired.
     */
    async funnel(orgId: string, filter: { jobId?: string; teamId?: string }) {
      let query = db
        .selectFrom('applications')
        .select(['job_id', 'stage_index', 'status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('org_id', '=', orgId);
      if (filter.jobId) query = query.where('job_id', '=', filter.jobId);
      if (filter.teamId) query = query.where('team_id', '=', filter.teamId);
      const rows = await query.groupBy(['job_id', 'stage_index', 'status']).execute();
      const jobs = new Map<string, { reached: number[]; hired: number; total: number }>();
      for (const r of rows) {
        const job = jobs.get(r.job_id) ?? { reached: [], hired: 0, total: 0 };
        const n = Number(r.n);
        for (let k = 0; k <= r.stage_index; k++) job.reached[k] = (job.reached[k] ?? 0) + n;
        if (r.status === 'hired') job.hired += n;
        job.total += n;
        jobs.set(r.job_id, job);
      }
      const named = jobs.size
        ? await db
            .selectFrom('jobs')
            .innerJoin('processes', 'processes.id', 'jobs.process_id')
            .select(['jobs.id', 'jobs.title', 'processes.definition'])
            .where('jobs.id', 'in', [...jobs.keys()])
            .execute()
        : [];
      const jobNames = new Map(named.map((n) => [n.id, n]));
      return [...jobs.entries()].map(([jobId, j]) => ({
        jobId,
        jobTitle: jobNames.get(jobId)?.title ?? '',
        total: j.total,
        hired: j.hired,
        rounds: Array.from({ length: j.reached.length }, (_, k) => ({
          index: k,
          name: roundName(jobNames.get(jobId)?.definition.rounds ?? [], k),
          reached: j.reached[k] ?? 0,
          passThrough:
            k === 0 ? 1 : Math.round(((j.reached[k] ?? 0) / (j.reached[k - 1] || 1)) * 1000) / 1000,
        })),
      }));
    },

    async getCandidate(orgId: string, id: string) {
      const row = await db
        .selectFrom('candidates')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? presentCandidate(row) : null;
    },

    async attachments(orgId: string, candidateId: string) {
      const rows = await db
        .selectFrom('attachments')
        .select(['id', 'application_id', 'kind', 'filename', 'content_type', 'size_bytes', 'created_at'])
        .where('org_id', '=', orgId)
        .where('candidate_id', '=', candidateId)
        .orderBy('created_at', 'desc')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        applicationId: r.application_id,
        kind: r.kind as 'resume' | 'cover_letter',
        filename: r.filename,
        contentType: r.content_type,
        sizeBytes: r.size_bytes,
        createdAt: iso(r.created_at),
      }));
    },

    attachmentFile: (orgId: string, id: string) =>
      db
        .selectFrom('attachments')
        .select(['filename', 'content_type', 'data'])
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .executeTakeFirst(),

    async candidateApplications(orgId: string, candidateId: string) {
      const rows = await db
        .selectFrom('applications')
        .innerJoin('jobs', 'jobs.id', 'applications.job_id')
        .selectAll('applications')
        .select('jobs.title as job_title')
        .where('applications.org_id', '=', orgId)
        .where('applications.candidate_id', '=', candidateId)
        .orderBy('applications.submitted_at')
        .execute();
      return rows.map((r) => ({
        ...presentApplication(r),
        jobTitle: r.job_title,
        lastHeardAt: r.last_candidate_message_at ? iso(r.last_candidate_message_at) : null,
      }));
    },

    /** The emails sent to a candidate, for their data export (R-CAND-4). */
    candidateMessages: (orgId: string, candidateId: string) =>
      db
        .selectFrom('deliveries')
        .select(['subject', 'body', 'status', 'created_at', 'delivered_at'])
        .where('org_id', '=', orgId)
        .where('candidate_id', '=', candidateId)
        .where('channel', '=', 'email')
        .orderBy('created_at')
        .execute()
        .then((rows) =>
          rows.map((r) => ({
            subject: r.subject,
            body: r.body,
            status: r.status,
            createdAt: iso(r.created_at),
            deliveredAt: r.delivered_at ? iso(r.delivered_at) : null,
          })),
        ),

    async me(actor: { kind: 'staff'; userId: string } | { kind: 'candidate'; candidateId: string }) {
      if (actor.kind === 'staff') {
        return db.selectFrom('users').selectAll().where('id', '=', actor.userId).executeTakeFirstOrThrow();
      }
      return db
        .selectFrom('candidates')
        .selectAll()
        .where('id', '=', actor.candidateId)
        .executeTakeFirstOrThrow();
    },
  };
}
