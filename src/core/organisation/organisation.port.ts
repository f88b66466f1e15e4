import type { VestingSchedule } from '../../contracts/offer-terms.js';
import type { FamilyPolicy, StaffRole } from '../shared/types.js';

export interface Team {
  id: string;
  orgId: string;
  name: string;
  timezone: string;
  createdAt: Date;
}

export interface Office {
  id: string;
  orgId: string;
  name: string;
  location: string;
  timezone: string;
  createdAt: Date;
}

export interface User {
  id: string;
  orgId: string;
  email: string;
  name: string;
  timezone: string;
  roles: StaffRole[];
  teamIds: string[];
}

/** Staff as scheduling and feedback see them: time zones for deadlines, roles for approvals. */
export interface PeopleRepository {
  /** Staff of the organisation by id with their time zones; unknown ids are left out. */
  staff(orgId: string, ids: string[]): Promise<{ id: string; timezone: string; roles: StaffRole[] }[]>;
  holidays(orgId: string): Promise<Set<string>>;
}

export interface TeamsRepository {
  exists(orgId: string, id: string): Promise<boolean>;
}

export interface PoliciesRepository {
  /** The family's stored policy, or the default when the organisation set none. */
  forFamily(orgId: string, jobFamily: string): Promise<FamilyPolicy>;
}

/** The reference data an admin keeps: teams, offices, staff, policies, holidays, vesting schedules. */
export interface OrganisationRepository {
  /** Names are compared without case: "Payments" and "payments" are one team. */
  teamNameTaken(orgId: string, name: string): Promise<boolean>;
  insertTeam(team: Team): Promise<Team>;
  insertOffice(office: Office): Promise<Office>;
  /** Emails are compared normalised, as sign-in finds them. */
  emailTaken(orgId: string, email: string): Promise<boolean>;
  /** True when every id names a team of the organisation. */
  teamsExist(orgId: string, teamIds: string[]): Promise<boolean>;
  insertUser(user: User & { passwordHash: string; createdAt: Date }): Promise<User>;
  putPolicy(orgId: string, policy: FamilyPolicy): Promise<void>;
  holidayExists(orgId: string, day: string): Promise<boolean>;
  insertHoliday(orgId: string, holiday: { day: string; name: string }): Promise<void>;
  insertVestingSchedule(orgId: string, schedule: VestingSchedule, at: Date): Promise<void>;
}
