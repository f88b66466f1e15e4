import { dictionary } from '@zxcvbn-ts/language-common';
import { type PasswordContext, passwordProblem } from '../core/accounts/password.rules.js';

/**
 * The breached and common passwords shipped with the project (zxcvbn-ts's list of about 50,000,
 * drawn from published breaches): checked locally, never over the network (ASVS V2.1.7).
 */
const common = new Set((dictionary['passwords-common'] as string[]).map((word) => word.toLowerCase()));
const isCommon = (candidate: string) => common.has(candidate);

/** Why a new password is refused, or null; `personal` words (email, organisation) are refused too. */
export function newPasswordProblem(password: string, personal: string[]) {
  const localParts = personal.filter((word) => word.includes('@')).map((word) => word.split('@')[0] ?? '');
  const context: PasswordContext = { isCommon, personal: [...personal, ...localParts] };
  return passwordProblem(password, context);
}
