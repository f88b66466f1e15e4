import { type Kysely, sql } from 'kysely';
import type { CompensationBand } from '../contracts/offer-terms.js';
import type { TemplateFile } from '../contracts/process-template.js';
import type { roundTypes } from '../contracts/vocabulary.js';
import { addExtraRound } from '../core/applications/add-extra-round.js';
import { decideApplicationRound } from '../core/applications/decide-round.js';
import { hireApplication } from '../core/applications/hire-application.js';
import { submitApplication } from '../core/applications/submit-application.js';
import { withdrawApplication } from '../core/applications/withdraw-application.js';
import { sendAssessment } from '../core/assessments/send-assessment.js';
import { createBoard } from '../core/boards/create-board.js';
import { submitScorecard } from '../core/feedback/write-scorecard.js';
import { createJob } from '../core/jobs/create-job.js';
import type { JobFields } from '../core/jobs/jobs.port.js';
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
import { createDeps } from './store.js';

export const DEMO_ORG = 'tiktok';
export const DEMO_PASSWORD = 'hireloop-demo';
export const DEMO_BOARD_KEYS = {
  tiktok: 'demo-board-key-tiktok',
  'tiktok-internships': 'demo-board-key-internships',
} as const;
const SEED_LOCK = 4_711_001;

const must = <T>(result: Result<T, { code: string; message: string }>): T => {
  if (!result.ok) throw new Error(`demo seed: ${result.error.code} ${result.error.message}`);
  return result.value;
};

const offices = [
  { name: 'Los Angeles', location: 'Los Angeles, CA, United States', timezone: 'America/Los_Angeles' },
  { name: 'Singapore', location: 'Singapore', timezone: 'Asia/Singapore' },
  { name: 'Beijing', location: 'Beijing, China', timezone: 'Asia/Shanghai' },
];

const teams = [
  { key: 'user-relation', name: 'TikTok User and Relation', timezone: 'America/Los_Angeles' },
  { key: 'recsys', name: 'Recommendation Infrastructure', timezone: 'Asia/Singapore' },
  { key: 'data', name: 'Data Science, Trust and Safety', timezone: 'Asia/Shanghai' },
  { key: 'creator-product', name: 'Creator Growth Product', timezone: 'America/Los_Angeles' },
  { key: 'marketing', name: 'Product Marketing', timezone: 'America/Los_Angeles' },
  { key: 'operations', name: 'Content Operations', timezone: 'Asia/Singapore' },
] as const;
type TeamKey = (typeof teams)[number]['key'];

