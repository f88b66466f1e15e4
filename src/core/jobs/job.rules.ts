import { fail, ok } from '../shared/result.js';
import type { Job, JobStatus } from '../shared/types.js';

/** R-JOB-3: draft → open → closed → archived; a draft may be archived unpublished. */
const transitions: Record<JobStatus, readonly JobStatus[]> = {
  draft: ['open', 'archived'],
  open: ['closed'],
  closed: ['archived'],
  archived: [],
};

export function checkJobTransition(from: JobStatus, to: JobStatus) {
  if (transitions[from].includes(to)) return ok(undefined);
  return fail('job.invalid_transition', `A ${from} job cannot become ${to}.`, {
    from,
    to,
    allowed: transitions[from],
  });
}

/** R-JOB-3: only open jobs accept applications. */
export function checkAcceptsApplications(job: Pick<Job, 'status' | 'id'>) {
  if (job.status === 'open') return ok(undefined);
  return fail('job.not_open', `This job is ${job.status} and does not accept applications.`, {
    jobId: job.id,
    status: job.status,
  });
}

/** R-JOB-4: each hire fills one seat; the last seat closes the job. */
export function fillSeat(job: Pick<Job, 'headcount' | 'hiredCount'>) {
  if (job.hiredCount >= job.headcount) {
    return fail('job.headcount_filled', `All ${job.headcount} seat(s) of this job are filled.`, {
      headcount: job.headcount,
    });
  }
  const hiredCount = job.hiredCount + 1;
  return ok({ hiredCount, closes: hiredCount >= job.headcount });
}
