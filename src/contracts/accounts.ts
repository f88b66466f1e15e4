import { z } from 'zod';
import { email, pageQuery, shortText, staffRoleSchema, timezone, uuid } from './common.js';
import { tokenScopeNames } from './vocabulary.js';

/** ASVS V2.1.1 and V2.1.2: 12 characters at least, 128 at most; what else is refused is checked after. */
export const newPassword = z
  .string()
  .min(12, 'at least 12 characters')
  .max(128, 'at most 128 characters')
  .describe(
    'At least 12 characters (runs of spaces count as one), at most 128; common and breached passwords are refused.',
  );

export const loginBody = z.object({
  org: z.string().min(1).max(100),
  email,
  password: z.string().min(1).max(200),
});
export const candidateLinkBody = z.object({ org: z.string().min(1).max(100), email });
/** The same answer whether or not the address is known, so it reveals nothing. */
export const candidateLinkResponse = z.object({ status: z.literal('sent_if_known') });
export const redeemLinkBody = z.object({ token: z.string().min(20).max(200) });
export const meResponse = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('staff'),
    orgId: z.string(),
    userId: z.string(),
    name: z.string(),
    email: z.string(),
    timezone: z.string(),
    roles: z.array(staffRoleSchema),
    teamIds: z.array(z.string()),
    /** The actions the permission table grants these roles, so a client shows only what works. */
    can: z.array(z.string()),
  }),
  z.object({
    kind: z.literal('candidate'),
    orgId: z.string(),
    candidateId: z.string(),
    name: z.string(),
    email: z.string(),
  }),
]);

/** One of my sessions as I see it in "Your sessions": never its token. */
export const sessionSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  /** A short summary of the browser and system it was opened from ("Firefox on Linux"). */
  device: z.string(),
  /** The client address it was opened from, as the server saw it (see TRUST_PROXY). */
  address: z.string().nullable(),
  /** The session this request came with. */
  current: z.boolean(),
});
export const sessionsResponse = z.object({ items: z.array(sessionSchema) });
export const endedSessionsResponse = z.object({
  /** How many sessions ended. */
  ended: z.number().int(),
});
export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword,
});
export const disabledUserResponse = z.object({
  id: z.string(),
  /** The user's version after the change, for the next edit's `expectedVersion`. */
  version: z.number().int(),
  endedSessions: z.number().int().describe('Sessions that ended'),
  revokedTokens: z.number().int().describe('Personal API tokens revoked'),
  removedFromInterviews: z.number().int().describe('Interviews still to come they were taken off'),
});
export const enabledUserResponse = z.object({ id: z.string(), version: z.number().int() });

export const passwordResetRequestBody = z.object({ org: z.string().min(1).max(100), email });
export const passwordResetBody = z.object({
  token: z.string().min(20).max(200).describe('The token from the emailed link'),
  newPassword,
});

/** A staff account as admins manage it. */
export const staffUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  timezone: z.string(),
  roles: z.array(staffRoleSchema),
  teamIds: z.array(z.string()),
  languages: z.array(z.string()).describe('The languages they interview in'),
  status: z.enum(['active', 'disabled']),
  disabledAt: z.string().nullable(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
  /** Pass back as `expectedVersion` when editing. */
  version: z.number().int(),
});
export const userListQuery = pageQuery.extend({
  q: z.string().trim().max(200).optional().describe('Part of the name or email'),
  role: staffRoleSchema.optional(),
  teamId: uuid.optional(),
  status: z.enum(['active', 'disabled', 'all']).default('all'),
});
export const userListResponse = z.object({
  items: z.array(staffUserSchema),
  nextCursor: z.string().nullable(),
});
const language = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'a language code such as en, zh or pt-BR');
export const updateUserBody = z.object({
  expectedVersion: z.number().int().min(1).describe('The version the edit starts from; a stale one gets 409'),
  name: shortText.optional(),
  timezone: timezone.optional(),
  roles: z.array(staffRoleSchema).min(1, 'at least one role').max(staffRoleSchema.options.length).optional(),
  teamIds: z.array(uuid).max(100).optional(),
  languages: z.array(language).min(1).max(20).optional(),
});

export const tokenScopeSchema = z.enum(tokenScopeNames as [string, ...string[]]);
export const createTokenBody = z.object({
  name: z.string().trim().min(1).max(100).describe('What the token is for, to recognise it later'),
  scopes: z.array(tokenScopeSchema).min(1, 'at least one scope').max(tokenScopeNames.length),
  expiresInDays: z
    .number()
    .int()
    .min(1)
    .max(366)
    .nullable()
    .default(90)
    .describe('Days until it stops working; null never (organisation tokens only)'),
});
export const tokenSchema = z.object({
  id: z.string(),
  kind: z.enum(['personal', 'organisation']),
  name: z.string(),
  /** The first characters of the secret, to tell tokens apart. */
  prefix: z.string(),
  scopes: z.array(z.string()),
  createdAt: z.string(),
  createdBy: z.object({ id: z.string(), name: z.string() }),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  lastUsedAddress: z.string().nullable(),
  status: z.enum(['active', 'expired', 'revoked']),
});
export const tokenListResponse = z.object({ items: z.array(tokenSchema) });
export const createdTokenResponse = tokenSchema.extend({
  token: z.string().describe('The secret, shown this once: send it as Authorization: Bearer <token>'),
});

export const auditQuery = pageQuery.extend({
  actorId: uuid.optional().describe('Who acted (a staff member or candidate id)'),
  action: z
    .string()
    .regex(/^[a-z_]+(\.[a-z_]+)*\.?$/, 'an action such as user.disabled, or a prefix such as user.')
    .max(80)
    .optional()
    .describe('An action, or a prefix ending with a dot (auth.)'),
  entityType: z
    .string()
    .regex(/^[a-z_]{1,30}$/)
    .optional(),
  entityId: uuid.optional(),
  tokenId: uuid.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export const auditEventSchema = z.object({
  seq: z.string(),
  at: z.string(),
  actor: z.object({ kind: z.string(), id: z.string().nullable(), name: z.string().nullable() }),
  token: z.object({ id: z.string(), name: z.string() }).nullable(),
  entityType: z.string(),
  entityId: z.string(),
  action: z.string(),
  reason: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export const auditListResponse = z.object({
  items: z.array(auditEventSchema),
  nextCursor: z.string().nullable(),
});
