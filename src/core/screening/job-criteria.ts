import type { Criterion } from '../../contracts/screening.js';
import type { Ids, Store } from '../shared/ports.js';
import { criteriaFromPosting } from './index.js';
import type { ScreeningJob, StoredCriteria } from './screening.port.js';

/** 64 bits of FNV-1a over `text`, from the given offset basis, as 16 hex digits. */
function fnv64(text: string, basis: bigint): string {
  let h = basis;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

/**
 * A derived criterion's id: the same for the same job and position on every read, so a recruiter's
 * first edit (from version 0) can say which posting criteria it keeps. Shaped as an RFC 9562
 * version-4 UUID. Never stored: criteria get fresh ids when they are stored.
 */
export function derivedId(jobId: string, position: number): string {
  const hex =
    fnv64(`${jobId}:${position}`, 0xcbf29ce484222325n) + fnv64(`${position}:${jobId}`, 0x84222325cbf29ce4n);
  const variant = '89ab'[Number.parseInt(hex[16]!, 16) % 4];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The criteria a job's posting gives: what a job is screened on until criteria are stored (version 0). */
export const derivedCriteria = (job: ScreeningJob): StoredCriteria => ({
  version: 0,
  items: criteriaFromPosting(job).map((c, position) => ({
    ...c,
    id: derivedId(job.id, position),
    source: 'job',
    position,
  })),
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
  ids: Ids,
  job: ScreeningJob,
  at: Date,
): Promise<StoredCriteria> {
  const stored = await store.screening.criteria(job.orgId, job.id);
  if (stored) return stored;
  const items: Criterion[] = derivedCriteria(job).items.map((c) => ({ ...c, id: ids.next() }));
  await store.screening.storeFirst(job.orgId, job.id, items, at);
  return (await store.screening.criteria(job.orgId, job.id))!;
}
