import type { BookedInterview, Interview, SchedulingLink } from '../shared/types.js';

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
  /** Ids of an application's interviews still to come. */
  upcoming(orgId: string, applicationId: string, after: Date): Promise<string[]>;
  /** Moves (or cancels) a booked interview: holds follow, SEQUENCE and version go up. */
  moveInterview(
    orgId: string,
    id: string,
    change: { startsAt: Date; endsAt: Date; reason: string; participantIds: string[] },
  ): Promise<BookedInterview>;
  cancelInterview(orgId: string, id: string, reason: string): Promise<BookedInterview>;
  /** Feedback not yet given on an interview that no longer happens is dropped. */
  dropOpenScorecards(interviewId: string): Promise<void>;
  setScorecardDue(interviewId: string, interviewerId: string, dueAt: Date): Promise<void>;
  lockLink(tokenHash: string): Promise<SchedulingLink | null>;
  insertLink(link: SchedulingLink & { tokenHash: string; createdAt: Date }): Promise<void>;
  markLinkBooked(linkId: string, interviewId: string): Promise<void>;
}
