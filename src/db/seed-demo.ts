import { type Kysely, sql } from 'kysely';
import { DateTime } from 'luxon';
import type { Rating, ScorecardContent } from '../contracts/kits.js';
import type { Round, TemplateFile } from '../contracts/process-template.js';
import { addExtraRound } from '../core/applications/add-extra-round.js';
import { expectsInterview } from '../core/applications/application.rules.js';
import { decideApplicationRound } from '../core/applications/decide-round.js';
import { hireApplication } from '../core/applications/hire-application.js';
import { submitApplication } from '../core/applications/submit-application.js';
import { withdrawApplication } from '../core/applications/withdraw-application.js';
import { sendAssessment } from '../core/assessments/send-assessment.js';
import { applyOnBoard } from '../core/boards/apply-on-board.js';
import { createBoard } from '../core/boards/create-board.js';
import { castCommitteeVote } from '../core/feedback/cast-committee-vote.js';
import { submitScorecard } from '../core/feedback/write-scorecard.js';
import { createJob } from '../core/jobs/create-job.js';
import { transitionJob } from '../core/jobs/transition-job.js';
import { createOffer } from '../core/offers/create-offer.js';
import { sendOffer } from '../core/offers/send-offer.js';
import { shareCompetingOffer } from '../core/offers/share-competing-offer.js';
import { submitOffer } from '../core/offers/submit-offer.js';
import { adoptTemplate } from '../core/processes/adopt-template.js';
import { createSchedulingLink } from '../core/scheduling/create-scheduling-link.js';
import { scheduleInterview } from '../core/scheduling/schedule-interview.js';
import type { Catalog, Clock, Deps, Ids } from '../core/shared/ports.js';
import type { Result } from '../core/shared/result.js';
import type { Actor, StaffRole } from '../core/shared/types.js';
import type { DB } from './schema.js';
import {
  type DemoJob,
  demoJobs,
  demoResume,
  firstNames,
  lastNames,
  offices,
  people,
  recsysInternship,
  type TeamKey,
  teams,
} from './seed-demo-data.js';
import {
  type DemoSource,
  type DemoStanding,
  demoOverride,
  notes,
  panels,
  rejections,
  sequence,
  sourceMix,
  standings,
  stepDays,
  submittedOf,
} from './seed-demo-season.js';
import { createDeps } from './store.js';

export const DEMO_ORG = 'tiktok';
export const DEMO_PASSWORD = 'hireloop-demo';
export const DEMO_BOARD_KEYS = {
  tiktok: 'demo-board-key-tiktok',
  'tiktok-internships': 'demo-board-key-internships',
} as const;
const SEED_LOCK = 4_711_001;
/** The demo's pseudo-random sequence starts here, so every run seeds the same season. */
const SEQUENCE_SEED = 20_261_201;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const must = <T>(result: Result<T, { code: string; message: string }>): T => {
  if (!result.ok) throw new Error(`demo seed: ${result.error.code} ${result.error.message}`);
  return result.value;
};

/** A clock the seed moves by hand, so the demo has weeks of history. */
class SeedClock implements Clock {
  constructor(private at: Date) {}
  now() {
    return this.at;
  }
  set(at: Date | number) {
    this.at = new Date(at);
  }
}

type StaffActor = Actor & { kind: 'staff' };
interface Staff {
  actor: StaffActor;
  timezone: string;
  roundTypes: string[];
  languages: string[];
}

/**
 * Who is busy when, by whole hours: interviews land on a free hour inside every interviewer's own
 * working day (08:00 to 19:00, Monday to Friday, in their zone), so nobody is double-booked.
 */
class Calendar {
  private busy = new Map<string, Set<number>>();
  constructor(private zoneOf: (id: string) => string | undefined) {}

  private local = new Map<string, { weekday: number; hour: number }>();

