import type { DomainError } from '../../contracts/errors.js';

/** ASVS 4.0.3 V2.1.1: at least 12 characters, counted after runs of spaces are made one. */
export const PASSWORD_MIN = 12;
/** ASVS V2.1.2: at least 64 permitted, more than 128 refused. */
export const PASSWORD_MAX = 128;

/** What a new password is checked against besides its length. */
export interface PasswordContext {
  /** True when the password is on the shipped list of breached and common passwords. */
  isCommon: (candidate: string) => boolean;
  /** Words tied to the account (email, its local part, the organisation) that make a guessable password. */
  personal: string[];
}

const field = { field: 'newPassword' };

/**
 * Why a new password is refused, or null when it may be used. No composition rules and no expiry
 * (ASVS V2.1.9, V2.1.10): length, and not being a password attackers try first (V2.1.7).
 */
export function passwordProblem(
  password: string,
  context: PasswordContext,
): DomainError<'password.too_short' | 'password.too_long' | 'password.too_common'> | null {
  const collapsed = password.replace(/ {2,}/g, ' ');
  const length = [...collapsed].length;
  if (length < PASSWORD_MIN) {
    return {
      code: 'password.too_short',
      message: `Use at least ${PASSWORD_MIN} characters; a few words with spaces make a good one.`,
      details: { ...field, min: PASSWORD_MIN },
    };
  }
  if ([...password].length > PASSWORD_MAX) {
    return {
      code: 'password.too_long',
      message: `Use at most ${PASSWORD_MAX} characters.`,
      details: { ...field, max: PASSWORD_MAX },
    };
  }
  const plain = collapsed.trim().toLowerCase();
  const variants = [plain, plain.replaceAll(' ', '')];
  const personal = context.personal.map((word) => word.trim().toLowerCase()).filter(Boolean);
  if (variants.some((v) => context.isCommon(v) || personal.includes(v) || /^(.)\1*$/.test(v))) {
    return {
      code: 'password.too_common',
      message:
        'This password is on the list of passwords leaked in breaches or guessed first; choose another.',
      details: field,
    };
  }
  return null;
}
