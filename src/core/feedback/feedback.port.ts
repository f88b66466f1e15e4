import type { ScorecardContent } from '../../contracts/kits.js';
import type { RoundFeedback, Scorecard, ScorecardStatus } from '../shared/types.js';

export interface ScorecardChange {
  status?: ScorecardStatus;
  revision?: number;
  content?: ScorecardContent;
  submittedAt?: Date;
  reminderStage?: number;
}

/** A submitted (or amended) scorecard's content as it was at that revision. */
export interface ScorecardRevision {
  scorecardId: string;
  revision: number;
  content: ScorecardContent;
  reason: string;
  at: Date;
}

export interface CommitteeVote {
  orgId: string;
  applicationId: string;
  roundKey: string;
  voterId: string;
  vote: 'advance' | 'reject';
  note: string;
  at: Date;
}

export interface FeedbackRepository {
  insertScorecard(scorecard: Scorecard): Promise<void>;
  /** Locks the scorecard of one interviewer on one interview; null when they are not on it. */
  lockScorecard(orgId: string, interviewId: string, interviewerId: string): Promise<Scorecard | null>;
  /** Sets the fields given, leaves the rest, and moves the version on. */
  updateScorecard(orgId: string, id: string, change: ScorecardChange): Promise<Scorecard>;
  addRevision(revision: ScorecardRevision): Promise<void>;
  /** Each interviewer's scorecard status on a round, with their recommendation once submitted. */
  roundFeedback(orgId: string, applicationId: string, roundKey: string): Promise<RoundFeedback[]>;
  /**
   * Across organisations: scorecards of active applications not yet submitted, not yet escalated,
   * due within a day of `now`, locked, soonest first.
   */
  awaitingReminder(now: Date, limit: number): Promise<(Scorecard & { teamId: string })[]>;
  /** A member's later vote on the same round replaces their earlier one. */
  upsertVote(vote: CommitteeVote): Promise<void>;
  /** The round's votes, in the order they were cast. */
  roundVotes(
    orgId: string,
    applicationId: string,
    roundKey: string,
  ): Promise<{ voterId: string; vote: 'advance' | 'reject' }[]>;
}
