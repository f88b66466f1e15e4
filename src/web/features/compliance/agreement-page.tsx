import { useState } from 'react';
import type { AgreementCell } from '../../../contracts/compliance';
import { useApi } from '../../client';
import { label } from '../../labels';
import { can, useStaff } from '../../session';
import { Page, percent, SelectField, Show, TextField } from '../../ui';
import { Refusal } from './compliance-parts';

const monthName = (month: string) =>
  new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );

/** "12 of 16 (75%)": the rate with the counts behind it. */
const rateWords = (c: AgreementCell) =>
  c.compared === 0 ? 'nothing compared' : `${c.agreed} of ${c.compared} (${percent(c.agreementRate)})`;

function CellColumns({ cell }: { cell: AgreementCell }) {
  return (
    <>
      <td>{cell.compared}</td>
      <td>{rateWords(cell)}</td>
      <td>{cell.tierHigherThanDecision}</td>
      <td>{cell.tierLowerThanDecision}</td>
      <td>{cell.unclear}</td>
    </>
  );
}

function Heads({ first }: { first: string }) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col">Decisions compared</th>
        <th scope="col">Agreed</th>
        <th scope="col">Strong or possible, but rejected</th>
        <th scope="col">Weak, but moved on</th>
        <th scope="col">Tier unclear (not counted)</th>
      </tr>
    </thead>
  );
}

/** How often the matcher's tier at the resume screen agreed with the decision people took. */
export function AgreementPage() {
  const me = useStaff();
  const allowed = can(me, 'compliance.agreement');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [jobFamily, setJobFamily] = useState('');
  const backwards = from && to && from > to;
  const report = useApi(
    'GET /api/compliance/agreement',
    allowed && !backwards
      ? { from: from || undefined, to: to || undefined, jobFamily: jobFamily || undefined }
      : null,
  );
  const everything = useApi('GET /api/compliance/agreement', allowed ? {} : null);
  if (!allowed)
    return (
      <Page title="Matcher agreement">
        <Refusal what="the matcher agreement report" who="admins and the compliance role" />
      </Page>
    );
  const families = (everything.data?.byJobFamily ?? []).map((f) => f.jobFamily);
  return (
    <Page title="Matcher agreement">
      <p>
        This checks the matcher against people's decisions, not people against the matcher. The matcher only
        annotates resumes to help order the review; a person decides every time. Where they often disagree,
        the matcher's criteria for that job family deserve a look.
      </p>
      <div className="toolbar">
        <TextField label="From" type="date" value={from} onChange={setFrom} />
        <TextField
          label="To"
          type="date"
          value={to}
          onChange={setTo}
          error={backwards ? 'The range must end on or after the day it starts.' : undefined}
        />
        <SelectField
          label="Job family"
          value={jobFamily}
          onChange={setJobFamily}
          options={[['', 'Every job family'], ...families.map((f): [string, string] => [f, label(f)])]}
        />
      </div>
      <p className="hint">
        Agreed means the matcher put the resume in the strong or possible tier and people moved it on, or in
        the weak tier and people rejected it. Months are those of the decision (UTC).
      </p>
      {backwards ? (
        <p className="hint">Figures show again once the range ends on or after the day it starts.</p>
      ) : (
        <Show
          loaded={report}
          isEmpty={(r) => r.overall.compared === 0 && r.overall.unclear === 0}
          empty="No decided applications with a matcher tier in this selection."
        >
          {(r) => (
            <>
              <p className="summary" role="status">
                Overall the matcher agreed with people in {rateWords(r.overall)} decisions:{' '}
                {r.overall.tierHigherThanDecision} rated strong or possible were rejected, and{' '}
                {r.overall.tierLowerThanDecision} rated weak were moved on.
              </p>
              <section aria-labelledby="agree-family-title">
                <h2 id="agree-family-title">By job family</h2>
                {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the table scrolls inside its region at a phone's width, so the keyboard must reach it */}
                <section className="table-scroll" aria-label="Agreement by job family" tabIndex={0}>
                  <table>
                    <caption>Agreement by job family</caption>
                    <Heads first="Job family" />
                    <tbody>
                      {r.byJobFamily.map((f) => (
                        <tr key={f.jobFamily}>
                          <th scope="row">{label(f.jobFamily)}</th>
                          <CellColumns cell={f} />
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </section>
              </section>
              <section aria-labelledby="agree-month-title">
                <h2 id="agree-month-title">Month by month</h2>
                <figure className="bars" aria-label="Agreement rate each month, out of 100%">
                  {r.byMonth.map((m) => (
                    <div key={m.month} className="bar-row">
                      <span className="bar-label">{monthName(m.month)}</span>
                      <span
                        className="bar"
                        style={{ width: `${(m.agreementRate ?? 0) * 100}%` }}
                        aria-hidden="true"
                      />
                      <span className="bar-value">{rateWords(m)} agreed</span>
                    </div>
                  ))}
                </figure>
                {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the table scrolls inside its region at a phone's width, so the keyboard must reach it */}
                <section className="table-scroll" aria-label="Agreement by month" tabIndex={0}>
                  <table>
                    <caption>Agreement by month</caption>
                    <Heads first="Month" />
                    <tbody>
                      {r.byMonth.map((m) => (
                        <tr key={m.month}>
                          <th scope="row">{monthName(m.month)}</th>
                          <CellColumns cell={m} />
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </section>
              </section>
            </>
          )}
        </Show>
      )}
    </Page>
  );
}
