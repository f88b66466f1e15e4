import type { DomainError } from '../../contracts/errors.js';
import type { Result } from '../shared/result.js';
import type { StaffRole } from '../shared/types.js';
import type { Attendee, DayHours, WeeklyHours } from './availability.rules.js';
import type { Interval } from './intervals.js';

export interface ProfileInput {
  weeklyHours: WeeklyHours;
  weeklyCap: number;
  roundTypes: string[];
  levels: string[];
  languages: string[];
  /** Undefined keeps the saved feed. */
  calendarUrl?: string | null | undefined;
}

export type Profile = Required<ProfileInput> & {
  userId: string;
  calendarHost: string | null;
  timezone: string;
  /** False until someone saves the profile: defaults apply, and the planner leaves them out. */
  configured: boolean;
  calendarSyncedAt: string | null;
  /** Why the last automatic refresh of the feed failed; null when it worked. */
  calendarError: string | null;
  version: number;
};

export interface BusyBlock {
  startsAt: Date;
  endsAt: Date;
  summary: string;
}

/** A staff member as the availability rules see them, with who they are. */
export type StaffAttendee = Attendee & {
  id: string;
  name: string;
  timezone: string;
  profile: Profile;
  teamIds: string[];
  roles: StaffRole[];
};

/** A participant's booked time (an interview hold). */
export type Hold = Interval & { participantId: string };

/** Interviewers' availability: profiles, date overrides, imported busy time and booked time. */
export interface AvailabilityRepository {
  /** A staff member's profile (defaults when never saved); null when they are not staff of the org. */
  profile(orgId: string, userId: string): Promise<Profile | null>;
  /** Saves a profile at `expectedVersion` (0: the first save); the new version, or null when stale. */
  saveProfile(
    orgId: string,
    userId: string,
    input: ProfileInput,
    expectedVersion: number,
    at: Date,
  ): Promise<number | null>;
  putOverride(orgId: string, userId: string, day: string, hours: DayHours, reason: string): Promise<void>;
  /** False when there was no override on that day. */
  deleteOverride(orgId: string, userId: string, day: string): Promise<boolean>;
  /** Replaces the busy time imported from the staff member's calendar, and marks the feed as read. */
  replaceCalendarBusy(
    orgId: string,
    userId: string,
    blocks: (BusyBlock & { id: string })[],
    at: Date,
  ): Promise<void>;
  /** Records why the feed could not be read this time; the busy time already imported stays. */
  calendarFailed(userId: string, error: string, at: Date): Promise<void>;
  /** Feeds last checked before `before`, oldest first. */
  dueFeeds(
    before: Date,
    limit: number,
  ): Promise<{ userId: string; orgId: string; calendarUrl: string; timezone: string }[]>;
  /**
   * Each staff member as the availability rules see them: working time by their profile (defaults
   * when unset) and overrides, the organisation's holidays, busy blocks and booked interviews
   * (leaving out `excludeInterviewId`). Unknown ids are left out.
   */
  attendees(
    orgId: string,
    ids: string[],
    window: Interval,
    excludeInterviewId?: string,
  ): Promise<StaffAttendee[]>;
  /** Staff with a saved profile: the planner's pool. */
  configuredStaff(orgId: string): Promise<string[]>;
  /** Booked time of participants (staff or candidates) overlapping `window`. */
  holds(participantIds: string[], window: Interval, excludeInterviewId?: string): Promise<Hold[]>;
  /** The candidate's zone and language, else the organisation's defaults. */
  candidateZone(orgId: string, candidateId: string): Promise<{ timezone: string; language: string }>;
}

/** Reads calendars: the file's format and the network are adapters outside the core. */
export interface CalendarSource {
  /** Busy time in an iCalendar file within `window`; floating times are in `zone`. */
  busy(ics: string, zone: string, window: Interval): Result<BusyBlock[], DomainError>;
  /** Fetches a calendar feed's text. */
  fetch(url: string): Promise<Result<string, DomainError>>;
}
