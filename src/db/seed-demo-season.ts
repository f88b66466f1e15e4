import type { Rating } from '../contracts/kits.js';
import type { Step } from '../contracts/vocabulary.js';

/**
 * How the demo's season plays out: how long each step takes, where candidates come from, how the
 * round each one is in now stands, what panels recommend. The seed draws from these with a fixed
 * pseudo-random sequence, so every run is the same season.
 */
/**
 * How long a round of each step usually takes, in days, from the decision before it to its own: a
 * resume is read within days, a loop of interviews takes a week or more to book and debrief.
 */
export const stepDays: Record<Step, [number, number]> = {
  resume_screen: [0.5, 3],
  recruiter_screen: [2, 6],
  technical_screen: [4, 11],
  interview_rounds: [2.5, 8],
  hr_interview: [1, 4],
};

/**
 * How a candidate came in: most apply themselves, on the job board's API or the career site;
 * the rest are referred by an employee or sourced by the recruiter, who submits them.
 */
export type DemoSource = 'board' | 'careers' | 'referral' | 'sourced';
export const sourceMix: DemoSource[] = [
  'careers',
  'board',
  'referral',
  'careers',
  'sourced',
  'board',
  'careers',
];

/**
 * Where a candidate's current round stands: nothing booked yet (`waiting`; or turned down on the
 * resume, `rejected`; or `withdrawn` by the candidate), an interview coming up, one held with every
 * scorecard in (`complete`, or `split` when the panel disagrees, `declined` when it says no and the
 * application is rejected), or one held with feedback still missing (`incomplete`). Each step
 * cycles through its list, candidate by candidate.
 */
export type DemoStanding =
  | 'waiting'
  | 'rejected'
  | 'withdrawn'
  | 'upcoming'
  | 'complete'
  | 'split'
  | 'declined'
  | 'incomplete';
export const standings: Record<Step, DemoStanding[]> = {
  resume_screen: ['waiting', 'rejected', 'waiting'],
  recruiter_screen: ['waiting', 'upcoming', 'complete', 'withdrawn', 'incomplete'],
  technical_screen: ['waiting', 'complete', 'incomplete', 'upcoming', 'declined'],
  interview_rounds: ['complete', 'incomplete', 'split', 'upcoming', 'complete', 'incomplete', 'upcoming'],
  hr_interview: ['upcoming', 'complete'],
};

/** What a panel recommends, lead interviewer first. */
export const panels: Record<DemoStanding | 'past', Rating[][]> = {
  past: [['yes'], ['strong_yes'], ['yes'], ['strong_yes'], ['yes'], ['mixed']],
  waiting: [[]],
  rejected: [[]],
  withdrawn: [[]],
  upcoming: [['yes', 'yes'], ['yes']],
  complete: [
    ['strong_yes', 'yes', 'no'],
    ['yes', 'strong_yes'],
    ['yes', 'no', 'yes'],
  ],
  split: [['yes', 'no']],
  declined: [['no', 'strong_no']],
  incomplete: [
    ['yes', 'no'],
    ['strong_yes', 'yes', 'mixed'],
  ],
};

/** How many of an incomplete panel's scorecards are in: one of two, two of three, none of one. */
export const submittedOf = (size: number) => size - 1;

export const notes: Record<Rating, string[]> = {
  strong_yes: [
    'Clear reasoning from the start; tested edge cases without prompting.',
    'Exceptional depth; explained trade-offs before being asked.',
  ],
  yes: [
    'Solid answers and a working solution; needed one hint on the last part.',
    'Structured, good communication; some gaps in depth but nothing blocking.',
  ],
  mixed: ['Good on the fundamentals, unsure on the harder follow-ups.'],
  no: ['Struggled to get to a working approach; the examples stayed shallow.'],
  strong_no: ['Could not explain their own past work in any detail.'],
};

/** A small deterministic pseudo-random sequence (mulberry32): the demo is the same on every run. */
export function sequence(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    between: (low: number, high: number) => low + (high - low) * next(),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
  };
}

/** One candidate decided without all of their evidence: the override the reports show. */
export const demoOverride = {
  template: 'data-scientist',
  stage: 4,
  reason: "Wei is on leave until next week; Ivy's scorecard and the recorded session are enough to decide.",
};

export const rejections: Record<string, string> = {
  resume: 'The resume does not show the experience the role asks for.',
  panel: 'Both interviewers found the approach and the examples short of the bar for this level.',
};
