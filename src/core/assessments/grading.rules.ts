/** How a coding answer is compared with the expected one. */
export type Comparison = 'exact' | 'float';

export const FLOAT_TOLERANCE = 1e-6;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Deep equality of JSON values; numbers within `tolerance` (0 for exact). */
export function sameValue(actual: unknown, expected: unknown, tolerance = 0): boolean {
  if (typeof actual === 'number' && typeof expected === 'number')
    return tolerance === 0 ? actual === expected : Math.abs(actual - expected) <= tolerance;
  if (Array.isArray(actual) && Array.isArray(expected))
    return (
      actual.length === expected.length && actual.every((item, i) => sameValue(item, expected[i], tolerance))
    );
  if (isRecord(actual) && isRecord(expected)) {
    const keys = Object.keys(expected);
    return (
      Object.keys(actual).length === keys.length &&
      keys.every((key) => key in actual && sameValue(actual[key], expected[key], tolerance))
    );
  }
  return actual === expected;
}

export const toleranceOf = (comparison: Comparison) => (comparison === 'float' ? FLOAT_TOLERANCE : 0);

/** A SQL cell as compared: numeric text (how PostgreSQL sends numeric) counts as its number. */
function cell(value: unknown): unknown {
  if (typeof value === 'string' && value.trim() !== '' && /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(value.trim()))
    return Number(value);
  return value;
}

const rowKey = (row: unknown[]) => JSON.stringify(row.map(cell));

/**
 * Whether a query's rows answer the question: same number of columns (names are free) and rows,
 * the same rows in the same order when the order matters, otherwise matched after sorting; numbers
 * within `tolerance`.
 */
export function sameRows(
  actual: unknown[][],
  expected: unknown[][],
  options: { ordered: boolean; tolerance: number },
): boolean {
  if (actual.length !== expected.length) return false;
  if (expected.length > 0 && actual[0]?.length !== expected[0]?.length) return false;
  const byKey = (a: unknown[], b: unknown[]) => (rowKey(a) < rowKey(b) ? -1 : rowKey(a) > rowKey(b) ? 1 : 0);
  const [left, right] = options.ordered
    ? [actual, expected]
    : [[...actual].sort(byKey), [...expected].sort(byKey)];
  return left.every((row, i) => sameValue(row.map(cell), (right[i] ?? []).map(cell), options.tolerance));
}

/** A share of tests passed, as a whole percentage. */
export const scorePercent = (passed: number, total: number) =>
  total === 0 ? 0 : Math.round((passed / total) * 100);