const people: {
  email: string;
  name: string;
  timezone: string;
  roles: StaffRole[];
  teams: TeamKey[] | 'all';
  /** What they interview for, in which languages: their availability profile. */
  interviews?: { roundTypes: (typeof roundTypes)[number][]; languages: string[]; hours?: [string, string] };
}[] = [
  {
    email: 'admin@tiktok.example',
    name: 'Avery Admin',
    timezone: 'America/Los_Angeles',
    roles: ['admin'],
    teams: [],
  },
  {
    email: 'recruiter@tiktok.example',
    name: 'Riley Recruiter',
    timezone: 'America/Los_Angeles',
    roles: ['recruiter'],
    teams: 'all',
  },
  {
    email: 'coordinator@tiktok.example',
    name: 'Casey Coordinator',
    timezone: 'Asia/Singapore',
    roles: ['coordinator'],
    teams: 'all',
  },
  {
    email: 'interviewer@tiktok.example',
    name: 'Ivy Interviewer',
    timezone: 'Asia/Shanghai',
    roles: ['interviewer'],
    teams: ['recsys'],
    interviews: {
      roundTypes: ['coding', 'system_design', 'sql', 'python', 'statistics'],
      languages: ['en', 'zh'],
    },
  },
  // More interviewers across the three offices, so the planner has a real week to plan.
  {
    email: 'lena.interviewer@tiktok.example',
    name: 'Lena Park',
    timezone: 'America/Los_Angeles',
    roles: ['interviewer'],
    teams: ['user-relation', 'creator-product'],
    interviews: { roundTypes: ['coding', 'design_coding', 'product_sense', 'execution'], languages: ['en'] },
  },
  {
    email: 'wei.interviewer@tiktok.example',
    name: 'Wei Zhang',
    timezone: 'Asia/Shanghai',
    roles: ['interviewer'],
    teams: ['data', 'recsys'],
    interviews: {
      roundTypes: ['coding', 'sql', 'python', 'statistics', 'ml_fundamentals'],
      languages: ['en', 'zh'],
    },
  },
  {
    email: 'arjun.interviewer@tiktok.example',
    name: 'Arjun Rao',
    timezone: 'Asia/Singapore',
    roles: ['interviewer'],
    teams: ['recsys', 'operations'],
    interviews: {
      roundTypes: ['coding', 'system_design', 'content_operations', 'growth_operations', 'case_study'],
      languages: ['en'],
      hours: ['10:00', '18:00'],
    },
  },
  {
    email: 'mei.interviewer@tiktok.example',
    name: 'Mei Lim',
    timezone: 'Asia/Singapore',
    roles: ['interviewer'],
    teams: 'all',
    interviews: {
      roundTypes: ['behavioural', 'cross_functional', 'recruiter_call', 'hr'],
      languages: ['en', 'zh'],
    },
  },
  {
    email: 'hm@tiktok.example',
    name: 'Harper Hiring-Manager',
    timezone: 'America/Los_Angeles',
    roles: ['hiring_manager'],
    teams: 'all',
    interviews: { roundTypes: ['hiring_manager', 'behavioural', 'cross_functional'], languages: ['en'] },
  },
  { email: 'hr@tiktok.example', name: 'Hayden HR', timezone: 'Asia/Singapore', roles: ['hr'], teams: 'all' },
];

interface DemoJob {
  team: TeamKey;
  template: string;
  title: string;
  headcount: number;
  locations: string[];
  posting: JobFields['posting'];
  /** How many candidates sit at each round index (the last index is the offer step). */
  spread: number[];
  band?: CompensationBand;
}

