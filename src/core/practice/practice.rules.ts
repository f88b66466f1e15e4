import { DateTime } from 'luxon';
import type { PracticeKind } from '../../contracts/practice.js';

/** What a round type is practised with: problems in the sandboxes, a brief, or spoken prompts. */
export type PracticeMaterial = PracticeKind | 'case_study' | 'behavioural';

/**
 * The practice material for each round type that a candidate sits (a résumé review and the hiring
 * committee are not sat, so they have none). Design rounds have no shipped material yet.
 */
const materials: Record<string, readonly PracticeMaterial[]> = {
  recruiter_call: ['behavioural'],
  coding: ['coding'],
  design_coding: ['coding'],
  python: ['coding'],
  sql: ['sql'],
  statistics: ['sql'],
  product_sense: ['case_study'],
  execution: ['case_study'],
  case_study: ['case_study'],
  content_operations: ['case_study'],
  growth_operations: ['case_study'],
  behavioural: ['behavioural'],
  cross_functional: ['behavioural'],
  hiring_manager: ['behavioural'],
  hr: ['behavioural'],
  system_design: [],
};

export const materialFor = (roundType: string): readonly PracticeMaterial[] => materials[roundType] ?? [];
/** Round types the candidate sits in person, in the order of their process. */
export const isSatRound = (roundType: string) => roundType in materials;

export type PlanItem = { kind: PracticeMaterial; slug: string; title: string; ticked?: boolean };
export type PlanDay = { date: string; items: PlanItem[] };

/** A plan covers at most two weeks: further out, the plan of the last two weeks is the same plan. */
export const PLAN_MAX_DAYS = 14;
const DAY_MS = 86_400_000;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The calendar day `at` falls on in `zone` (an IANA name; UTC when it is not one): a plan's days and
 * its once-a-day reminder follow the candidate's own midnight, not UTC's.
 */
export function localDay(at: Date, zone: string): string {
  const local = DateTime.fromJSDate(at, { zone });
  return (local.isValid ? local : DateTime.fromJSDate(at, { zone: 'utc' })).toISODate()!;
}

/**
 * The days from `today` up to the day before the round (today alone when the round is today or
 * tomorrow), each with its share of the items in order; with more days than items, the later days
 * go over the items again, so every day has something to practise.
 */
export function buildPlan(today: string, roundDay: string, items: readonly PlanItem[]): PlanDay[] {
  const start = Date.parse(`${today}T00:00:00Z`);
  const span = Math.round((Date.parse(`${roundDay}T00:00:00Z`) - start) / DAY_MS);
  const count = Math.min(Math.max(span, 1), PLAN_MAX_DAYS);
  if (items.length === 0) return [];
  const perDay = Math.max(1, Math.ceil(items.length / count));
  return Array.from({ length: count }, (_, day) => {
    const picked = new Map<string, PlanItem>();
    for (let j = 0; j < perDay; j++) {
      const item = items[(day * perDay + j) % items.length]!;
      picked.set(`${item.kind}:${item.slug}`, { kind: item.kind, slug: item.slug, title: item.title });
    }
    return { date: isoDay(start + day * DAY_MS), items: [...picked.values()] };
  });
}

export type DoneAttempt = {
  kind: PracticeKind;
  slug: string;
  mode: 'free' | 'timed';
  startedAt: Date;
  submittedAt: Date | null;
  passed: number | null;
  total: number | null;
};

/**
 * Whether the practice done since the plan began covers an item: a problem solved on all its
 * public tests or submitted in a timed practice; a brief or a prompt ticked by the candidate.
 */
export function itemDone(item: PlanItem, attempts: readonly DoneAttempt[], since: Date): boolean {
  if (item.kind === 'case_study' || item.kind === 'behavioural') return item.ticked === true;
  return attempts.some(
    (a) =>
      a.kind === item.kind &&
      a.slug === item.slug &&
      a.startedAt >= since &&
      (a.mode === 'timed' ? a.submittedAt !== null : a.total !== null && a.total > 0 && a.passed === a.total),
  );
}

/**
 * Whether today's reminder is due: the plan is in force with reminders on, the candidate has not
 * opted out of non-essential messages, the round is still ahead, and none went out today.
 */
export function reminderDue(
  plan: { reminders: boolean; endedAt: Date | null; roundStartsAt: Date; lastRemindedOn: string | null },
  optedOut: boolean,
  now: Date,
  /** The candidate's time zone: "today" is their day. */
  zone: string,
): boolean {
  return (
    plan.reminders &&
    plan.endedAt === null &&
    !optedOut &&
    now < plan.roundStartsAt &&
    plan.lastRemindedOn !== localDay(now, zone)
  );
}
