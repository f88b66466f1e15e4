import type { MockRoundType } from '../../contracts/mock.js';

export interface MockSettings {
  enabled: boolean;
  /** At most this many sessions per candidate... */
  maxSessions: number;
  /** ...booked within this many days. */
  windowDays: number;
}

export type MockStatus = 'booked' | 'cancelled' | 'held' | 'candidate_no_show' | 'coach_no_show';

export interface MockSession {
  id: string;
  orgId: string;
  candidateId: string;
  coachId: string;
  roundType: MockRoundType;
  startsAt: Date;
  endsAt: Date;
  status: MockStatus;
  hasCard: boolean;
  padId: string | null;
}

export interface Parties {
  orgName: string;
  /** The candidate's first name: all the practice interviewer needs. */
  candidateName: string;
  candidate: { timezone: string; language: string };
  coachName: string;
  coach: { timezone: string; language: string };
}

export interface CoachProfile {
  active: boolean;
  roundTypes: MockRoundType[];
}

/**
 * Mock interviews: the organisation's settings, who coaches which round, and the sessions. A
 * session's booked time is held in the same table as interviews' (`holdTime`), so the exclusion
 * constraint refuses a mock and a real interview at once for the same person.
 */
export interface MockRepository {
  settings(orgId: string): Promise<MockSettings>;
  saveSettings(orgId: string, settings: MockSettings, at: Date): Promise<void>;
  coach(orgId: string, userId: string): Promise<CoachProfile>;
  saveCoach(orgId: string, userId: string, profile: CoachProfile, at: Date): Promise<void>;
  /** Active, enabled staff coaching `roundType`, in a stable order. */
  coachesFor(orgId: string, roundType: MockRoundType): Promise<string[]>;
  /** Locks the candidate's row so two bookings of theirs are counted one after the other. */
  lockCandidate(orgId: string, candidateId: string): Promise<boolean>;
  /** Whether the candidate has an application still in progress: mocks are for people in a process. */
  inProcess(orgId: string, candidateId: string): Promise<boolean>;
  /** Sessions of the candidate that were not cancelled, booked since `since`. */
  countSince(orgId: string, candidateId: string, since: Date): Promise<number>;
  /** How many sessions, not cancelled, each of these practice interviewers has starting in `window`. */
  loadOf(
    orgId: string,
    coachIds: readonly string[],
    window: { start: Date; end: Date },
  ): Promise<Map<string, number>>;
  /** The candidate's sessions still booked that start after `now`. */
  ahead(orgId: string, candidateId: string, now: Date): Promise<MockSession[]>;
  insert(session: Omit<MockSession, 'hasCard' | 'padId' | 'status'> & { createdAt: Date }): Promise<void>;
  /** The session with its row locked; null when it is not the organisation's. */
  lock(orgId: string, id: string): Promise<MockSession | null>;
  setStatus(
    orgId: string,
    id: string,
    status: MockStatus,
    cancel?: { by: 'candidate' | 'coach'; reason: string },
  ): Promise<void>;
  /** Who a session is between, as messages name them, and the organisation's name. */
  parties(orgId: string, candidateId: string, coachId: string): Promise<Parties>;
  insertCard(
    orgId: string,
    sessionId: string,
    card: { ratings: Record<string, string>; advice: string },
    at: Date,
  ): Promise<void>;
}
