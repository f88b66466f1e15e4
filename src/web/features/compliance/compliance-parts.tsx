import type { ReactNode } from 'react';
import { Link } from 'wouter';
import type { CategoryTable, GroupRow } from '../../../contracts/compliance';
import { percent } from '../../ui';

/** A warning sign drawn in the text's colour; the words beside it carry the meaning. */
export function WarningIcon() {
  return (
    <svg className="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="M8 1 15 14H1Z" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
      <path d="M8 6v4M8 11.5v1" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  );
}

/** The page a person without the permission reaches by its address: what it is and who may open it. */
export function Refusal({ what, who }: { what: string; who: string }) {
  return (
    <div className="refusal" role="alert">
      <p>
        <strong>You cannot open {what}.</strong> It is for {who}; ask an admin if you need it.
      </p>
      <p>
        <Link href="/app">Back to your start page</Link>
      </p>
    </div>
  );
}

/** A ratio as a plain number with two decimals: "0.75"; a dash when there is none. */
export const ratio = (value: number | null) => (value === null ? '—' : value.toFixed(2));

/** What a row means, in words: below four-fifths, a small sample, outside the comparison. */
function Findings({ row, reference }: { row: GroupRow; reference: boolean }) {
  if (row.applicants === 0) return <span className="finding">No applicants</span>;
  const words: ReactNode[] = [];
  if (row.flagged)
    words.push(
      <span key="flag" className="finding flagged">
        <WarningIcon /> Below four-fifths of the highest rate
      </span>,
    );
  if (row.smallSample)
    words.push(
      <span key="small" className="finding small-sample">
        Small sample: too few to draw a conclusion
      </span>,
    );
  if (!row.inRatioBase)
    words.push(
      <span key="base" className="finding">
        Shown, not compared
      </span>,
    );
  if (reference)
    words.push(
      <span key="ref" className="finding">
        Highest rate: the comparison's base
      </span>,
    );
  return words.length ? words : <span className="finding">Within four-fifths</span>;
}

/** One category's groups: how many applied, how many were selected, the rate and the ratio. */
export function GroupTable({ table, caption }: { table: CategoryTable; caption: string }) {
  const flagged = table.groups.filter((g) => g.flagged).length;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a table wider than a phone scrolls inside its region, which the keyboard must reach to scroll it
    <section className="table-scroll" aria-label={caption} tabIndex={0}>
      <table className="fairness">
        <caption>
          {caption}
          {flagged > 0 && (
            <span className="finding flagged">
              {' '}
              <WarningIcon /> {flagged === 1 ? 'one group' : `${flagged} groups`} below four-fifths
            </span>
          )}
        </caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col">Applicants</th>
            <th scope="col">Selected</th>
            <th scope="col">Selection rate</th>
            <th scope="col">Impact ratio</th>
            <th scope="col">Finding</th>
          </tr>
        </thead>
        <tbody>
          {table.groups.map((g) => (
            <tr key={g.group} className={g.flagged ? 'flagged' : undefined}>
              <th scope="row">{g.label}</th>
              <td>{g.applicants}</td>
              <td>{g.selected}</td>
              <td>{percent(g.selectionRate)}</td>
              <td>{ratio(g.impactRatio)}</td>
              <td>
                <Findings row={g} reference={table.referenceGroup === g.group} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
