import type {
  CategoryTable,
  GroupRow,
  ReportCategory,
  SelectionTable,
  SelfIdentification,
} from '../../contracts/compliance.js';
import {
  type CategoryKey,
  categoryKeys,
  categoryLabels,
  categoryValues,
  DECLINED,
  raceValues,
  sexValues,
  valueLabels,
} from '../../contracts/vocabulary.js';

/**
 * The adverse-impact computation (ADR 0025), pure: selection rates and impact ratios by category
 * and by sex × race, the four-fifths rule, and small-sample warnings.
 */

/** The impact ratio under which a group is flagged (the EEOC's four-fifths rule). */
export const FOUR_FIFTHS = 0.8;
export const SMALL_GROUP_APPLICANTS = 30;
export const SMALL_EXPECTED_SELECTIONS = 5;
export const fourFifthsRule =
  "A group is flagged when its impact ratio (its selection rate over the highest selection rate among the reported groups) is under 0.8. 'Declined' and 'unknown' are shown but are never the base of a ratio and are never flagged.";
export const smallSampleRule = `A group is a small sample when it has fewer than ${SMALL_GROUP_APPLICANTS} applicants, or fewer than ${SMALL_EXPECTED_SELECTIONS} expected selections (its applicants × the overall selection rate of the table); its ratio is shown but is not evidence on its own.`;

export const UNKNOWN = 'unknown' as const;

/** One applicant's outcome at one step: who they said they are (null: nothing stored), and whether selected. */
export interface Outcome {
  self: SelfIdentification | null;
  selected: boolean;
}

/** The group an applicant falls in for a category: a value, "declined", or "unknown". */
export function groupOf(self: SelfIdentification | null, category: ReportCategory): string {
  if (category === 'sex_race') {
    const sex = self?.sex;
    const race = self?.race;
    if (!sex || !race) return UNKNOWN;
    if (sex === DECLINED || race === DECLINED) return DECLINED;
    return `${sex}|${race}`;
  }
  return self?.[category] ?? UNKNOWN;
}

/** Every reported group of a category, in a stable order (the declared values, then declined and unknown). */
export function reportedGroups(category: ReportCategory): string[] {
  if (category === 'sex_race') return sexValues.flatMap((sex) => raceValues.map((race) => `${sex}|${race}`));
  return [...categoryValues[category as CategoryKey]];
}

export function groupLabel(group: string): string {
  if (group.includes('|')) {
    const [sex, race] = group.split('|');
    return `${valueLabels[sex!] ?? sex} × ${valueLabels[race!] ?? race}`;
  }
  return valueLabels[group] ?? group;
}

const rate = (selected: number, applicants: number) => (applicants === 0 ? null : selected / applicants);

export function categoryTable(outcomes: readonly Outcome[], category: ReportCategory): CategoryTable {
  const counts = new Map<string, { applicants: number; selected: number }>();
  for (const g of [...reportedGroups(category), DECLINED, UNKNOWN])
    counts.set(g, { applicants: 0, selected: 0 });
  for (const outcome of outcomes) {
    const cell = counts.get(groupOf(outcome.self, category))!;
    cell.applicants += 1;
    if (outcome.selected) cell.selected += 1;
  }
  const overallRate = rate(outcomes.filter((o) => o.selected).length, outcomes.length) ?? 0;
  const base = new Set(reportedGroups(category).filter((g) => counts.get(g)!.applicants > 0));
  let referenceGroup: string | null = null;
  let highest = -1;
  for (const g of base) {
    const r = rate(counts.get(g)!.selected, counts.get(g)!.applicants)!;
    if (r > highest) {
      highest = r;
      referenceGroup = g;
    }
  }
  const groups: GroupRow[] = [...counts.entries()].map(([group, { applicants, selected }]) => {
    const selectionRate = rate(selected, applicants);
    const inRatioBase = base.has(group);
    const impactRatio = inRatioBase && highest > 0 ? selectionRate! / highest : null;
    return {
      group,
      label: groupLabel(group),
      applicants,
      selected,
      selectionRate,
      impactRatio,
      flagged: impactRatio !== null && impactRatio < FOUR_FIFTHS,
      smallSample:
        applicants < SMALL_GROUP_APPLICANTS || applicants * overallRate < SMALL_EXPECTED_SELECTIONS,
      inRatioBase,
    };
  });
  return {
    category,
    label: categoryLabels[category],
    groups,
    referenceGroup: highest > 0 ? referenceGroup : null,
  };
}

