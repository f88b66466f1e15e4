import { describe, expect, it } from 'vitest';
import type { SelfIdentification } from '../../../src/contracts/compliance.js';
import {
  type ApplicationFacts,
  adverseImpactTables,
  categoryTable,
  type Outcome,
  seasonRange,
} from '../../../src/core/compliance/adverse-impact.js';
import { ll144Csv } from '../../../src/core/compliance/ll144-csv.js';

/** `applicants` people who said `self`, the first `selected` of them advanced. */
const people = (applicants: number, selected: number, self: SelfIdentification | null): Outcome[] =>
  Array.from({ length: applicants }, (_, i) => ({ self, selected: i < selected }));

/**
 * A constructed resume screen, counted by hand:
 *   male × white 40 (20 advanced), female × white 40 (12), male × asian 10 (5), female × asian 10 (6),
 *   declined sex × white 5 (5), nothing stored 5 (0). 110 applicants, 48 advanced.
 */
const season: Outcome[] = [
  ...people(40, 20, { sex: 'male', race: 'white' }),
  ...people(40, 12, { sex: 'female', race: 'white' }),
  ...people(10, 5, { sex: 'male', race: 'asian' }),
  ...people(10, 6, { sex: 'female', race: 'asian' }),
  ...people(5, 5, { sex: 'declined', race: 'white' }),
  ...people(5, 0, null),
];
const row = (outcomes: Outcome[], category: Parameters<typeof categoryTable>[1], group: string) => {
  const table = categoryTable(outcomes, category);
  const found = table.groups.find((g) => g.group === group);
  if (!found) throw new Error(`no group ${group}`);
  return found;
};

describe('four-fifths on a constructed season', () => {
  it('sex: female 18/50 = 0.36 against male 25/50 = 0.5 is a ratio of 0.72, flagged', () => {
    const table = categoryTable(season, 'sex');
    expect(table.referenceGroup).toBe('male');
    expect(row(season, 'sex', 'male')).toMatchObject({
      applicants: 50,
      selected: 25,
      selectionRate: 0.5,
      impactRatio: 1,
      flagged: false,
    });
    const female = row(season, 'sex', 'female');
    expect(female).toMatchObject({ applicants: 50, selected: 18, flagged: true, inRatioBase: true });
    expect(female.selectionRate).toBeCloseTo(0.36, 10);
    expect(female.impactRatio).toBeCloseTo(0.72, 10);
  });

  it('declined is its own group, never the base of the ratio even with the highest rate, and never flagged', () => {
    expect(row(season, 'sex', 'declined')).toMatchObject({
      applicants: 5,
      selected: 5,
      selectionRate: 1,
      impactRatio: null,
      flagged: false,
      inRatioBase: false,
      smallSample: true,
    });
    expect(row(season, 'sex', 'unknown')).toMatchObject({
      applicants: 5,
      selected: 0,
      impactRatio: null,
      inRatioBase: false,
    });
  });

  it('race: white 37/85 against asian 11/20 = 0.55 is 0.7914, just under four-fifths', () => {
    const table = categoryTable(season, 'race');
    expect(table.referenceGroup).toBe('asian');
    const white = row(season, 'race', 'white');
    expect(white).toMatchObject({ applicants: 85, selected: 37, flagged: true });
    expect(white.impactRatio).toBeCloseTo(37 / 85 / 0.55, 10);
    expect(white.impactRatio).toBeCloseTo(0.7914, 4);
    expect(row(season, 'race', 'asian')).toMatchObject({
      applicants: 20,
      selected: 11,
      impactRatio: 1,
      smallSample: true,
    });
    expect(row(season, 'race', 'declined').applicants).toBe(0);
    expect(row(season, 'race', 'unknown').applicants).toBe(5);
    // A value nobody gave is listed with no rate and no ratio.
    expect(row(season, 'race', 'hispanic_or_latino')).toMatchObject({
      applicants: 0,
      selectionRate: null,
      impactRatio: null,
      flagged: false,
    });
  });

  it('sex × race: female × asian 0.6 is the base; female × white 0.3 is 0.5 of it, male × white 0.8333', () => {
    const table = categoryTable(season, 'sex_race');
    expect(table.referenceGroup).toBe('female|asian');
    expect(row(season, 'sex_race', 'female|white').impactRatio).toBeCloseTo(0.5, 10);
    expect(row(season, 'sex_race', 'female|white').flagged).toBe(true);
    expect(row(season, 'sex_race', 'male|white').impactRatio).toBeCloseTo(0.3 / 0.6 + 1 / 3, 10);
    expect(row(season, 'sex_race', 'male|white').flagged).toBe(false);
    expect(row(season, 'sex_race', 'male|asian').impactRatio).toBeCloseTo(5 / 6, 10);
    // Declined sex with a stated race is declined for the intersection; nothing stored is unknown.
    expect(row(season, 'sex_race', 'declined').applicants).toBe(5);
    expect(row(season, 'sex_race', 'unknown').applicants).toBe(5);
    expect(table.groups.find((g) => g.group === 'male|white')!.label).toBe('Male × White');
  });

  it('small samples: under 30 applicants, or under 5 expected selections at the overall rate 48/110', () => {
    // male: 50 applicants, 50 × 48/110 = 21.8 expected: not small.
    expect(row(season, 'sex', 'male').smallSample).toBe(false);
    // 40 applicants but an overall rate of 1/10 expects only 4 selections: small.
    const sparse = [...people(40, 4, { sex: 'male' }), ...people(40, 4, { sex: 'female' })];
    expect(row(sparse, 'sex', 'male').smallSample).toBe(true);
    const plenty = [...people(40, 20, { sex: 'male' }), ...people(40, 20, { sex: 'female' })];
    expect(row(plenty, 'sex', 'male').smallSample).toBe(false);
  });

  it('nobody selected: no reference group and no ratios', () => {
    const none = [...people(30, 0, { sex: 'male' }), ...people(30, 0, { sex: 'female' })];
    const table = categoryTable(none, 'sex');
    expect(table.referenceGroup).toBeNull();
    expect(table.groups.every((g) => g.impactRatio === null && !g.flagged)).toBe(true);
  });
});

