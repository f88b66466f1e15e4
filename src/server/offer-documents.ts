import fs from 'node:fs';
import path from 'node:path';
import Mustache from 'mustache';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { OfferTerms } from '../contracts/offer-terms.js';
import type { CompensationView } from '../core/offers/compensation.rules.js';
import { templatesRoot } from './templates.js';

const letterTemplate = fs.readFileSync(path.join(templatesRoot, 'offer-letter', 'default.html'), 'utf8');

/** Display only: all arithmetic happened before, in integer minor units. */
export function formatMoney(cents: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 2 }).format(
    cents / 100,
  );
}

export interface LetterData {
  company: string;
  candidateName: string;
  jobTitle: string;
  teamName: string;
  vestingScheduleName: string;
  issuedOn: Date;
  terms: OfferTerms;
  view: CompensationView;
}

function letterFields(d: LetterData) {
  const money = (cents: number) => formatMoney(cents, d.terms.currency);
  const { terms } = d;
  const equity =
    terms.equity.kind === 'units'
      ? `${terms.equity.units.toLocaleString('en-US')} units (${money(terms.equity.units * terms.equity.referencePriceCents)} at ${money(terms.equity.referencePriceCents)} a unit)`
      : money(terms.equity.valueCents);
  const hasEquity = terms.equity.kind === 'units' ? terms.equity.units > 0 : terms.equity.valueCents > 0;
  return {
    company: d.company,
    candidateName: d.candidateName,
    jobTitle: d.jobTitle,
    teamName: d.teamName,
    level: terms.level,
    location: terms.location,
    startDate: terms.startDate,
    issuedOn: d.issuedOn.toISOString().slice(0, 10),
    expiresAt: terms.expiresAt.slice(0, 10),
    baseSalary: money(terms.baseSalaryCents),
    signOn: terms.signOn.amountCents > 0 ? money(terms.signOn.amountCents) : null,
    signOnInstalments: terms.signOn.instalments > 1 ? terms.signOn.instalments : null,
    clawbackMonths: terms.signOn.clawbackMonths || null,
    bonus:
      terms.targetBonusBps > 0 ? `${(terms.targetBonusBps / 100).toFixed(2).replace(/\.00$/, '')}%` : null,
    equity: hasEquity ? equity : null,
    vestingSchedule: d.vestingScheduleName,
    years: d.view.years.map((y) => ({
      year: y.year,
      base: money(y.baseCents),
      signOn: money(y.signOnCents),
      bonus: money(y.bonusCents),
      equity: money(y.equityCents),
      total: money(y.totalCents),
    })),
    totals: {
      base: money(d.view.totals.baseCents),
      signOn: money(d.view.totals.signOnCents),
      bonus: money(d.view.totals.bonusCents),
      equity: money(d.view.totals.equityCents),
      total: money(d.view.totals.totalCents),
    },
  };
}

export function offerLetterHtml(d: LetterData): string {
  return Mustache.render(letterTemplate, letterFields(d));
}

// The standard PDF fonts cover Latin-1 only; other characters print as '?' rather than failing.
const latin1 = (text: string) => text.replace(/[^\x20-\x7E\xA0-\xFF]/g, '?');

/** The record of a signature printed under a signed letter. */
export interface LetterSignature {
  typedName: string;
  signedAt: string;
  address: string | null;
  letterSha256: string;
}

/** The letter as a PDF; with a signature, the letter followed by the record of its signing. */
export async function offerLetterPdf(d: LetterData, signature?: LetterSignature): Promise<Uint8Array> {
  const f = letterFields(d);
  const pdf = await PDFDocument.create();
  pdf.setTitle(latin1(`Offer of employment - ${d.candidateName}`));
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const page = pdf.addPage([595, 842]);
  let y = 790;
  const line = (text: string, options: { size?: number; strong?: boolean; x?: number } = {}) => {
    page.drawText(latin1(text), {
      x: options.x ?? 56,
      y,
      size: options.size ?? 11,
      font: options.strong ? bold : font,
    });
  };
  const next = (gap = 16) => {
    y -= gap;
  };
  line(`${f.company} - ${f.issuedOn}`);
  next(30);
  line('Offer of employment', { size: 18, strong: true });
  next(28);
  line(`Dear ${f.candidateName},`);
  next(20);
  line(`We are delighted to offer you the position of ${f.jobTitle} (${f.level})`);
  next();
  line(`on the ${f.teamName} team, based in ${f.location}, starting on ${f.startDate}.`);
  next(24);
  const items = [
    `Base salary: ${f.baseSalary} a year.`,
    f.signOn &&
      `Sign-on bonus: ${f.signOn}${f.signOnInstalments ? `, in ${f.signOnInstalments} yearly instalments` : ''}.`,
    f.bonus && `Target annual bonus: ${f.bonus} of base salary.`,
    f.equity && `Equity: ${f.equity}.`,
    f.equity && `Vesting: ${f.vestingSchedule}.`,
  ].filter((item): item is string => Boolean(item));
  for (const item of items) {
    line(`- ${item}`);
    next();
  }
  next(14);
  line('Your pay, year by year', { size: 13, strong: true });
  next(20);
  const columns = [56, 110, 200, 280, 370, 470];
  const header = ['Year', 'Base', 'Sign-on', 'Bonus', 'Equity', 'Total'];
  header.forEach((h, i) => {
    line(h, { x: columns[i], strong: true });
  });
  next();
  for (const row of [
    ...f.years.map((r) => ({ ...r, year: String(r.year) })),
    { ...f.totals, year: '4 years' },
  ]) {
    [row.year, row.base, row.signOn, row.bonus, row.equity, row.total].forEach((cell, i) => {
      line(cell, { x: columns[i] });
    });
    next();
  }
  next(14);
  if (!signature) {
    line(`This offer expires on ${f.expiresAt}. To accept it, sign in to your candidate portal.`);
    return pdf.save();
  }
  next(14);
  line('Signed electronically', { size: 13, strong: true });
  next(20);
  for (const text of [
    `Signed by: ${signature.typedName}`,
    `On: ${signature.signedAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC')}`,
    `From address: ${signature.address ?? 'not known'}`,
    'SHA-256 of the offer letter (HTML) that was signed:',
    signature.letterSha256,
  ]) {
    line(text);
    next();
  }
  return pdf.save();
}

