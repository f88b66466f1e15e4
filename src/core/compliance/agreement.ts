import type { AgreementCell, AgreementReport } from '../../contracts/compliance.js';
import type { Tier } from '../../contracts/screening.js';

/**
 * How often the matcher's tier agreed with the decision people recorded at the resume screen
 * (ADR 0025): strong or possible agrees with advanced, weak with rejected; unclear is counted apart
 * and never in the rate. No self-identification goes in or comes out.
 */
export interface ScreenDecision {
  jobFamily: string;
  decision: 'advance' | 'reject';
  decidedAt: Date;
  /** The tier of the newest annotation made at or before the decision; null: none was. */
  tier: Tier | null;
}

const empty = (): AgreementCell => ({
  compared: 0,
  agreed: 0,
  agreementRate: null,
  tierHigherThanDecision: 0,
  tierLowerThanDecision: 0,
  unclear: 0,
});

function add(cell: AgreementCell, d: ScreenDecision) {
  if (d.tier === null) return;
  if (d.tier === 'unclear') {
    cell.unclear += 1;
    return;
  }
  cell.compared += 1;
  const high = d.tier === 'strong' || d.tier === 'possible';
  if (high === (d.decision === 'advance')) cell.agreed += 1;
  else if (high) cell.tierHigherThanDecision += 1;
  else cell.tierLowerThanDecision += 1;
}

const finish = (cell: AgreementCell): AgreementCell => ({
  ...cell,
  agreementRate: cell.compared === 0 ? null : cell.agreed / cell.compared,
});

/** Decisions with no annotation before them are left out: the person deciding saw no tier. */
export function agreement(
  decisions: readonly ScreenDecision[],
  filters: AgreementReport['filters'],
): AgreementReport {
  const overall = empty();
  const families = new Map<string, AgreementCell>();
  const months = new Map<string, AgreementCell>();
  for (const d of decisions) {
    add(overall, d);
    const family = families.get(d.jobFamily) ?? empty();
    add(family, d);
    families.set(d.jobFamily, family);
    const key = d.decidedAt.toISOString().slice(0, 7);
    const month = months.get(key) ?? empty();
    add(month, d);
    months.set(key, month);
  }
  const counted = (c: AgreementCell) => c.compared + c.unclear > 0;
  return {
    filters,
    overall: finish(overall),
    byJobFamily: [...families.entries()]
      .filter(([, c]) => counted(c))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([jobFamily, c]) => ({ jobFamily, ...finish(c) })),
    byMonth: [...months.entries()]
      .filter(([, c]) => counted(c))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, c]) => ({ month, ...finish(c) })),
  };
}
