import type { StaffRole } from '../shared/types.js';
import type { MfaRequirement } from './mfa-port.js';

/** Roles an organisation can hold to a second factor with 'admins_hr': those who see and change the most. */
const privileged: readonly StaffRole[] = ['admin', 'hr'];

/** Whether the organisation's requirement covers someone with these roles. */
export function mfaRequiredFor(requirement: MfaRequirement, roles: readonly StaffRole[]): boolean {
  if (requirement === 'all') return true;
  if (requirement === 'admins_hr') return roles.some((role) => privileged.includes(role));
  return false;
}

/** The factors a person can finish a sign-in with. */
export function methodsOf(factors: { totp: boolean; passkeys: number; recoveryCodes: number }) {
  const methods: ('totp' | 'passkey' | 'recovery_code')[] = [];
  if (factors.totp) methods.push('totp');
  if (factors.passkeys > 0) methods.push('passkey');
  if (factors.recoveryCodes > 0 && (factors.totp || factors.passkeys > 0)) methods.push('recovery_code');
  return methods;
}
