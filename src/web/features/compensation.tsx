import { useApi } from '../api';
import type { Compensation } from '../types';
import { money, Show } from '../ui';

/** R-OFFER-3: the offer year by year (back-weighted vesting shows), beside competing offers. */
export function CompensationView({ base }: { base: string }) {
  const comp = useApi<Compensation>(`${base}/compensation`);
  return (
    <section aria-labelledby="comp-title">
      <h2 id="comp-title">Total compensation, year by year</h2>
      <Show loaded={comp}>
        {(c) => (
          <>
            <img
              className="chart"
              src={`${base}/compensation.svg`}
              alt="Chart of total pay per year for the offer and any competing offers; the same figures are in the table below."
            />
            {[c.offer, ...c.competing].map((col) => (
              <table key={col.label}>
                <caption>
                  {col.label} ({col.currency}, vesting: {col.vestingSchedule})
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
