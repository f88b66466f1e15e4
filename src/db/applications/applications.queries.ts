import { type Kysely, type Selectable, sql } from 'kysely';
import type { ListFilter } from '../../contracts/views.js';
import type { EvidenceGap } from '../../contracts/vocabulary.js';
import { redactForBlindReview } from '../../core/screening/index.js';
import { presentCandidate, resumeUnread } from '../candidates/candidates.queries.js';
import { afterTime, cursorTime, encodeCursor, InvalidCursorError, pageOf } from '../pagination.js';
import type { DB } from '../schema.js';
import { blindName, knownOf, screeningQueries } from '../screening/screening.queries.js';
import { all, applicationConditions, candidateConditions } from '../tags/filters.js';
import { toApplication } from './applications.repository.js';

const iso = (d: Date) => d.toISOString();

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

/** sort=tier's cursor: the tier's rank, the submission time as the database's text, the id. */
function rankCursor(rows: { screening_rank: number; cursor_time: string; id: string }[], limit: number) {
  const last = rows[limit - 1];
  return rows.length > limit && last
    ? encodeCursor(`${last.screening_rank}|${last.cursor_time}`, last.id)
    : null;
}

function afterRank(cursor: string | undefined) {
  if (!cursor) return null;
  let sortValue = '';
  let id = '';
  try {
    [sortValue, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
  } catch {
    throw new InvalidCursorError('cursor is not one this API issued');
  }
  const match = typeof sortValue === 'string' ? /^([0-4])\|(.+)$/.exec(sortValue) : null;
  if (!match || typeof id !== 'string') throw new InvalidCursorError('cursor is not one this API issued');
  // The time and id are checked as a time-sorted cursor is.
  const after = afterTime(encodeCursor(match[2]!, id))!;
  return { rank: Number(match[1]), ...after };
}

/** Read models for applications: the review queue, one application, its timeline. */
export function applicationQueries(db: Kysely<DB>) {
  const screening = screeningQueries(db);
  return {
    /** R-APP-4: rolling review; the queue is read as applications arrived, oldest first, no batch. */
    async list(
      orgId: string,
      q: {
        jobId?: string;
        status?: string;
        roundKey?: string;
        step?: string;
        candidateId?: string;
        /** tier: strong, possible, unclear, weak, then not annotated; each oldest first (ADR 0025). */
        sort?: 'submitted' | 'tier';
        /** Comma-separated tiers of the current annotation. */
        tier?: string;
        limit: number;
        cursor?: string;
      } & Omit<ListFilter, 'jobId' | 'step'>,
    ) {
      const byTier = q.sort === 'tier';
      const after = byTier ? afterRank(q.cursor) : afterTime(q.cursor);
      let query = db
        .selectFrom('applications')
        .innerJoin('candidates', 'candidates.id', 'applications.candidate_id')
        .innerJoin('jobs', 'jobs.id', 'applications.job_id')
        .selectAll('applications')
        .select(['candidates.first_name', 'candidates.last_name', 'jobs.title as job_title'])
        .select(sql<boolean>`candidates.resume_text is not null`.as('has_resume'))
        .select(cursorTime('applications.submitted_at'))
        .where('applications.org_id', '=', orgId);
      if (q.tier)
        query = query
          .where('applications.screening_tier', 'in', q.tier.split(','))
          .where('applications.screening_opt_out', '=', false);
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
      // The job and the step are filtered above on the row itself; only the rest needs the join.
      const filtered = [
        ...applicationConditions({ ...q, jobId: undefined, step: undefined }),
        ...candidateConditions(q),
      ];
      if (filtered.length > 0) {
        query =
          query.where(sql<boolean>`exists (select 1 from applications a join candidates c on c.id = a.candidate_id
          where a.id = applications.id and ${all(filtered)})`);
      }
      if (after && 'rank' in after) {
        query = query.where((eb) =>
          eb(
            eb.refTuple('applications.screening_rank', 'applications.submitted_at', 'applications.id'),
            '>',
            eb.tuple(sql<number>`${after.rank}::smallint`, after.time, after.id),
          ),
        );
      } else if (after) {
        query = query.where((eb) =>
          eb(
            eb.refTuple('applications.submitted_at', 'applications.id'),
            '>',
            eb.tuple(after.time, after.id),
          ),
        );
      }
      if (byTier) query = query.orderBy('applications.screening_rank');
      const rows = await query
        .orderBy('applications.submitted_at')
        .orderBy('applications.id')
        .limit(q.limit + 1)
        .execute();
      const p = byTier
        ? { items: rows.slice(0, q.limit), nextCursor: rankCursor(rows, q.limit) }
        : pageOf(rows, q.limit, (r) => [r.cursor_time, r.id]);
      const shown = await screening.decorate(orgId, p.items);
      return {
        items: p.items.map((r) => {
          const { screening: summary, blind } = shown.get(r.id)!;
          const name = blind ? blindName(r.id) : { firstName: r.first_name, lastName: r.last_name };
          return {
            ...presentApplication(r),
            candidateName: `${name.firstName} ${name.lastName}`,
            jobTitle: r.job_title,
            screening: summary,
            blind,
          };
        }),
        nextCursor: p.nextCursor,
      };
    },

    async get(orgId: string, id: string) {
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
          .orderBy('seq')
          .execute(),
      ]);
      // Blind review (ADR 0025): the screener sees the resume, not who wrote it, until the decision.
      const blind = await screening.isBlind(orgId, row);
      const person = presentCandidate(candidate);
      return {
        ...presentApplication(row),
        blind,
        candidate: {
          ...person,
          ...(blind ? { ...blindName(row.id), email: '', phone: null } : {}),
          resumeText:
            blind && candidate.resume_text !== null
              ? redactForBlindReview(candidate.resume_text, knownOf(candidate))
              : candidate.resume_text,
          resumeUnread: await resumeUnread(db, candidate),
        },
        job,
        decisions: decisions.map((d) => ({
          id: d.id,
          roundKey: d.round_key,
          decision: d.decision as 'advance' | 'reject',
          rationale: d.rationale,
          againstMajority: d.against_majority,
          missingFeedback: d.missing_feedback,
          override: d.override_reason
            ? { reason: d.override_reason, gaps: d.evidence_gaps as EvidenceGap[] }
            : null,
          decidedBy: d.decided_by,
          decidedAt: iso(d.decided_at),
          undoUntil: d.undo?.until ?? null,
        })),
      };
    },

    /** A candidate's applications, oldest first, with when the candidate last wrote. */
    async forCandidate(orgId: string, candidateId: string) {
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
        screeningOptOut: r.screening_opt_out,
        lastHeardAt: r.last_candidate_message_at ? iso(r.last_candidate_message_at) : null,
      }));
    },

    /**
     * Every change to one application, oldest first, or null when there is no such application.
     * Round events say whether their round was eliminatory, so a reject that did not end the
     * application reads as such.
     */
    async timeline(orgId: string, applicationId: string) {
      const app = await db
        .selectFrom('applications')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('id', '=', applicationId)
        .executeTakeFirst();
      if (!app) return null;
      const rows = await db
        .selectFrom('audit_events')
        .leftJoin('users', 'users.id', 'audit_events.actor_id')
        .leftJoin('candidates', 'candidates.id', 'audit_events.actor_id')
        .leftJoin('boards', 'boards.id', 'audit_events.actor_id')
        .select([
          'audit_events.seq',
          'audit_events.at',
          'audit_events.action',
          'audit_events.actor_kind',
          'audit_events.actor_id',
          'audit_events.reason',
          'audit_events.data',
          'users.name as user_name',
          'boards.name as board_name',
          sql<string | null>`candidates.first_name || ' ' || candidates.last_name`.as('candidate_name'),
        ])
        .where('audit_events.org_id', '=', orgId)
        .where('audit_events.entity_type', '=', 'application')
        .where('audit_events.entity_id', '=', applicationId)
        .orderBy('audit_events.seq')
        .execute();
      // Under blind review the candidate's own actions show without their name.
      const hidden = (await screening.isBlind(orgId, app)) ? blindName(app.id) : null;
      const roundOf = (action: string, data: Record<string, unknown>) =>
        action.startsWith('round.') ? app.plan.find((r) => r.key === data.roundKey) : undefined;
      return rows.map((r) => {
        const round = roundOf(r.action, r.data);
        return {
          seq: Number(r.seq),
          at: iso(r.at),
          action: r.action,
          actor: {
            kind: r.actor_kind,
            id: r.actor_id,
            name:
              r.user_name ??
              (r.candidate_name && hidden ? `${hidden.firstName} ${hidden.lastName}` : r.candidate_name) ??
              r.board_name ??
              null,
          },
          reason: r.reason,
          data: r.data,
          ...(round ? { eliminatory: Boolean(round.eliminatory) } : {}),
        };
      });
    },
  };
}
