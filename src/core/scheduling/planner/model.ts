import { DateTime } from 'luxon';
import { covers, type Interval, normalize } from '../../availability/intervals.js';

/** One interviewer as the planner sees them: free time already has busy time taken out. */
export interface PlanInterviewer {
  id: string;
  timezone: string;
  /** Working time minus busy blocks and existing interviews, within the planning window. */
  free: Interval[];
  weeklyCap: number;
  /** Interviews already booked per local week ("2026-W10"), for the weekly cap. */
  bookedPerWeek: Record<string, number>;
  /** Interviews already booked in the window, for an even load. */
  load: number;
  roundTypes: string[];
  /** Levels they are trained for; empty means every level. */
  levels: string[];
  languages: string[];
}

export interface PlanRound {
  key: string;
  roundType: string;
  durationMinutes: number;
  /** How many interviewers sit on the panel. */
  panelSize: number;
}

export interface PlanCandidate {
  /** The application the rounds belong to. */
  id: string;
  timezone: string;
  /** When the candidate can be interviewed: their hours minus their own busy time. */
  free: Interval[];
  level: string;
  language: string;
  /** Rounds in the order they must happen: each only once the one before it is decided. */
  rounds: PlanRound[];
  /** No round before this instant (e.g. the previous round's decision). */
  earliest?: number;
  /** Only these interviewers may sit on this candidate's panels (the job's team); all when absent. */
  interviewerIds?: string[];
}

export interface PlanInput {
  window: Interval;
  candidates: PlanCandidate[];
  interviewers: PlanInterviewer[];
  /** Minimum time between the end of one round and the start of the next, for one candidate. */
  minGapMinutes: number;
  stepMinutes?: number;
}

export interface PlanOptions {
  /** 'auto' uses the solver when the program is small enough, else the heuristic. */
  method?: 'auto' | 'solver' | 'heuristic';
  /** Placement variables above which 'auto' goes straight to the heuristic. */
  maxSolverVariables?: number;
  timeLimitSeconds?: number;
}

export interface Assignment {
  candidateId: string;
  roundKey: string;
  start: number;
  end: number;
  interviewerIds: string[];
}

export interface Plan {
  assignments: Assignment[];
  objective: number;
  /** Which method produced the plan. */
  solver: 'highs' | 'heuristic';
  /** True when the solver proved no better plan exists. */
  optimal: boolean;
  /** Relative distance from the best bound the solver proved; null when no bound is known. */
  gap: number | null;
  roundsRequested: number;
  milliseconds: number;
}

/**
 * The soft goals, as points: a booked round is worth far more than any comfort, so the planner
 * never leaves a round unbooked to make someone's day nicer.
 */
export const weights = {
  booked: 1000,
  /** Per day of delay from the start of the window (soonest date). */
  perDayOfDelay: 10,
  /** Per person whose local time at the interview is outside 09:00–18:00. */
  outsideComfortableHours: 5,
  /** Per distinct local day the candidate has to keep free (fewer days). */
  perCandidateDay: 30,
  /** The k-th interview of one interviewer in the window costs 4k (an even load). */
  loadStep: 4,
} as const;

const COMFORT_START = 9 * 60;
const COMFORT_END = 18 * 60;

/** Points lost for an interview starting at a local minute of day, outside 09:00–18:00. */
export const uncomfortable = (minuteOfDay: number, durationMinutes: number) =>
  minuteOfDay < COMFORT_START || minuteOfDay + durationMinutes > COMFORT_END
    ? weights.outsideComfortableHours
    : 0;

/** The convex load cost: interviews 1..n cost 4, 8, …, 4n. */
export const loadCost = (n: number) => (weights.loadStep * n * (n + 1)) / 2;

/**
 * The planning window on a grid: step s covers [t0 + s·step, t0 + (s+1)·step). Hard constraints
 * become per-step masks, so checking a placement is a handful of array reads.
 */
export class Grid {
  readonly step: number;
  readonly t0: number;
  readonly n: number;
  private readonly zones = new Map<string, { minute: Int16Array; day: Int32Array; week: string[] }>();

  constructor(readonly input: PlanInput) {
    this.step = (input.stepMinutes ?? 30) * 60_000;
    this.t0 = Math.ceil(input.window.start / this.step) * this.step;
    this.n = Math.max(0, Math.floor((input.window.end - this.t0) / this.step));
  }

  time(s: number) {
    return this.t0 + s * this.step;
  }

  steps(minutes: number) {
    return Math.ceil((minutes * 60_000) / this.step);
  }

  /** 1 where the whole step lies in the free time. */
  mask(free: readonly Interval[]): Uint8Array {
    const normal = normalize(free);
    const out = new Uint8Array(this.n);
    for (let s = 0; s < this.n; s++) out[s] = covers(normal, this.time(s), this.time(s) + this.step) ? 1 : 0;
    return out;
  }

  /** Local minute of day, local day number and local ISO week of each step in a zone. */
  zone(timezone: string) {
    let z = this.zones.get(timezone);
    if (!z) {
      const minute = new Int16Array(this.n);
      const day = new Int32Array(this.n);
      const week: string[] = [];
      for (let s = 0; s < this.n; s++) {
        const local = DateTime.fromMillis(this.time(s), { zone: timezone });
        minute[s] = local.hour * 60 + local.minute;
        day[s] = local.year * 400 + local.ordinal;
        week.push(local.toFormat("kkkk-'W'WW"));
      }
      z = { minute, day, week };
      this.zones.set(timezone, z);
    }
    return z;
  }

