import { checkWithdrawable } from '../applications/application.rules.js';
import { fail, ok } from '../shared/result.js';
import type { Application } from '../shared/types.js';

/**
 * R-CAND-4: a candidate may have their data erased at any time, except once hired: their records
 * are then employment records, which HR keeps and erases under its own rules.
 */
export function checkErasable(applications: Pick<Application, 'id' | 'status'>[]) {
  const hired = applications.filter((a) => a.status === 'hired');
  if (hired.length > 0) {
    return fail(
      'candidate.erasure_blocked',
      'You were hired through this organisation, so your records are now employment records: ask HR to erase them.',
      { applicationIds: hired.map((a) => a.id) },
    );
  }
  return ok(undefined);
}

/** Applications still open when a candidate asks to be erased end as withdrawn. */
export const openApplications = <A extends Pick<Application, 'status'>>(applications: A[]) =>
  applications.filter((a) => checkWithdrawable(a).ok);
