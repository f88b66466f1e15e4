import type { CompensationBand } from '../contracts/offer-terms.js';
import type { roundTypes } from '../contracts/vocabulary.js';
import type { JobFields } from '../core/jobs/jobs.port.js';
import type { StaffRole } from '../core/shared/types.js';

/**
 * The demo organisation's data: offices, teams, staff, jobs and the people who apply. Every date
 * and year is derived from the moment the demo is seeded, so the season is always the coming one.
 */

export const offices = [
  { name: 'Los Angeles', location: 'Los Angeles, CA, United States', timezone: 'America/Los_Angeles' },
  { name: 'Singapore', location: 'Singapore', timezone: 'Asia/Singapore' },
  { name: 'Beijing', location: 'Beijing, China', timezone: 'Asia/Shanghai' },
];

export const teams = [
  { key: 'user-relation', name: 'TikTok User and Relation', timezone: 'America/Los_Angeles' },
  { key: 'recsys', name: 'Recommendation Infrastructure', timezone: 'Asia/Singapore' },
  { key: 'data', name: 'Data Science, Trust and Safety', timezone: 'Asia/Shanghai' },
  { key: 'creator-product', name: 'Creator Growth Product', timezone: 'America/Los_Angeles' },
  { key: 'marketing', name: 'Product Marketing', timezone: 'America/Los_Angeles' },
  { key: 'operations', name: 'Content Operations', timezone: 'Asia/Singapore' },
] as const;
export type TeamKey = (typeof teams)[number]['key'];

export const people: {
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

export interface DemoJob {
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

/**
 * The years a season is recruited for, seen from `now`: from April on, this summer's internships
 * are filled, so students apply for next summer's, and the new-grad class is the one graduating
 * next year; in January to March the coming summer and class are this year's.
 */
export function seasonOf(now: Date) {
  const year = now.getUTCFullYear();
  const summer = now.getUTCMonth() >= 3 ? year + 1 : year;
  return { summer, newGrad: summer };
}

/** The jobs open this season, named for the years `seasonOf` gives. */
export function demoJobs(now: Date): DemoJob[] {
  const { summer, newGrad } = seasonOf(now);
  return [
    {
      team: 'user-relation',
      template: 'backend-internship',
      title: `Backend Software Engineer Intern - TikTok User and Relation - ${summer} Summer (BS/MS)`,
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
          `Available for at least 12 weeks in Summer ${summer}.`,
          'Proficient in at least one of Python, Java, C++ or Go.',
          'Strong analytical and problem-solving skills, and clear communication.',
        ],
        preferredQualifications: [
          `Graduating December ${summer} or later and returning to the degree after the internship.`,
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
          term: `Summer ${summer}`,
          minimumWeeks: 12,
          degreeLevels: ['BS', 'MS'],
          eligibility: [
            'Currently enrolled in a degree programme.',
            `Graduating December ${summer} or later.`,
            'Returning to the degree programme after the internship.',
          ],
        },
      },
      spread: [4, 2, 1, 1, 0, 1, 1],
    },
    {
      team: 'user-relation',
      template: 'software-engineer-new-grad',
      title: `Software Engineer, New Grad ${newGrad} - TikTok User and Relation`,
      headcount: 4,
      locations: ['Los Angeles'],
      posting: {
        summary: 'Start your career on the services that let people follow, message and find each other.',
        responsibilities: ['Build and operate backend features end to end.', 'Write clear code and tests.'],
        minimumQualifications: [
          `A Bachelor's or Master's degree in Computer Science or a related field, completed by ${newGrad}.`,
        ],
        preferredQualifications: ['An internship or a substantial software project.'],
        faq: [],
      },
      spread: [3, 1, 1, 0, 1, 0, 0, 1],
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
        minimumQualifications: [
          '3+ years building backend systems.',
          'Strong data structures and algorithms.',
        ],
        preferredQualifications: ['Experience with recommendation or search systems.'],
        faq: [],
      },
      spread: [3, 1, 1, 1, 0, 0, 0, 0, 1],
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
      spread: [3, 1, 1, 0, 0, 0, 0, 0, 1],
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
      spread: [3, 1, 1, 0, 1, 0, 0, 0, 0],
    },
    {
      team: 'creator-product',
      template: 'product-manager',
      title: 'Product Manager, Creator Growth',
      headcount: 1,
      locations: ['Los Angeles'],
      posting: {
        summary: 'Help new creators find their first audience.',
        responsibilities: [
          'Own the creator onboarding roadmap.',
          'Run experiments with engineering and data.',
        ],
        minimumQualifications: ['4+ years of product management.'],
        preferredQualifications: ['Experience with creator or marketplace products.'],
        faq: [],
      },
      spread: [3, 1, 1, 1, 0, 0, 0, 0],
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
      spread: [2, 1, 1, 0, 1, 0, 0],
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
      spread: [3, 1, 1, 1, 1, 0],
    },
  ];
}

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
export function demoResume(name: string, jobTitle: string, n: number) {
  const lines = experience.find(([pattern]) => pattern.test(jobTitle))![1];
  return [
    name,
    `${2 + (n % 9)} years of experience.`,
    lines[n % lines.length],
    lines[(n + 2) % lines.length],
    `Education: ${degrees[n % degrees.length]}.`,
  ].join('\n');
}

export const firstNames = [
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
export const lastNames = [
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

/** The second internship, on another team: a student holding two applications has the second queued. */
export function recsysInternship(now: Date, like: DemoJob): DemoJob {
  const { summer } = seasonOf(now);
  return {
    ...like,
    team: 'recsys',
    title: `Software Engineer Intern - Recommendation Infrastructure - ${summer} Summer (BS/MS)`,
    headcount: 2,
    locations: ['Singapore'],
    posting: { ...like.posting, summary: 'Help build the serving systems behind the For You feed.' },
    spread: [],
  };
}
