import type { Answer } from '../../endpoints';
import { label } from '../../labels';
import { downloadCsv, percent } from '../../ui';
import { Bars, type Drill, Figure } from './report-parts';

type Timing = Answer<'GET /api/reports/timing'>;

/** Time in each step with its spread: the median as a bar, then how many decisions took how long. */
export function TimeInStep({ timing: t }: { timing: Timing }) {
  const spans = t.timeInStep[0]?.distribution.map((d) => d.span) ?? [];
  return (
    <section aria-labelledby="time-title">
      <h2 id="time-title">Time in each step</h2>
      <p className="hint">
        Days from entering a step (applying, or the decision before) to its decision, for decisions taken in
        the range.
      </p>
      <button
        type="button"
        className="secondary"
        onClick={() =>
          downloadCsv('time-in-step.csv', [
            ['step', 'decisions', 'p25 days', 'median days', 'p75 days', 'p90 days', 'mean days', ...spans],
            ...t.timeInStep.map((s) => [
              label(s.step),
              s.decisions,
              s.p25Days,
              s.medianDays,
              s.p75Days,
              s.p90Days,
              s.meanDays,
              ...s.distribution.map((d) => d.decisions),
            ]),
          ])
        }
      >
        Download as CSV
      </button>
      {t.timeInStep.length === 0 ? (
        <p className="empty">No decisions in this selection.</p>
      ) : (
        <>
          <Bars
            label="Median days in each step"
            rows={t.timeInStep.map((s) => ({
              name: label(s.step),
              value: s.medianDays,
              text: `${s.medianDays} days median (${s.decisions} ${s.decisions === 1 ? 'decision' : 'decisions'})`,
            }))}
          />
          <div className="table-scroll">
            <table>
              <caption>How long decisions took, step by step</caption>
              <thead>
                <tr>
                  <th scope="col">Step</th>
                  <th scope="col">Quarter within</th>
                  <th scope="col">Half within</th>
                  <th scope="col">Three quarters within</th>
                  <th scope="col">Nine in ten within</th>
                  {spans.map((span) => (
                    <th scope="col" key={span}>
                      {span}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {t.timeInStep.map((s) => (
                  <tr key={s.step}>
                    <th scope="row">{label(s.step)}</th>
                    <td>{s.p25Days} days</td>
                    <td>{s.medianDays} days</td>
                    <td>{s.p75Days} days</td>
                    <td>{s.p90Days} days</td>
                    {s.distribution.map((d) => (
                      <td key={d.span}>{d.decisions}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

/** Application to offer, feedback on time, and the decisions taken without their evidence per team. */
export function TimingFigures({ timing: t, open }: { timing: Timing; open: (drill: Drill) => void }) {
  return (
    <>
      <section aria-labelledby="offer-time-title">
        <h2 id="offer-time-title">Application to offer</h2>
        <p className="hint">For applications that applied in the range.</p>
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
          <dt>Open applications past the target, with no offer</dt>
          <dd>
            <Figure
              value={t.timeToOffer.openPastTarget}
              open={() =>
                open({
                  measure: 'open_past_target',
                  title: 'Open applications past the target, with no offer',
                })
              }
            />
          </dd>
        </dl>
      </section>
      <section aria-labelledby="feedback-title">
        <h2 id="feedback-title">Feedback on time</h2>
        <p>
          {percent(t.feedback.onTimeRate)} of {t.feedback.submitted} scorecards due in the range were in by
          their deadline; {t.feedback.overdue} are overdue now.
        </p>
      </section>
      <section aria-labelledby="evidence-title">
        <h2 id="evidence-title">Decisions without their evidence</h2>
        {t.decisionsWithoutEvidence.length === 0 ? (
          <p className="empty">No decisions in this selection.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col">Round decisions taken</th>
                <th scope="col">Without an interview, feedback or the decider's role</th>
              </tr>
            </thead>
            <tbody>
              {t.decisionsWithoutEvidence.map((row) => (
                <tr key={row.teamId}>
                  <th scope="row">{row.teamName}</th>
                  <td>{row.decisions}</td>
                  <td>
                    <Figure
                      value={row.withoutEvidence}
                      text={`${row.withoutEvidence} (${percent(row.rate)})`}
                      open={() =>
                        open({
                          measure: 'without_evidence',
                          teamId: row.teamId,
                          title: `Decided without their evidence: ${row.teamName}`,
                        })
                      }
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
