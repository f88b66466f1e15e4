import type { Criterion } from '../../contracts/screening.js';
import type { Store } from '../shared/ports.js';
import { criteriaFromPosting } from './index.js';
import type { ScreeningJob, StoredCriteria } from './screening.port.js';

/** The criteria a job's posting gives: what a job is screened on until criteria are stored (version 0). */
export const derivedCriteria = (job: ScreeningJob): StoredCriteria => ({
  version: 0,
  items: criteriaFromPosting(job),
});

/** The criteria a job is screened on now: the stored ones, else those its posting gives. */
export async function currentCriteria(
  store: Pick<Store, 'screening'>,
  job: ScreeningJob,
): Promise<StoredCriteria> {
  return (await store.screening.criteria(job.orgId, job.id)) ?? derivedCriteria(job);
}

/**
 * Stores the posting's criteria as version 1 (source `job`) when the job has none yet: when it is
 * opened, and before the first annotation of a job that never was. A job that has criteria keeps them.
 */
export async function storeJobCriteria(
  store: Pick<Store, 'screening'>,
  job: ScreeningJob,
  at: Date,
): Promise<StoredCriteria> {
  const stored = await store.screening.criteria(job.orgId, job.id);
  if (stored) return stored;
  const items: Criterion[] = derivedCriteria(job).items.map((c, position) => ({
    ...c,
    source: 'job',
    position,
  }));
  await store.screening.storeFirst(job.orgId, job.id, items, at);
  return (await store.screening.criteria(job.orgId, job.id))!;
}
