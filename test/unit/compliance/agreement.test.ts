import { expect, it } from 'vitest';
import { agreement, type ScreenDecision } from '../../../src/core/compliance/agreement.js';
import {
  decidingRoles,
  mayReadSelfIdentification,
  selfIdentificationFromBoard,
} from '../../../src/core/compliance/compliance.rules.js';

const d = (
  jobFamily: string,
  tier: ScreenDecision['tier'],
  decision: 'advance' | 'reject',
  day: string,
): ScreenDecision => ({
  jobFamily,
  tier,
  decision,
  decidedAt: new Date(`${day}T10:00:00Z`),
});

it('agreement: strong/possible with advanced and weak with rejected agree; unclear is apart; no tier is not compared', () => {
  const report = agreement(
    [
      d('swe', 'strong', 'advance', '2026-01-05'), // agrees
      d('swe', 'possible', 'reject', '2026-01-06'), // tier higher
      d('swe', 'weak', 'reject', '2026-02-01'), // agrees
      d('swe', 'weak', 'advance', '2026-02-02'), // tier lower
      d('data', 'unclear', 'advance', '2026-02-03'), // apart
      d('data', 'possible', 'advance', '2026-02-04'), // agrees
      d('data', null, 'reject', '2026-02-05'), // no tier seen
    ],
    { from: null, to: null, jobFamily: null },
  );
  expect(report.overall).toEqual({
    compared: 5,
    agreed: 3,
    agreementRate: 0.6,
    tierHigherThanDecision: 1,
    tierLowerThanDecision: 1,
    unclear: 1,
  });
  expect(report.byJobFamily.map((f) => [f.jobFamily, f.compared, f.agreed, f.unclear])).toEqual([
    ['data', 1, 1, 1],
    ['swe', 4, 2, 0],
  ]);
  expect(report.byMonth.map((m) => [m.month, m.compared, m.agreed, m.agreementRate])).toEqual([
    ['2026-01', 2, 1, 0.5],
    ['2026-02', 3, 2, 2 / 3],
  ]);
});

it('deciding roles come from the permission table: recruiters, hiring managers, HR and admins (who approve offers)', () => {
  expect([...decidingRoles].sort()).toEqual(['admin', 'hiring_manager', 'hr', 'recruiter']);
  expect(mayReadSelfIdentification(['compliance']).ok).toBe(true);
  expect(mayReadSelfIdentification(['compliance', 'coordinator', 'interviewer']).ok).toBe(true);
  const refused = mayReadSelfIdentification(['compliance', 'admin']);
  expect(refused.ok).toBe(false);
  if (!refused.ok) expect(refused.error.code).toBe('compliance.deciding_role');
});

it("board answers: Greenhouse's EEOC ids and demographic answers, each bad field named", () => {
  expect(
    selfIdentificationFromBoard({ gender: 2, race: 4, veteran_status: 3, disability_status: 2 }),
  ).toEqual({
    ok: true,
    value: { sex: 'female', race: 'hispanic_or_latino', veteran: 'declined', disability: 'no' },
  });
  expect(
    selfIdentificationFromBoard({
      demographic_answers: [
        { question_id: 1, answer_options: [{ answer_option_id: 101 }] },
        { question_id: 2, answer_options: [{ answer_option_id: 208 }] },
        { question_id: 4, answer_options: [] },
      ],
    }),
  ).toEqual({ ok: true, value: { sex: 'male', race: 'declined' } });
  expect(selfIdentificationFromBoard({})).toEqual({ ok: true, value: null });
  expect(
    selfIdentificationFromBoard({
      gender: 1,
      demographic_answers: [
        { question_id: 1, answer_options: [{ answer_option_id: 102 }] },
        { question_id: 9, answer_options: [{ answer_option_id: 901 }] },
        { question_id: 3, answer_options: [{ answer_option_id: 399 }] },
      ],
    }),
  ).toEqual({
    ok: false,
    error: [
      { field: 'demographic_answers[0]', message: 'answers sex differently from gender' },
      { field: 'demographic_answers[1].question_id', message: 'is not one of the listed questions' },
      {
        field: 'demographic_answers[2].answer_options[0].answer_option_id',
        message: 'is not one of the listed answers',
      },
    ],
  });
});
