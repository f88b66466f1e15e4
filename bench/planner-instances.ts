import { defaultCandidateHours, workingTime } from '../src/core/availability/availability.rules.js';
import { type Interval, subtract } from '../src/core/availability/intervals.js';
import type { PlanInput, PlanInterviewer, PlanRound } from '../src/core/scheduling/planner/model.js';

/** Small deterministic generator (mulberry32): the same seed gives the same hiring week. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const zones = ['America/Los_Angeles', 'Asia/Singapore', 'Asia/Shanghai'] as const;

/** The four rounds after the resume screen, as in the seeds' engineering process. */
export const hiringLoop: PlanRound[] = [
  { key: 'technical-screen', roundType: 'coding', durationMinutes: 60, panelSize: 1 },
  { key: 'interview-1', roundType: 'coding', durationMinutes: 60, panelSize: 1 },
  { key: 'interview-2', roundType: 'system_design', durationMinutes: 60, panelSize: 1 },
  { key: 'hiring-manager', roundType: 'hiring_manager', durationMinutes: 45, panelSize: 1 },
];

export interface WeekShape {
  candidates: number;
  interviewers: number;
  rounds?: PlanRound[];
  /** Days in the window, from Monday 2026-03-02 (Los Angeles changes to daylight time on 8 March). */
  days?: number;
  start?: string;
  seed: number;
  minGapMinutes?: number;
}

/**
 * A hiring week: interviewers spread over Los Angeles, Singapore and Shanghai with 9–17 or 10–18
 * local hours, a few busy blocks each, weekly caps, trained for some round types and speaking
 * English and, for most in Asia, Mandarin; candidates in the same zones, some interviewing in
 * Mandarin (R-ROUND-6).
 */
export function hiringWeek(shape: WeekShape): PlanInput {
  const next = random(shape.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const start = Date.parse(shape.start ?? '2026-03-02T00:00:00Z');
  const window: Interval = { start, end: start + (shape.days ?? 7) * 86_400_000 };
  const rounds = shape.rounds ?? hiringLoop;
  const types = [...new Set(rounds.map((r) => r.roundType))];
  const interviewers: PlanInterviewer[] = Array.from({ length: shape.interviewers }, (_, k) => {
    const timezone = zones[k % zones.length]!;
    const from = next() < 0.5 ? '09:00' : '10:00';
    const to = from === '09:00' ? '17:00' : '18:00';
    const weekday: [string, string][] = [[from, to]];
    const working = workingTime(
      { timezone, weeklyHours: { '1': weekday, '2': weekday, '3': weekday, '4': weekday, '5': weekday } },
      window,
    );
    const busy: Interval[] = Array.from({ length: 3 + Math.floor(next() * 5) }, () => {
      const at = window.start + Math.floor(next() * (window.end - window.start) / 1_800_000) * 1_800_000;
      return { start: at, end: at + (1 + Math.floor(next() * 4)) * 1_800_000 };
    });
    const trained = types.filter(() => next() < 0.6);
    return {
      id: `i${k}`,
      timezone,
      free: subtract(working, busy),
      weeklyCap: 6 + Math.floor(next() * 6),
      bookedPerWeek: {},
      load: Math.floor(next() * 3),
      roundTypes: trained.length > 0 ? trained : [pick(types)],
      levels: next() < 0.8 ? [] : ['2-1', '2-2'],
      languages: timezone === 'America/Los_Angeles' || next() < 0.3 ? ['en'] : ['en', 'zh'],
    };
  });
  const candidates = Array.from({ length: shape.candidates }, (_, k) => {
    const timezone = pick(zones);
    return {
      id: `c${k}`,
      timezone,
      free: workingTime({ timezone, weeklyHours: defaultCandidateHours }, window),
      level: pick(['1-2', '2-1', '2-2']),
      language: timezone !== 'America/Los_Angeles' && next() < 0.25 ? 'zh' : 'en',
      rounds,
    };
  });
  return { window, candidates, interviewers, minGapMinutes: shape.minGapMinutes ?? 30 };
}
