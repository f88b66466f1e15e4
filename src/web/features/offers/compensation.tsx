import { useApi } from '../../client';
import { label } from '../../labels';
import type { CandidateOffer } from '../../types';
import { day, money, Show, when } from '../../ui';

/** The offer year by year (back-weighted vesting shows), beside competing offers. */
export function CompensationView({ offerId, mine = false }: { offerId: string; mine?: boolean }) {
  const comp = useApi(mine ? 'GET /api/me/offers/{id}/compensation' : 'GET /api/offers/{id}/compensation', {
    id: offerId,
  });
  return (
    <section aria-labelledby="comp-title">
      <h2 id="comp-title">Total compensation, year by year</h2>
      <Show loaded={comp}>
        {(c) => (
          <>
            <img
              className="chart"
              src={`${mine ? '/api/me/offers' : '/api/offers'}/${offerId}/compensation.svg`}
              alt="Chart of total pay per year for the offer and any competing offers; the same figures are in the table below."
            />
            {[c.offer, ...c.competing].map((col) => (
              <section
                key={col.label}
                className="table-scroll"
                // biome-ignore lint/a11y/noNoninteractiveTabindex: on a phone the table scrolls sideways, and a scrolling region must be reachable by keyboard
                tabIndex={0}
                aria-label={`${col.label}, year by year`}
              >
                <table>
                  <caption>
                    {col.label} ({col.currency}, vesting: {label(col.vestingSchedule)})
                  </caption>
                  <thead>
                    <tr>
                      <th>Year</th>
                      <th>Base</th>
                      <th>Bonus</th>
                      <th>Sign-on</th>
                      <th>Equity</th>
                      <th>Total</th>
                    </tr>
                  </thead>
                  <tbody>
                    {col.years.map((y) => (
                      <tr key={y.year}>
                        <td>Year {y.year}</td>
                        <td>{money(y.baseCents, col.currency)}</td>
                        <td>{money(y.bonusCents, col.currency)}</td>
                        <td>{money(y.signOnCents, col.currency)}</td>
                        <td>{money(y.equityCents, col.currency)}</td>
                        <td>
                          <strong>{money(y.totalCents, col.currency)}</strong>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            ))}
            {c.currencyMismatch && (
              <p className="notice">
                Some competing offers are in another currency and are shown as entered, not converted.
              </p>
            )}
          </>
        )}
      </Show>
    </section>
  );
}

/** An offer's terms as the candidate and the hiring team both read them. */
export function OfferTerms({ terms, timeZone }: { terms: CandidateOffer['terms']; timeZone: string }) {
  const { currency, equity } = terms;
  return (
    <dl className="terms">
      <dt>Base salary</dt>
      <dd>{money(terms.baseSalaryCents, currency)} a year</dd>
      <dt>Target bonus</dt>
      <dd>{terms.targetBonusBps / 100}% of base</dd>
      <dt>Sign-on</dt>
      <dd>{money(terms.signOn.amountCents, currency)}</dd>
      <dt>Equity</dt>
      <dd>
        {equity.kind === 'units'
          ? `${equity.units} units at ${money(equity.referencePriceCents, currency)}`
          : money(equity.valueCents, currency)}
        , vesting {label(terms.vestingScheduleKey)}
      </dd>
      <dt>Start date</dt>
      <dd>{day(terms.startDate)}</dd>
      <dt>Reply by</dt>
      <dd>{when(terms.expiresAt, timeZone)}</dd>
      <dt>Level and location</dt>
      <dd>
        {label(terms.level)}, {terms.location}
      </dd>
    </dl>
  );
}
