import type { Equity, VestingSchedule } from '../../contracts/offer-terms.js';

const MONTHS_PER_PERIOD = { monthly: 1, quarterly: 3, annual: 12 } as const;

export interface VestingEvent {
  /** Months after the start date at which this amount vests. */
  month: number;
  amount: number;
  cumulative: number;
}

/**
 * R-OFFER-2: when each part of a grant vests. The amount is whole shares, or minor units of money
 * for a grant stated as a value.
 *
 * Rounding rule: after every vesting date the total vested is the grant times the scheduled
 * fraction, rounded down to a whole unit; the last date therefore vests exactly what remains.
 * Amounts are never negative and always add up to the grant. Before a cliff nothing vests; at the
 * cliff everything scheduled until then vests at once.
 */
export function vestingEvents(grant: number, schedule: VestingSchedule): VestingEvent[] {
  const periodMonths = MONTHS_PER_PERIOD[schedule.frequency];
  const periodsPerYear = 12 / periodMonths;
  const denominator = BigInt(10_000 * periodsPerYear);
  const events: VestingEvent[] = [];
  let scheduled = 0n; // in 1/denominator of the grant
  let vested = 0;
  schedule.yearlyBps.forEach((bps, year) => {
    for (let period = 1; period <= periodsPerYear; period++) {
      scheduled += BigInt(bps);
      const month = year * 12 + period * periodMonths;
      if (month < schedule.cliffMonths) continue;
      const cumulative = Number((BigInt(grant) * scheduled) / denominator);
      if (cumulative > vested || month === schedule.cliffMonths) {
        events.push({ month, amount: cumulative - vested, cumulative });
        vested = cumulative;
      }
    }
  });
  return events;
}

/** Amount vesting in each year of the schedule (year 1 = months 1–12). */
export function vestedPerYear(grant: number, schedule: VestingSchedule): number[] {
  const years = schedule.yearlyBps.map(() => 0);
  for (const event of vestingEvents(grant, schedule)) {
    const year = Math.ceil(event.month / 12) - 1;
    years[year] = (years[year] ?? 0) + event.amount;
  }
  return years;
}

/** Value of the equity vesting each year, in minor units, at the grant's reference price. */
export function equityValuePerYear(equity: Equity, schedule: VestingSchedule): number[] {
  if (equity.kind === 'value') return vestedPerYear(equity.valueCents, schedule);
  return vestedPerYear(equity.units, schedule).map((units) => units * equity.referencePriceCents);
}

export function equityGrantValue(equity: Equity): number {
  return equity.kind === 'value' ? equity.valueCents : equity.units * equity.referencePriceCents;
}
