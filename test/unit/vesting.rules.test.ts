import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { VestingSchedule } from '../../src/contracts/offer-terms.js';
import { compensationByYear, splitEvenly } from '../../src/core/offers/compensation.rules.js';
import { vestedPerYear, vestingEvents } from '../../src/core/offers/vesting.rules.js';

const schedule = (
  yearlyBps: number[],
  cliffMonths: 0 | 12,
  frequency: VestingSchedule['frequency'],
): VestingSchedule => ({
  key: 'k',
  name: 'n',
  yearlyBps,
  cliffMonths,
  frequency,
});
const backWeighted = schedule([1500, 2500, 2500, 3500], 12, 'quarterly');
const even = schedule([2500, 2500, 2500, 2500], 12, 'monthly');
const evenNoCliff = schedule([2500, 2500, 2500, 2500], 0, 'monthly');
const frontLight = schedule([500, 1500, 4000, 4000], 12, 'quarterly');

describe('vesting', () => {
  it('R-OFFER-2: 15/25/25/35 with a cliff vests 15% at month 12, then a quarter of each year every quarter', () => {
    const events = vestingEvents(10_000, backWeighted);
    expect(events[0]).toEqual({ month: 12, amount: 1500, cumulative: 1500 });
    expect(events.slice(1, 5).map((e) => [e.month, e.amount])).toEqual([
      [15, 625],
      [18, 625],
      [21, 625],
      [24, 625],
    ]);
    expect(events.at(-1)).toEqual({ month: 48, amount: 875, cumulative: 10_000 });
    expect(vestedPerYear(10_000, backWeighted)).toEqual([1500, 2500, 2500, 3500]);
  });

  it('R-OFFER-2: even 25×4 monthly with and without a cliff; 5/15/40/40', () => {
    expect(vestingEvents(4800, even)[0]).toEqual({ month: 12, amount: 1200, cumulative: 1200 });
    expect(vestingEvents(4800, even)).toHaveLength(37);
    expect(vestingEvents(4800, evenNoCliff)[0]).toEqual({ month: 1, amount: 100, cumulative: 100 });
    expect(vestingEvents(4800, evenNoCliff)).toHaveLength(48);
    expect(vestedPerYear(4800, even)).toEqual([1200, 1200, 1200, 1200]);
    expect(vestedPerYear(1000, frontLight)).toEqual([50, 150, 400, 400]);
  });

  it('R-OFFER-2: odd unit counts round each date down and the last date takes the rest', () => {
    // 7 units over 48 months: 7 × 1/48 is below one share until month 7.
    const events = vestingEvents(7, evenNoCliff);
    expect(events.map((e) => e.month)).toEqual([7, 14, 21, 28, 35, 42, 48]);
    expect(events.every((e) => e.amount === 1)).toBe(true);
    expect(vestedPerYear(1001, backWeighted)).toEqual([150, 250, 250, 351]);
    expect(vestingEvents(0, backWeighted)).toEqual([{ month: 12, amount: 0, cumulative: 0 }]);
  });

  it('R-OFFER-2: for any grant and schedule, vested amounts are whole, never negative, and sum to the grant', () => {
    const schedules = fc
      .tuple(
        fc.array(fc.nat(10_000), { minLength: 1, maxLength: 6 }),
        fc.constantFrom<0 | 12>(0, 12),
        fc.constantFrom<VestingSchedule['frequency']>('monthly', 'quarterly', 'annual'),
      )
      .map(([weights, cliff, frequency]) => {
        const total = weights.reduce((a, b) => a + b, 0) || 1;
        const bps = weights.map((w) => Math.floor((w * 10_000) / total));
        bps[0]! += 10_000 - bps.reduce((a, b) => a + b, 0);
        return schedule(bps, cliff, frequency);
      });
    fc.assert(
      fc.property(fc.nat(2_000_000_000), schedules, (grant, s) => {
        const events = vestingEvents(grant, s);
        expect(events.reduce((sum, e) => sum + e.amount, 0)).toBe(grant);
        for (const e of events) {
          expect(Number.isInteger(e.amount)).toBe(true);
          expect(e.amount).toBeGreaterThanOrEqual(0);
          expect(e.month).toBeGreaterThanOrEqual(s.cliffMonths);
        }
        expect(vestedPerYear(grant, s).reduce((a, b) => a + b, 0)).toBe(grant);
      }),
      { numRuns: 500 },
    );
  });
});

describe('compensation', () => {
  const offer = {
    currency: 'USD',
    baseSalaryCents: 200_000_00,
    signOn: { amountCents: 50_000_00, instalments: 2 },
    targetBonusBps: 1500,
    equity: { kind: 'value' as const, valueCents: 400_000_00 },
  };

  it('R-OFFER-3: a back-weighted grant gives less year-1 pay than an even one of the same size', () => {
    const back = compensationByYear(offer, backWeighted);
    const flat = compensationByYear(offer, even);
    expect(back.years.map((y) => y.equityCents)).toEqual([60_000_00, 100_000_00, 100_000_00, 140_000_00]);
    expect(flat.years.map((y) => y.equityCents)).toEqual([100_000_00, 100_000_00, 100_000_00, 100_000_00]);
    expect(back.years[0]!.totalCents).toBe(200_000_00 + 25_000_00 + 30_000_00 + 60_000_00);
    expect(flat.years[0]!.totalCents - back.years[0]!.totalCents).toBe(40_000_00);
    expect(back.totals.totalCents).toBe(flat.totals.totalCents);
    expect(back.totals).toMatchObject({
      baseCents: 800_000_00,
      signOnCents: 50_000_00,
      bonusCents: 120_000_00,
    });
  });

  it('R-OFFER-1: units at a reference price, sign-on in instalments, bonus rounded down to the cent', () => {
    const view = compensationByYear(
      {
        ...offer,
        baseSalaryCents: 123_456_78,
        targetBonusBps: 1_333,
        signOn: { amountCents: 10_001, instalments: 3 },
        equity: { kind: 'units', units: 1001, referencePriceCents: 150_00 },
      },
      backWeighted,
    );
    expect(view.years.map((y) => y.signOnCents)).toEqual([3335, 3333, 3333, 0]);
    expect(view.years[0]!.bonusCents).toBe(Math.floor((123_456_78 * 1333) / 10_000));
    expect(view.years.map((y) => y.equityCents)).toEqual([
      150 * 150_00,
      250 * 150_00,
      250 * 150_00,
      351 * 150_00,
    ]);
    expect(splitEvenly(100, 3)).toEqual([34, 33, 33]);
  });
});
