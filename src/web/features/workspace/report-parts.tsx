import { useEffect, useRef } from 'react';
import { Link } from 'wouter';
import type { drillMeasures } from '../../../contracts/workspace';
import { useCursorList } from '../../client';
import { label } from '../../labels';
import { day, ErrorNotice, Loading, MoreButton } from '../../ui';

/** The selection every report on the page counts: team, job and a range of days. */
export interface ReportScope {
  teamId: string;
  jobId: string;
  from: string;
  to: string;
}

/** The query a report takes for the selection: empty choices are left out. */
export const scopeQuery = (s: ReportScope) => ({
  teamId: s.teamId || undefined,
  jobId: s.jobId || undefined,
  from: s.from || undefined,
  to: s.to || undefined,
});

/** One figure of a report, opened on the applications behind it. */
export interface Drill {
  measure: (typeof drillMeasures)[number];
  /** What the list shows, in words: "Reached Technical: internship job". */
  title: string;
  jobId?: string;
  teamId?: string;
  round?: number;
}

/** Horizontal bars, each labelled with its number, so the chart reads without the table. */
export function Bars({
  label: name,
  rows,
}: {
  label: string;
  rows: { name: string; value: number; text: string; open?: () => void }[];
}) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <figure className="bars" aria-label={name}>
      {rows.map((r) => (
        <div key={r.name} className="bar-row">
          <span className="bar-label">{r.name}</span>
          <span className="bar" style={{ width: `${(r.value / max) * 100}%` }} aria-hidden="true" />
          <span className="bar-value">
            {r.open && r.value > 0 ? (
              <button type="button" className="link" onClick={r.open} aria-label={`${r.text}: show them`}>
                {r.text}
              </button>
            ) : (
              r.text
            )}
          </span>
        </div>
      ))}
    </figure>
  );
}

/** A number that opens the applications it counts; plain text when it counts none. */
export function Figure({ value, text, open }: { value: number; text?: string; open: () => void }) {
  if (value === 0) return <>{text ?? value}</>;
  return (
    <button type="button" className="link" onClick={open}>
      {text ?? value}
    </button>
  );
}

/** The applications behind a figure, a page at a time; it takes the focus when it opens. */
export function DrillDown({
  drill,
  scope,
  timeZone,
  onClose,
}: {
  drill: Drill;
  scope: ReportScope;
  timeZone: string;
  onClose: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const list = useCursorList('GET /api/reports/applications', {
    ...scopeQuery(scope),
    jobId: drill.jobId ?? (scope.jobId || undefined),
    teamId: drill.teamId ?? (scope.teamId || undefined),
    measure: drill.measure,
    round: drill.round,
    limit: 50,
  });
  useEffect(() => heading.current?.focus(), []);
  return (
    <section aria-labelledby="drill-title" className="card drill">
      <h2 id="drill-title" tabIndex={-1} ref={heading}>
        {drill.title}
      </h2>
      <button type="button" className="secondary" onClick={onClose}>
        Close the list
      </button>
      <ErrorNotice error={list.error} />
      {!list.items ? (
        <Loading what="Loading the applications" />
      ) : list.items.length === 0 ? (
        <p className="empty">No applications.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Candidate</th>
              <th scope="col">Job</th>
              <th scope="col">Where it stands</th>
              <th scope="col">Applied</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((a) => (
              <tr key={a.applicationId}>
                <td>
                  <Link href={`/app/applications/${a.applicationId}`}>{a.candidateName}</Link>
                </td>
                <td>{a.jobTitle}</td>
                <td>{a.status === 'active' ? label(a.step) : label(a.status)}</td>
                <td>{day(new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date(a.submittedAt)))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <MoreButton more={list.more} loading={list.loading} />
    </section>
  );
}
