import type { Span } from './text.js';

/**
 * Dates as resumes write them: "May 2026", "Jun. 2026", "2026.06", "2026-06", "06/2026",
 * "2026年6月", a bare year, and "Present" / "至今" for an open end. Months are 1-12; a bare year has
 * no month.
 */
export interface DateMention extends Span {
  year: number;
  month: number | null;
  present?: true;
}

export const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
export const MONTH_NAME =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
export const monthOf = (name: string) => MONTHS[name.slice(0, 3).toLowerCase()] ?? null;

const PATTERNS: [RegExp, (m: RegExpExecArray) => { year: number; month: number | null } | null][] = [
  [
    new RegExp(`\\b(${MONTH_NAME})\\.?,?\\s*(?:\\d{1,2}(?:st|nd|rd|th)?,?\\s*)?(\\d{4}|['’]\\d{2})\\b`, 'gi'),
    (m) => ({ year: yearOf(m[2]!), month: monthOf(m[1]!) }),
  ],
  [/(?<!\d)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月/g, (m) => ym(Number(m[1]), Number(m[2]))],
  [
    /(?<![\d.])((?:19|20)\d{2})[./-](\d{1,2})(?:[./-]\d{1,2})?(?![\d])/g,
    (m) => ym(Number(m[1]), Number(m[2])),
  ],
  [/(?<![\d./])(\d{1,2})\s*\/\s*((?:19|20)\d{2})(?!\d)/g, (m) => ym(Number(m[2]), Number(m[1]))],
  [/(?<![\d.])((?:19|20)\d{2})(?:\s*年)?(?![\d])/g, (m) => ({ year: Number(m[1]), month: null })],
];

function yearOf(text: string) {
  const digits = text.replace(/['’]/, '');
  return digits.length === 2 ? 2000 + Number(digits) : Number(digits);
}
function ym(year: number, month: number) {
  return month >= 1 && month <= 12 ? { year, month } : null;
}

const PRESENT = /\b(?:present|now|current|today|ongoing)\b|至今|现在|今/gi;

/** Every date in the text, earliest offset first, overlapping forms resolved to the longest. */
export function findDates(text: string): DateMention[] {
  const found: DateMention[] = [];
  for (const [pattern, read] of PATTERNS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const value = read(m);
      if (!value) continue;
      const span = { start: m.index, end: m.index + m[0].length };
      if (found.some((f) => f.start < span.end && span.start < f.end)) continue;
      found.push({ ...span, ...value });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

export interface DateRange extends Span {
  from: DateMention;
  to: DateMention;
}

const JOIN = /^\s*(?:-|–|—|~|～|to|until|through|至|到|—)\s*$/i;

/** Two dates joined by a dash, "to" or 至 — or a date and "Present" — make a range. */
export function findRanges(text: string): DateRange[] {
  const dates = findDates(text);
  const out: DateRange[] = [];
  for (let i = 0; i < dates.length; i++) {
    const from = dates[i]!;
    const next = dates[i + 1];
    if (next && JOIN.test(text.slice(from.end, next.start))) {
      out.push({ start: from.start, end: next.end, from, to: next });
      i++;
      continue;
    }
    PRESENT.lastIndex = from.end;
    const present = PRESENT.exec(text);
    if (present && JOIN.test(text.slice(from.end, present.index))) {
      const to: DateMention = {
        start: present.index,
        end: present.index + present[0].length,
        year: 9999,
        month: 12,
        present: true,
      };
      out.push({ start: from.start, end: to.end, from, to });
    }
  }
  return out;
}

/** Months since year 0, for comparing; a bare year counts as its middle unless told otherwise. */
export function monthIndex(d: { year: number; month: number | null }, bareYearMonth = 6): number {
  return d.year * 12 + ((d.month ?? bareYearMonth) - 1);
}

export const describe = (d: { year: number; month: number | null; present?: true }) =>
  d.present ? 'present' : d.month ? `${d.year}-${String(d.month).padStart(2, '0')}` : String(d.year);
