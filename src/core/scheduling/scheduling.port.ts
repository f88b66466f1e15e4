import type {
  ApplicationStatus,
  BookedInterview,
  Interview,
  PlannedRound,
  SchedulingLink,
} from '../shared/types.js';
import type { Plan, PlanInput, PlanOptions } from './planner/model.js';

/** A link with what the candidate's page shows about it. */
export interface LinkPage {
  link: SchedulingLink;
  candidateId: string;
  applicationStatus: ApplicationStatus;
  roundName: string;
  jobTitle: string;
  companyName: string;
}

/** An application as the planner needs it; zone and language fall back to the organisation's. */
export interface ApplicationToPlan {
  id: string;
  status: ApplicationStatus;
  plan: PlannedRound[];
  stageIndex: number;
  candidateId: string;
  level: string;
  teamId: string;
  timezone: string;
  language: string;
}

/** Interviews, the time they hold and self-scheduling links, as the scheduling use cases see them. */
export interface SchedulingRepository {
  /**
   * Records the interview and holds its time for every participant (interviewers and candidate).
   * A participant already held at an overlapping time makes the database refuse the booking.
   */
  insertInterview(
    interview: Interview & { createdBy: string; languageConfirmedAt: Date | null },
    participantIds: string[],
  ): Promise<void>;
  lockInterview(orgId: string, id: string): Promise<BookedInterview | null>;
  /** The start of each interview of a round that was not cancelled. */
  roundInterviews(
    orgId: string,
    applicationId: string,
    roundKey: string,
  ): Promise<{ id: string; startsAt: Date }[]>;
  /** Which of these applications have an interview booked (not cancelled), past or to come. */
  withInterviews(orgId: string, applicationIds: string[]): Promise<Set<string>>;
  /** Ids of an application's interviews still to come that nobody has submitted feedback on. */
  upcoming(orgId: string, applicationId: string, after: Date): Promise<string[]>;
  /** Moves (or cancels) a booked interview: holds follow, SEQUENCE and version go up. */
  moveInterview(
    orgId: string,
    id: string,
    change: { startsAt: Date; endsAt: Date; reason: string; participantIds: string[] },
  ): Promise<BookedInterview>;
  cancelInterview(orgId: string, id: string, reason: string): Promise<BookedInterview>;
  /**
   * Books a cancelled interview again at its time, for an undone decision whose cancellation never
   * went out; the database refuses it when someone's time was taken since.
   */
  restoreInterview(orgId: string, id: string): Promise<BookedInterview>;
  /** Feedback not yet given on an interview that no longer happens is dropped. */
  dropOpenScorecards(interviewId: string): Promise<void>;
  setScorecardDue(interviewId: string, interviewerId: string, dueAt: Date): Promise<void>;
  lockLink(tokenHash: string): Promise<SchedulingLink | null>;
  insertLink(link: SchedulingLink & { tokenHash: string; createdAt: Date }): Promise<void>;
  markLinkBooked(linkId: string, interviewId: string): Promise<void>;
  interview(orgId: string, id: string): Promise<BookedInterview | null>;
  linkPage(tokenHash: string): Promise<LinkPage | null>;
  /**
   * A team's or a job's active applications whose current round is a meeting not yet booked,
   * oldest first, at most `limit`: a hiring week to plan.
   */
  toSchedule(
    orgId: string,
    scope: { teamId?: string | undefined; jobId?: string | undefined },
    limit: number,
  ): Promise<string[]>;
  /** The applications of the organisation among `ids`; unknown ids are left out. */
  applicationsToPlan(orgId: string, ids: string[]): Promise<ApplicationToPlan[]>;
}

/** Solves a planning problem; the server runs it on a thread of its own. */
export interface Planner {
  plan(input: PlanInput, options: PlanOptions): Promise<Plan>;
}
