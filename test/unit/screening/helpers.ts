import { expect } from 'vitest';
import type { Criterion, CriterionCheck, CriterionVerdict } from '../../../src/contracts/screening.js';
import { localMatcher } from '../../../src/core/screening/index.js';

let n = 0;
/** A criterion as the store would hold it, with a fresh id. */
export function criterion(
  check: CriterionCheck,
  text = `criterion ${check.type}`,
  kind: 'must' | 'nice' = 'must',
): Criterion {
  n++;
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    text,
    kind,
    weight: kind === 'must' ? 3 : 1,
    check,
    source: 'recruiter',
    position: n,
  };
}

export function withIds(items: Omit<Criterion, 'id'>[]): Criterion[] {
  return items.map((c) => {
    n++;
    return { ...c, id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}` };
  });
}

/** Runs the matcher and checks every passage is exactly the resume text at its offsets. */
export async function annotate(
  resumeText: string,
  criteria: Criterion[],
  family: string | null,
  asOf: string,
) {
  const verdicts = await localMatcher.annotate({ resumeText, criteria, family, asOf: new Date(asOf) });
  for (const v of verdicts) {
    expect(v.passages.length).toBeLessThanOrEqual(5);
    for (const p of v.passages) expect(resumeText.slice(p.start, p.end)).toBe(p.text);
  }
  return verdicts;
}

/** One criterion's verdict, to assert on. */
export async function one(
  resumeText: string,
  check: CriterionCheck,
  family: string | null = 'backend',
  asOf = '2025-02-01',
  text?: string,
) {
  const c = criterion(check, text);
  const [v] = await annotate(resumeText, [c], family, asOf);
  return v as CriterionVerdict;
}

export const quoted = (v: CriterionVerdict) => v.passages.map((p) => p.text);
