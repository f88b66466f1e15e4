import type { Actor, StaffRole } from './types.js';

/**
 * The one permission table: which staff roles may perform each action. Anything not listed is
 * denied. Finer checks that depend on the record (the deciding round, the job's team) live in the
 * rules of the module concerned.
 */
export const permissions = {
  'org.read': ['admin', 'recruiter', 'coordinator', 'interviewer', 'hiring_manager', 'hr'],
  'org.manage': ['admin'],
  'process.read': ['admin', 'recruiter', 'coordinator', 'hiring_manager', 'hr'],
  'process.manage': ['admin', 'hiring_manager'],
  'job.read': ['admin', 'recruiter', 'coordinator', 'interviewer', 'hiring_manager', 'hr'],
  'job.manage': ['admin', 'recruiter', 'hiring_manager'],
  'candidate.read': ['admin', 'recruiter', 'coordinator', 'hiring_manager', 'hr'],
  'application.read': ['admin', 'recruiter', 'coordinator', 'hiring_manager', 'hr'],
  'application.create': ['recruiter', 'coordinator'],
  'application.decide': ['recruiter', 'hiring_manager', 'hr'],
  'application.add_round': ['hiring_manager'],
  'application.hire': ['hiring_manager', 'hr'],
  'interview.schedule': ['recruiter', 'coordinator'],
  /** Anyone's interviewing availability; interviewers always manage their own. */
  'availability.manage': ['admin', 'recruiter', 'coordinator'],
  'interview.read': ['admin', 'recruiter', 'coordinator', 'interviewer', 'hiring_manager', 'hr'],
  'feedback.write': ['admin', 'recruiter', 'coordinator', 'interviewer', 'hiring_manager', 'hr'],
  'feedback.debrief': ['recruiter', 'hiring_manager', 'hr'],
  'committee.vote': ['recruiter', 'hiring_manager', 'hr'],
  'insight.read': ['admin', 'recruiter'],
  'offer.read': ['admin', 'recruiter', 'hiring_manager', 'hr'],
  'offer.manage': ['recruiter', 'hr'],
  'offer.approve': ['admin', 'hiring_manager', 'hr'],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Action = keyof typeof permissions;

export function isAllowed(actor: Actor, action: Action): boolean {
  if (actor.kind !== 'staff') return false;
  const allowed: readonly StaffRole[] = permissions[action];
  return actor.roles.some((role) => allowed.includes(role));
}
