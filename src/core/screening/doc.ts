import type { Criterion, CriterionVerdict, Verdict } from '../../contracts/screening.js';
import { findTerm, fold, isNegated, passageAt, passagesOf, type Span } from './text.js';
import { entryOf, type SkillEntry } from './vocabulary.js';

/** The resume as the checks read it: passages with the section each sits in. */
export type Section = 'education' | 'experience' | 'projects' | 'skills' | 'availability' | 'other';
export interface Doc {
  text: string;
  folded: string;
  passages: (Span & { section: Section })[];
  family: string | null;
  asOf: Date;
}

// ---------------------------------------------------------------------------------------------
// The document

const HEADINGS: [RegExp, Section][] = [
  [/^(?:education|academic background|学历|教育(?:背景|经历)?)\b/i, 'education'],
  [
    /^(?:(?:work |professional |relevant )?experience|employment|work history|internships?|工作经历|实习经历|工作经验|实习经验)\b/i,
    'experience',
  ],
  [/^(?:projects?|personal projects|项目经历|项目经验|项目)\b/i, 'projects'],
  [/^(?:(?:technical )?skills|技能|专业技能|技术栈)\b/i, 'skills'],
  [/^(?:availability|可实习时间|实习时间|到岗时间)\b/i, 'availability'],
  [
    /^(?:summary|profile|about|awards|publications|languages|interests|个人简介|自我评价|获奖|荣誉)\b/i,
    'other',
  ],
];

export function readDoc(text: string, family: string | null, asOf: Date): Doc {
  const folded = fold(text);
  let section: Section = 'other';
  const passages = passagesOf(text).map((p) => {
    const line = text.slice(p.start, p.end);
    if (line.length <= 40) {
      const heading = HEADINGS.find(([re]) => re.test(line.replace(/[#*:：\s]+$/, '')));
      if (heading && !/\d{4}/.test(line)) section = heading[1];
    }
    return { ...p, section };
  });
  return { text, folded, passages, family, asOf };
}

export const sliceOf = (doc: Doc, s: Span) => doc.text.slice(s.start, s.end);
export const short = (s: string, n = 80) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function verdict(
  c: Criterion,
  v: Verdict,
  reason: string,
  spans: Span[],
  text: string,
): CriterionVerdict {
  const seen = new Set<string>();
  const passages = [];
  for (const s of spans) {
    const key = `${s.start}:${s.end}`;
    if (seen.has(key) || s.end <= s.start) continue;
    seen.add(key);
    passages.push({ start: s.start, end: s.end, text: text.slice(s.start, s.end) });
    if (passages.length === 5) break;
  }
  return { criterionId: c.id, verdict: v, reason, passages };
}

/** The passage holding a match, the evidence a person reads. */
export function around(doc: Doc, s: Span): Span {
  return passageAt(doc.passages, s.start) ?? s;
}

export interface Hit extends Span {
  label: string;
  form: string;
  negated: boolean;
}

export function formsOf(
  skill: string,
  family: string | null,
): { entry: SkillEntry | null; forms: [string, boolean][] } {
  const entry = entryOf(skill, family);
  if (!entry) return { entry, forms: [[skill, skill.length <= 2 && /^[A-Za-z]+$/.test(skill)]] };
  const exact = entry.exact ?? [];
  const lowered = new Set(exact.map((e) => e.toLowerCase()));
  const forms: [string, boolean][] = [...exact.map((e): [string, boolean] => [e, true])];
  for (const f of [entry.skill, ...entry.synonyms]) {
    if (!lowered.has(f.toLowerCase())) forms.push([f, false]);
  }
  return { entry, forms };
}

export function hitsOf(doc: Doc, label: string, forms: [string, boolean][]): Hit[] {
  const hits: Hit[] = [];
  for (const [form, exactCase] of forms) {
    for (const span of findTerm(doc.text, doc.folded, form, exactCase)) {
      if (hits.some((h) => h.start < span.end && span.start < h.end)) continue;
      hits.push({ ...span, label, form, negated: isNegated(doc.folded, span.start) });
    }
  }
  return hits;
}