const jobs: DemoJob[] = [
  {
    team: 'user-relation',
    template: 'backend-internship',
    title: 'Backend Software Engineer Intern - TikTok User and Relation - 2025 Summer (BS/MS)',
    headcount: 3,
    locations: ['Los Angeles'],
    posting: {
      summary:
        'Build the systems behind how people find, follow and connect with each other on the platform.',
      responsibilities: [
        'Develop and maintain services for user and relation features.',
        'Improve the design and architecture of the systems you work on.',
        'Take part in team meetings and design reviews.',
        'Learn new technical skills with the guidance of a senior mentor.',
      ],
      minimumQualifications: [
        "Currently enrolled in a Bachelor's or Master's programme in Computer Science, Software Engineering or a related field.",
        'Available for at least 12 weeks in Summer 2025.',
        'Proficient in at least one of Python, Java, C++ or Go.',
        'Strong analytical and problem-solving skills, and clear communication.',
      ],
      preferredQualifications: [
        'Graduating December 2025 or later and returning to the degree after the internship.',
        'Familiar with databases and with SQL or NoSQL stores.',
        'A previous software project or internship.',
        'Familiar with a cloud platform such as AWS, Google Cloud or Azure.',
      ],
      faq: [
        {
          question: 'How many internships can I apply for?',
          answer: 'Two at most. They are considered one after the other, in the order you applied.',
        },
        { question: 'When are applications reviewed?', answer: 'As they arrive: applying early helps.' },
      ],
      internship: {
        term: 'Summer 2025',
        minimumWeeks: 12,
        degreeLevels: ['BS', 'MS'],
        eligibility: [
          'Currently enrolled in a degree programme.',
          'Graduating December 2025 or later.',
          'Returning to the degree programme after the internship.',
        ],
      },
    },
    spread: [6, 3, 2, 2, 1, 1, 1],
  },
  {
    team: 'user-relation',
    template: 'software-engineer-new-grad',
    title: 'Software Engineer, New Grad 2026 - TikTok User and Relation',
    headcount: 4,
    locations: ['Los Angeles'],
    posting: {
      summary: 'Start your career on the services that let people follow, message and find each other.',
      responsibilities: ['Build and operate backend features end to end.', 'Write clear code and tests.'],
      minimumQualifications: [
        "A Bachelor's or Master's degree in Computer Science or a related field, completed by 2026.",
      ],
      preferredQualifications: ['An internship or a substantial software project.'],
      faq: [],
    },
    spread: [4, 2, 1, 1, 1, 1, 1, 1],
    band: { currency: 'USD', baseMinCents: 120_000_00, baseMaxCents: 160_000_00, approverRoles: ['admin'] },
  },
  {
    team: 'recsys',
    template: 'software-engineer-mid',
    title: 'Software Engineer, Recommendation Infrastructure',
    headcount: 2,
    locations: ['Singapore'],
    posting: {
      summary: 'Serve real-time recommendations to a billion people with low latency.',
      responsibilities: [
        'Design and run large-scale, low-latency serving systems.',
        'Own features from design to production.',
      ],
      minimumQualifications: ['3+ years building backend systems.', 'Strong data structures and algorithms.'],
      preferredQualifications: ['Experience with recommendation or search systems.'],
      faq: [],
    },
    spread: [5, 2, 2, 1, 1, 1, 1, 1, 1],
    band: {
      currency: 'USD',
      baseMinCents: 150_000_00,
      baseMaxCents: 210_000_00,
      approverRoles: ['hiring_manager', 'admin'],
    },
  },
  {
    team: 'recsys',
    template: 'software-engineer-senior',
    title: 'Senior Software Engineer, Distributed Storage',
    headcount: 1,
    locations: ['Singapore', 'Beijing'],
    posting: {
      summary: 'Lead the storage layer that keeps recommendation features fresh.',
      responsibilities: ['Lead the design of distributed storage.', 'Mentor engineers across time zones.'],
      minimumQualifications: ['6+ years building distributed systems.'],
      preferredQualifications: ['Experience with consistency and replication trade-offs at scale.'],
      faq: [],
    },
    spread: [3, 1, 1, 1, 0, 1, 0, 1, 0],
  },
  {
    team: 'data',
    template: 'data-scientist',
    title: 'Data Scientist, Trust and Safety',
    headcount: 1,
    locations: ['Beijing'],
    posting: {
      summary: 'Measure and improve how safe the platform feels.',
      responsibilities: ['Define metrics and run experiments.', 'Build models that flag harmful content.'],
      minimumQualifications: ['Fluent SQL and Python.', 'Solid statistics.'],
      preferredQualifications: ['Experience with classification models in production.'],
      faq: [],
    },
    spread: [4, 2, 1, 1, 1, 0, 1, 0, 0],
  },
  {
    team: 'creator-product',
    template: 'product-manager',
    title: 'Product Manager, Creator Growth',
    headcount: 1,
    locations: ['Los Angeles'],
    posting: {
      summary: 'Help new creators find their first audience.',
      responsibilities: ['Own the creator onboarding roadmap.', 'Run experiments with engineering and data.'],
      minimumQualifications: ['4+ years of product management.'],
      preferredQualifications: ['Experience with creator or marketplace products.'],
      faq: [],
    },
    spread: [3, 2, 1, 1, 1, 0, 1, 0],
  },
  {
    team: 'marketing',
    template: 'product-marketing-manager',
    title: 'Product Marketing Manager, Ads',
    headcount: 1,
    locations: ['Los Angeles'],
    posting: {
      summary: 'Take new ads products to market with measurable results.',
      responsibilities: ['Write go-to-market plans.', 'Design measurement for launches.'],
      minimumQualifications: ['5+ years of product marketing.'],
      preferredQualifications: ['Experience with experiments and incrementality measurement.'],
      faq: [],
    },
    spread: [3, 1, 1, 1, 0, 1, 0],
  },
  {
    team: 'operations',
    template: 'operations',
    title: 'Content Operations Specialist',
    headcount: 2,
    locations: ['Singapore'],
    posting: {
      summary: 'Grow a content vertical with data, events and creators.',
      responsibilities: ['Plan content and events.', 'Track and explain the metrics of a vertical.'],
      minimumQualifications: ['1+ year of content operations.'],
      preferredQualifications: ['Experience with creator cold start.'],
      faq: [],
    },
    spread: [3, 2, 1, 1, 1, 1],
  },
];

