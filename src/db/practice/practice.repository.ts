import type { Kysely, Selectable } from 'kysely';
import type { PracticeAttempt, PracticePlan, PracticeRepository } from '../../core/practice/practice.port.js';
import { candidateZone } from '../candidates/candidate-zone.js';
import { programJson } from '../columns.js';
import type { DB } from '../schema.js';

export const toAttempt = (r: Selectable<DB['practice_attempts']>): PracticeAttempt => ({
  id: r.id,
  orgId: r.org_id,
  candidateId: r.candidate_id,
  kind: r.kind,
  slug: r.slug,
  mode: r.mode,
  language: r.language,
  code: r.code,
  startedAt: r.started_at,
  deadlineAt: r.deadline_at,
  submittedAt: r.submitted_at,
  passed: r.passed,
  total: r.total,
  scorePercent: r.score_percent,
});

export const toPlan = (r: Selectable<DB['practice_plans']>): PracticePlan => ({
  id: r.id,
  orgId: r.org_id,
  candidateId: r.candidate_id,
  interviewId: r.interview_id,
  roundName: r.round_name,
  roundType: r.round_type,
  roundStartsAt: r.round_starts_at,
  days: r.days,
  reminders: r.reminders,
  lastRemindedOn: r.last_reminded_on,
  createdAt: r.created_at,
  endedAt: r.ended_at,
});

/** The candidate's practice rows, always by organisation and candidate. */
export function practiceRepository(db: Kysely<DB>): PracticeRepository {
  return {
    async insertAttempt(a) {
      await db
        .insertInto('practice_attempts')
        .values({
          id: a.id,
          org_id: a.orgId,
          candidate_id: a.candidateId,
          kind: a.kind,
          slug: a.slug,
          mode: a.mode,
          language: a.language,
          code: a.code,
          started_at: a.startedAt,
          deadline_at: a.deadlineAt,
          submitted_at: a.submittedAt,
          passed: a.passed,
          total: a.total,
          score_percent: a.scorePercent,
        })
        .execute();
    },
    async lockAttempt(orgId, candidateId, id) {
      const row = await db
        .selectFrom('practice_attempts')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('candidate_id', '=', candidateId)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      return row ? toAttempt(row) : null;
    },
    async finishAttempt(id, done) {
      await db
        .updateTable('practice_attempts')
        .set({
          language: done.language,
          code: done.code,
          submitted_at: done.submittedAt,
          passed: done.passed,
          total: done.total,
          score_percent: done.scorePercent,
        })
        .where('id', '=', id)
        .execute();
    },
    async attempts(orgId, candidateId) {
      const rows = await db
        .selectFrom('practice_attempts')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('candidate_id', '=', candidateId)
        .orderBy('started_at', 'desc')
        .orderBy('id')
        .limit(500)
        .execute();
      return rows.map(toAttempt);
    },
    async nextRound(orgId, candidateId, now) {
      const row = await db
        .selectFrom('interviews')
        .innerJoin('applications', 'applications.id', 'interviews.application_id')
        .select(['interviews.id', 'interviews.round_key', 'interviews.starts_at', 'applications.plan'])
        .where('interviews.org_id', '=', orgId)
        .where('applications.candidate_id', '=', candidateId)
        .where('interviews.status', '=', 'scheduled')
        .where('interviews.starts_at', '>', now)
        .orderBy('interviews.starts_at')
        .orderBy('interviews.id')
        .limit(1)
        .executeTakeFirst();
      if (!row) return null;
      const round = row.plan.find((p) => p.key === row.round_key);
      return {
        interviewId: row.id,
        roundName: round?.name ?? row.round_key,
        roundType: round?.roundType ?? '',
        startsAt: row.starts_at,
        zone: await candidateZone(db, orgId, candidateId),
      };
    },
    async lockActivePlan(orgId, candidateId) {
      const row = await db
        .selectFrom('practice_plans')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('candidate_id', '=', candidateId)
        .where('ended_at', 'is', null)
        .forUpdate()
        .executeTakeFirst();
      return row ? toPlan(row) : null;
    },
    async insertPlan(p) {
      await db
        .insertInto('practice_plans')
        .values({
          id: p.id,
          org_id: p.orgId,
          candidate_id: p.candidateId,
          interview_id: p.interviewId,
          round_name: p.roundName,
          round_type: p.roundType,
          round_starts_at: p.roundStartsAt,
          days: programJson(p.days),
          reminders: p.reminders,
          last_reminded_on: p.lastRemindedOn,
          created_at: p.createdAt,
          ended_at: p.endedAt,
        })
        .execute();
    },
    async savePlanDays(id, days) {
      await db
        .updateTable('practice_plans')
        .set({ days: programJson(days) })
        .where('id', '=', id)
        .execute();
    },
    async endPlan(id, at) {
      await db.updateTable('practice_plans').set({ ended_at: at }).where('id', '=', id).execute();
    },
    async lockPlansToRemind(now, limit) {
      const rows = await db
        .selectFrom('practice_plans as p')
        .innerJoin('candidates as c', 'c.id', 'p.candidate_id')
        .innerJoin('orgs as o', 'o.id', 'p.org_id')
        .selectAll('p')
        .select(['c.unsubscribed_at', 'c.timezone', 'o.default_timezone'])
        .where('p.ended_at', 'is', null)
        .where('p.reminders', '=', true)
        .where('p.round_starts_at', '>', now)
        .where((eb) =>
          eb.or([
            eb('p.last_reminded_on', 'is', null),
            // A reminded day is the candidate's own, up to a day ahead of UTC's: which of these is
            // due is decided in their zone (reminderDue); the least recently reminded come first.
            eb('p.last_reminded_on', '<', new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10)),
          ]),
        )
        .orderBy('p.last_reminded_on', (o) => o.asc().nullsFirst())
        .orderBy('p.id')
        .limit(limit)
        .forUpdate('p')
        .skipLocked()
        .execute();
      return rows.map(({ unsubscribed_at, timezone, default_timezone, ...row }) => ({
        plan: toPlan(row),
        unsubscribed: unsubscribed_at !== null,
        zone: timezone ?? default_timezone ?? 'UTC',
      }));
    },
    async markReminded(id, day) {
      await db.updateTable('practice_plans').set({ last_reminded_on: day }).where('id', '=', id).execute();
    },
    async publishLink(orgId, tokenHash, at) {
      await db
        .insertInto('practice_links')
        .values({ org_id: orgId, token_hash: tokenHash, published_at: at })
        .onConflict((c) => c.column('org_id').doUpdateSet({ token_hash: tokenHash, published_at: at }))
        .execute();
    },
    async unpublishLink(orgId) {
      await db.deleteFrom('practice_links').where('org_id', '=', orgId).execute();
    },
  };
}
