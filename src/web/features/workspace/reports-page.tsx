import { useState } from 'react';
import { useApi } from '../../client';
import type { Answer } from '../../endpoints';
import { label } from '../../labels';
import { can, useStaff } from '../../session';
import { day, downloadCsv, Page, percent, SelectField, Show, TextField } from '../../ui';
import { Bars, type Drill, DrillDown, Figure, type ReportScope, scopeQuery } from './report-parts';
import { TimeInStep, TimingFigures } from './report-timing';

type Funnel = Answer<'GET /api/reports/funnel'>['items'];

/** The funnel, team by team: each job's rounds with how many got there; every number opens its list. */
function FunnelReport({ items, open }: { items: Funnel; open: (drill: Drill) => void }) {
  const teams = [...new Set(items.map((j) => j.teamName))];
  return (
    <>
      <button
        type="button"
        className="secondary"
        onClick={() =>
          downloadCsv('funnel.csv', [
            ['job', 'round', 'reached', 'pass-through'],
            ...items.flatMap((j) => j.rounds.map((r) => [j.jobTitle, r.name, r.reached, r.passThrough])),
          ])
        }
      >
        Download funnel as CSV
      </button>
      {teams.map((team) => (
        <section key={team} aria-label={`Funnel of ${team}`}>
          <h3>{team}</h3>
          {items
            .filter((j) => j.teamName === team)
            .map((j) => (
              <article key={j.jobId} className="card">
                <h4>
                  {j.jobTitle}{' '}
                  <span className="meta">
                    <Figure
                      value={j.total}
                      text={`${j.total} applied`}
                      open={() =>
                        open({ measure: 'applied', jobId: j.jobId, title: `Applied: ${j.jobTitle}` })
                      }
                    />
                    ,{' '}
                    <Figure
                      value={j.hired}
                      text={`${j.hired} hired`}
                      open={() => open({ measure: 'hired', jobId: j.jobId, title: `Hired: ${j.jobTitle}` })}
                    />
                  </span>
                </h4>
                <Bars
                  label={`Funnel for ${j.jobTitle}`}
                  rows={j.rounds.map((r) => ({
                    name: r.name,
                    value: r.reached,
                    text: `${r.reached} (${percent(r.passThrough)} ${r.index === 0 ? 'of those who applied' : 'of the round before'})`,
                    open: () =>
                      open({
                        measure: 'reached',
                        jobId: j.jobId,
                        round: r.index,
                        title: `Reached ${r.name}: ${j.jobTitle}`,
                      }),
                  }))}
                />
              </article>
            ))}
        </section>
      ))}
    </>
  );
}

