import type { Equity, VestingSchedule } from '../../contracts/offer-terms.js';
import { equityValuePerYear } from './vesting.rules.js';

export interface PayTerms {
  currency: string;
  baseSalaryCents: number;
  signOn: { amountCents: number; instalments: number };
  targetBonusBps: number;
  equity: Equity;
}

export interface CompensationYear {
  year: number;
  baseCents: number;
  signOnCents: number;
  bonusCents: number;
  equityCents: number;
  cashCents: number;
  totalCents: number;
}

export interface CompensationView {
  currency: string;
  years: CompensationYear[];
  totals: Omit<CompensationYear, 'year'>;
}

/** Splits an amount into n whole-cent parts; the first part takes the remainder. */
export function splitEvenly(amount: number, parts: number): number[] {
  const share = Math.floor(amount / parts);
  return Array.from({ length: parts }, (_, i) => (i === 0 ? amount - share * (parts - 1) : share));
}

/**
 * R-OFFER-3: year-by-year pay for years 1–4. Base stays flat, the bonus is paid at target
 * (rounded down to the cent), sign-on instalments fall in the first years, equity vests per its
 * schedule at the grant's reference price. All integer minor units.
 */
export function compensationByYear(terms: PayTerms, schedule: VestingSchedule, years = 4): CompensationView {
  const signOn = splitEvenly(terms.signOn.amountCents, terms.signOn.instalments);
  const equity = equityValuePerYear(terms.equity, schedule);
  const bonus = Math.floor((terms.baseSalaryCents * terms.targetBonusBps) / 10_000);
  const rows = Array.from({ length: years }, (_, i): CompensationYear => {
    const baseCents = terms.baseSalaryCents;
    const signOnCents = signOn[i] ?? 0;
    const equityCents = equity[i] ?? 0;
    const cashCents = baseCents + signOnCents + bonus;
    return {
      year: i + 1,
      baseCents,
      signOnCents,
      bonusCents: bonus,
      equityCents,
      cashCents,
      totalCents: cashCents + equityCents,
    };
  });
  const sum = (key: keyof Omit<CompensationYear, 'year'>) => rows.reduce((total, row) => total + row[key], 0);
  return {
    currency: terms.currency,
    years: rows,
    totals: {
      baseCents: sum('baseCents'),
      signOnCents: sum('signOnCents'),
      bonusCents: sum('bonusCents'),
      equityCents: sum('equityCents'),
      cashCents: sum('cashCents'),
      totalCents: sum('totalCents'),
    },
  };
}
