import { z } from 'zod';
import { email, shortText, staffRoleSchema, timezone, uuid } from './common.js';

export const teamSchema = z.object({
  id: z.string(),
  name: z.string(),
  timezone: z.string(),
  createdAt: z.string(),
});
export const createTeamBody = z.object({ name: shortText, timezone });
export const officeSchema = z.object({
  id: z.string(),
  name: z.string(),
  location: z.string(),
  timezone: z.string(),
});
export const createOfficeBody = z.object({ name: shortText, location: shortText, timezone });
export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  timezone: z.string(),
  roles: z.array(staffRoleSchema),
  teamIds: z.array(z.string()),
});
export const createUserBody = z.object({
  email,
  name: shortText,
  timezone,
  password: z.string().min(12, 'at least 12 characters').max(128, 'at most 128 characters'),
  roles: z.array(staffRoleSchema).min(1),
  teamIds: z.array(uuid).default([]),
});
export const policySchema = z.object({
  jobFamily: z.string(),
  maxActiveApplications: z.number().int().nullable(),
  order: z.enum(['sequential', 'parallel']),
  cooldownDays: z.number().int(),
});
export const policyParams = z.object({ jobFamily: z.string().regex(/^[a-z0-9_-]{1,40}$/) });
export const putPolicyBody = z.object({
  maxActiveApplications: z.number().int().min(1).max(100).nullable(),
  order: z.enum(['sequential', 'parallel']),
  cooldownDays: z.number().int().min(0).max(730),
});