  /** Points lost when a person in `timezone` attends an interview from step s outside comfortable hours. */
  discomfort(timezone: string, s: number, durationMinutes: number) {
    return uncomfortable(this.zone(timezone).minute[s]!, durationMinutes);
  }

  delay(s: number) {
    return (weights.perDayOfDelay * (this.time(s) - this.input.window.start)) / 86_400_000;
  }
}

export const qualified = (i: PlanInterviewer, c: PlanCandidate, r: PlanRound) =>
  (c.interviewerIds === undefined || c.interviewerIds.includes(i.id)) &&
  i.roundTypes.includes(r.roundType) &&
  (i.levels.length === 0 || i.levels.includes(c.level)) &&
  i.languages.includes(c.language);

/** The plan's value under `weights`, computed from the assignments alone. */
export function objectiveOf(input: PlanInput, assignments: readonly Assignment[]): number {
  const grid = new Grid(input);
  const byId = new Map(input.interviewers.map((i) => [i.id, i]));
  const candidates = new Map(input.candidates.map((c) => [c.id, c]));
  const extra = new Map<string, number>();
  const days = new Map<string, Set<number>>();
  let value = 0;
  for (const a of assignments) {
    const c = candidates.get(a.candidateId)!;
    const s = Math.round((a.start - grid.t0) / grid.step);
    const minutes = (a.end - a.start) / 60_000;
    value += weights.booked - grid.delay(s) - grid.discomfort(c.timezone, s, minutes);
    for (const id of a.interviewerIds) {
      value -= grid.discomfort(byId.get(id)!.timezone, s, minutes);
      extra.set(id, (extra.get(id) ?? 0) + 1);
    }
    const set = days.get(c.id) ?? new Set();
    set.add(grid.zone(c.timezone).day[s]!);
    days.set(c.id, set);
  }
  for (const set of days.values()) value -= weights.perCandidateDay * set.size;
  for (const [id, n] of extra) {
    const base = byId.get(id)!.load;
    value -= loadCost(base + n) - loadCost(base);
  }
  return value;
}

/**
 * Every hard constraint the plan breaks, checked from the input's intervals (not the grid), so
 * it is an independent check of both the solver and the heuristic.
 */
export function violations(input: PlanInput, assignments: readonly Assignment[]): string[] {
  const out: string[] = [];
  const interviewers = new Map(input.interviewers.map((i) => [i.id, i]));
  const candidates = new Map(input.candidates.map((c) => [c.id, c]));
  const perInterviewer = new Map<string, Assignment[]>();
  const perCandidate = new Map<string, Assignment[]>();
  for (const a of assignments) {
    const c = candidates.get(a.candidateId);
    const r = c?.rounds.find((x) => x.key === a.roundKey);
    if (!c || !r) {
      out.push(`${a.candidateId}/${a.roundKey}: not requested`);
      continue;
    }
    if (a.end - a.start !== r.durationMinutes * 60_000) out.push(`${c.id}/${r.key}: wrong length`);
    if (a.start < input.window.start || a.end > input.window.end)
      out.push(`${c.id}/${r.key}: outside the window`);
    if (c.earliest !== undefined && a.start < c.earliest)
      out.push(`${c.id}/${r.key}: before the earliest start`);
    if (!covers(normalize(c.free), a.start, a.end))
      out.push(`${c.id}/${r.key}: outside the candidate's hours`);
    if (new Set(a.interviewerIds).size !== r.panelSize || a.interviewerIds.length !== r.panelSize)
      out.push(`${c.id}/${r.key}: panel of ${a.interviewerIds.length}, needs ${r.panelSize}`);
    for (const id of a.interviewerIds) {
      const i = interviewers.get(id);
      if (!i) {
        out.push(`${c.id}/${r.key}: unknown interviewer ${id}`);
        continue;
      }
      if (!qualified(i, c, r)) out.push(`${c.id}/${r.key}: ${id} is not qualified`);
      if (!covers(normalize(i.free), a.start, a.end)) out.push(`${c.id}/${r.key}: ${id} is not free`);
      perInterviewer.set(id, [...(perInterviewer.get(id) ?? []), a]);
    }
    perCandidate.set(c.id, [...(perCandidate.get(c.id) ?? []), a]);
  }
  for (const [id, list] of perInterviewer) {
    const i = interviewers.get(id)!;
    const sorted = [...list].sort((x, y) => x.start - y.start);
    for (let k = 1; k < sorted.length; k++)
      if (sorted[k]!.start < sorted[k - 1]!.end) out.push(`${id}: double-booked at ${sorted[k]!.start}`);
    const weeks = new Map<string, number>();
    for (const a of list) {
      const week = DateTime.fromMillis(a.start, { zone: i.timezone }).toFormat("kkkk-'W'WW");
      weeks.set(week, (weeks.get(week) ?? 0) + 1);
    }
    for (const [week, n] of weeks)
      if (n + (i.bookedPerWeek[week] ?? 0) > i.weeklyCap) out.push(`${id}: over the weekly cap in ${week}`);
  }
  for (const [id, list] of perCandidate) {
    const c = candidates.get(id)!;
    const index = (a: Assignment) => c.rounds.findIndex((r) => r.key === a.roundKey);
    const sorted = [...list].sort((x, y) => index(x) - index(y));
    sorted.forEach((a, k) => {
      if (index(a) !== k) out.push(`${id}/${a.roundKey}: booked before the rounds ahead of it`);
      const previous = sorted[k - 1];
      if (previous && a.start < previous.end + input.minGapMinutes * 60_000)
        out.push(`${id}/${a.roundKey}: less than the minimum gap after ${previous.roundKey}`);
    });
  }
  return out;
}
