import type { DomainError } from '../../contracts/errors.js';
import type { Deps, Store } from '../shared/ports.js';
import { fail, ok, type Result } from '../shared/result.js';
import { refuseWork } from './assessment.rules.js';
import type { Assessment } from './assessments.port.js';

/** A refusal the rules worded, as a use case's result. */
export const refused = (error: DomainError): Result<never, DomainError> => ({ ok: false, error });

/** The assessment behind a candidate's link, locked for the transaction. */
export async function lockByLink(
  deps: Pick<Deps, 'tokens'>,
  store: Pick<Store, 'assessments'>,
  token: string,
): Promise<Result<Assessment, DomainError>> {
  const assessment = await store.assessments.lockByToken(deps.tokens.hash(token));
  return assessment ? ok(assessment) : fail('assessment.not_found', 'This assessment link does not exist.');
}

/** The assessment behind a link while work on it is accepted at `now`, else the clock's refusal. */
export async function lockWorkable(
  deps: Pick<Deps, 'tokens'>,
  store: Pick<Store, 'assessments'>,
  token: string,
  now: Date,
): Promise<Result<Assessment, DomainError>> {
  const found = await lockByLink(deps, store, token);
  if (!found.ok) return found;
  const refusal = refuseWork(found.value, now);
  return refusal ? refused(refusal) : found;
}
