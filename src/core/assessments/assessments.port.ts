import type { CodeGrade, RunResponse, SqlGrade } from '../../contracts/assessments.js';
import type { DomainError } from '../../contracts/errors.js';
import type { Result } from '../shared/result.js';

export type AssessmentItem = { kind: 'coding' | 'sql' | 'case_study'; slug: string };

/** A timed assessment sent to an application: its problems and its clock. */
export interface Assessment {
  id: string;
  orgId: string;
  applicationId: string;
  candidateId: string;
  items: AssessmentItem[];
  durationMinutes: number;
  startBy: Date;
  startedAt: Date | null;
  deadlineAt: Date | null;
  submittedAt: Date | null;
  scorePercent: number | null;
}

/** The candidate's last saved work on one item; a case study's `code` is its file's name. */
export interface SavedAnswer {
  itemIndex: number;
  language: string;
  code: string;
  attachmentId: string | null;
}

/** What grading an answer gives: hidden tests passed for code, whether a query's rows are right. */
export type ItemGrade = CodeGrade | (SqlGrade & { correct: boolean });

export interface GradedAnswer {
  itemIndex: number;
  language: string;
  code: string;
  grade: ItemGrade;
}

/** A line of the timeline beside the code: opened, started, a run, a paste, a focus change, … */
export interface TimelineEvent {
  kind: string;
  itemIndex: number | null;
  detail?: Record<string, unknown>;
}

export interface AssessmentsRepository {
  insert(assessment: {
    id: string;
    orgId: string;
    applicationId: string;
    tokenHash: string;
    items: AssessmentItem[];
    durationMinutes: number;
    startBy: Date;
    createdBy: string;
    createdAt: Date;
  }): Promise<void>;
  /** The assessment behind a link's hash, locked for this transaction. */
  lockByToken(tokenHash: string): Promise<Assessment | null>;
  lock(id: string): Promise<Assessment | null>;
  /** Across organisations: started, unsubmitted assessments whose deadline is before `before`. */
  overdue(before: Date, limit: number): Promise<Assessment[]>;
  start(id: string, startedAt: Date, deadlineAt: Date): Promise<void>;
  answers(id: string): Promise<SavedAnswer[]>;
  /** Keeps an item's answer, replacing the last one; graded on submission, null while a draft. */
  saveAnswer(
    id: string,
    answer: { itemIndex: number; language: string; code: string; savedAt: Date; grade: ItemGrade | null },
  ): Promise<void>;
  /** Keeps an uploaded file as a case study's answer; the file it replaces is deleted. */
  saveDeliverable(
    assessment: Assessment,
    itemIndex: number,
    file: { id: string; filename: string; contentType: string; data: Uint8Array; savedAt: Date },
  ): Promise<void>;
  recordEvents(id: string, at: Date, events: TimelineEvent[]): Promise<void>;
  markSubmitted(id: string, at: Date, scorePercent: number | null): Promise<void>;
}

/** What the use cases need to know of a shipped problem. */
export interface ProblemFacts {
  /** A case study's days to deliver; null for a timed problem. */
  daysToDeliver: number | null;
  /** The code a coding problem starts with, by language. */
  starter: Partial<Record<string, string>>;
}

/**
 * The shipped problems and the sandboxes that run candidates' code and queries against them
 * (implemented in server/problems.ts).
 */
export interface Grader {
  /** The shipped problem an item names, or null when there is none. */
  problem(item: AssessmentItem): ProblemFacts | null;
  /** The languages an item is answered in: code languages, "sql", or "file" for an upload. */
  languages(item: AssessmentItem): readonly string[];
  /**
   * Hidden tests for code, the reference rows for a query. `owner` (the assessment) takes turns with
   * the other owners for the sandboxes; a grade is never refused, it waits its turn.
   */
  grade(item: AssessmentItem, language: string, code: string, owner: string): Promise<ItemGrade>;
  /**
   * A run while working: the examples for code; for a query its rows, not whether they match.
   * Refused (`sandbox.busy`) while `owner` (the assessment) already has its share of runs going.
   */
  tryOut(
    item: AssessmentItem,
    language: string,
    code: string,
    owner: string,
  ): Promise<Result<RunResponse, DomainError<'sandbox.busy'>>>;
  /** Code against a coding problem's examples; refused like `tryOut` for `owner` (the pad). */
  runExamples(
    slug: string,
    language: string,
    code: string,
    owner: string,
  ): Promise<Result<CodeGrade, DomainError<'sandbox.busy'>>>;
}
