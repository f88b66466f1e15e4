import type { Criterion, CriterionVerdict } from '../../contracts/screening.js';
import { findRanges, MONTH_NAME, monthIndex, monthOf } from './dates.js';
import { around, type Doc, formsOf, short, sliceOf, verdict } from './doc.js';
import { asOfIndex, levelMentions, SCHOOL } from './education.js';
import { contentWords, findTerm, fold, isNegated, type Span } from './text.js';
import { entryOf } from './vocabulary.js';

// ---------------------------------------------------------------------------------------------
// Availability

const AVAILABLE =
  /availab|commit|internship (?:period|length|duration|term)|can (?:work|intern|start|join)|free (?:from|between)|start date|实习时间|可实习|实习期|到岗|实习周期|可工作|可全职/i;
const CN_NUM: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  十二: 12,
};
const EN_NUM: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
};
const WORD_NUM = Object.keys(EN_NUM).join('|');
const num = (s: string) =>
  /^\d+(?:\.\d)?$/.test(s) ? Number(s) : (CN_NUM[s] ?? EN_NUM[s.toLowerCase()] ?? Number.NaN);

/** Weeks between the first day of one month and the last day of another (months 1-12, same or next year). */
function weeksBetween(fromMonth: number, toMonth: number, fromYear = 2001, toYear?: number): number {
  const endYear = toYear ?? (toMonth >= fromMonth ? fromYear : fromYear + 1);
  const start = Date.UTC(fromYear, fromMonth - 1, 1);
  const end = Date.UTC(endYear, toMonth, 1);
  return Math.floor((end - start) / (7 * 86_400_000));
}

interface Stated extends Span {
  weeks: number;
}

function statedWeeks(doc: Doc, p: Span): Stated[] {
  const line = sliceOf(doc, p);
  const out: Stated[] = [];
  const push = (m: RegExpMatchArray, weeks: number) => {
    if (Number.isFinite(weeks) && weeks > 0)
      out.push({ start: p.start + m.index!, end: p.start + m.index! + m[0].length, weeks });
  };
  const weeks = new RegExp(
    `\\b(\\d{1,2}|${WORD_NUM})\\s*\\+?\\s*(?:-\\s*)?(?:full[- ]time\\s+)?weeks?\\b`,
    'gi',
  );
  for (const m of line.matchAll(weeks)) push(m, num(m[1]!));
  const months = new RegExp(`\\b(\\d{1,2}|${WORD_NUM})\\s*\\+?\\s*(?:-\\s*)?months?\\b`, 'gi');
  for (const m of line.matchAll(months)) push(m, Math.floor((num(m[1]!) * 52) / 12));
  for (const m of line.matchAll(/(\d{1,2}|[一二两三四五六七八九十]+)\s*个\s*月/g))
    push(m, Math.floor((num(m[1]!) * 52) / 12));
  for (const m of line.matchAll(/(\d{1,2}|[一二两三四五六七八九十]+)\s*周/g)) push(m, num(m[1]!));
  const monthRange = new RegExp(
    `\\b(${MONTH_NAME})\\.?(?:\\s+(\\d{4}))?\\s*(?:-|–|—|~|to|through|until)\\s*(?:end of\\s+)?(${MONTH_NAME})\\.?(?:\\s+(\\d{4}))?`,
    'gi',
  );
  for (const m of line.matchAll(monthRange)) {
    const from = monthOf(m[1]!)!;
    const to = monthOf(m[3]!)!;
    const fromYear = Number(m[2] ?? m[4] ?? 2001);
    const toYear = m[4] ? Number(m[4]) : m[2] && to >= from ? fromYear : undefined;
    push(m, weeksBetween(from, to, fromYear, toYear));
  }
  for (const m of line.matchAll(/(\d{1,2})\s*月(?:份)?\s*(?:-|–|—|~|至|到)\s*(\d{1,2})\s*月/g)) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (a >= 1 && a <= 12 && b >= 1 && b <= 12) push(m, weeksBetween(a, b));
  }
  for (const r of findRanges(line)) {
    if (out.some((o) => o.start - p.start < r.end && r.start < o.end - p.start)) continue;
    if (r.to.present || r.from.month === null || r.to.month === null) continue;
    const weeks = weeksBetween(r.from.month, r.to.month, r.from.year, r.to.year);
    out.push({ start: p.start + r.start, end: p.start + r.end, weeks });
  }
  return out;
}

export function weeksAvailable(doc: Doc, c: Criterion, minimum: number): CriterionVerdict {
  const stated: (Stated & { passage: Span })[] = [];
  for (const p of doc.passages) {
    if (!(p.section === 'availability' || AVAILABLE.test(sliceOf(doc, p)))) continue;
    for (const s of statedWeeks(doc, p)) stated.push({ ...s, passage: p });
  }
  if (stated.length === 0) return verdict(c, 'unclear', 'no availability stated', [], doc.text);
  const best = [...stated].sort((a, b) => b.weeks - a.weeks)[0]!;
  const quote = `"${short(sliceOf(doc, best.passage))}"`;
  return best.weeks >= minimum
    ? verdict(
        c,
        'found',
        `available about ${best.weeks} weeks (at least ${minimum} asked): ${quote}`,
        [best.passage],
        doc.text,
      )
    : verdict(
        c,
        'missing',
        `available about ${best.weeks} weeks, fewer than ${minimum}: ${quote}`,
        stated.map((s) => s.passage),
        doc.text,
      );
}

// ---------------------------------------------------------------------------------------------
// Years of experience

