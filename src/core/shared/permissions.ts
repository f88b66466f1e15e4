import { type TokenScope, tokenScopeNames } from '../../contracts/vocabulary.js';
import type { Actor, StaffRole } from './types.js';

/**
 * The one permission table: which staff roles may perform each action. Anything not listed is
 * denied. Finer checks that depend on the record (the deciding round, the job's team) live in the
 * rules of the module concerned.
 */
export const permissions = {
  'org.read': ['admin', 'recruiter', 'coordinator', 'interviewer', 'hiring_manager', 'hr'],
  'org.manage': ['admin'],
  /** Staff accounts: list, edit roles and teams, disable and enable. */
  'user.manage': ['admin'],
  /** The organisation's audit log. */
  'audit.read': ['admin'],
  /** Organisation API tokens; personal ones are each person's own. */
  'token.manage': ['admin'],
  /** Retention policies, legal holds, dry runs and purges (erasing candidates in bulk). */
  'retention.manage': ['admin'],
  'process.read': ['admin', 'recruiter', 'coordinator', 'hiring_manager', 'hr'],
  'process.manage': ['admin', 'hiring_manager'],
  'job.read': ['admin', 'recruiter', 'coordinator', 'interviewer', 'hiring_manager', 'hr'],
  'job.manage': ['admin', 'recruiter', 'hiring_manager'],
  'candidate.read': ['admin', 'recruiter', 'coordinator', 'hiring_manager', 'hr'],
  /** Writing to a candidate from their profile (the hiring team; admins configure, they do not write). */
  'candidate.message': ['recruiter', 'coordinator', 'hiring_manager', 'hr'],
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
  /** Interviewers read notes only once their own feedback is in (feedback.rules.ts, noteAccess). */
  'note.read': ['admin', 'recruiter', 'coordinator', 'interviewer', 'hiring_manager', 'hr'],
  'note.write': ['admin', 'recruiter', 'coordinator', 'hiring_manager', 'hr'],
  'candidate.tag': ['admin', 'recruiter', 'coordinator', 'hiring_manager', 'hr'],
  'candidate.merge': ['admin', 'recruiter'],
  /** Deleting a tag takes it off every candidate of the organisation. */
  'tag.delete': ['admin', 'recruiter'],
  'view.save': ['admin', 'recruiter', 'coordinator', 'hiring_manager', 'hr'],
  'inbox.read': ['admin', 'recruiter', 'coordinator', 'interviewer', 'hiring_manager', 'hr'],
  /** Coaching mock interviews: one's own volunteering and sessions, never anyone else's. */
  'mock.coach': ['admin', 'recruiter', 'coordinator', 'interviewer', 'hiring_manager', 'hr'],
  /**
   * The adverse-impact report: the only way self-identification leaves the server, as counts. A
   * person who also holds a deciding role is refused even so (compliance.rules.ts, ADR 0025).
   */
  'compliance.read': ['compliance'],
  /** How often the matcher's tier agreed with people's decisions; no self-identification in it. */
  'compliance.agreement': ['admin', 'compliance'],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Action = keyof typeof permissions;

/**
 * What an API token may be given: each scope names actions of the permission table, and every
 * action but `sessionOnlyActions` belongs to exactly one scope (a unit test holds this). A token's request is allowed only
 * when its scopes hold the action AND the roles behind it allow it (ADR 0015).
 */
export const tokenScopes = {
  'organisation:read': ['org.read', 'process.read', 'job.read'],
  'organisation:write': ['org.manage', 'process.manage', 'job.manage', 'availability.manage'],
  'users:write': ['user.manage'],
  'audit:read': ['audit.read'],
  'candidates:read': ['candidate.read', 'application.read', 'interview.read', 'note.read', 'inbox.read'],
  'applications:write': [
    'application.create',
    'application.decide',
    'application.add_round',
    'application.hire',
    'interview.schedule',
    'candidate.message',
    'note.write',
    'candidate.tag',
    'tag.delete',
    'candidate.merge',
    'view.save',
  ],
  'feedback:write': ['feedback.write', 'feedback.debrief', 'committee.vote'],
  'offers:read': ['offer.read'],
  'offers:write': ['offer.manage', 'offer.approve'],
  'reports:read': ['insight.read', 'compliance.agreement'],
} as const satisfies Record<TokenScope, readonly Action[]>;

export type Scope = TokenScope;
export const scopeNames = tokenScopeNames;
/**
 * No scope holds these. Tokens never make tokens, so a leaked one cannot outlive its revocation;
 * a mock interview is between two people, so no integration reads or writes one; and
 * self-identification is read by a person signed in, never by an integration.
 */
export const sessionOnlyActions = [
  'token.manage',
  'mock.coach',
  'compliance.read',
  'retention.manage',
] as const satisfies readonly Action[];

function scopesAllow(scopes: readonly string[], action: Action): boolean {
  return scopes.some((scope) =>
    (tokenScopes[scope as Scope] as readonly Action[] | undefined)?.includes(action),
  );
}

export function isAllowed(actor: Actor, action: Action): boolean {
  if (actor.kind !== 'staff') return false;
  if (actor.token && !scopesAllow(actor.token.scopes, action)) return false;
  const allowed: readonly StaffRole[] = permissions[action];
  return actor.roles.some((role) => allowed.includes(role));
}

/** The scopes whose actions these roles may perform at least in part: what a personal token can use. */
export function scopesFor(roles: readonly StaffRole[]): Scope[] {
  return scopeNames.filter((scope) =>
    (tokenScopes[scope] as readonly Action[]).some((action) =>
      (permissions[action] as readonly StaffRole[]).some((role) => roles.includes(role)),
    ),
  );
}
