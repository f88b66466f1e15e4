import { useState } from 'react';
import { useApi } from '../../client';
import { can, useStaff } from '../../session';
import { downloadCsv, humanize, Page, percent, SelectField, Show } from '../../ui';

/** Horizontal bars, each labelled with its number, so the chart reads without the table. */
function Bars({ label, rows }: { label: string; rows: { name: string; value: number; text: string }[] }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <figure className="bars" aria-label={label}>
      {rows.map((r) => (
        <div key={r.name} className="bar-row">
          <span className="bar-label">{r.name}</span>
          <span className="bar" style={{ width: `${(r.value / max) * 100}%` }} aria-hidden="true" />
          <span className="bar-value">{r.text}</span>
        </div>
      ))}
    </figure>
  );
}

export function ReportsPage() {
  const me = useStaff();
  const teams = useApi('GET /api/teams', {});
  const jobs = useApi('GET /api/jobs', { limit: 200 });
  const [teamId, setTeamId] = useState('');
  const [jobId, setJobId] = useState('');
  const funnel = useApi('GET /api/reports/funnel', { teamId, jobId });
  const timing = useApi('GET /api/reports/timing', { teamId, jobId });
  const insights = useApi('GET /api/insights/interviewers', can(me, 'insight.read') ? {} : null);
  const jobOptions = (jobs.data?.items ?? []).filter((j) => !teamId || j.teamId === teamId);
  return (
    <Page title="Reports">
      <div className="toolbar">
        <SelectField
          label="Team"
          value={teamId}
          onChange={(v) => {
            setTeamId(v);
            setJobId('');
          }}
          options={[
            ['', 'All teams'],
            ...(teams.data?.items ?? []).map((t): [string, string] => [t.id, t.name]),
          ]}
        />
        <SelectField
          label="Job"
          value={jobId}
          onChange={setJobId}
          options={[['', 'All jobs'], ...jobOptions.map((j): [string, string] => [j.id, j.title])]}
        />
      </div>
      <section aria-labelledby="funnel-title">
        <h2 id="funnel-title">Funnel</h2>
        <Show
          loaded={funnel}
          isEmpty={(f) => f.items.length === 0}
          empty="No applications for this selection."
        >
          {(f) => (
            <>
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  downloadCsv('funnel.csv', [
                    ['job', 'round', 'reached', 'pass-through'],
                    ...f.items.flatMap((j) =>
                      j.rounds.map((r) => [j.jobTitle, r.name, r.reached, r.passThrough]),
                    ),
                  ])
                }
              >
                Download funnel as CSV
              </button>
              {f.items.map((j) => (
                <article key={j.jobId} className="card">
                  <h3>
                    {j.jobTitle}{' '}
                    <span className="meta">
                      {j.total} applications, {j.hired} hired
                    </span>
                  </h3>
                  <Bars
                    label={`Funnel for ${j.jobTitle}`}
                    rows={j.rounds.map((r) => ({
                      name: r.name,
                      value: r.reached,
                      text: `${r.reached} (${percent(r.passThrough)} passed on)`,
                    }))}
                  />
                </article>
              ))}
            </>
          )}
        </Show>
      </section>
      <Show loaded={timing}>
        {(t) => (
          <>
            <section aria-labelledby="time-title">
              <h2 id="time-title">Time in each step</h2>
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  downloadCsv('time-in-step.csv', [
                    ['step', 'decisions', 'median days', 'mean days'],
                    ...t.timeInStep.map((s) => [s.step, s.decisions, s.medianDays, s.meanDays]),
                  ])
                }
              >
                Download as CSV
              </button>
              {t.timeInStep.length === 0 ? (
                <p className="empty">No decisions yet.</p>
              ) : (
                <Bars
                  label="Median days in each step"
                  rows={t.timeInStep.map((s) => ({
                    name: humanize(s.step),
                    value: s.medianDays,
                    text: `${s.medianDays} days median (${s.decisions} decisions)`,
                  }))}
                />
              )}
            </section>
            <section aria-labelledby="offer-time-title">
              <h2 id="offer-time-title">Application to offer</h2>
              <dl className="terms">
                <dt>Offers sent</dt>
                <dd>{t.timeToOffer.offers}</dd>
                <dt>Median</dt>
                <dd>{t.timeToOffer.medianDays ?? '—'} days (target 4–6 weeks)</dd>
                <dt>90th percentile</dt>
                <dd>{t.timeToOffer.p90Days ?? '—'} days</dd>
                <dt>Within {t.timeToOffer.targetDays} days</dt>
                <dd>{percent(t.timeToOffer.withinTargetRate)}</dd>
                <dt>Over three months</dt>
                <dd>{t.timeToOffer.overThreeMonths}</dd>
                <dt>Open applications past the target</dt>
                <dd>{t.timeToOffer.openPastTarget}</dd>
              </dl>
            </section>
            <section aria-labelledby="feedback-title">
              <h2 id="feedback-title">Feedback on time</h2>
              <p>
                {percent(t.feedback.onTimeRate)} of {t.feedback.submitted} scorecards were in by their
                deadline; {t.feedback.overdue} are overdue now.
              </p>
            </section>
            <section aria-labelledby="evidence-title">
              <h2 id="evidence-title">Decisions without their evidence</h2>
              {t.decisionsWithoutEvidence.length === 0 ? (
                <p className="empty">No decisions yet.</p>
              ) : (
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Team</th>
                      <th scope="col">Round decisions</th>
                      <th scope="col">Without an interview, feedback or the decider's role</th>
                    </tr>
                  </thead>
                  <tbody>
                    {t.decisionsWithoutEvidence.map((row) => (
                      <tr key={row.teamId}>
                        <th scope="row">{row.teamName}</th>
                        <td>{row.decisions}</td>
                        <td>
                          {row.withoutEvidence} ({percent(row.rate)})
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          </>
        )}
      </Show>
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
                        <td>{i.tendency ? humanize(i.tendency) : '—'}</td>
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
