import { describe, expect, it } from 'vitest';
import { bankLevels, interviewKitSchema } from '../../src/contracts/kits.js';
import {
  bankLevelOf,
  checkAskedQuestions,
  interviewerSeat,
  kitProposal,
  proposalSize,
  proposeQuestions,
  sameContent,
} from '../../src/core/feedback/feedback.rules.js';
import { loadCatalog } from '../../src/server/templates.js';

const catalog = loadCatalog();
const kits = [...catalog.interviewKits.values()];

describe('the shipped question bank', () => {
  it('has at least ten questions for every round type, each with a strong and a weak answer, a topic and levels', () => {
    expect(kits).toHaveLength(17);
    for (const kit of kits) {
      expect(kit.questions.length, kit.roundType).toBeGreaterThanOrEqual(10);
      for (const q of kit.questions) {
        expect(q.strongAnswer.length, q.id).toBeGreaterThan(10);
        expect(q.weakAnswer.length, q.id).toBeGreaterThan(5);
        expect(q.strongAnswer, q.id).not.toBe(q.weakAnswer);
        expect(q.topic?.length, q.id).toBeGreaterThan(0);
        expect(q.levels.length, q.id).toBeGreaterThan(0);
      }
    }
  });

  it('uses every id once across the whole bank, and no prompt twice', () => {
    const ids = kits.flatMap((k) => k.questions.map((q) => q.id));
    expect(new Set(ids).size).toBe(ids.length);
    const prompts = kits.flatMap((k) => k.questions.map((q) => q.prompt.toLowerCase()));
    expect(new Set(prompts).size).toBe(prompts.length);
  });

  it('offers every level of each shipped process enough questions to rotate between two interviewers', () => {
    for (const template of catalog.processTemplates.values()) {
      const level = bankLevelOf(template.level);
      for (const round of template.rounds) {
        const kit = catalog.interviewKit(round.roundType);
        if (!kit) continue;
        const fit = kit.questions.filter((q) => level === null || q.levels.includes(level));
        expect(fit.length, `${template.key}/${round.key}`).toBeGreaterThanOrEqual(2 * proposalSize);
      }
    }
  });

  it('refuses a kit with an unknown level, no level, or an id used twice', () => {
    const kit = catalog.interviewKit('sql')!;
    const [first, second] = kit.questions;
    const issues = (questions: unknown[]) =>
      interviewKitSchema.safeParse({ ...kit, questions }).error?.issues.map((i) => i.path.join('.'));
    expect(issues([{ ...first, levels: ['principal'] }])).toEqual(['questions.0.levels.0']);
    expect(issues([{ ...first, levels: [] }])).toEqual(['questions.0.levels']);
    expect(issues([first, { ...second, id: first!.id }])).toEqual(['questions.1.id']);
    expect(interviewKitSchema.safeParse(kit).success).toBe(true);
  });
});