const experience: [RegExp, string[]][] = [
  [
    /engineer/i,
    [
      'Built a Go and Kafka event pipeline handling 50k messages a second.',
      'Cut p99 latency of a Java feed service from 180 ms to 60 ms.',
      'Wrote the C++ transcoding workers behind a short-video upload flow.',
      'Led a TypeScript and React rewrite of an internal creator tool.',
      'Tuned PostgreSQL queries and indexes for a 2 TB orders database.',
    ],
  ],
  [
    /data/i,
    [
      'Designed the A/B testing metrics layer for a consumer app (SQL, Python).',
      'Built churn and retention models in Python with scikit-learn.',
      'Owned weekly product dashboards in SQL for 20 million users.',
    ],
  ],
  [
    /./,
    [
      'Grew a creator programme from 200 to 3,000 members in a year.',
      'Ran go-to-market for two ads products across four markets.',
      'Wrote the content moderation playbook for a 40-person team.',
      'Shipped a creator onboarding flow that raised activation by 12%.',
    ],
  ],
];
const degrees = ['BS Computer Science', 'MS Statistics', 'BA Economics', 'MS Computer Engineering', 'MBA'];

/** A short, plausible resume for a demo candidate, so the screen has something to read. */
function demoResume(name: string, jobTitle: string, n: number) {
  const lines = experience.find(([pattern]) => pattern.test(jobTitle))![1];
  return [
    name,
    `${2 + (n % 9)} years of experience.`,
    lines[n % lines.length],
    lines[(n + 2) % lines.length],
    `Education: ${degrees[n % degrees.length]}.`,
  ].join('\n');
}

const firstNames = [
  'Mei',
  'Arjun',
  'Sofia',
  'Kenji',
  'Amara',
  'Lucas',
  'Priya',
  'Wei',
  'Hana',
  'Diego',
  'Nia',
  'Omar',
  'Lina',
  'Tomás',
  'Yuki',
  'Zara',
  'Ravi',
  'Elena',
  'Jun',
  'Aisha',
];
const lastNames = [
  'Chen',
  'Patel',
  'Garcia',
  'Tanaka',
  'Okafor',
  'Silva',
  'Kumar',
  'Zhang',
  'Kim',
  'Lopez',
  'Mensah',
  'Haddad',
  'Novak',
  'Reyes',
  'Sato',
  'Ali',
  'Iyer',
  'Rossi',
  'Li',
  'Bello',
];

/** A clock the seed moves by hand, so the demo has weeks of history. */
class SeedClock implements Clock {
  constructor(private at: Date) {}
  now() {
    return this.at;
  }
  set(at: Date) {
    this.at = at;
  }
}

