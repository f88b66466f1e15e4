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
