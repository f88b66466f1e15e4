import type { Criterion, CriterionVerdict } from '../../contracts/screening.js';
import { type DateMention, describe, findDates, findRanges, monthIndex } from './dates.js';
import { around, type Doc, short, sliceOf, verdict } from './doc.js';
import { findTerm, fold, isNegated, type Span } from './text.js';
import { fieldSynonyms } from './vocabulary.js';

// ---------------------------------------------------------------------------------------------
// Degrees and education

type Level = 'BS' | 'MS' | 'PhD' | 'MBA';
const LEVEL_PATTERNS: [Level, RegExp][] = [
  ['MBA', /(?<![A-Za-z])MBA(?![A-Za-z])|工商管理硕士/g],
  [
    'PhD',
    /(?<![A-Za-z])(?:Ph\.?\s?D\.?|DPhil|PHD)(?![A-Za-z])|\b[Dd]octor(?:ate|al)\b|\bdoctor of philosophy\b|博士/g,
  ],
  [
    'MS',
    /(?<![A-Za-z])(?:M\.\s?S\.?c?|MSc|MS|M\.\s?Eng\.?|MEng|M\.\s?A\.|M\.?Phil|M\.?Tech|MSCS)(?![A-Za-z])(?!\s*(?:Office|Word|Excel|Teams|Project|SQL|Access))|\b[Mm]aster(?:'s|’s|s)?(?=\s+(?:of|in|degree|program|programme|student|candidate|\())|\b[Mm]aster(?:'s|’s)|\b[Mm]asters\b|硕士|研究生/g,
  ],
  [
    'BS',
    /(?<![A-Za-z])(?:B\.\s?S\.?c?|BSc|BS|B\.\s?A\.|BA|B\.\s?Eng\.?|BEng|B\.\s?E\.|B\.?Tech|A\.B\.)(?![A-Za-z])|\b[Bb]achelor(?:'s|’s|s)?\b|\b[Uu]ndergrad(?:uate)?\b|本科|学士/g,
  ],
];

interface LevelMention extends Span {
  level: Level;
}

export function levelMentions(doc: Doc): LevelMention[] {
  const out: LevelMention[] = [];
  for (const [level, pattern] of LEVEL_PATTERNS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(doc.text); m; m = pattern.exec(doc.text)) {
      const span = { start: m.index, end: m.index + m[0].length };
      if (out.some((o) => o.start < span.end && span.start < o.end)) continue;
      if (isNegated(doc.folded, span.start)) continue;
      out.push({ ...span, level });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const LEVEL_WORDS: Record<Level, string> = { BS: "bachelor's", MS: "master's", PhD: 'PhD', MBA: 'MBA' };

function neighbours(doc: Doc, s: Span): Span[] {
  const i = doc.passages.findIndex((p) => p.start <= s.start && s.start < p.end);
  if (i < 0) return [s];
  return doc.passages.slice(Math.max(0, i - 1), i + 2);
}

export function degree(doc: Doc, c: Criterion, levels: Level[], fields: string[]): CriterionVerdict {
  const mentions = levelMentions(doc);
  const wanted = levels.map((l) => LEVEL_WORDS[l]).join(' or ');
  const matching = mentions.filter((m) => levels.includes(m.level));
  if (matching.length === 0) {
    if (mentions.length > 0) {
      const have = [...new Set(mentions.map((m) => LEVEL_WORDS[m.level]))].join(', ');
      return verdict(
        c,
        'missing',
        `degree found is ${have}, not ${wanted}`,
        mentions.map((m) => around(doc, m)),
        doc.text,
      );
    }
    return verdict(c, 'unclear', 'no degree found in the resume', [], doc.text);
  }
  if (fields.length === 0) {
    return verdict(
      c,
      'found',
      `${LEVEL_WORDS[matching[0]!.level]}: "${short(sliceOf(doc, around(doc, matching[0]!)))}"`,
      matching.map((m) => around(doc, m)),
      doc.text,
    );
  }
  const fieldForms = fields.flatMap((f) => [f, ...(fieldSynonyms[f.toLowerCase()] ?? [])]);
  for (const m of matching) {
    for (const p of neighbours(doc, m)) {
      const sub = fold(sliceOf(doc, p));
      const field = fieldForms.find(
        (f) => findTerm(sliceOf(doc, p), sub, f, f.length <= 3 && f === f.toUpperCase()).length > 0,
      );
      if (field) {
        const passages = [around(doc, m), p];
        return verdict(
          c,
          'found',
          `${LEVEL_WORDS[m.level]} in ${field}: "${short(sliceOf(doc, around(doc, m)))}"`,
          passages,
          doc.text,
        );
      }
    }
  }
  return verdict(
    c,
    'unclear',
    `${LEVEL_WORDS[matching[0]!.level]} found, but its field is not one of ${fields.join(', ')}; a person should judge whether it is related`,
    matching.map((m) => around(doc, m)),
    doc.text,
  );
}

export const SCHOOL = /\b(?:university|college|institute|school|polytechnic)\b|大学|学院|学校/i;
const GRAD = /expected|anticipated|graduat\w*|class of|预计|毕业|届/gi;
const ENROLLED =
  /currently (?:pursuing|enrolled|studying|attending|a (?:student|junior|senior|sophomore))|current(?:ly)? (?:a )?(?:student|undergraduate|graduate student)|pursuing (?:an? |my )?(?:b\.?s|m\.?s|ph\.?d|bachelor|master|degree|undergraduate)|\b(?:phd|doctoral) candidate|在读|就读于?|在校|在读生/gi;

interface Graduation {
  date: DateMention;
  passage: Span;
  explicit: boolean;
}

/** Graduation dates: "Expected May 2026", "2026年6月毕业", or the end of an education line's range. */
function graduations(doc: Doc): Graduation[] {
  const out: Graduation[] = [];
  const levels = levelMentions(doc);
  for (const p of doc.passages) {
    const line = sliceOf(doc, p);
    const isEducation =
      p.section === 'education' ||
      SCHOOL.test(line) ||
      levels.some((l) => p.start <= l.start && l.start < p.end);
    const dates = findDates(line).map((d) => ({ ...d, start: d.start + p.start, end: d.end + p.start }));
    GRAD.lastIndex = 0;
    const keys = [...line.matchAll(GRAD)].filter(
      (k) => !/^graduate (?:student|school|program)/i.test(line.slice(k.index)),
    );
    if (keys.length > 0 && dates.length > 0) {
      const at = p.start + keys[0]!.index;
      const nearest = [...dates].sort((a, b) => Math.abs(a.start - at) - Math.abs(b.start - at))[0]!;
      out.push({ date: nearest, passage: p, explicit: true });
      continue;
    }
    if (!isEducation) continue;
    const ranges = findRanges(line);
    if (ranges.length > 0) {
      const last = ranges[ranges.length - 1]!;
      out.push({
        date: { ...last.to, start: last.to.start + p.start, end: last.to.end + p.start },
        passage: p,
        explicit: false,
      });
    } else if (dates.length === 1) {
      out.push({ date: dates[0]!, passage: p, explicit: false });
    }
  }
  return out;
}

const latest = (gs: Graduation[]) =>
  [...gs].sort(
    (a, b) =>
      b.date.year - a.date.year ||
      Number(Boolean(b.date.present)) - Number(Boolean(a.date.present)) ||
      Number(b.explicit) - Number(a.explicit) ||
      (b.date.month ?? 0) - (a.date.month ?? 0),
  )[0];

export const asOfIndex = (asOf: Date) => asOf.getUTCFullYear() * 12 + asOf.getUTCMonth();

export function enrolled(doc: Doc, c: Criterion): CriterionVerdict {
  ENROLLED.lastIndex = 0;
  const said = [...doc.text.matchAll(ENROLLED)].filter((m) => !isNegated(doc.folded, m.index));
  if (said.length > 0) {
    const p = around(doc, { start: said[0]!.index, end: said[0]!.index + said[0]![0].length });
    return verdict(
      c,
      'found',
      `enrolled: "${short(sliceOf(doc, p))}"`,
      said.map((m) => around(doc, { start: m.index, end: m.index + 1 })),
      doc.text,
    );
  }
  const last = latest(graduations(doc));
  if (!last) return verdict(c, 'unclear', 'no enrolment and no graduation date found', [], doc.text);
  if (last.date.present) {
    return verdict(
      c,
      'found',
      `studying now: "${short(sliceOf(doc, last.passage))}"`,
      [last.passage],
      doc.text,
    );
  }
  const now = asOfIndex(doc.asOf);
  if (monthIndex(last.date, 12) > now) {
    return verdict(
      c,
      'found',
      `graduation ${describe(last.date)} is still ahead: "${short(sliceOf(doc, last.passage))}"`,
      [last.passage],
      doc.text,
    );
  }
  return verdict(
    c,
    'missing',
    `graduated ${describe(last.date)}, and no current studies found`,
    [last.passage],
    doc.text,
  );
}

export function graduationAfter(doc: Doc, c: Criterion, month: string): CriterionVerdict {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const wanted = y * 12 + (m - 1);
  const last = latest(graduations(doc));
  if (!last) return verdict(c, 'unclear', 'no graduation date found', [], doc.text);
  const quote = `"${short(sliceOf(doc, last.passage))}"`;
  if (last.date.present) {
    return verdict(
      c,
      'unclear',
      `studying now with no expected graduation date: ${quote}`,
      [last.passage],
      doc.text,
    );
  }
  if (last.date.month === null) {
    if (last.date.year * 12 + 11 < wanted)
      return verdict(
        c,
        'missing',
        `graduation ${last.date.year} is before ${month}: ${quote}`,
        [last.passage],
        doc.text,
      );
    if (last.date.year * 12 >= wanted)
      return verdict(
        c,
        'found',
        `graduation ${last.date.year} is after ${month}: ${quote}`,
        [last.passage],
        doc.text,
      );
    return verdict(
      c,
      'unclear',
      `graduation year ${last.date.year} without a month: ${quote}`,
      [last.passage],
      doc.text,
    );
  }
  const at = monthIndex(last.date);
  return at >= wanted
    ? verdict(
        c,
        'found',
        `graduation ${describe(last.date)} is on or after ${month}: ${quote}`,
        [last.passage],
        doc.text,
      )
    : verdict(
        c,
        'missing',
        `graduation ${describe(last.date)} is before ${month}: ${quote}`,
        [last.passage],
        doc.text,
      );
}