const palette = ['#1f6feb', '#d4a72c', '#2da44e', '#bf3989'];

/**
 * Stacked bars per year and offer (cash below, equity above) so the year-1 dip of a
 * back-weighted grant shows at a glance. Plain SVG, readable without scripts, titled for screen readers.
 */
export function compensationChartSvg(
  columns: { label: string; currency: string; years: CompensationView['years'] }[],
): string {
  const width = 720;
  const height = 360;
  const left = 80;
  const bottom = 300;
  const top = 40;
  const max = Math.max(1, ...columns.flatMap((c) => c.years.map((y) => y.totalCents)));
  const years = columns[0]?.years.length ?? 0;
  const groupWidth = (width - left - 20) / Math.max(1, years);
  const barWidth = Math.min(48, (groupWidth - 16) / Math.max(1, columns.length));
  const scale = (cents: number) => ((bottom - top) * cents) / max;
  const escapeXml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const bars: string[] = [];
  columns.forEach((column, ci) => {
    column.years.forEach((y, yi) => {
      const x = left + yi * groupWidth + 8 + ci * barWidth;
      const cash = scale(y.cashCents);
      const equity = scale(y.equityCents);
      const label = `${escapeXml(column.label)}, year ${y.year}: ${formatMoney(y.totalCents, column.currency)} (${formatMoney(y.cashCents, column.currency)} cash, ${formatMoney(y.equityCents, column.currency)} equity)`;
      bars.push(
        `<g><title>${label}</title>` +
          `<rect x="${x.toFixed(1)}" y="${(bottom - cash).toFixed(1)}" width="${(barWidth - 4).toFixed(1)}" height="${cash.toFixed(1)}" fill="${palette[ci % palette.length]}"/>` +
          `<rect x="${x.toFixed(1)}" y="${(bottom - cash - equity).toFixed(1)}" width="${(barWidth - 4).toFixed(1)}" height="${equity.toFixed(1)}" fill="${palette[ci % palette.length]}" fill-opacity="0.45"/></g>`,
      );
    });
  });
  const yearLabels = Array.from(
    { length: years },
    (_, i) =>
      `<text x="${(left + i * groupWidth + groupWidth / 2).toFixed(1)}" y="${bottom + 20}" text-anchor="middle">Year ${i + 1}</text>`,
  );
  const legend = columns.map(
    (c, i) =>
      `<rect x="${left + i * 170}" y="10" width="12" height="12" fill="${palette[i % palette.length]}"/><text x="${left + i * 170 + 18}" y="21">${escapeXml(c.label)}</text>`,
  );
  const axis = [0, 0.5, 1].map(
    (f) =>
      `<text x="${left - 8}" y="${(bottom - (bottom - top) * f + 4).toFixed(1)}" text-anchor="end">${formatMoney(Math.round(max * f), columns[0]?.currency ?? 'USD').replace(/\.\d+$/, '')}</text>` +
      `<line x1="${left}" x2="${width - 20}" y1="${(bottom - (bottom - top) * f).toFixed(1)}" y2="${(bottom - (bottom - top) * f).toFixed(1)}" stroke="#ddd"/>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="t d" font-family="system-ui, sans-serif" font-size="12">`,
    '<title id="t">Total compensation by year</title>',
    `<desc id="d">Solid: cash (base, bonus at target, sign-on). Light: equity vesting that year.</desc>`,
    ...axis,
    ...bars,
    ...yearLabels,
    ...legend,
    `<text x="${left}" y="${height - 12}" fill="#555">Solid: cash. Light: equity vesting in the year.</text>`,
    '</svg>',
  ].join('\n');
}
