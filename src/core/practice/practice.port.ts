import type { PracticeKind } from '../../contracts/practice.js';
import type { Result } from '../shared/result.js';
import type { DoneAttempt, PlanDay } from './practice.rules.js';

export type PracticeAttempt = DoneAttempt & {
  id: string;
  orgId: string;
  candidateId: string;
  language: string | null;
  code: string | null;
  deadlineAt: Date | null;
  scorePercent: number | null;
};

export type PracticePlan = {
  id: string;
  orgId: string;
  candidateId: string;
  interviewId: string;
  roundName: string;
  roundType: string;
  roundStartsAt: Date;
  days: PlanDay[];
  reminders: boolean;
  lastRemindedOn: string | null;
  createdAt: Date;
  endedAt: Date | null;
};

/** The candidate's next interview still to come, with its round's type. */
export type NextRound = {
  interviewId: string;
  roundName: string;
  roundType: string;
  startsAt: Date;
  /** The candidate's time zone, which the plan's days follow. */
  zone: string;
};

/**
 * The candidate's own practice. Every call takes the organisation and the candidate: nothing here is
 * read by staff, and nothing joins it to an application.
 */
export interface PracticeRepository {
  insertAttempt(attempt: PracticeAttempt): Promise<void>;
  lockAttempt(orgId: string, candidateId: string, id: string): Promise<PracticeAttempt | null>;
  finishAttempt(
    id: string,
    done: {
      language: string;
      code: string;
      submittedAt: Date;
      passed: number;
      total: number;
      scorePercent: number;
    },
  ): Promise<void>;
  attempts(orgId: string, candidateId: string): Promise<PracticeAttempt[]>;
  nextRound(orgId: string, candidateId: string, now: Date): Promise<NextRound | null>;
  lockActivePlan(orgId: string, candidateId: string): Promise<PracticePlan | null>;
  insertPlan(plan: PracticePlan): Promise<void>;
  savePlanDays(id: string, days: PlanDay[]): Promise<void>;
  endPlan(id: string, at: Date): Promise<void>;
  /** Plans in force with reminders on and their round still ahead, locked, with whether the candidate unsubscribed. */
  /** Plans that may be due a reminder, with each candidate's opt-out and time zone. */
  lockPlansToRemind(
    now: Date,
    limit: number,
  ): Promise<{ plan: PracticePlan; unsubscribed: boolean; zone: string }[]>;
  markReminded(id: string, day: string): Promise<void>;
  publishLink(orgId: string, tokenHash: string, at: Date): Promise<void>;
  unpublishLink(orgId: string): Promise<void>;
}

/** A practice answer graded on the item's public tests only (a query: against the reference rows). */
export type PracticeGrade = { passed: number; total: number; scorePercent: number; grade: unknown };

/** The practice set and its grading, outside the core (the sandboxes). */
export interface PracticeGrader {
  /** The item's minutes and answer languages, or null when the practice set has no such item. */
  item(kind: PracticeKind, slug: string): { minutes: number; languages: readonly string[] } | null;
  grade(
    kind: PracticeKind,
    slug: string,
    language: string,
    code: string,
    owner: string,
  ): Promise<Result<PracticeGrade>>;
}
