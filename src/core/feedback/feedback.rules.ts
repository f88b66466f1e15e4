import { DateTime } from 'luxon';
import type { BankLevel, InterviewKit, KitProposal, Rating, ScorecardContent } from '../../contracts/kits.js';
import { zonePlace } from '../availability/availability.rules.js';
import { fail, ok } from '../shared/result.js';
import type { Actor } from '../shared/types.js';

const score: Record<Rating, number> = { strong_no: -2, no: -1, mixed: 0, yes: 1, strong_yes: 2 };
export const ratingScore = (rating: Rating) => score[rating];

/** The panel's majority: advance when more recommend yes than no, reject when the reverse, else none. */
export function majority(recommendations: (Rating | null)[]): 'advance' | 'reject' | null {
  const positive = recommendations.filter((r) => r && score[r] > 0).length;
  const negative = recommendations.filter((r) => r && score[r] < 0).length;
  if (positive === negative) return null;
  return positive > negative ? 'advance' : 'reject';
}

/** A committee's consensus: every vote the same way; otherwise none (and the HM may add a round). */
export function consensus(votes: ('advance' | 'reject')[]): 'advance' | 'reject' | null {
  if (votes.length === 0) return null;
  return votes.every((v) => v === votes[0]) ? votes[0]! : null;
}

/** Roles that read every scorecard of an application at any time (R-FB-3). */
const hiringTeam = ['hiring_manager', 'hr', 'recruiter'] as const;
export const isHiringTeam = (actor: Actor) =>
  actor.kind === 'staff' && actor.roles.some((r) => (hiringTeam as readonly string[]).includes(r));

/**
 * R-FB-3: independent feedback. The hiring team reads every scorecard; an interviewer reads the
 * others' only once their own scorecard on the same application is submitted; nobody else reads any.
 */
export function scorecardAccess(
  actor: Actor,
  ownOnApplication: 'none' | 'pending' | 'submitted',
): 'all' | 'own' | 'none' {
  if (isHiringTeam(actor)) return 'all';
  if (ownOnApplication === 'submitted') return 'all';
  return ownOnApplication === 'pending' ? 'own' : 'none';
}

/**
 * R-FB-3 for notes: a note never shows an interviewer what the panel thinks before they submit. The
 * hiring team reads notes; anyone else who reads candidates does too, unless they sit on the panel
 * with feedback still to give (`withheld`, and the reader is told why); an interviewer reads them
 * once their own feedback is in; nobody else reads any.
 */
export function noteAccess(
  actor: Actor,
  ownOnCandidate: 'none' | 'pending' | 'submitted',
  readsCandidates: boolean,
): 'all' | 'withheld' | 'none' {
  if (isHiringTeam(actor)) return 'all';
  if (ownOnCandidate === 'pending') return 'withheld';
  return ownOnCandidate === 'submitted' || readsCandidates ? 'all' : 'none';
}

/** A scorecard can be submitted with a recommendation and ratings only for the kit's attributes. */
export function checkSubmittable(content: ScorecardContent, attributeKeys: string[]) {
  if (content.recommendation === null) {
    return fail('validation.failed', 'An overall recommendation is required to submit.', {
      field: 'content.recommendation',
    });
  }
  const unknown = Object.keys(content.ratings).filter((k) => !attributeKeys.includes(k));
  if (unknown.length > 0) {
    return fail('validation.failed', `Not attributes of this interview's kit: ${unknown.join(', ')}.`, {
      field: 'content.ratings',
      allowed: attributeKeys,
    });
  }
  if (Object.keys(content.ratings).length === 0) {
    return fail('validation.failed', 'Rate at least one attribute.', { field: 'content.ratings' });
  }
  return ok(undefined);
}

/**
 * Feedback is about an interview that happened: a scorecard may be drafted at any time but is
 * submitted only once its interview has started. The refusal names the start in the interviewer's
 * own zone, so they know when to come back.
 */
export function checkInterviewStarted(interview: { startsAt: Date }, now: Date, interviewerZone: string) {
  if (now.getTime() >= interview.startsAt.getTime()) return ok(undefined);
  const start = DateTime.fromJSDate(interview.startsAt, { zone: interviewerZone }).setLocale('en-GB');
  return fail(
    'scorecard.interview_not_started',
    `This interview starts on ${start.toFormat("cccc d LLLL 'at' HH:mm")} (${zonePlace(interviewerZone)} time); ` +
      'you can submit your scorecard once it has started. Until then, save it as a draft.',
    {
      startsAt: interview.startsAt.toISOString(),
      startsAtLocal: start.toFormat("yyyy-MM-dd'T'HH:mm:ssZZ"),
      timezone: interviewerZone,
    },
  );
}

