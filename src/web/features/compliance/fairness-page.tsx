import { useState } from 'react';
import { Link } from 'wouter';
import type { AdverseImpactReport, SelectionTable } from '../../../contracts/compliance';
import { queryString, useApi } from '../../client';
import { label } from '../../labels';
import { can, useStaff } from '../../session';
import { Page, SelectField, Show, TextField } from '../../ui';
import { GroupTable, Refusal, WarningIcon } from './compliance-parts';

interface Filters {
  season: string;
  from: string;
  to: string;
  jobFamily: string;
  round: string;
}

/** The seasons offered: this year and the two before, each whole and by half. */
function seasons(now = new Date()): [string, string][] {
  const year = now.getUTCFullYear();
  return [year, year - 1, year - 2].flatMap((y): [string, string][] => [
    [`${y}-H2`, `July to December ${y}`],
    [`${y}-H1`, `January to June ${y}`],
    [`${y}`, `All of ${y}`],
  ]);
}

/** The filters as the report's query: a season overrides the days. */
const reportQuery = (f: Filters) => ({
  season: f.season || undefined,
  from: f.season ? undefined : f.from || undefined,
  to: f.season ? undefined : f.to || undefined,
  jobFamily: f.jobFamily || undefined,
  round: f.round || undefined,
});

const tableTitle = (t: SelectionTable) => {
  const family = t.jobFamily ? `job family ${label(t.jobFamily)}` : 'every job family';
  return t.kind === 'tier'
    ? `Resume screen, matcher tiers: ${family}`
    : `Round ${label(t.roundKey)}: ${family}`;
};

/** The four-fifths rule and the small-sample rule in plain words, with the server's own sentences. */
function Explanation({ report }: { report?: AdverseImpactReport }) {
  return (
    <section aria-labelledby="rule-title" className="card explain">
      <h2 id="rule-title">How to read this page</h2>
      <p>
        For each group, the <strong>selection rate</strong> is the share of its applicants who were selected:
        moved on from a round, or put in the strong or possible tier by the matcher at the resume screen. The{' '}
        <strong>impact ratio</strong> divides a group's rate by the highest rate among the groups.
      </p>
      <p>
        <strong>The four-fifths rule:</strong> when a group's rate is under four-fifths (80%) of the highest
        group's rate, that is a sign of adverse impact worth looking into. It is a rule of thumb, not a
        verdict: it says where to look, not why.
      </p>
      <p>
        <strong>Small samples:</strong> with few applicants one decision moves a rate a long way, so a ratio
        from a small group proves little either way; such rows say so.
      </p>
      {report && (
        <ul className="hint">
          <li>{report.fourFifthsRule}</li>
          <li>{report.smallSampleRule}</li>
        </ul>
      )}
      <p className="hint">
        People who declined to answer, or were never asked, are shown but are not compared. Answers are only
        ever seen here as counts; no one who decides about candidates can open this page.
      </p>
    </section>
  );
}

/** One selection (a round, or the matcher's tiers) by category, the intersections last. */
function SelectionSection({ table }: { table: SelectionTable }) {
  const title = tableTitle(table);
  const id = `sel-${table.kind}-${table.roundKey ?? 'all'}-${table.jobFamily ?? 'all'}`;
  const single = table.categories.filter((c) => c.category !== 'sex_race');
  const crossed = table.categories.filter((c) => c.category === 'sex_race');
  const flagged = table.categories.some((c) => c.groups.some((g) => g.flagged));
  return (
    <section aria-labelledby={id} className="selection">
      <h3 id={id}>
        {title}
        {flagged && (
          <span className="finding flagged">
            {' '}
            <WarningIcon /> four-fifths breach
          </span>
        )}
      </h3>
      <p className="meta">
        {table.applicants} applicants, {table.selected}{' '}
        {table.kind === 'tier' ? 'put in the strong or possible tier' : 'moved on'}.
      </p>
      {single.map((c) => (
        <GroupTable key={c.category} table={c} caption={`${c.label}: ${title}`} />
      ))}
      {crossed.length > 0 && (
        <>
          <h4>Intersections</h4>
          {crossed.map((c) => (
            <GroupTable key={c.category} table={c} caption={`${c.label}: ${title}`} />
          ))}
        </>
      )}
    </section>
  );
}

