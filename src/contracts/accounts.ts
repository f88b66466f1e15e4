import { z } from 'zod';
import { email, staffRoleSchema } from './common.js';

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
  newPassword: z.string().min(12, 'at least 12 characters').max(200),
});
export const disabledUserResponse = z.object({ id: z.string(), endedSessions: z.number().int() });
