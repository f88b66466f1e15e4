import { fail, ok } from '../shared/result.js';
import type { Merge } from './merges.port.js';

type Person = { id: string; mergedInto: string | null; erased: boolean };

/** Two distinct, live people of the organisation can be merged; a merged or erased one cannot. */
export function checkMergeable(keptId: string, mergedId: string, found: Person[]) {
  if (keptId === mergedId) {
    return fail('merge.invalid', 'Choose two different candidates to merge.', { field: 'mergedId' });
  }
  for (const [field, id] of [
    ['keptId', keptId],
    ['mergedId', mergedId],
  ] as const) {
    const person = found.find((p) => p.id === id);
    if (!person) return fail('candidate.not_found', 'No such candidate.', { field });
    if (person.mergedInto) {
      return fail('merge.invalid', 'This candidate was already merged into another one.', {
        field,
        mergedInto: person.mergedInto,
      });
    }
    if (person.erased) return fail('merge.invalid', 'This candidate’s data was erased.', { field });
  }
  return ok(undefined);
}

export function checkPending(merge: Merge) {
  if (merge.status !== 'pending') {
    return fail(
      'merge.not_pending',
      `This merge is ${merge.status} already; only a pending merge is confirmed or undone.`,
      {
        status: merge.status,
      },
    );
  }
  return ok(undefined);
}

/**
 * The application limit after a merge: applications already open stay open (nobody is withdrawn
 * behind their back), but where the person now holds more than the family allows, the merge says
 * so, and the next application is refused until they are within it again.
 */
export function overLimit(families: { jobFamily: string; open: number; limit: number | null }[]) {
  return families
    .filter((f) => f.limit !== null && f.open > f.limit)
    .map((f) => ({
      jobFamily: f.jobFamily,
      active: f.open,
      limit: f.limit!,
      message: `Now ${f.open} open ${f.jobFamily.replace(/_/g, '-')} applications, more than the ${f.limit} allowed at once; new ones are refused until fewer are open.`,
    }));
}
