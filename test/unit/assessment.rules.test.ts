import { describe, expect, it } from 'vitest';
import {
  assessmentStatus,
  maySeeCandidateWork,
  overallScore,
  refuseAnswer,
  refuseStart,
  refuseWork,
  SUBMIT_GRACE_MS,
  submissionScore,
} from '../../src/core/assessments/assessment.rules.js';
import { sameRows, sameValue } from '../../src/core/assessments/grading.rules.js';

const at = (iso: string) => new Date(iso);
const notStarted = {
  startBy: at('2026-03-09T00:00:00Z'),
  startedAt: null,
  deadlineAt: null,
  submittedAt: null,
};
const started = {
  ...notStarted,
  startedAt: at('2026-03-05T10:00:00Z'),
  deadlineAt: at('2026-03-05T11:00:00Z'),
};

describe("an assessment's clock", () => {
  it('runs from start to deadline, with a short grace for the network, then refuses work', () => {
    expect(assessmentStatus(notStarted, at('2026-03-05T09:00:00Z'))).toBe('not_started');
    expect(refuseWork(notStarted, at('2026-03-05T09:00:00Z'))?.code).toBe('assessment.not_started');
    expect(refuseWork(started, at('2026-03-05T10:59:59Z'))).toBeNull();
    expect(refuseWork(started, new Date(started.deadlineAt.getTime() + SUBMIT_GRACE_MS))).toBeNull();
    expect(refuseWork(started, new Date(started.deadlineAt.getTime() + SUBMIT_GRACE_MS + 1))?.code).toBe(
      'assessment.time_up',
    );
  });

  it('cannot be started after its start-by date, and a started one keeps its clock', () => {
    expect(refuseStart(notStarted, at('2026-03-09T00:00:01Z'))?.code).toBe('assessment.link_expired');
    expect(refuseStart(started, at('2026-03-05T10:30:00Z'))).toBeNull();
    expect(refuseStart(started, at('2026-03-05T12:00:00Z'))?.code).toBe('assessment.time_up');
  });

  it('accepts nothing once submitted', () => {
    const submitted = { ...started, submittedAt: at('2026-03-05T10:40:00Z') };
    expect(assessmentStatus(submitted, at('2026-03-05T10:41:00Z'))).toBe('submitted');
    expect(refuseWork(submitted, at('2026-03-05T10:41:00Z'))?.code).toBe('assessment.already_submitted');
    expect(refuseStart(submitted, at('2026-03-05T10:41:00Z'))?.code).toBe('assessment.already_submitted');
    // Past the deadline the answer is that time is up, also when the clock submitted it.
    expect(refuseWork(submitted, at('2026-03-05T11:05:00Z'))?.code).toBe('assessment.time_up');
    const byTheClock = { ...started, submittedAt: started.deadlineAt };
    expect(refuseWork(byTheClock, at('2026-03-05T11:05:00Z'))?.code).toBe('assessment.time_up');
  });

  it('scores the mean of its items', () => {
    expect(overallScore([100, 50])).toBe(75);
    expect(overallScore([])).toBe(0);
  });
});

describe('a submission', () => {
  const items = [
    { kind: 'coding' as const, slug: 'two-sum' },
    { kind: 'sql' as const, slug: 'follow-back-rate' },
  ];
  const code = { outcome: 'completed' as const, detail: '', passed: 3, total: 4, scorePercent: 75 };
  const query = {
    outcome: 'completed' as const,
    detail: '',
    columns: [],
    rows: [],
    rowCount: 0,
    elapsedMs: 0,
  };

  it('scores tests passed for code, all or nothing for a query, and 0 for an item left out', () => {
    const grade = { ...code, tests: [], output: '', elapsedMs: 0 };
    expect(submissionScore(items, [{ itemIndex: 0, grade }])).toBe(38);
    expect(submissionScore(items, [{ itemIndex: 1, grade: { ...query, correct: true } }])).toBe(50);
    expect(submissionScore([{ kind: 'case_study', slug: 'x' }], [])).toBeNull();
  });

  it('takes an answer only for a problem it has, in a language that problem is answered in', () => {
    const languages = (item: { kind: string }) => (item.kind === 'sql' ? ['sql'] : ['python']);
    expect(refuseAnswer(items, 1, 'sql', languages)).toBeNull();
    expect(refuseAnswer(items, 2, 'sql', languages)?.code).toBe('assessment.unknown_item');
    expect(refuseAnswer(items, 1, 'python', languages)?.details).toMatchObject({
      issues: [{ field: 'body.language' }],
    });
  });

  it("is seen by the hiring team and the candidate's interviewers, never by the candidate", () => {
    const staff = (roles: ('recruiter' | 'interviewer')[]) => ({
      kind: 'staff' as const,
      orgId: 'o',
      userId: 'u',
      roles,
      teamIds: [],
    });
    expect(maySeeCandidateWork(staff(['recruiter']), false)).toBe(true);
    expect(maySeeCandidateWork(staff(['interviewer']), false)).toBe(false);
    expect(maySeeCandidateWork(staff(['interviewer']), true)).toBe(true);
    expect(maySeeCandidateWork({ kind: 'candidate', orgId: 'o', candidateId: 'c' }, true)).toBe(false);
    expect(maySeeCandidateWork(null, true)).toBe(false);
  });
});

describe('comparing answers', () => {
  it('compares JSON values deeply, numbers exactly unless a tolerance is given', () => {
    expect(sameValue([1, [2, 3]], [1, [2, 3]])).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue(0.1 + 0.2, 0.3)).toBe(false);
    expect(sameValue(0.1 + 0.2, 0.3, 1e-6)).toBe(true);
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameValue(true, 1)).toBe(false);
  });

  it('compares rows in order or not, numeric text as numbers, within the tolerance', () => {
    const expected = [
      ['dance', 100, '0.4800'],
      ['comedy', 90, '0.4000'],
    ];
    expect(
      sameRows(
        [
          ['comedy', 90, 0.4],
          ['dance', 100, 0.48],
        ],
        expected,
        { ordered: false, tolerance: 0.001 },
      ),
    ).toBe(true);
    expect(
      sameRows(
        [
          ['comedy', 90, 0.4],
          ['dance', 100, 0.48],
        ],
        expected,
        { ordered: true, tolerance: 0.001 },
      ),
    ).toBe(false);
    expect(
      sameRows(
        [
          ['dance', 100, 0.4805],
          ['comedy', 90, 0.4],
        ],
        expected,
        { ordered: true, tolerance: 0.001 },
      ),
    ).toBe(true);
    expect(
      sameRows(
        [
          ['dance', 100, 0.49],
          ['comedy', 90, 0.4],
        ],
        expected,
        { ordered: true, tolerance: 0.001 },
      ),
    ).toBe(false);
    expect(
      sameRows(
        [
          ['dance', 100],
          ['comedy', 90],
        ],
        expected,
        { ordered: true, tolerance: 0.001 },
      ),
    ).toBe(false);
    expect(sameRows([['dance', 100, 0.48]], expected, { ordered: true, tolerance: 0.001 })).toBe(false);
  });
});