  private fits(ids: string[], hour: number, minutes: number) {
    return ids.every((id) => {
      if (this.busy.get(id)?.has(hour)) return false;
      const zone = this.zoneOf(id);
      if (!zone) return true;
      const key = `${zone} ${hour}`;
      let local = this.local.get(key);
      if (!local) {
        const at = DateTime.fromMillis(hour * HOUR, { zone });
        local = { weekday: at.weekday, hour: at.hour };
        this.local.set(key, local);
      }
      return local.weekday <= 5 && local.hour >= 8 && local.hour * 60 + minutes <= 19 * 60;
    });
  }

  /** The nearest free hour at or before `at` (direction -1) or at or after it (1), held for everyone. */
  book(ids: string[], at: number, minutes: number, direction: -1 | 1): number {
    let hour = direction < 0 ? Math.floor(at / HOUR) : Math.ceil(at / HOUR);
    for (let tries = 0; tries < 24 * 28; tries++, hour += direction) {
      if (!this.fits(ids, hour, minutes)) continue;
      for (const id of ids) this.busy.set(id, (this.busy.get(id) ?? new Set()).add(hour));
      return hour * HOUR;
    }
    throw new Error('demo seed: no free hour for an interview');
  }
}

/** An interview in a candidate's history: when it was booked and held, and who handed in what when. */
interface Booking {
  bookAt: number;
  startsAt: number;
  panel: Staff[];
  cards: { by: Staff; at: number; recommendation: Rating; submitted: boolean }[];
}
interface PlannedRound {
  round: Round;
  /** When it was decided; null for the round the candidate is in now. */
  decideAt: number | null;
  booking?: Booking;
  votes?: { by: Staff; at: number; vote: 'advance' | 'reject' }[];
  overrideReason?: string;
}

/**
 * Seeds the demo organisation on first start: offices, teams, staff, each team's copy of a shipped
 * template, open jobs for the coming season and candidates at every step, with their interviews,
 * scorecards and decisions spread over the weeks before `now`. All of it goes through the real use
 * cases and in one transaction, so a crash mid-seed leaves nothing behind; a fixed pseudo-random
 * sequence makes every run the same season.
 */