const YEARS_EN = new RegExp(
  `(?:(?:over|more than|nearly|almost|about)\\s+)?\\b(\\d{1,2}(?:\\.\\d)?|${WORD_NUM})\\s*\\+?\\s*(?:years?|yrs?)(?:['’])?(?!\\s+old)(?:\\s+of)?(?:\\s+[\\w-]+){0,5}?\\s+(?:experience|exp\\b)|(?:(?:over|more than)\\s+)?\\b(\\d{1,2}|${WORD_NUM})\\s*\\+?\\s*(?:years?|yrs?)\\s+(?:building|in|of|working|as|doing|leading|running|developing|designing|shipping|managing)\\b`,
  'gi',
);
const YEARS_ZH =
  /(\d{1,2}|[一二两三四五六七八九十]+)\s*年(?:以上|多)?(?:的)?[\u4e00-\u9fffA-Za-z\s]{0,12}?(?:经验|经历|从业)/g;

function fieldForms(field: string, family: string | null): [string, boolean][] {
  const out: [string, boolean][] = [];
  const entry = entryOf(field, family);
  if (entry) out.push(...formsOf(field, family).forms);
  for (const w of contentWords(field)) if (!out.some(([f]) => f === w)) out.push([w, false]);
  return out;
}

function mentionsField(doc: Doc, spans: Span[], forms: [string, boolean][]): boolean {
  return spans.some((s) => {
    const sub = sliceOf(doc, s);
    const f = fold(sub);
    return forms.some(([form, exact]) => findTerm(sub, f, form, exact).length > 0);
  });
}

export function yearsExperience(doc: Doc, c: Criterion, minimum: number, field?: string): CriterionVerdict {
  const forms = field ? fieldForms(field, doc.family) : [];
  const what = field ? ` in ${field}` : '';
  const statements: { years: number; span: Span; onField: boolean }[] = [];
  for (const re of [YEARS_EN, YEARS_ZH]) {
    re.lastIndex = 0;
    for (const m of doc.text.matchAll(re)) {
      const years = num(m[1] ?? m[2] ?? '');
      if (!Number.isFinite(years) && !Number.isFinite(Number(m[1] ?? m[2]))) continue;
      const value = Number.isFinite(years) ? years : Number(m[1] ?? m[2]);
      if (isNegated(doc.folded, m.index)) continue;
      const p = around(doc, { start: m.index, end: m.index + m[0].length });
      statements.push({ years: value, span: p, onField: !field || mentionsField(doc, [p], forms) });
    }
  }
  const best = (list: typeof statements) => [...list].sort((a, b) => b.years - a.years)[0];
  const onField = best(statements.filter((s) => s.onField));
  if (onField && onField.years >= minimum) {
    return verdict(
      c,
      'found',
      `states ${onField.years} years${what}: "${short(sliceOf(doc, onField.span))}"`,
      [onField.span],
      doc.text,
    );
  }
  // Derived: the union of the dated roles outside education, up to `asOf` for an open end.
  const roles = datedRoles(doc);
  const relevant = field ? roles.filter((r) => mentionsField(doc, r.block, forms)) : roles;
  const months = unionMonths(relevant, asOfIndex(doc.asOf));
  const derived = Math.floor((months / 12) * 10) / 10;
  if (derived >= minimum) {
    return verdict(
      c,
      'found',
      `about ${derived} years${what} from the dated roles`,
      relevant.map((r) => r.passage),
      doc.text,
    );
  }
  const general = best(statements);
  if (field && general && general.years >= minimum && mentionsField(doc, doc.passages, forms)) {
    return verdict(
      c,
      'unclear',
      `states ${general.years} years, and ${field} appears, but not said to be ${general.years} years of it`,
      [general.span],
      doc.text,
    );
  }
  if (onField || relevant.length > 0) {
    const years = Math.max(onField?.years ?? 0, derived);
    return verdict(
      c,
      'missing',
      `about ${years} years${what}, fewer than ${minimum}`,
      [...(onField ? [onField.span] : []), ...relevant.map((r) => r.passage)],
      doc.text,
    );
  }
  if (general)
    return verdict(
      c,
      'unclear',
      `states ${general.years} years, but not${what || ' of what'}`,
      [general.span],
      doc.text,
    );
  return verdict(c, 'unclear', `no years of experience stated and no dated roles${what} found`, [], doc.text);
}

interface Role {
  from: number;
  to: number | 'present';
  passage: Span;
  block: Span[];
}

function datedRoles(doc: Doc): Role[] {
  const levels = levelMentions(doc);
  const roles: Role[] = [];
  doc.passages.forEach((p, i) => {
    const line = sliceOf(doc, p);
    if (
      p.section === 'education' ||
      SCHOOL.test(line) ||
      levels.some((l) => p.start <= l.start && l.start < p.end)
    )
      return;
    if (p.section === 'skills' || p.section === 'availability') return;
    for (const r of findRanges(line)) {
      const block = [p];
      for (let j = i + 1; j < doc.passages.length && j <= i + 4; j++) {
        const next = doc.passages[j]!;
        if (findRanges(sliceOf(doc, next)).length > 0) break;
        block.push(next);
      }
      if (i > 0) block.push(doc.passages[i - 1]!);
      roles.push({
        from: monthIndex(r.from, 1),
        to: r.to.present ? 'present' : monthIndex(r.to, 12),
        passage: p,
        block,
      });
    }
  });
  return roles;
}

function unionMonths(roles: Role[], now: number): number {
  const spans = roles
    .map((r) => [r.from, r.to === 'present' ? now : r.to + 1] as [number, number])
    .filter(([a, b]) => b > a)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = -1;
  for (const [a, b] of spans) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}
