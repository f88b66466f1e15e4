import { describe, expect, it } from 'vitest';
import { checkAcceptsApplications, checkJobTransition, fillSeat } from '../../src/core/jobs/job.rules.js';
import { jobStatuses } from '../../src/core/shared/types.js';

describe('jobs', () => {
  it('R-JOB-3: jobs move draft → open → closed → archived and nothing else', () => {
    const allowed = new Set(['draft>open', 'draft>archived', 'open>closed', 'closed>archived']);
    for (const from of jobStatuses) {
      for (const to of jobStatuses) {
        const result = checkJobTransition(from, to);
        expect(result.ok, `${from} → ${to}`).toBe(allowed.has(`${from}>${to}`));
        if (!result.ok) expect(result.error.code).toBe('job.invalid_transition');
      }
    }
  });

  it('R-JOB-3: only open jobs accept applications', () => {
    for (const status of jobStatuses) {
      const result = checkAcceptsApplications({ id: 'j', status });
      expect(result.ok || result.error.code).toBe(status === 'open' ? true : 'job.not_open');
    }
  });

  it('R-JOB-4: the last seat of the headcount closes the job; none is left after it', () => {
    expect(fillSeat({ headcount: 2, hiredCount: 0 })).toEqual({
      ok: true,
      value: { hiredCount: 1, closes: false },
    });
    expect(fillSeat({ headcount: 2, hiredCount: 1 })).toEqual({
      ok: true,
      value: { hiredCount: 2, closes: true },
    });
    const full = fillSeat({ headcount: 2, hiredCount: 2 });
    expect(full.ok || full.error.code).toBe('job.headcount_filled');
  });
});
