import type { SelectionTable } from '../../contracts/compliance.js';
import { ll144CsvColumns } from '../../contracts/vocabulary.js';

/**
 * The summary a NYC Local Law 144 bias audit publishes (DCWP rules, 6 RCNY § 5-301): for sex,
 * race/ethnicity and their intersections, each group's applicants, selected, selection rate and
 * impact ratio, and the number of applicants in an unknown category ("unknown": nothing stored;
 * "declined": chose not to say), who are left out of the ratios.
 */
const ll144Categories = new Set(['sex', 'race', 'sex_race']);

/** A cell as text; a leading = + - @ or tab would run as a spreadsheet formula, so it is quoted away. */
function cell(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text =
    typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toFixed(4)) : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function ll144Csv(tables: readonly SelectionTable[]): string {
  const lines = [ll144CsvColumns.join(',')];
  for (const table of tables) {
    const scope = table.kind === 'tier' ? 'resume_screen_matcher_tier' : 'round';
    for (const category of table.categories) {
      if (!ll144Categories.has(category.category)) continue;
      for (const g of category.groups) {
        lines.push(
          [
            scope,
            table.jobFamily ?? 'all',
            table.roundKey ?? '',
            category.label,
            g.label,
            g.applicants,
            g.selected,
            g.selectionRate,
            g.impactRatio,
            g.flagged,
            g.smallSample,
          ]
            .map(cell)
            .join(','),
        );
      }
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