/**
 * R-FB-4: feedback is due at the end of the Nth business day after the interview, counted in the
 * interviewer's own time zone: weekends and the organisation's holidays (local dates,
 * 'YYYY-MM-DD') do not count. Day arithmetic is on local calendar dates, so a daylight-saving
 * change never shifts the deadline by an hour.
 */
export function feedbackDueAt(
  interviewEnd: Date,
  zone: string,
  businessDays: number,
  holidays: ReadonlySet<string>,
): Date {
  let day = DateTime.fromJSDate(interviewEnd, { zone }).startOf('day');
  let counted = 0;
  while (counted < businessDays) {
    day = day.plus({ days: 1 });
    if (day.weekday <= 5 && !holidays.has(day.toISODate()!)) counted++;
  }
  return day.endOf('day').toJSDate();
}

export type ReminderStage = 0 | 1 | 2 | 3;
const HOUR = 3_600_000;

/**
 * Where an unsubmitted scorecard should be in its reminders: 1 a day before the deadline,
 * 2 at the deadline, 3 escalated to the recruiter and hiring manager a day after it.
 */
export function reminderStageAt(dueAt: Date, now: Date): ReminderStage {
  const t = now.getTime() - dueAt.getTime();
  if (t >= 24 * HOUR) return 3;
  if (t >= 0) return 2;
  if (t >= -24 * HOUR) return 1;
  return 0;
}

/** Key-order-independent JSON, so stored (jsonb reorders keys) and submitted content compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Content with every field present: a scorecard written before questions were ticked asked none. */
export const completeContent = (content: ScorecardContent): ScorecardContent => ({
  ...content,
  askedQuestionIds: content.askedQuestionIds ?? [],
});

export const sameContent = (a: ScorecardContent, b: ScorecardContent) =>
  canonical(completeContent(a)) === canonical(completeContent(b));

/** The questions a scorecard ticks as asked must be the interview kit's own. */
export function checkAskedQuestions(content: ScorecardContent, questionIds: string[]) {
  const unknown = (content.askedQuestionIds ?? []).filter((id) => !questionIds.includes(id));
  if (unknown.length === 0) return ok(undefined);
  return fail('validation.failed', `Not questions of this interview's kit: ${unknown.join(', ')}.`, {
    field: 'content.askedQuestionIds',
    unknown,
  });
}

/**
 * R-FB-1: every interview has a kit (purpose, focus attributes, questions with what a good answer
 * shows) and a scorecard; a resume review is read and a committee reviews the loop, neither held
 * with the candidate, so they need none.
 */
export const needsKit = (roundType: string) =>
  roundType !== 'resume_review' && roundType !== 'hiring_committee';

/**
 * R-FB-2: behavioural questions probe the company's values, which the kit lists as its focus
 * attributes; the values a question names that the kit does not list.
 */
export function valuesOutsideKit(kit: Pick<InterviewKit, 'focusAttributes' | 'questions'>): string[] {
  const keys = new Set(kit.focusAttributes.map((a) => a.key));
  return kit.questions.flatMap((q) => (q.value && !keys.has(q.value) ? [q.value] : []));
}

/**
 * A job's level is free text ("intern", "new_grad", "Mid-level", "Senior"); the bank's level it
 * names, or null when it names none, and then every question fits.
 */
export function bankLevelOf(jobLevel: string): BankLevel | null {
  const words = ` ${jobLevel.toLowerCase().replace(/[^a-z]+/g, ' ')} `;
  const has = (...names: string[]) => names.some((n) => words.includes(` ${n} `));
  if (has('intern', 'internship', 'new grad', 'newgrad', 'graduate', 'junior', 'entry', 'trainee')) {
    return 'intern_new_grad';
  }
  if (has('senior', 'staff', 'principal', 'lead')) return 'senior';
  if (has('mid', 'intermediate')) return 'mid';
  return null;
}

/** How many questions a kit proposes to one interviewer. */
export const proposalSize = 3;

/** FNV-1a: a stable, well-spread order that needs no randomness. */
function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