export async function seedDemo(
  db: Kysely<DB>,
  options: {
    now: Date;
    ids: Ids;
    catalog: Catalog & { processTemplates: Map<string, TemplateFile> };
    hashPassword: (p: string) => Promise<string>;
    /** Base of the links in the demo's emails. */
    publicUrl?: string;
  },
): Promise<boolean> {
  const passwordHash = await options.hashPassword(DEMO_PASSWORD);
  const { ids, catalog } = options;
  const now = options.now.getTime();
  const publicUrl = options.publicUrl ?? 'http://localhost:3000';
  const clock = new SeedClock(new Date(now - 100 * DAY));
  const random = sequence(SEQUENCE_SEED);

  return db.transaction().execute(async (trx) => {
    // Two processes booting at once on one PostgreSQL must not both seed.
    await sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
    const existing = await trx
      .selectFrom('orgs')
      .select('id')
      .where('slug', '=', DEMO_ORG)
      .executeTakeFirst();
    if (existing) return false;
    const deps: Deps = createDeps(trx, clock, ids, catalog);
    const orgId = ids.next();
    await trx
      .insertInto('orgs')
      .values({ id: orgId, slug: DEMO_ORG, name: 'TikTok', created_at: clock.now() })
      .execute();
    const officeIds = new Map<string, string>();
    for (const office of offices) {
      const id = ids.next();
      officeIds.set(office.name, id);
      await trx
        .insertInto('offices')
        .values({ id, org_id: orgId, ...office, created_at: clock.now() })
        .execute();
    }
    const officesOf = (locations: string[]) =>
      locations.flatMap((l) => (officeIds.has(l) ? [officeIds.get(l)!] : []));
    const teamIds = new Map<TeamKey, string>();
    for (const team of teams) {
      const id = ids.next();
      teamIds.set(team.key, id);
      await trx
        .insertInto('teams')
        .values({ id, org_id: orgId, name: team.name, timezone: team.timezone, created_at: clock.now() })
        .execute();
    }
    const actors = new Map<StaffRole, StaffActor>();
    const staff = new Map<string, Staff>();
    for (const person of people) {
      const id = ids.next();
      const personTeams =
        person.teams === 'all' ? [...teamIds.values()] : person.teams.map((t) => teamIds.get(t)!);
      await trx
        .insertInto('users')
        .values({
          id,
          org_id: orgId,
          email: person.email,
          email_normalized: person.email,
          name: person.name,
          timezone: person.timezone,
          password_hash: passwordHash,
          roles: person.roles,
          team_ids: personTeams,
          created_at: clock.now(),
        })
        .execute();
      const actor: StaffActor = {
        kind: 'staff',
        orgId,
        userId: id,
        roles: person.roles,
        teamIds: personTeams,
      };
      staff.set(person.email, {
        actor,
        timezone: person.timezone,
        roundTypes: person.interviews?.roundTypes ?? [],
        languages: person.interviews?.languages ?? ['en'],
      });
      if (!actors.has(person.roles[0]!)) actors.set(person.roles[0]!, actor);
      if (person.interviews) {
        const day = [person.interviews.hours ?? ['09:00', '17:00']];
        await trx
          .insertInto('interviewer_profiles')
          .values({
            user_id: id,
            org_id: orgId,
            weekly_hours: JSON.stringify({ '1': day, '2': day, '3': day, '4': day, '5': day }),
            weekly_cap: 8,
            round_types: person.interviews.roundTypes,
            levels: [],
            languages: person.interviews.languages,
            calendar_url: null,
            updated_at: clock.now(),
          })
          .execute();
      }
    }
    const admin = actors.get('admin')!;
    const recruiter = actors.get('recruiter')!;
    const coordinator = actors.get('coordinator')!;
    const hm = actors.get('hiring_manager')!;
    const hr = actors.get('hr')!;
    const member = (email: string) => staff.get(email)!;
    const ivy = member('interviewer@tiktok.example');
    const harper = member('hm@tiktok.example');
    const zones = new Map([...staff.values()].map((s) => [s.actor.userId, s.timezone]));
    const calendar = new Calendar((id) => zones.get(id));
    const decider = (round: Round) => ({ hr, recruiter, hiring_manager: hm })[round.decidedBy];

    // Two public boards, so jobs are listed as they open (keys are for trying the API locally).
    const boards = {
      full_time: must(
        await createBoard(deps, {
          actor: admin,
          board: {
            token: 'tiktok',
            name: 'Careers at TikTok',
            intro: 'Join the teams building the platform.',
            employmentTypes: ['full_time'],
            teamIds: [],
            gdprRetentionDays: null,
          },
          apiKey: DEMO_BOARD_KEYS.tiktok,
        }),
      ).board,
      internship: must(
        await createBoard(deps, {
          actor: admin,
          board: {
            token: 'tiktok-internships',
            name: 'TikTok internships',
            intro: 'Summer internships for students.',
            employmentTypes: ['internship'],
            teamIds: [],
            gdprRetentionDays: 365,
          },
          apiKey: DEMO_BOARD_KEYS['tiktok-internships'],
        }),
      ).board,
    };

    const openJob = async (demo: DemoJob, template: TemplateFile) => {
      const teamId = teamIds.get(demo.team)!;
      const process = must(await adoptTemplate(deps, { actor: admin, teamId, template }));
      const job = must(
        await createJob(deps, {
          actor: recruiter,
          fields: {
            title: demo.title,
            teamId,
            processId: process.id,
            employmentType: template.employmentType,
            jobFamily: template.employmentType,
            headcount: demo.headcount,
            level: template.level,
            locations: demo.locations,
            officeIds: officesOf(demo.locations),
            posting: demo.posting,
            compensationBand: demo.band ?? null,
          },
        }),
      );
      must(await transitionJob(deps, { actor: recruiter, jobId: job.id, to: 'open' }));
      return job;
    };

    /** An application as the candidate sends it on a board (API or career site), or a recruiter's. */
    const apply = async (
      job: { id: string; employmentType: string },
      demo: DemoJob,
      candidate: { email: string; firstName: string; lastName: string; resumeText?: string },
      source: DemoSource,
    ) => {
      if (source === 'referral' || source === 'sourced') {
        return must(await submitApplication(deps, { actor: recruiter, jobId: job.id, candidate, source }))
          .application;
      }
      const board = job.employmentType === 'internship' ? boards.internship : boards.full_time;
      const resume = candidate.resumeText ?? `${candidate.firstName} ${candidate.lastName}`;
      const fields = {
        first_name: candidate.firstName,
        last_name: candidate.lastName,
        email: candidate.email,
        resume_text: resume,
        ...(demo.posting.internship ? { question_1: 1 as const } : {}),
        ...(board.gdprRetentionDays !== null
          ? { data_compliance: { gdpr_processing_consent_given: true } }
          : {}),
      };
      return must(
        await applyOnBoard(deps, {
          board: { id: board.id, orgId, gdprRetentionDays: board.gdprRetentionDays },
          post: { jobId: job.id, posting: demo.posting },
          fields,
          answered: new Set(Object.keys(fields)),
          consent: fields.data_compliance,
          attachments: [
            {
              kind: 'resume',
              filename: 'resume.txt',
              contentType: 'text/plain',
              data: new TextEncoder().encode(resume),
              text: resume,
            },
          ],
          errors: [],
          source: source === 'board' ? `board:${board.token}` : `careers:${board.token}`,
          publicUrl,
        }),
      ).application;
    };

    /**
     * Who sits on a panel: those whose profile covers the round's type (one person for a phone or
     * HR screen); the HM only on their own interview, with Mei. Ivy leads the panels candidates are
     * in now where she can, so her own screens show interviews coming up and feedback due.
     */
    const interviewers = [...staff.values()].filter((s) => s.roundTypes.length > 0 && s !== harper);
    const ableFor = (round: Round) => interviewers.filter((s) => s.roundTypes.includes(round.roundType));
    const panelFor = (round: Round, size: number, current: boolean): Staff[] => {
      if (round.roundType === 'hiring_manager')
        return [harper, member('mei.interviewer@tiktok.example')].slice(0, size);
      const able = ableFor(round);
      if (able.length === 0) throw new Error(`demo seed: nobody interviews for ${round.roundType}`);
      const lead =
        current && able.includes(ivy) ? able.indexOf(ivy) : Math.floor(random.next() * able.length);
      const alone = round.roundType === 'recruiter_call' || round.roundType === 'hr';
      return [...able.slice(lead), ...able.slice(0, lead)].slice(0, alone ? 1 : size);
    };
    const book = (round: Round, panel: Staff[], candidateKey: string, at: number, direction: -1 | 1) =>
      calendar.book(
        [...panel.map((s) => s.actor.userId), candidateKey],
        at,
        round.durationMinutes,
        direction,
      );
    /** Scorecards handed in after the interview, before `by`: the lead interviewer's usually first. */
    const cardsFor = (
      panel: Staff[],
      recommendations: Rating[],
      endsAt: number,
      by: number,
      submitted: number,
    ) =>
      panel
        .map((s, i) => ({
          by: s,
          recommendation: recommendations[i]!,
          at: endsAt + (by - endsAt) * random.between(0.1, 0.85),
        }))
        .sort((a, b) => a.at - b.at)
        .map((card, i) => ({ ...card, submitted: i < submitted }));

    /**
     * A candidate's history, worked out backwards from now: the round they are in (and how it
     * stands), then each earlier round's decision, interview and scorecards, each step taking its
     * own, varied time. Returns when they applied and the rounds in the order they happened.
     */
    const history = (
      rounds: Round[],
      stage: number,
      standing: DemoStanding,
      key: string,
      override?: string,
    ) => {
      const planned: PlannedRound[] = [];
      const round = rounds[stage];
      let entered: number;
      if (!round) {
        entered = now - random.between(2, 5) * DAY;
      } else if (round.committee) {
        entered = now - random.between(1.5, 3) * DAY;
        const votes = [ivy, member('wei.interviewer@tiktok.example')].map((by, i) => ({
          by,
          at: entered + (i + 1) * random.between(3, 12) * HOUR,
          vote: 'advance' as const,
        }));
        planned.push({ round, decideAt: null, votes });
      } else if (!expectsInterview(round) || ['waiting', 'rejected', 'withdrawn'].includes(standing)) {
        entered = now - random.between(0.4, 4) * DAY;
        planned.push({ round, decideAt: null });
      } else {
        const recommendations = random.pick(panels[standing]);
        const panel = panelFor(round, recommendations.length, true);
        if (standing === 'split' && panel.length < 2)
          throw new Error(`demo seed: a split needs two on ${round.key}`);
        if (standing === 'upcoming') {
          entered = now - random.between(1, 4) * DAY;
          const startsAt = book(round, panel, key, now + random.between(1, 5) * DAY, 1);
          planned.push({
            round,
            decideAt: null,
            booking: { bookAt: entered + random.between(2, 20) * HOUR, startsAt, panel, cards: [] },
          });
        } else {
          const startsAt = book(round, panel, key, now - random.between(0.6, 3) * DAY, -1);
          const endsAt = startsAt + round.durationMinutes * 60_000;
          const submitted = standing === 'incomplete' ? submittedOf(panel.length) : panel.length;
          entered = startsAt - random.between(1, 3) * DAY;
          const cards = cardsFor(panel, recommendations, endsAt, now - HOUR, submitted);
          planned.push({
            round,
            decideAt: null,
            booking: { bookAt: entered + random.between(1, 12) * HOUR, startsAt, panel, cards },
          });
        }
      }
      let t = entered;
      for (let r = stage - 1; r >= 0; r--) {
        const past = rounds[r]!;
        const decideAt = t;
        const [low, high] = stepDays[past.step];
        const earliest = decideAt - random.between(low, high) * DAY;
        let start = earliest;
        const step: PlannedRound = { round: past, decideAt };
        if (past.committee) {
          step.votes = [ivy, member('arjun.interviewer@tiktok.example')].map((by, i) => ({
            by,
            at: decideAt - (i + 1) * random.between(3, 12) * HOUR,
            vote: 'advance' as const,
          }));
          step.votes.reverse();
        } else if (expectsInterview(past)) {
          const overridden = override !== undefined && r === stage - 1;
          const recommendations = overridden ? (['yes', 'yes'] as Rating[]) : random.pick(panels.past);
          const panel = panelFor(past, recommendations.length, overridden);
          const latest = decideAt - random.between(4, 36) * HOUR - past.durationMinutes * 60_000;
          const startsAt = book(past, panel, key, latest, -1);
          const endsAt = startsAt + past.durationMinutes * 60_000;
          // The override: one interviewer of two away, the decision taken on the other's scorecard.
          const cards = cardsFor(panel, recommendations, endsAt, decideAt, panel.length).map((card) => ({
            ...card,
            submitted: !overridden || card.by === panel[0],
          }));
          start = Math.min(earliest, startsAt - random.between(1, 3) * DAY);
          step.booking = { bookAt: start + random.between(1, 10) * HOUR, startsAt, panel, cards };
          if (overridden) step.overrideReason = override;
        }
        planned.unshift(step);
        t = start;
      }
      return { submittedAt: t, planned, entered };
    };

    const scorecard = (round: Round, recommendation: Rating, n: number): ScorecardContent => {
      const kit = catalog.interviewKit(round.roundType);
      if (!kit) throw new Error(`demo seed: no interview kit for ${round.roundType}`);
      const near: Record<Rating, Rating[]> = {
        strong_yes: ['strong_yes', 'yes'],
        yes: ['yes', 'strong_yes', 'mixed'],
        mixed: ['mixed', 'yes', 'no'],
        no: ['no', 'mixed'],
        strong_no: ['strong_no', 'no'],
      };
      return {
        ratings: Object.fromEntries(
          kit.focusAttributes.map((a, j) => [
            a.key,
            near[recommendation][(n + j) % near[recommendation].length]!,
          ]),
        ),
        recommendation,
        notes: notes[recommendation][n % notes[recommendation].length]!,
        privateNote: '',
        salaryExpectation: null,
      };
    };

    /** Plays a planned round forward: the booking, the scorecards, the votes, then the decision. */
    const play = async (applicationId: string, step: PlannedRound, n: number) => {
      const { round, booking } = step;
      if (booking) {
        clock.set(booking.bookAt);
        const interview = must(
          await scheduleInterview(deps, {
            actor: coordinator,
            applicationId,
            roundKey: round.key,
            startsAt: new Date(booking.startsAt),
            interviewerIds: booking.panel.map((s) => s.actor.userId),
            language: booking.panel.every((s) => s.languages.includes('zh')) && n % 3 === 0 ? 'zh' : 'en',
          }),
        );
        // Feedback is handed in once the interview has taken place.
        for (const [i, card] of booking.cards.entries()) {
          if (!card.submitted) continue;
          clock.set(card.at);
          must(
            await submitScorecard(deps, {
              actor: card.by.actor,
              interviewId: interview.id,
              content: scorecard(round, card.recommendation, n + i),
            }),
          );
        }
      }
      for (const vote of step.votes ?? []) {
        clock.set(vote.at);
        must(
          await castCommitteeVote(deps, {
            actor: vote.by.actor,
            applicationId,
            roundKey: round.key,
            vote: vote.vote,
            note: 'The loop is consistent; the bar is met on every signal.',
          }),
        );
      }
      if (step.decideAt === null) return;
      clock.set(step.decideAt);
      must(
        await decideApplicationRound(deps, {
          actor: decider(round),
          applicationId,
          roundKey: round.key,
          decision: 'advance',
          rationale: expectsInterview(round)
            ? `Met the bar for ${round.name.toLowerCase()}; the panel's notes agree.`
            : round.committee
              ? 'The committee agreed on the whole loop.'
              : 'The experience matches what the role asks for.',
          overrideReason: step.overrideReason,
        }),
      );
    };

    interface Seeded {
      applicationId: string;
      candidateId: string;
      template: string;
      stage: number;
      rounds: Round[];
      standing: DemoStanding;
    }
    const seeded: Seeded[] = [];
    const turn = new Map<string, number>();
    const standingAt = (round: Round | undefined) => {
      if (!round) return 'waiting';
      const cycle = standings[round.step];
      const i = turn.get(round.step) ?? 0;
      const standing = cycle[i % cycle.length]!;
      // A split needs two who can hold the round; otherwise it goes to the step's next round.
      const pool = round.roundType === 'hiring_manager' ? 2 : ableFor(round).length;
      if (standing === 'split' && pool < 2) return 'complete';
      turn.set(round.step, i + 1);
      return standing;
    };

    /** The endings a standing asks for: a resume turned down, a candidate withdrawing, a panel's no, a split. */
    async function conclude(
      applicationId: string,
      candidateId: string,
      current: PlannedRound | undefined,
      standing: DemoStanding,
      entered: number,
    ) {
      if (!current || current.decideAt !== null) return;
      const { round } = current;
      const heard = Math.max(entered, ...(current.booking?.cards.map((c) => c.at) ?? []));
      clock.set(heard + (now - heard) * random.between(0.3, 0.8));
      if (standing === 'rejected' || standing === 'declined') {
        must(
          await decideApplicationRound(deps, {
            actor: decider(round),
            applicationId,
            roundKey: round.key,
            decision: 'reject',
            rationale: standing === 'rejected' ? rejections.resume! : rejections.panel!,
          }),
        );
      } else if (standing === 'withdrawn') {
        must(
          await withdrawApplication(deps, {
            actor: { kind: 'candidate', orgId, candidateId },
            applicationId,
            reason: 'Accepted another offer.',
          }),
        );
      } else if (standing === 'split') {
        must(
          await addExtraRound(deps, {
            actor: hm,
            applicationId,
            round: {
              ...round,
              key: `extra-${round.key}`,
              name: `Second ${round.name.toLowerCase()}`,
              eliminatory: true,
              decidedBy: 'hiring_manager',
              committee: false,
            },
            reason: `The panel split on the ${round.name.toLowerCase()}; one more interview of the same kind to decide.`,
          }),
        );
      }
    }

    const season = demoJobs(options.now);
    const opened = new Map<string, { id: string; employmentType: string }>();
    let person = 0;
    for (const [jobIndex, demo] of season.entries()) {
      const template = catalog.processTemplates.get(demo.template);
      if (!template) throw new Error(`demo seed: no template ${demo.template}`);
      clock.set(now - 95 * DAY + jobIndex * HOUR);
      const job = await openJob(demo, template);
      opened.set(demo.template, job);
      const rounds = template.rounds;
      for (const [stage, count] of demo.spread.entries()) {
        for (let n = 0; n < count; n++) {
          const first = firstNames[person % firstNames.length]!;
          const last = lastNames[(person * 7 + jobIndex) % lastNames.length]!;
          person++;
          const standing = standingAt(rounds[stage]);
          const override =
            demo.template === demoOverride.template && stage === demoOverride.stage && n === 0
              ? demoOverride.reason
              : undefined;
          const { submittedAt, planned, entered } = history(rounds, stage, standing, `c${person}`, override);
          const source = sourceMix[person % sourceMix.length]!;
          clock.set(submittedAt);
          const application = await apply(
            job,
            demo,
            {
              email: `${first}.${last}.${person}@example.com`
                .normalize('NFD')
                .replace(/\p{Diacritic}/gu, '')
                .toLowerCase(),
              firstName: first,
              lastName: last,
              resumeText: demoResume(`${first} ${last}`, demo.title, person),
            },
            source,
          );
          for (const step of planned) await play(application.id, step, person);
          seeded.push({
            applicationId: application.id,
            candidateId: application.candidateId,
            template: demo.template,
            stage,
            rounds,
            standing,
          });
          await conclude(application.id, application.candidateId, planned.at(-1), standing, entered);
        }
      }
    }

    const active = (s: Seeded) => !['rejected', 'withdrawn', 'declined'].includes(s.standing);
    const atOfferOn = (template: string) =>
      seeded.find((s) => s.template === template && s.stage >= s.rounds.length);
    const waitingOn = (roundType: string) =>
      seeded.find((s) => active(s) && s.standing === 'waiting' && s.rounds[s.stage]?.roundType === roundType);

    // A recruiter screen to pick a time for: the mailbox holds the candidate's email with the link,
    // and its page can be tried.
    const screening = waitingOn('recruiter_call');
    if (screening) {
      clock.set(now - 6 * HOUR);
      must(
        await createSchedulingLink(deps, {
          actor: coordinator,
          applicationId: screening.applicationId,
          roundKey: screening.rounds[screening.stage]!.key,
          interviewerIds: [member('mei.interviewer@tiktok.example').actor.userId],
          language: 'en',
          pageUrl: `${publicUrl}/schedule`,
        }),
      );
    }
    // A coding screen's timed assessment, sent today: the candidate has a week to start.
    const coding = waitingOn('coding');
    if (coding) {
      clock.set(now);
      must(
        await sendAssessment(
          // The seed names two shipped coding problems (test/sandbox grades every one).
          { ...deps, grader: { problem: () => ({ daysToDeliver: null, starter: {} }) } },
          {
            actor: coordinator,
            applicationId: coding.applicationId,
            items: [
              { kind: 'coding', slug: 'longest-substring-without-repeats' },
              { kind: 'coding', slug: 'merge-intervals' },
            ],
            durationMinutes: 60,
            startWithinDays: 7,
            linkBase: `${publicUrl}/candidate/assessment`,
          },
        ),
      );
    }
    clock.set(now - 1 * DAY);

    const hired = atOfferOn('backend-internship');
    const offered = atOfferOn('software-engineer-new-grad');
    const negotiated = atOfferOn('software-engineer-mid');
    if (hired) must(await hireApplication(deps, { actor: hr, applicationId: hired.applicationId }));
    // Offers: one sent and compared with a competing offer the candidate shared, one above its band
    // waiting for approval.
    const offerTerms = (base: number) => ({
      currency: 'USD',
      baseSalaryCents: base,
      signOn: { amountCents: 30_000_00, instalments: 2, clawbackMonths: 12 },
      targetBonusBps: 1500,
      equity: { kind: 'units' as const, units: 1600, referencePriceCents: 150_00 },
      startDate: new Date(now + 60 * DAY).toISOString().slice(0, 10),
      expiresAt: new Date(now + 14 * DAY).toISOString(),
      level: '2-1',
      location: 'Los Angeles',
    });
    if (offered) {
      const offer = must(
        await createOffer(deps, {
          actor: recruiter,
          applicationId: offered.applicationId,
          terms: offerTerms(150_000_00),
        }),
      );
      must(await submitOffer(deps, { actor: recruiter, offerId: offer.id }));
      must(await sendOffer(deps, { actor: recruiter, offerId: offer.id }));
      const candidate: Actor = { kind: 'candidate', orgId, candidateId: offered.candidateId };
      must(
        await shareCompetingOffer(deps, {
          actor: candidate,
          applicationId: offered.applicationId,
          terms: {
            company: 'Another social app',
            currency: 'USD',
            baseSalaryCents: 145_000_00,
            signOn: { amountCents: 30_000_00, instalments: 2, clawbackMonths: 12 },
            targetBonusBps: 1500,
            equity: { kind: 'value', valueCents: 240_000_00 },
            vestingScheduleKey: 'even-25x4',
          },
        }),
      );
    }
    if (negotiated) {
      const offer = must(
        await createOffer(deps, {
          actor: recruiter,
          applicationId: negotiated.applicationId,
          terms: offerTerms(225_000_00),
        }),
      );
      must(await submitOffer(deps, { actor: recruiter, offerId: offer.id }));
    }

    // Sequential internship consideration: a student applies on the career site, then, signed in
    // with the link it sent, to a second internship from the portal: the second waits its turn.
    const internship = season.find((j) => j.posting.internship)!;
    const internJob = opened.get(internship.template)!;
    clock.set(now - 20 * DAY);
    const recsys = recsysInternship(options.now, internship);
    const recsysJob = await openJob(recsys, catalog.processTemplates.get(internship.template)!);
    clock.set(now - 3 * DAY);
    const sam = { email: 'sam.student@example.com', firstName: 'Sam', lastName: 'Student' };
    const student = await apply(internJob, internship, sam, 'careers');
    clock.set(now - 1 * DAY);
    must(
      await submitApplication(deps, {
        actor: { kind: 'candidate', orgId, candidateId: student.candidateId },
        jobId: recsysJob.id,
        source: 'candidate_portal',
      }),
    );
    return true;
  });
}