/** Week by week over the range, as a table that reads without the chart. */
function TrendsReport({ scope }: { scope: ReportScope }) {
  const trends = useApi('GET /api/reports/trends', scopeQuery(scope));
  return (
    <section aria-labelledby="trends-title">
      <h2 id="trends-title">Week by week</h2>
      <Show loaded={trends}>
        {(t) => (
          <>
            <p className="hint">
              {day(t.from)} to {day(t.to)}; weeks start on Monday. Decisions are round decisions taken that
              week.
            </p>
            <Bars
              label="Applications each week"
              rows={t.weeks.map((w) => ({
                name: `Week of ${day(w.weekStart)}`,
                value: w.applied,
                text: `${w.applied} applied`,
              }))}
            />
            <div className="table-scroll">
              <table>
                <caption>Each week</caption>
                <thead>
                  <tr>
                    <th scope="col">Week of</th>
                    <th scope="col">Applied</th>
                    <th scope="col">Advanced</th>
                    <th scope="col">Rejected</th>
                    <th scope="col">Decided without evidence</th>
                    <th scope="col">Offers sent</th>
                    <th scope="col">Hired</th>
                  </tr>
                </thead>
                <tbody>
                  {t.weeks.map((w) => (
                    <tr key={w.weekStart}>
                      <th scope="row">{day(w.weekStart)}</th>
                      <td>{w.applied}</td>
                      <td>{w.advanced}</td>
                      <td>{w.rejected}</td>
                      <td>{w.withoutEvidence}</td>
                      <td>{w.offersSent}</td>
                      <td>{w.hired}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </Show>
    </section>
  );
}

/** Every report for one selection (team, job, days); any number opens the applications it counts. */
export function ReportsPage() {
  const me = useStaff();
  const teams = useApi('GET /api/teams', {});
  const jobs = useApi('GET /api/jobs', { limit: 200 });
  const [scope, setScope] = useState<ReportScope>({ teamId: '', jobId: '', from: '', to: '' });
  const [drill, setDrill] = useState<Drill>();
  const change = (next: Partial<ReportScope>) => {
    setScope((s) => ({ ...s, ...next }));
    setDrill(undefined);
  };
  const backwards = scope.from && scope.to && scope.from > scope.to;
  // A range that ends before it starts is said beside the field, and no figures are shown for it:
  // all-time figures under the error would read as the range's.
  const query = backwards ? null : scope;
  const funnel = useApi('GET /api/reports/funnel', query && scopeQuery(query));
  const timing = useApi('GET /api/reports/timing', query && scopeQuery(query));
  const insights = useApi('GET /api/insights/interviewers', can(me, 'insight.read') ? {} : null);
  const jobOptions = (jobs.data?.items ?? []).filter((j) => !scope.teamId || j.teamId === scope.teamId);
  return (
    <Page title="Reports">
      <div className="toolbar">
        <SelectField
          label="Team"
          value={scope.teamId}
          onChange={(teamId) => change({ teamId, jobId: '' })}
          options={[
            ['', 'All teams'],
            ...(teams.data?.items ?? []).map((t): [string, string] => [t.id, t.name]),
          ]}
        />
        <SelectField
          label="Job"
          value={scope.jobId}
          onChange={(jobId) => change({ jobId })}
          options={[['', 'All jobs'], ...jobOptions.map((j): [string, string] => [j.id, j.title])]}
        />
        <TextField label="From" type="date" value={scope.from} onChange={(from) => change({ from })} />
        <TextField
          label="To"
          type="date"
          value={scope.to}
          onChange={(to) => change({ to })}
          error={backwards ? 'The range must end on or after the day it starts.' : undefined}
        />
      </div>
      <p className="hint">
        Days are in your time zone ({me.timezone}). The range picks applications that applied in it, decisions
        taken in it and scorecards due in it; leave it empty for all time.
      </p>
      {drill && query && (
        <DrillDown
          key={JSON.stringify(drill)}
          drill={drill}
          scope={query}
          timeZone={me.timezone}
          onClose={() => setDrill(undefined)}
        />
      )}
      {query && funnel.data?.freshness?.replica ? (
        <p className="hint" role="status">
          {funnel.data.freshness.lagSeconds < 1
            ? 'Figures read from a replica, up to date.'
            : `Figures read from a replica, ${Math.round(funnel.data.freshness.lagSeconds)} s behind the latest changes.`}
        </p>
      ) : null}
      {query ? (
        <>
          <section aria-labelledby="funnel-title">
            <h2 id="funnel-title">Funnel</h2>
            <p className="hint">
              How many applications reached each round, and the share of the round before that got there.
            </p>
            <Show
              loaded={funnel}
              isEmpty={(f) => f.items.length === 0}
              empty="No applications for this selection."
            >
              {(f) => <FunnelReport items={f.items} open={setDrill} />}
            </Show>
          </section>
          <TrendsReport scope={query} />
          <Show loaded={timing}>
            {(t) => (
              <>
                <TimeInStep timing={t} />
                <TimingFigures timing={t} open={setDrill} />
              </>
            )}
          </Show>
        </>
      ) : (
        <p className="hint">Figures show again once the range ends on or after the day it starts.</p>
      )}
      {can(me, 'insight.read') && (
        <section aria-labelledby="insights-title">
          <h2 id="insights-title">Interviewers</h2>
          <Show loaded={insights!} isEmpty={(d) => d.items.length === 0} empty="No submitted feedback yet.">
            {(d) => (
              <>
                <button
                  type="button"
                  className="secondary"
                  onClick={() =>
                    downloadCsv('interviewers.csv', [
                      ['interviewer', 'submitted', 'on-time rate', 'agreement rate', 'tendency', 'overdue'],
                      ...d.items.map((i) => [
                        i.name,
                        i.submitted,
                        i.onTimeRate ?? '',
                        i.agreementRate ?? '',
                        i.tendency ?? '',
                        i.overdue,
                      ]),
                    ])
                  }
                >
                  Download as CSV
                </button>
                <table>
                  <thead>
                    <tr>
                      <th>Interviewer</th>
                      <th>Submitted</th>
                      <th>On time</th>
                      <th>Agrees with decision</th>
                      <th>Tendency</th>
                      <th>Overdue</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.items.map((i) => (
                      <tr key={i.interviewerId}>
                        <td>{i.name}</td>
                        <td>{i.submitted}</td>
                        <td>{percent(i.onTimeRate)}</td>
                        <td>{percent(i.agreementRate)}</td>
                        <td>{i.tendency ? label(i.tendency) : '—'}</td>
                        <td>{i.overdue}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </Show>
        </section>
      )}
    </Page>
  );
}