export const reportCategories: readonly ReportCategory[] = [...categoryKeys, 'sex_race'];

export function selectionTable(
  outcomes: readonly Outcome[],
  scope: { kind: 'round' | 'tier'; roundKey: string | null; jobFamily: string | null },
): SelectionTable {
  return {
    ...scope,
    applicants: outcomes.length,
    selected: outcomes.filter((o) => o.selected).length,
    categories: reportCategories.map((category) => categoryTable(outcomes, category)),
  };
}

/** What the report reads about one application. */
export interface ApplicationFacts {
  jobFamily: string;
  self: SelfIdentification | null;
  /** The rounds decided, in the order of the application's plan. */
  decisions: { roundKey: string; decision: 'advance' | 'reject' }[];
  /** The newest annotation's tier, when a matcher annotated the resume. */
  tier: 'strong' | 'possible' | 'weak' | 'unclear' | null;
  /** The key of the application's resume-screen round, where the tier applies. */
  resumeRoundKey: string | null;
}

/**
 * The report's tables. A round's applicants are the applications decided at that round, and
 * passing it is being selected; the resume screen's tier table counts every annotated application,
 * selected when the tier is strong or possible. Each comes for all families together and per family.
 */
export function adverseImpactTables(
  facts: readonly ApplicationFacts[],
  filter: { round?: string | undefined } = {},
): SelectionTable[] {
  const roundOrder = new Map<string, number>();
  for (const f of facts)
    f.decisions.forEach((d, i) => {
      roundOrder.set(d.roundKey, Math.min(roundOrder.get(d.roundKey) ?? i, i));
    });
  const rounds = [...roundOrder.entries()]
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .map(([key]) => key)
    .filter((key) => !filter.round || key === filter.round);
  const families = [...new Set(facts.map((f) => f.jobFamily))].sort();
  const tables: SelectionTable[] = [];
  const scopes = [null, ...families];
  for (const roundKey of rounds) {
    for (const jobFamily of scopes) {
      const outcomes = facts
        .filter((f) => jobFamily === null || f.jobFamily === jobFamily)
        .flatMap((f) => {
          const d = f.decisions.find((x) => x.roundKey === roundKey);
          return d ? [{ self: f.self, selected: d.decision === 'advance' }] : [];
        });
      if (outcomes.length > 0) tables.push(selectionTable(outcomes, { kind: 'round', roundKey, jobFamily }));
    }
  }
  for (const jobFamily of scopes) {
    const annotated = facts.filter(
      (f) =>
        f.tier !== null &&
        (jobFamily === null || f.jobFamily === jobFamily) &&
        (!filter.round || f.resumeRoundKey === filter.round),
    );
    if (annotated.length === 0) continue;
    const outcomes = annotated.map((f) => ({
      self: f.self,
      selected: f.tier === 'strong' || f.tier === 'possible',
    }));
    const keys = [...new Set(annotated.map((f) => f.resumeRoundKey))];
    tables.push(
      selectionTable(outcomes, { kind: 'tier', roundKey: keys.length === 1 ? keys[0]! : null, jobFamily }),
    );
  }
  return tables;
}

/** A season's first and last day: a whole year, or its first (Jan–Jun) or second (Jul–Dec) half. */
export function seasonRange(season: string): { from: string; to: string } {
  const [year, half] = season.split('-');
  if (half === 'H1') return { from: `${year}-01-01`, to: `${year}-06-30` };
  if (half === 'H2') return { from: `${year}-07-01`, to: `${year}-12-31` };
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}