/**
 * Seeds the demo organisation on first start: offices, teams, staff, each team's copy of a shipped
 * template, open jobs and candidates at every step, all through the real use cases and in one
 * transaction, so a crash mid-seed leaves nothing behind.
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
  const { ids, now } = options;
  const DAY = 86_400_000;
  const clock = new SeedClock(new Date(now.getTime() - 45 * DAY));

  return db.transaction().execute(async (trx) => {
    // Two processes booting at once on one PostgreSQL must not both seed.
    await sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`.execute(trx);
    const existing = await trx
      .selectFrom('orgs')
      .select('id')
      .where('slug', '=', DEMO_ORG)
      .executeTakeFirst();
    if (existing) return false;
    const deps: Deps = createDeps(trx, clock, ids, options.catalog);
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
    const actors = new Map<StaffRole, Actor & { kind: 'staff' }>();
    const staffByEmail = new Map<string, string>();
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
      staffByEmail.set(person.email, id);
      if (!actors.has(person.roles[0]!)) {
        actors.set(person.roles[0]!, {
          kind: 'staff',
          orgId,
          userId: id,
          roles: person.roles,
          teamIds: personTeams,
        });
      }
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
    // Two public boards, so jobs are listed as they open (keys are for trying the API locally).
    must(
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
    );
    must(
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
    );
    const recruiter = actors.get('recruiter')!;
    const hm = actors.get('hiring_manager')!;
    const hr = actors.get('hr')!;

    let person = 0;
    for (const [jobIndex, demo] of jobs.entries()) {
      const template = options.catalog.processTemplates.get(demo.template);
      if (!template) throw new Error(`demo seed: no template ${demo.template}`);
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

      for (const [stage, count] of demo.spread.entries()) {
        for (let n = 0; n < count; n++) {
          const first = firstNames[person % firstNames.length]!;
          const last = lastNames[(person * 7 + jobIndex) % lastNames.length]!;
          person++;
          clock.set(new Date(now.getTime() - (40 - stage * 4 - n) * DAY));
          const { application } = must(
            await submitApplication(deps, {
              actor: recruiter,
              jobId: job.id,
              candidate: {
                email: `${first}.${last}.${person}@example.com`
                  .normalize('NFD')
                  .replace(/\p{Diacritic}/gu, '')
                  .toLowerCase(),
                firstName: first,
                lastName: last,
                resumeText: demoResume(`${first} ${last}`, demo.title, person),
              },
              source: 'demo',
            }),
          );
          for (const round of template.rounds.slice(0, stage)) {
            clock.set(new Date(clock.now().getTime() + 2 * DAY));
            must(
              await decideApplicationRound(deps, {
                actor: { hr, recruiter, hiring_manager: hm }[round.decidedBy],
                applicationId: application.id,
                roundKey: round.key,
                decision: 'advance',
                rationale: `Met the bar for ${round.name.toLowerCase()}.`,
                // The demo books no interviews for rounds already behind a candidate: each is on the record as such.
                overrideReason: 'Interviewed before the demo records begin.',
              }),
            );
          }
        }
      }
    }

    // A few endings, so every status shows up: a rejection, a withdrawal, an extended loop and a hire.
    const active = await trx
      .selectFrom('applications')
      .innerJoin('processes', 'processes.id', 'applications.process_id')
      .select([
        'applications.id',
        'applications.plan',
        'applications.stage_index',
        'applications.candidate_id',
        'processes.template_key',
      ])
      .where('applications.org_id', '=', orgId)
      .where('applications.status', '=', 'active')
      .orderBy('applications.submitted_at')
      .execute();
    clock.set(new Date(now.getTime() - 2 * DAY));
    const pick = (i: number) => active[i]!;
    const rejected = pick(0);
    const rejectedRound = rejected.plan[rejected.stage_index]!;
    must(
      await decideApplicationRound(deps, {
        actor: { hr, recruiter, hiring_manager: hm }[rejectedRound.decidedBy],
        applicationId: rejected.id,
        roundKey: rejectedRound.key,
        decision: 'reject',
        rationale: 'The resume does not show the required programming experience.',
        overrideReason: 'Interviewed before the demo records begin.',
      }),
    );
    const withdrawing = pick(1);
    must(
      await withdrawApplication(deps, {
        actor: { kind: 'candidate', orgId, candidateId: withdrawing.candidate_id },
        applicationId: withdrawing.id,
        reason: 'Accepted another offer.',
      }),
    );
    const extended = active.find((a) => a.plan[a.stage_index]?.step === 'interview_rounds');
    if (extended) {
      must(
        await addExtraRound(deps, {
          actor: hm,
          applicationId: extended.id,
          round: {
            key: 'extra-coding',
            name: 'Extra coding round',
            step: 'interview_rounds',
            roundType: 'coding',
            durationMinutes: 60,
            format: 'video',
            eliminatory: true,
            decidedBy: 'hiring_manager',
            feedbackSlaDays: 2,
            committee: false,
          },
          reason: 'The panel split on problem-solving depth; one more coding round to decide.',
        }),
      );
    }
    const atOffer = active.filter((a) => a.stage_index >= a.plan.length);
    const atOfferOn = (template: string) => atOffer.find((a) => a.template_key?.startsWith(`${template}@`));
    // Interviews for applications in technical and interview rounds: the interviewer has some
    // feedback submitted, some due, and upcoming interviews in their own time zone.
    const interviewer = actors.get('interviewer')!;
    const interviewing = active.filter((a) =>
      ['technical_screen', 'interview_rounds'].includes(a.plan[a.stage_index]?.step ?? ''),
    );
    for (const [i, a] of interviewing.entries()) {
      const round = a.plan[a.stage_index]!;
      const past = i % 3 !== 2;
      clock.set(new Date(now.getTime() - 3 * DAY));
      const interview = must(
        await scheduleInterview(deps, {
          actor: recruiter,
          applicationId: a.id,
          roundKey: round.key,
          startsAt: new Date(now.getTime() + (past ? -2 : 2) * DAY + i * 3_600_000),
          interviewerIds: [interviewer.userId, hm.userId],
          language: i % 4 === 0 ? 'zh' : 'en',
        }),
      );
      const kit = options.catalog.interviewKit(round.roundType);
      if (past && i % 2 === 0 && kit) {
        // Feedback is written once the interview is over.
        clock.set(new Date(interview.startsAt.getTime() + 2 * 3_600_000));
        must(
          await submitScorecard(deps, {
            actor: interviewer,
            interviewId: interview.id,
            content: {
              ratings: Object.fromEntries(
                kit.focusAttributes.map((attr, j) => [attr.key, j % 2 ? 'yes' : 'strong_yes']),
              ),
              recommendation: 'yes',
              notes: 'Clear reasoning and a working solution; tested edge cases without prompting.',
              privateNote: '',
              salaryExpectation: null,
            },
          }),
        );
      }
    }
    // A recruiter screen to pick a time for: the mailbox holds the candidate's email with the link,
    // and its page can be tried.
    const screening = active.find((a) => a.plan[a.stage_index]?.roundType === 'recruiter_call');
    if (screening) {
      must(
        await createSchedulingLink(deps, {
          actor: actors.get('coordinator')!,
          applicationId: screening.id,
          roundKey: screening.plan[screening.stage_index]!.key,
          interviewerIds: [staffByEmail.get('mei.interviewer@tiktok.example')!],
          language: 'en',
          pageUrl: `${options.publicUrl ?? 'http://localhost:3000'}/schedule`,
        }),
      );
    }
    // A coding screen's timed assessment, sent: the mailbox holds the candidate's link.
    const coding = active.find((a) => a.plan[a.stage_index]?.roundType === 'coding');
    if (coding) {
      const coordinator = actors.get('coordinator')!;
      if (coordinator.kind !== 'staff') throw new Error('the coordinator is staff');
      // Sent today: the candidate has a week to start.
      clock.set(now);
      must(
        await sendAssessment(
          // The seed names two shipped coding problems (test/sandbox grades every one).
          { ...deps, grader: { problem: () => ({ daysToDeliver: null, starter: {} }) } },
          {
            actor: coordinator,
            applicationId: coding.id,
            items: [
              { kind: 'coding', slug: 'longest-substring-without-repeats' },
              { kind: 'coding', slug: 'merge-intervals' },
            ],
            durationMinutes: 60,
            startWithinDays: 7,
            linkBase: `${options.publicUrl ?? 'http://localhost:3000'}/candidate/assessment`,
          },
        ),
      );
    }
    clock.set(new Date(now.getTime() - 1 * DAY));

    const hired = atOfferOn('backend-internship');
    const offered = atOfferOn('software-engineer-new-grad');
    const negotiated = atOfferOn('software-engineer-mid');
    if (hired) must(await hireApplication(deps, { actor: hr, applicationId: hired.id }));
    // Offers: one sent and compared with a competing offer the candidate shared, one above its band
    // waiting for approval.
    const offerTerms = (base: number) => ({
      currency: 'USD',
      baseSalaryCents: base,
      signOn: { amountCents: 30_000_00, instalments: 2, clawbackMonths: 12 },
      targetBonusBps: 1500,
      equity: { kind: 'units' as const, units: 1600, referencePriceCents: 150_00 },
      startDate: new Date(now.getTime() + 60 * DAY).toISOString().slice(0, 10),
      expiresAt: new Date(now.getTime() + 14 * DAY).toISOString(),
      level: '2-1',
      location: 'Los Angeles',
    });
    if (offered) {
      const offer = must(
        await createOffer(deps, {
          actor: recruiter,
          applicationId: offered.id,
          terms: offerTerms(150_000_00),
        }),
      );
      must(await submitOffer(deps, { actor: recruiter, offerId: offer.id }));
      must(await sendOffer(deps, { actor: recruiter, offerId: offer.id }));
      const candidate: Actor = { kind: 'candidate', orgId, candidateId: offered.candidate_id };
      must(
        await shareCompetingOffer(deps, {
          actor: candidate,
          applicationId: offered.id,
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
          applicationId: negotiated.id,
          terms: offerTerms(225_000_00),
        }),
      );
      must(await submitOffer(deps, { actor: recruiter, offerId: offer.id }));
    }

    // Sequential internship consideration: one candidate holds two applications, the second queued.
    const internJob = await trx
      .selectFrom('jobs')
      .select('id')
      .where('org_id', '=', orgId)
      .where('employment_type', '=', 'internship')
      .executeTakeFirstOrThrow();
    const secondIntern = must(
      await adoptTemplate(deps, {
        actor: admin,
        teamId: teamIds.get('recsys')!,
        template: options.catalog.processTemplates.get('backend-internship')!,
      }),
    );
    const recsysIntern = must(
      await createJob(deps, {
        actor: recruiter,
        fields: {
          title: 'Software Engineer Intern - Recommendation Infrastructure - 2025 Summer (BS/MS)',
          teamId: teamIds.get('recsys')!,
          processId: secondIntern.id,
          employmentType: 'internship',
          jobFamily: 'internship',
          headcount: 2,
          level: 'intern',
          locations: ['Singapore'],
          officeIds: officesOf(['Singapore']),
          posting: {
            ...jobs[0]!.posting,
            summary: 'Help build the serving systems behind the For You feed.',
          },
        },
      }),
    );
    must(await transitionJob(deps, { actor: recruiter, jobId: recsysIntern.id, to: 'open' }));
    const student = { email: 'sam.student@example.com', firstName: 'Sam', lastName: 'Student' };
    clock.set(new Date(now.getTime() - 3 * DAY));
    must(
      await submitApplication(deps, {
        actor: recruiter,
        jobId: internJob.id,
        candidate: student,
        source: 'demo',
      }),
    );
    clock.set(new Date(now.getTime() - 1 * DAY));
    must(
      await submitApplication(deps, {
        actor: recruiter,
        jobId: recsysIntern.id,
        candidate: student,
        source: 'demo',
      }),
    );
    return true;
  });
}