describe('proposing questions', () => {
  const bank = Array.from({ length: 12 }, (_, i) => ({
    id: `q-${i}`,
    levels: i < 8 ? (['mid', 'senior'] as const) : (['intern_new_grad'] as const),
  }));
  const base = {
    questions: bank,
    level: 'mid' as const,
    askedElsewhere: new Set<string>(),
    timesAsked: new Map<string, number>(),
    candidateId: 'cand-1',
    seat: 0,
  };

  it('never proposes a question the candidate was asked in another interview', () => {
    for (let asked = 0; asked <= 5; asked++) {
      const askedElsewhere = new Set(bank.slice(0, asked).map((q) => q.id));
      for (const seat of [0, 1, 2]) {
        const proposal = proposeQuestions({ ...base, askedElsewhere, seat });
        expect(proposal).toHaveLength(proposalSize);
        expect(proposal.filter((id) => askedElsewhere.has(id))).toEqual([]);
      }
    }
  });

  it("keeps to the job's level, and fills up from other levels only when the level's own run out", () => {
    const fits = new Set(bank.filter((q) => q.levels.includes('mid' as never)).map((q) => q.id));
    expect(proposeQuestions(base).every((id) => fits.has(id))).toBe(true);
    const askedElsewhere = new Set([...fits].slice(0, 7));
    const proposal = proposeQuestions({ ...base, askedElsewhere });
    expect(proposal).toHaveLength(proposalSize);
    expect(proposal[0]).toBe([...fits][7]);
    expect(proposal.slice(1).every((id) => !fits.has(id))).toBe(true);
    expect(proposeQuestions({ ...base, level: null }).length).toBe(proposalSize);
  });

  it("puts the organisation's least-asked questions first", () => {
    const timesAsked = new Map(bank.slice(0, 5).map((q, i) => [q.id, i + 1]));
    const proposal = proposeQuestions({ ...base, timesAsked });
    expect(proposal.every((id) => !timesAsked.has(id))).toBe(true);
    const worn = proposeQuestions({
      ...base,
      timesAsked: new Map(bank.map((q) => [q.id, q.id === 'q-3' ? 0 : 9])),
    });
    expect(worn[0]).toBe('q-3');
  });

  it('gives two interviewers of one candidate different questions, the same ones every time', () => {
    const first = proposeQuestions({ ...base, seat: 0 });
    const second = proposeQuestions({ ...base, seat: 1 });
    expect(first.filter((id) => second.includes(id))).toEqual([]);
    expect(proposeQuestions({ ...base, seat: 1 })).toEqual(second);
    // Another candidate gets another order, so the same interviewer does not ask everyone alike.
    const others = ['cand-2', 'cand-3', 'cand-4', 'cand-5'].map((candidateId) =>
      proposeQuestions({ ...base, candidateId }).join(),
    );
    expect(new Set([first.join(), ...others]).size).toBeGreaterThan(1);
  });

  it('proposes what is left when fewer remain than a full proposal', () => {
    const askedElsewhere = new Set(bank.slice(1).map((q) => q.id));
    expect(proposeQuestions({ ...base, askedElsewhere, seat: 4 })).toEqual(['q-0']);
    expect(proposeQuestions({ ...base, askedElsewhere: new Set(bank.map((q) => q.id)) })).toEqual([]);
  });

  it("seats a candidate's interviewers by their first interview of the round type, a newcomer last", () => {
    const at = (iso: string) => new Date(iso);
    const interviews = [
      { interviewerId: 'bo', startsAt: at('2026-03-02T10:00:00Z') },
      { interviewerId: 'al', startsAt: at('2026-03-03T10:00:00Z') },
      { interviewerId: 'bo', startsAt: at('2026-03-04T10:00:00Z') },
      { interviewerId: 'cy', startsAt: at('2026-03-02T10:00:00Z') },
    ];
    expect(['bo', 'cy', 'al', 'dee'].map((id) => interviewerSeat(interviews, id))).toEqual([0, 1, 2, 3]);
  });

  it("maps a job's level to the bank's levels", () => {
    expect(bankLevels).toEqual(['intern_new_grad', 'mid', 'senior']);
    const cases: [string, string | null][] = [
      ['intern', 'intern_new_grad'],
      ['new_grad', 'intern_new_grad'],
      ['Junior', 'intern_new_grad'],
      ['mid', 'mid'],
      ['Mid-level', 'mid'],
      ['senior', 'senior'],
      ['Staff engineer', 'senior'],
      ['L5', null],
    ];
    expect(cases.map(([level]) => [level, bankLevelOf(level)])).toEqual(cases);
  });
});

describe("a kit's proposal for one reader", () => {
  const kit = catalog.interviewKit('coding')!;
  const [a, b, c] = kit.questions.map((q) => q.id);
  const when = new Date('2026-03-05T10:00:00Z');
  const card = (interviewId: string, interviewerId: string, asked: string[], roundType = 'coding') => ({
    interviewId,
    interviewerId,
    roundType,
    startsAt: when,
    asked,
  });
  it('keeps what the reader ticked on this interview theirs, and withholds what anyone ticked elsewhere', () => {
    const history = {
      scorecards: [card('i1', 'me', [a!]), card('i1', 'colleague', [b!]), card('i0', 'earlier', [c!], 'hr')],
      timesAsked: new Map([
        [a!, 1],
        [b!, 1],
        [c!, 1],
      ]),
    };
    const proposal = kitProposal(kit, history, {
      interviewId: 'i1',
      readerId: 'me',
      candidateId: 'cand',
      jobLevel: 'senior',
    });
    expect(proposal.level).toBe('senior');
    expect(proposal.askedHereIds).toEqual([a]);
    expect(proposal.askedElsewhereIds).toEqual([b, c]);
    expect(proposal.questionIds).not.toContain(b);
    expect(proposal.questionIds).not.toContain(c);
    const senior = new Set(kit.questions.filter((q) => q.levels.includes('senior')).map((q) => q.id));
    expect(proposal.questionIds.every((id) => senior.has(id))).toBe(true);
    // The colleague sits before me on the coding round (same start, by id), so we get different slices.
    const theirs = kitProposal(kit, history, {
      interviewId: 'i1',
      readerId: 'colleague',
      candidateId: 'cand',
      jobLevel: 'senior',
    });
    expect(theirs.questionIds.filter((id) => proposal.questionIds.includes(id))).toEqual([]);
  });
});

describe('questions ticked as asked', () => {
  const content = {
    ratings: {},
    recommendation: null,
    notes: '',
    privateNote: '',
    salaryExpectation: null,
  };
  it("must be the kit's own, and a scorecard from before ticking asked none", () => {
    expect(checkAskedQuestions({ ...content, askedQuestionIds: ['a', 'b'] }, ['a', 'b', 'c']).ok).toBe(true);
    const stray = checkAskedQuestions({ ...content, askedQuestionIds: ['a', 'zz'] }, ['a']);
    expect(stray.ok || stray.error.details).toEqual({ field: 'content.askedQuestionIds', unknown: ['zz'] });
    expect(sameContent(content, { ...content, askedQuestionIds: [] })).toBe(true);
    expect(sameContent(content, { ...content, askedQuestionIds: ['a'] })).toBe(false);
  });
});
