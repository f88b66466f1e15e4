import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/**
 * Text helpers for the local matcher. Every function keeps character offsets into the ORIGINAL
 * resume text: `fold` changes case and width one character for one character, so a match found in
 * the folded text is at the same place in the original.
 */

let jieba: Jieba | undefined;
/** The dictionary is ~5 MB and takes a moment to load, so it is loaded once, on first use. */
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
export const hasCjk = (s: string) => CJK.test(s);

/** Lower case and half-width ASCII, one UTF-16 unit for one, so offsets never move. */
export function fold(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    let c = ch;
    if (code >= 0xff01 && code <= 0xff5e) c = String.fromCharCode(code - 0xfee0);
    else if (code === 0x3000) c = ' ';
    const lower = c.toLowerCase();
    out += lower.length === ch.length ? lower : ch.length === c.length ? c : ch;
  }
  return out;
}

export interface Span {
  start: number;
  end: number;
}

/** The resume cut into passages: lines, and long lines cut again at sentence ends. */
export function passagesOf(text: string): Span[] {
  const out: Span[] = [];
  const line = /[^\n\r]+/g;
  for (let m = line.exec(text); m; m = line.exec(text)) {
    const base = m.index;
    const sentences = m[0].length > 240 ? splitSentences(m[0]) : [{ start: 0, end: m[0].length }];
    for (const s of sentences) {
      const trimmed = trimSpan(text, base + s.start, base + s.end);
      if (trimmed.end - trimmed.start >= 2) out.push(trimmed);
    }
  }
  return out;
}

function splitSentences(line: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const end = /(?:[.!?;](?=\s)|[。；！？])/g;
  for (let m = end.exec(line); m; m = end.exec(line)) {
    out.push({ start, end: m.index + m[0].length });
    start = m.index + m[0].length;
  }
  if (start < line.length) out.push({ start, end: line.length });
  return out;
}

/** Drops leading bullets and surrounding blanks from a span. */
export function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /[\s•·●▪◦*\-–—>|]/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}

const STOP = new Set(
  `a an the and or of in on at to for with by from as is are be been being this that these those it its
  at least one more such e.g etc any all our your their we you they i me my who which what than then into
  strong solid good excellent proven demonstrated ability able can will should must plus preferably
  familiar familiarity proficient proficiency knowledge understanding experience experienced years year
  skill skills working work related field fields similar equivalent other using use used well clear`
    .split(/\s+/)
    .filter(Boolean),
);
const STOP_ZH = new Set(
  '的 和 与 及 或 等 以上 熟悉 了解 掌握 精通 具备 具有 经验 能力 良好 优先 相关 至少 一 种 一种 以及 者 有 能 会 对 在 并'.split(
    ' ',
  ),
);

/** A light English stemmer: enough that "databases", "database" and "systems", "system" meet. */
export function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ed') && !word.endsWith('eed')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us'))
    return word.slice(0, -1);
  return word;
}

export interface Token extends Span {
  /** Folded and stemmed. */
  term: string;
}

/** Words of a text, with offsets: Latin words by pattern, Chinese runs by jieba. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const folded = fold(text.slice(from, to));
  const out: Token[] = [];
  const word = /[a-z0-9][a-z0-9+#]*(?:[.'’][a-z0-9]+)*|[\u3400-\u9fff\uf900-\ufaff]+/g;
  for (let m = word.exec(folded); m; m = word.exec(folded)) {
    const start = from + m.index;
    if (CJK.test(m[0])) {
      const pieces = segmenter().cut(m[0], false);
      let at = 0;
      // jieba returns pieces of its input in order; if they ever do not rebuild it, fall back to characters.
      const ok = pieces.join('') === m[0];
      for (const piece of ok ? pieces : [...m[0]]) {
        out.push({ start: start + at, end: start + at + piece.length, term: piece });
        at += piece.length;
      }
    } else {
      out.push({ start, end: start + m[0].length, term: stem(m[0].replace(/['’]s$/, '')) });
    }
  }
  return out;
}

/** The words that carry meaning in a criterion, stemmed, stop words dropped. */
export function contentWords(text: string): string[] {
  const seen = new Set<string>();
  for (const t of tokenize(text)) {
    if (
      STOP.has(t.term) ||
      STOP_ZH.has(t.term) ||
      /^\d+$/.test(t.term) ||
      (t.term.length < 2 && !hasCjk(t.term))
    )
      continue;
    seen.add(t.term);
  }
  return [...seen];
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Where a term occurs, as whole words (Latin) or as a substring (Chinese, which has no spaces).
 * `exactCase` terms ("Go", "R") are matched against the original text, so the verb "go" is not Go.
 */
export function findTerm(text: string, folded: string, term: string, exactCase = false): Span[] {
  const out: Span[] = [];
  if (hasCjk(term) && !/[a-z]/i.test(term)) {
    const needle = fold(term);
    for (let i = folded.indexOf(needle); i >= 0; i = folded.indexOf(needle, i + needle.length)) {
      out.push({ start: i, end: i + needle.length });
    }
    return out;
  }
  const body = (exactCase ? term : fold(term))
    .trim()
    .split(/[\s-]+/)
    .map(escapeRe)
    .join('[\\s\\-]*');
  const plural = /[a-z]$/i.test(term) && term.length > 3 && !exactCase ? '(?:e?s)?' : '';
  const pattern = new RegExp(`(?<![A-Za-z0-9+#])${body}${plural}(?![A-Za-z0-9+#]|\\.[A-Za-z0-9])`, 'g');
  const hay = exactCase ? text : folded;
  for (let m = pattern.exec(hay); m; m = pattern.exec(hay)) {
    if (exactCase && /^\s*-?\s*to\b/i.test(hay.slice(m.index + m[0].length, m.index + m[0].length + 6)))
      continue;
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

const NEGATION =
  /(?:\b(?:no|not|never|without|lack(?:s|ing)?|unfamiliar with|none|n't)\b|没有|不熟悉|不会|不了解|未曾|未接触|无)[^.;,。；，\n]{0,30}$/i;

/** True when the words just before a match deny it ("no experience with Kubernetes", "不熟悉 Go"). */
export function isNegated(folded: string, at: number): boolean {
  const before = folded.slice(Math.max(0, at - 40), at);
  const clause = before.split(/[.;。；\n]|\bbut\b|但/).pop() ?? '';
  return NEGATION.test(clause);
}

/** The passage that holds an offset (or a span of the text around it when passages miss it). */
export function passageAt(passages: Span[], at: number): Span | undefined {
  return passages.find((p) => p.start <= at && at < p.end);
}