/** Adverse impact for the compliance role: selection rates and impact ratios, with the LL144 export. */
export function FairnessPage() {
  const me = useStaff();
  const allowed = can(me, 'compliance.read');
  const [filters, setFilters] = useState<Filters>({ season: '', from: '', to: '', jobFamily: '', round: '' });
  const backwards = !filters.season && filters.from && filters.to && filters.from > filters.to;
  const query = allowed && !backwards ? reportQuery(filters) : null;
  const report = useApi('GET /api/compliance/adverse-impact', query);
  // The job families and rounds to choose from are those the unfiltered report has.
  const everything = useApi('GET /api/compliance/adverse-impact', allowed ? {} : null);
  if (!allowed)
    return (
      <Page title="Fairness">
        <Refusal what="the fairness report" who="the compliance role" />
      </Page>
    );
  const tables = everything.data?.tables ?? [];
  const families = [...new Set(tables.map((t) => t.jobFamily).filter((f): f is string => !!f))].sort();
  const rounds = [
    ...new Set(
      tables
        .filter((t) => t.kind === 'round')
        .map((t) => t.roundKey)
        .filter((r): r is string => !!r),
    ),
  ];
  const change = (next: Partial<Filters>) => setFilters((f) => ({ ...f, ...next }));
  const csvHref = `/api/compliance/adverse-impact.csv${queryString(query ?? {})}`;
  return (
    <Page
      title="Fairness"
      actions={
        query && (
          <a className="button" href={csvHref} download>
            Download LL144 audit CSV
          </a>
        )
      }
    >
      <p className="hint">
        Selection rates and impact ratios from voluntary self-identification. See also{' '}
        <Link href="/app/agreement">how often the matcher agreed with people's decisions</Link>.
      </p>
      <div className="toolbar">
        <SelectField
          label="Season"
          value={filters.season}
          onChange={(season) => change({ season })}
          options={[['', 'Choose days instead'], ...seasons()]}
        />
        <TextField
          label="From"
          type="date"
          value={filters.from}
          onChange={(from) => change({ from, season: '' })}
        />
        <TextField
          label="To"
          type="date"
          value={filters.to}
          onChange={(to) => change({ to, season: '' })}
          error={backwards ? 'The range must end on or after the day it starts.' : undefined}
        />
        <SelectField
          label="Job family"
          value={filters.jobFamily}
          onChange={(jobFamily) => change({ jobFamily })}
          options={[['', 'Every job family'], ...families.map((f): [string, string] => [f, label(f)])]}
        />
        <SelectField
          label="Round"
          value={filters.round}
          onChange={(round) => change({ round })}
          options={[['', 'Every round'], ...rounds.map((r): [string, string] => [r, label(r)])]}
        />
      </div>
      <p className="hint">
        Applications submitted in the season or days chosen (UTC); leave both empty for all time.
      </p>
      <Explanation report={report.data} />
      {query ? (
        <Show
          loaded={report}
          isEmpty={(r) => r.tables.every((t) => t.applicants === 0)}
          empty="No applications for this selection."
        >
          {(r) => {
            const tiers = r.tables.filter((t) => t.kind === 'tier');
            const byRound = r.tables.filter((t) => t.kind === 'round');
            return (
              <>
                <section aria-labelledby="tiers-title">
                  <h2 id="tiers-title">The matcher at the resume screen</h2>
                  <p className="hint">
                    The matcher's tiers only order the review; people decide. Here "selected" means the
                    matcher put the resume in the strong or possible tier.
                  </p>
                  {tiers.length === 0 ? (
                    <p className="empty">No resumes were annotated by the matcher in this selection.</p>
                  ) : (
                    tiers.map((t) => <SelectionSection key={tableTitle(t)} table={t} />)
                  )}
                </section>
                <section aria-labelledby="rounds-title">
                  <h2 id="rounds-title">Rounds</h2>
                  <p className="hint">Here "selected" means moved on from the round.</p>
                  {byRound.length === 0 ? (
                    <p className="empty">No round decisions in this selection.</p>
                  ) : (
                    byRound.map((t) => <SelectionSection key={tableTitle(t)} table={t} />)
                  )}
                </section>
              </>
            );
          }}
        </Show>
      ) : (
        <p className="hint">Figures show again once the range ends on or after the day it starts.</p>
      )}
    </Page>
  );
}
