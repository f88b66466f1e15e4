import type {
  Decider,
  EmploymentType,
  EvidenceGap,
  OfferComponent,
  OfferStatus,
  roundTypes,
  Step,
} from '../contracts/vocabulary.js';

/**
 * The one vocabulary of the web app: every key the API answers with, in the words each screen shows.
 * A key missing here still reads as words (`label`), never as `snake_case`.
 */
export const stepLabels: Record<Step, string> = {
  resume_screen: 'Résumé screen',
  recruiter_screen: 'Recruiter screen',
  technical_screen: 'Technical screen',
  interview_rounds: 'Interview rounds',
  hr_interview: 'HR interview',
};

export const roundTypeLabels: Record<(typeof roundTypes)[number], string> = {
  resume_review: 'Résumé review',
  recruiter_call: 'Recruiter call',
  coding: 'Coding',
  system_design: 'System design',
  design_coding: 'Design and coding',
  product_sense: 'Product sense',
  execution: 'Execution',
  sql: 'SQL',
  python: 'Python',
  statistics: 'Statistics',
  ml_fundamentals: 'Machine learning fundamentals',
  case_study: 'Case study',
  behavioural: 'Behavioural',
  cross_functional: 'Cross-functional',
  hiring_manager: 'Hiring manager',
  hiring_committee: 'Hiring committee',
  content_operations: 'Content operations',
  growth_operations: 'Growth operations',
  hr: 'HR interview',
};

export const roleLabels: Record<Decider | 'admin' | 'coordinator' | 'interviewer' | 'compliance', string> = {
  admin: 'Admin',
  recruiter: 'Recruiter',
  coordinator: 'Coordinator',
  interviewer: 'Interviewer',
  hiring_manager: 'Hiring manager',
  hr: 'HR',
  compliance: 'Compliance',
};

export const employmentTypeLabels: Record<EmploymentType, string> = {
  full_time: 'Full-time',
  internship: 'Internship',
  contract: 'Contract',
};

export const levelLabels: Record<string, string> = {
  intern: 'Intern',
  new_grad: 'New grad',
  junior: 'Junior',
  mid: 'Mid-level',
  senior: 'Senior',
  staff: 'Staff',
  principal: 'Principal',
};

export const offerStatusLabels: Record<OfferStatus, string> = {
  draft: 'Draft',
  pending_approval: 'Waiting for approval',
  approved: 'Approved',
  sent: 'Sent',
  accepted: 'Accepted',
  declined: 'Declined',
  expired: 'Expired',
  rescinded: 'Rescinded',
};

export const offerComponentLabels: Record<OfferComponent, string> = {
  base: 'Base salary',
  equity: 'Equity',
  signOn: 'Sign-on bonus',
  bonus: 'Bonus',
  other: 'Other',
};

export const gapLabels: Record<EvidenceGap, string> = {
  no_interview_held: 'no interview held',
  feedback_missing: 'feedback missing',
  decided_by_another_role: "another role's round",
};

/** The shipped vesting schedules (templates/vesting), by key. */
export const vestingLabels: Record<string, string> = {
  'back-weighted-15-25-25-35': 'Back-weighted 15/25/25/35, one-year cliff',
  'back-weighted-15-25-25-35-no-cliff': 'Back-weighted 15/25/25/35, no cliff',
  'even-25x4': 'Even 25% a year, one-year cliff',
  'even-25x4-no-cliff': 'Even 25% a year, no cliff',
  'front-light-5-15-40-40': 'Front-light 5/15/40/40',
};

/** Every other key that reaches a screen: statuses, outcomes, ratings, kinds. */
const otherLabels: Record<string, string> = {
  // applications and jobs
  queued: 'Queued',
  active: 'Active',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  hired: 'Hired',
  closed: 'Closed',
  open: 'Open',
  archived: 'Archived',
  advance: 'Advance',
  reject: 'Reject',
  approve: 'Approve',
  // feedback
  pending: 'Pending',
  submitted: 'Submitted',
  scheduled: 'Scheduled',
  cancelled: 'Cancelled',
  strong_no: 'Strong no',
  no: 'No',
  mixed: 'Mixed',
  yes: 'Yes',
  strong_yes: 'Strong yes',
  lenient: 'Lenient',
  harsh: 'Harsh',
  balanced: 'Balanced',
  // interviews
  async: 'Asynchronous',
  video: 'Video call',
  audio: 'Phone call',
  in_person: 'In person',
  // assessments
  not_started: 'Not started',
  in_progress: 'In progress',
  missed: 'Missed',
  timed_out: 'Timed out',
  completed: 'Completed',
  invalid: 'Invalid',
  time_limit: 'Time limit reached',
  memory_limit: 'Memory limit reached',
  crashed: 'Crashed',
  paste: 'Pasted text',
  focus_lost: 'Left the page',
  focus_back: 'Came back to the page',
  easy: 'Easy',
  medium: 'Medium',
  hard: 'Hard',
  javascript: 'JavaScript',
  typescript: 'TypeScript',
  // notifications
  delivered: 'Delivered',
  failed: 'Failed',
  superseded: 'Replaced by a later message',
  email: 'Email',
  webhook: 'Webhook',
  // organisation
  sequential: 'One after another',
  parallel: 'All at once',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  annual: 'Yearly',
};

const words: Record<string, string> = {
  ...otherLabels,
  ...roundTypeLabels,
  ...employmentTypeLabels,
  ...levelLabels,
  ...offerStatusLabels,
  ...offerComponentLabels,
  ...vestingLabels,
  ...stepLabels,
  ...roleLabels,
};

const acronyms: Record<string, string> = { hr: 'HR', sql: 'SQL', ml: 'ML', hm: 'HM', api: 'API', url: 'URL' };

/** Any key in words: the vocabulary's label, else its parts (`.`, `_`, `-`, camelCase) as a phrase. */
export function label(key: string | null | undefined): string {
  if (key === null || key === undefined || key === '') return '—';
  const known = words[key];
  if (known) return known;
  // Free text (a level such as "L5" or "2-1", a name) is shown as it was written.
  if (!/^[a-z][a-zA-Z]*([._-][a-zA-Z0-9]+)*$/.test(key)) return key;
  const phrase = key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[\s._-]+/)
    .filter(Boolean)
    .map((w) => acronyms[w.toLowerCase()] ?? w.toLowerCase())
    .join(' ');
  return phrase.replace(/^./, (c) => c.toUpperCase());
}

/** A list of keys as a phrase: "Hiring manager, then admin". */
export const chain = (keys: readonly string[]) =>
  keys
    .map((k, i) => (i === 0 ? label(k) : label(k).replace(/^(?!HR)./, (c) => c.toLowerCase())))
    .join(', then ');

/**
 * The name a form shows for a field the server named (`body.teamId` → "Team"): the form's own label
 * when it passes one, else the field's name in words.
 */
export function fieldLabel(field: string, labels: Record<string, string> = {}) {
  const path = field.replace(/^(body|querystring|params|query)\.?/, '');
  if (labels[path]) return labels[path];
  const parts = path.split('.');
  const name = [...parts].reverse().find((p) => !/^\d+$/.test(p)) ?? '';
  if (labels[name]) return labels[name];
  const index = parts.find((p) => /^\d+$/.test(p));
  if (!name) return 'This form';
  const named = label(name.replace(/Ids$/, 's').replace(/(Id|Cents|Bps|At)$/, ''));
  return index === undefined ? named : `${named} (number ${Number(index) + 1})`;
}

/** Options for a select from keys. */
export const labelled = <V extends string>(values: readonly V[]) => values.map((v) => [v, label(v)] as const);
