import { z } from 'zod';
import { staffRoleSchema } from './common.js';

/** A password sign-in's answer when the session cannot start yet. */
export const signInStepResponse = z.object({
  status: z
    .enum(['second_factor_required', 'enrolment_required'])
    .describe(
      'second_factor_required: prove a factor at /api/auth/mfa/*; enrolment_required: set one up at /api/account/mfa/*',
    ),
  methods: z.array(z.enum(['totp', 'passkey', 'recovery_code'])),
  expiresAt: z.string().describe('When the waiting sign-in ends; sign in with the password again after it'),
});
export const codeBody = z.object({
  code: z.string().trim().min(6).max(20).describe('Six digits from the app, or a recovery code'),
});
export const passkeyResponseBody = z.object({
  response: z
    .looseObject({ id: z.string().max(1000) })
    .describe('The PublicKeyCredential as JSON (@simplewebauthn/browser)'),
  name: z.string().trim().min(1).max(80).optional().describe('What to call the passkey in the list'),
});
export const webauthnOptionsResponse = z.looseObject({ challenge: z.string() });
export const recoveryCodesResponse = z.object({
  recoveryCodes: z
    .array(z.string())
    .describe('Shown once; each works once. Empty when older codes are still in use'),
});
export const totpEnrolmentResponse = z.object({
  otpauthUri: z.string().describe('For the QR code an authenticator app scans'),
  secret: z.string().describe('The same key, to type in by hand'),
});
export const passkeySchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export const myFactorsResponse = z.object({
  totp: z.boolean(),
  passkeys: z.array(passkeySchema),
  recoveryCodesLeft: z.number().int(),
  required: z.boolean().describe('The organisation requires a second factor of me'),
});
export const securityPolicySchema = z.object({
  mfaRequired: z.enum(['none', 'admins_hr', 'all']).describe('Who must use a second factor'),
  passwordSignIn: z
    .enum(['everyone', 'admins'])
    .describe('admins: with single sign-on on, only admins may still sign in with a password'),
});
export const savedPolicyResponse = securityPolicySchema.extend({ endedSessions: z.number().int() });
export const ssoConnectionBody = z.object({
  displayName: z.string().trim().min(1).max(60).describe('Shown as "Sign in with …"'),
  issuer: z
    .url()
    .max(500)
    .describe("The provider's issuer URL (its discovery document is at /.well-known/openid-configuration)"),
  clientId: z.string().trim().min(1).max(300),
  clientSecret: z.string().min(1).max(500).nullable().describe('null keeps the stored secret'),
  defaultRoles: z
    .array(staffRoleSchema)
    .max(staffRoleSchema.options.length)
    .describe('Roles of people created at first sign-in whose groups map to none'),
  groupsClaim: z.string().trim().min(1).max(100).default('groups'),
  enabled: z.boolean(),
});
export const ssoConnectionResponse = z.object({
  configured: z.boolean(),
  displayName: z.string(),
  issuer: z.string(),
  clientId: z.string(),
  hasSecret: z.boolean(),
  defaultRoles: z.array(staffRoleSchema),
  groupsClaim: z.string(),
  enabled: z.boolean(),
  callbackUrl: z.string().describe('Register this as the redirect URI at the provider'),
  scimUrl: z.string().describe('The SCIM 2.0 base URL to give the provider'),
});
export const groupMappingSchema = z.object({
  group: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe('The group name as the provider sends it (claim value or SCIM displayName)'),
  roles: z.array(staffRoleSchema).max(staffRoleSchema.options.length),
  teamIds: z.array(z.uuid()).max(100),
});
export const groupMappingsBody = z.object({ mappings: z.array(groupMappingSchema).max(200) });
export const groupMappingsResponse = z.object({ items: z.array(groupMappingSchema) });
export const scimTokenBody = z.object({ name: z.string().trim().min(1).max(80) });
export const scimTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export const newScimTokenResponse = scimTokenSchema.extend({
  token: z.string().describe('Shown once; only its hash is kept'),
});
export const scimTokensResponse = z.object({ items: z.array(scimTokenSchema) });
export const providerQuery = z.object({ org: z.string().min(1).max(100) });
export const providerResponse = z.object({
  displayName: z.string().nullable().describe('null: the organisation has no single sign-on'),
  passwordSignIn: z.enum(['everyone', 'admins']),
});
export const ssoCallbackQuery = z.looseObject({
  code: z.string().max(2000).optional(),
  state: z.string().max(2000).optional(),
  error: z.string().max(200).optional(),
});
export const resetMfaResponse = z.object({ id: z.string() });
export const passkeyAloneOptionsBody = z.object({
  org: z.string().min(1).max(100).describe("The organisation's short name"),
});
