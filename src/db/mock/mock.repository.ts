import { type Kysely, type Selectable, sql } from 'kysely';
import type { MockRoundType } from '../../contracts/mock.js';
import type { MockRepository } from '../../core/mock/mock.port.js';
import { defaultMockSettings } from '../../core/mock/mock.rules.js';
import type { DB } from '../schema.js';

const sessionColumns = [
  'mock_sessions.id',
  'mock_sessions.org_id',
  'mock_sessions.candidate_id',
  'mock_sessions.coach_id',
  'mock_sessions.round_type',
  'mock_sessions.starts_at',
  'mock_sessions.ends_at',
  'mock_sessions.status',
] as const;

const sessionOfRow = (
  row: Pick<
    Selectable<DB['mock_sessions']>,
    (typeof sessionColumns)[number] extends `mock_sessions.${infer C}` ? C : never
  >,
) => ({
  id: row.id,
  orgId: row.org_id,
  candidateId: row.candidate_id,
  coachId: row.coach_id,
  roundType: row.round_type as MockRoundType,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  status: row.status,
});

/** Mock interviews: settings, practice interviewers, sessions with their held time, and cards. */
export function mockRepository(trx: Kysely<DB>): MockRepository {
  return {
    async settings(orgId) {
      const row = await trx
        .selectFrom('mock_settings')
        .select(['enabled', 'max_sessions', 'window_days'])
        .where('org_id', '=', orgId)
        .executeTakeFirst();
      return row
        ? { enabled: row.enabled, maxSessions: row.max_sessions, windowDays: row.window_days }
        : defaultMockSettings;
    },
    async saveSettings(orgId, s, at) {
      const values = {
        enabled: s.enabled,
        max_sessions: s.maxSessions,
        window_days: s.windowDays,
        updated_at: at,
      };
      await trx
        .insertInto('mock_settings')
        .values({ org_id: orgId, ...values })
        .onConflict((oc) => oc.column('org_id').doUpdateSet(values))
        .execute();
    },
    async coach(orgId, userId) {
      const row = await trx
        .selectFrom('mock_coaches')
        .select(['active', 'round_types'])
        .where('org_id', '=', orgId)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return row
        ? { active: row.active, roundTypes: row.round_types as MockRoundType[] }
        : { active: false, roundTypes: [] };
    },
    async saveCoach(orgId, userId, profile, at) {
      const values = { active: profile.active, round_types: profile.roundTypes, updated_at: at };
      await trx
        .insertInto('mock_coaches')
        .values({ user_id: userId, org_id: orgId, ...values })
        .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
        .execute();
    },
    async coachesFor(orgId, roundType) {
      const rows = await trx
        .selectFrom('mock_coaches')
        .innerJoin('users', 'users.id', 'mock_coaches.user_id')
        .select('mock_coaches.user_id')
        .where('mock_coaches.org_id', '=', orgId)
        .where('mock_coaches.active', '=', true)
        .where(sql<boolean>`${roundType} = ANY(mock_coaches.round_types)`)
        .where('users.disabled_at', 'is', null)
        .orderBy('mock_coaches.user_id')
        .execute();
      return rows.map((r) => r.user_id);
    },
    async lockCandidate(orgId, candidateId) {
      const row = await trx
        .selectFrom('candidates')
        .select('id')
        .where('org_id', '=', orgId)
        .where('id', '=', candidateId)
        .where('erased_at', 'is', null)
        .forUpdate()
        .executeTakeFirst();
      return row !== undefined;
    },
    async inProcess(orgId, candidateId) {
      const row = await trx
        .selectFrom('applications')
        .select('id')
        .where('org_id', '=', orgId)
        .where('candidate_id', '=', candidateId)
        .where('status', 'in', ['queued', 'active'])
        .executeTakeFirst();
      return row !== undefined;
    },
    async countSince(orgId, candidateId, since) {
      const row = await trx
        .selectFrom('mock_sessions')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('org_id', '=', orgId)
        .where('candidate_id', '=', candidateId)
        .where('status', '<>', 'cancelled')
        .where('created_at', '>', since)
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async loadOf(orgId, coachIds, window) {
      if (coachIds.length === 0) return new Map();
      const rows = await trx
        .selectFrom('mock_sessions')
        .select(['coach_id', (eb) => eb.fn.countAll<string>().as('n')])
        .where('org_id', '=', orgId)
        .where('coach_id', 'in', coachIds)
        .where('status', '<>', 'cancelled')
        .where('starts_at', '>=', window.start)
        .where('starts_at', '<', window.end)
        .groupBy('coach_id')
        .execute();
      return new Map(rows.map((r) => [r.coach_id, Number(r.n)]));
    },
    async insert(s) {
      await trx
        .insertInto('mock_sessions')
        .values({
          id: s.id,
          org_id: s.orgId,
          candidate_id: s.candidateId,
          coach_id: s.coachId,
          round_type: s.roundType,
          starts_at: s.startsAt,
          ends_at: s.endsAt,
          status: 'booked',
          created_at: s.createdAt,
        })
        .execute();
      // Both people's time, in the table whose exclusion constraint keeps anyone from two bookings.
      await trx
        .insertInto('interview_holds')
        .values(
          [s.coachId, s.candidateId].map((participant) => ({
            interview_id: null,
            mock_session_id: s.id,
            org_id: s.orgId,
            participant_id: participant,
            during: sql<string>`tstzrange(${s.startsAt}, ${s.endsAt}, '[)')`,
          })),
        )
        .execute();
    },
    async ahead(orgId, candidateId, now) {
      const rows = await trx
        .selectFrom('mock_sessions')
        .select(sessionColumns)
        .where('org_id', '=', orgId)
        .where('candidate_id', '=', candidateId)
        .where('status', '=', 'booked')
        .where('starts_at', '>', now)
        .execute();
      return rows.map((row) => ({ ...sessionOfRow(row), hasCard: false, padId: null }));
    },
    async lock(orgId, id) {
      const row = await trx
        .selectFrom('mock_sessions')
        .leftJoin('pads', 'pads.mock_session_id', 'mock_sessions.id')
        .leftJoin('mock_cards', 'mock_cards.session_id', 'mock_sessions.id')
        .select([...sessionColumns, 'pads.id as pad_id', 'mock_cards.session_id as card'])
        .where('mock_sessions.org_id', '=', orgId)
        .where('mock_sessions.id', '=', id)
        .forUpdate('mock_sessions')
        .executeTakeFirst();
      if (!row) return null;
      return { ...sessionOfRow(row), hasCard: row.card !== null, padId: row.pad_id };
    },
    async setStatus(orgId, id, status, cancel) {
      await trx
        .updateTable('mock_sessions')
        .set({ status, cancelled_by: cancel?.by ?? null, cancel_reason: cancel?.reason ?? null })
        .where('org_id', '=', orgId)
        .where('id', '=', id)
        .execute();
      // A cancelled session frees both people's time; a held one or a no-show keeps it as it was.
      if (status === 'cancelled')
        await trx.deleteFrom('interview_holds').where('mock_session_id', '=', id).execute();
    },
    async parties(orgId, candidateId, coachId) {
      const row = await trx
        .selectFrom('orgs')
        .innerJoin('candidates', 'candidates.org_id', 'orgs.id')
        .innerJoin('users', 'users.org_id', 'orgs.id')
        .select([
          'orgs.name as org_name',
          'orgs.default_timezone',
          'orgs.default_language',
          'candidates.first_name',
          'candidates.timezone as candidate_zone',
          'candidates.language as candidate_language',
          'users.name as coach_name',
          'users.timezone as coach_zone',
        ])
        .where('orgs.id', '=', orgId)
        .where('candidates.id', '=', candidateId)
        .where('users.id', '=', coachId)
        .executeTakeFirstOrThrow();
      return {
        orgName: row.org_name,
        candidateName: row.first_name,
        candidate: {
          timezone: row.candidate_zone ?? row.default_timezone,
          language: row.candidate_language ?? row.default_language,
        },
        coachName: row.coach_name,
        coach: { timezone: row.coach_zone, language: row.default_language },
      };
    },
    async insertCard(orgId, sessionId, card, at) {
      await trx
        .insertInto('mock_cards')
        .values({
          session_id: sessionId,
          org_id: orgId,
          ratings: JSON.stringify(card.ratings),
          advice: card.advice,
          submitted_at: at,
        })
        .execute();
    },
  };
}