export interface ProposalInput {
  questions: readonly { id: string; levels: readonly BankLevel[] }[];
  level: BankLevel | null;
  /** Asked of the candidate in their other interviews, across all their applications. */
  askedElsewhere: ReadonlySet<string>;
  /** How often the organisation's interviewers have asked each question. */
  timesAsked: ReadonlyMap<string, number>;
  candidateId: string;
  /** The interviewer's place among the candidate's interviewers for this round type, 0 first. */
  seat: number;
  size?: number;
}

/**
 * The questions a kit proposes: never one the candidate was asked in another interview; of the
 * job's level (others only fill up when the level's own run out); the organisation's least-asked
 * first, so questions wear evenly and a leaked one fades; ties in an order stable per candidate.
 * Each interviewer of the candidate takes the next slice of that order by their seat, so two
 * interviewers of one candidate are not proposed the same questions while enough remain.
 */
export function proposeQuestions(input: ProposalInput): string[] {
  const size = input.size ?? proposalSize;
  const fresh = input.questions.filter((q) => !input.askedElsewhere.has(q.id));
  const fits = (q: ProposalInput['questions'][number]) =>
    input.level === null || q.levels.includes(input.level);
  const rank = (id: string) =>
    [input.timesAsked.get(id) ?? 0, stableHash(`${input.candidateId}:${id}`)] as const;
  const ordered = (list: typeof fresh) =>
    list
      .map((q) => ({ id: q.id, rank: rank(q.id) }))
      .sort((a, b) => a.rank[0] - b.rank[0] || a.rank[1] - b.rank[1] || a.id.localeCompare(b.id))
      .map((q) => q.id);
  const own = ordered(fresh.filter(fits));
  const pool = own.length >= size ? own : [...own, ...ordered(fresh.filter((q) => !fits(q)))];
  if (pool.length <= size) return pool;
  const start = (input.seat * size) % pool.length;
  return Array.from({ length: size }, (_, i) => pool[(start + i) % pool.length]!);
}

/**
 * An interviewer's seat among a candidate's interviewers for one round type: by their first such
 * interview, then by id, so it holds steady as the rounds go on; someone not yet among them (a
 * hiring-team reader) sits after everyone.
 */
export function interviewerSeat(
  interviews: readonly { interviewerId: string; startsAt: Date }[],
  interviewerId: string,
): number {
  const first = new Map<string, number>();
  for (const i of interviews) {
    const t = i.startsAt.getTime();
    if (!first.has(i.interviewerId) || t < first.get(i.interviewerId)!) first.set(i.interviewerId, t);
  }
  const seats = [...first].sort(([a, ta], [b, tb]) => ta - tb || a.localeCompare(b)).map(([id]) => id);
  const seat = seats.indexOf(interviewerId);
  return seat === -1 ? seats.length : seat;
}

/** A candidate's scorecards with the questions each ticked, and the organisation's use of each question. */
export interface QuestionHistory {
  scorecards: {
    interviewId: string;
    interviewerId: string;
    roundType: string | null;
    startsAt: Date;
    asked: string[];
  }[];
  timesAsked: ReadonlyMap<string, number>;
}

/**
 * What the kit proposes to one reader of one interview: what they ticked there themselves stays
 * theirs; anything ticked on any other scorecard of the candidate (an earlier round, another
 * application, a colleague on the same panel) is asked elsewhere and not proposed again.
 */
export function kitProposal(
  kit: Pick<InterviewKit, 'roundType' | 'questions'>,
  history: QuestionHistory,
  at: { interviewId: string; readerId: string; candidateId: string; jobLevel: string },
): KitProposal {
  const mine = (s: QuestionHistory['scorecards'][number]) =>
    s.interviewId === at.interviewId && s.interviewerId === at.readerId;
  const elsewhere = new Set(history.scorecards.filter((s) => !mine(s)).flatMap((s) => s.asked));
  const level = bankLevelOf(at.jobLevel);
  return {
    level,
    questionIds: proposeQuestions({
      questions: kit.questions,
      level,
      askedElsewhere: elsewhere,
      timesAsked: history.timesAsked,
      candidateId: at.candidateId,
      seat: interviewerSeat(
        history.scorecards.filter((s) => s.roundType === kit.roundType),
        at.readerId,
      ),
    }),
    askedElsewhereIds: kit.questions.map((q) => q.id).filter((id) => elsewhere.has(id)),
    askedHereIds: history.scorecards.filter(mine).flatMap((s) => s.asked),
  };
}