describe('tables per round, per job family and for the matcher tiers', () => {
  const fact = (
    jobFamily: string,
    self: SelfIdentification | null,
    decisions: ApplicationFacts['decisions'],
    tier: ApplicationFacts['tier'] = null,
  ): ApplicationFacts => ({ jobFamily, self, decisions, tier, resumeRoundKey: 'resume' });
  const facts: ApplicationFacts[] = [
    fact(
      'swe',
      { sex: 'female' },
      [
        { roundKey: 'resume', decision: 'advance' },
        { roundKey: 'tech', decision: 'reject' },
      ],
      'strong',
    ),
    fact(
      'swe',
      { sex: 'male' },
      [
        { roundKey: 'resume', decision: 'advance' },
        { roundKey: 'tech', decision: 'advance' },
      ],
      'possible',
    ),
    fact('swe', { sex: 'male' }, [{ roundKey: 'resume', decision: 'reject' }], 'weak'),
    fact('data', { sex: 'female' }, [{ roundKey: 'resume', decision: 'reject' }], 'unclear'),
    // Not decided yet: in no round's table, but in the tier table.
    fact('data', { sex: 'male' }, [], 'strong'),
    // Opted out: no annotation, so not in the tier table.
    fact('data', null, [{ roundKey: 'resume', decision: 'advance' }]),
  ];
  const tables = adverseImpactTables(facts);
  const find = (kind: string, roundKey: string | null, jobFamily: string | null) =>
    tables.find((t) => t.kind === kind && t.roundKey === roundKey && t.jobFamily === jobFamily);

  it('a round counts the applications decided there; passing it is being selected', () => {
    expect(tables.map((t) => `${t.kind} ${t.roundKey} ${t.jobFamily}`)).toEqual([
      'round resume null',
      'round resume data',
      'round resume swe',
      'round tech null',
      'round tech swe',
      'tier resume null',
      'tier resume data',
      'tier resume swe',
    ]);
    expect(find('round', 'resume', null)).toMatchObject({ applicants: 5, selected: 3 });
    expect(find('round', 'tech', 'swe')).toMatchObject({ applicants: 2, selected: 1 });
    const sex = find('round', 'resume', 'swe')!.categories.find((c) => c.category === 'sex')!;
    expect(sex.groups.find((g) => g.group === 'male')).toMatchObject({
      applicants: 2,
      selected: 1,
      selectionRate: 0.5,
    });
    expect(sex.groups.find((g) => g.group === 'female')).toMatchObject({
      applicants: 1,
      selected: 1,
      impactRatio: 1,
    });
  });

  it('the tier table counts annotated applications, selected when strong or possible', () => {
    expect(find('tier', 'resume', null)).toMatchObject({ applicants: 5, selected: 3 });
    expect(find('tier', 'resume', 'data')).toMatchObject({ applicants: 2, selected: 1 });
  });

  it('a round filter keeps that round', () => {
    const only = adverseImpactTables(facts, { round: 'tech' });
    expect(only.map((t) => `${t.kind} ${t.roundKey} ${t.jobFamily}`)).toEqual([
      'round tech null',
      'round tech swe',
    ]);
  });

  it('the LL144 CSV lists sex, race and sex × race with the unknown category, never veteran or disability', () => {
    const csv = ll144Csv(adverseImpactTables(facts, { round: 'tech' }));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'scope,job_family,round,category,group,applicants,selected,selection_rate,impact_ratio,flagged_four_fifths,small_sample',
    );
    // Per table: sex 2 + declined + unknown, race 7 + 2, sex × race 14 + 2.
    expect(lines).toHaveLength(1 + 2 * (4 + 9 + 16));
    expect(lines).toContain('round,all,tech,Sex,Male,1,1,1,1,false,true');
    expect(lines).toContain('round,all,tech,Sex,Female,1,0,0,0,true,true');
    expect(lines).toContain('round,all,tech,Sex,Unknown (no self-identification),0,0,,,false,true');
    expect(csv).not.toMatch(/Veteran|Disability/);
  });
});

it('seasons are a year or a half year', () => {
  expect(seasonRange('2026')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  expect(seasonRange('2026-H1')).toEqual({ from: '2026-01-01', to: '2026-06-30' });
  expect(seasonRange('2026-H2')).toEqual({ from: '2026-07-01', to: '2026-12-31' });
});
