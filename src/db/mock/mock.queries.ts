import type { Kysely } from 'kysely';
import type { DB } from '../schema.js';

/** Mock sessions as their two people see them; nothing here is read by any hiring screen. */
export function mockQueries(db: Kysely<DB>) {
  const sessions = (orgId: string) =>
    db
      .selectFrom('mock_sessions')
      .innerJoin('users', 'users.id', 'mock_sessions.coach_id')
      .innerJoin('candidates', 'candidates.id', 'mock_sessions.candidate_id')
      .innerJoin('orgs', 'orgs.id', 'mock_sessions.org_id')
      .leftJoin('pads', 'pads.mock_session_id', 'mock_sessions.id')
      .leftJoin('mock_cards', 'mock_cards.session_id', 'mock_sessions.id')
      .select([
        'mock_sessions.id',
        'mock_sessions.round_type',
        'mock_sessions.starts_at',
        'mock_sessions.ends_at',
        'mock_sessions.status',
        'mock_sessions.cancel_reason',
        'mock_sessions.coach_id',
        'mock_sessions.candidate_id',
        'users.name as coach_name',
        'users.timezone as coach_zone',
        'candidates.first_name as candidate_name',
        'candidates.timezone as candidate_zone',
        'orgs.default_timezone',
        'pads.id as pad_id',
        'mock_cards.ratings',
        'mock_cards.advice',
        'mock_cards.submitted_at',
      ])
      .where('mock_sessions.org_id', '=', orgId);
  return {
    /** The candidate's own sessions, latest first. */
    ofCandidate: (orgId: string, candidateId: string) =>
      sessions(orgId)
        .where('mock_sessions.candidate_id', '=', candidateId)
        .orderBy('mock_sessions.starts_at', 'desc')
        .execute(),
    /** The sessions a practice interviewer coaches, soonest first. */
    ofCoach: (orgId: string, coachId: string) =>
      sessions(orgId)
        .where('mock_sessions.coach_id', '=', coachId)
        .orderBy('mock_sessions.starts_at')
        .execute(),
    /** Who may be on a mock session's pad: its practice interviewer and its candidate. */
    padPeople: (orgId: string, sessionId: string) =>
      db
        .selectFrom('mock_sessions')
        .select(['coach_id', 'candidate_id'])
        .where('org_id', '=', orgId)
        .where('id', '=', sessionId)
        .executeTakeFirst(),
  };
}

export type MockSessionRow = Awaited<ReturnType<ReturnType<typeof mockQueries>['ofCandidate']>>[number];
