import type { Criterion, CriterionVerdict } from '../../contracts/screening.js';
import { type Doc, sliceOf, verdict } from './doc.js';
import { contentWords, findTerm, fold, hasCjk, isNegated, type Span, stem, tokenize } from './text.js';
import { entriesFor, type SkillEntry } from './vocabulary.js';

/** Text retrieval: share of the criterion's key words found in the best passages. */
export const TEXT_FOUND = 0.6;
export const TEXT_UNCLEAR = 0.3;

// ---------------------------------------------------------------------------------------------
// Text: BM25 over passages

interface Concept extends Span {
  label: string;
  forms: [string, boolean][];
  weight: number;
  /** Concepts joined by "or" share a group: either one covers it. */
  group: number;
}

const GENERIC = new Set([
  'system',
  'product',
  'experience',
  'project',
  'team',
  'software',
  'scale',
  'production',
  'build',
  'previous',
]);

/** The criterion's key ideas: vocabulary phrases (with synonyms) first, then its remaining words. */
function conceptsOf(text: string, family: string | null): Concept[] {
  const concepts: Concept[] = [];
  const folded = fold(text);
  const covered: Span[] = [];
  const entries = entriesFor(family);
  const seen = new Set<SkillEntry>();
  for (const e of entries) {
    if (seen.has(e)) continue;
    for (const form of [e.skill, ...e.synonyms]) {
      if (form.length < 3 && !hasCjk(form)) continue;
      const hits = findTerm(text, folded, form).filter(
        (h) => !covered.some((c) => c.start < h.end && h.start < c.end),
      );
      if (hits.length === 0) continue;
      seen.add(e);
      covered.push(...hits);
      const exact = e.exact ?? [];
      concepts.push({
        start: hits[0]!.start,
        end: hits[0]!.end,
        group: 0,
        label: e.skill,
        forms: [
          ...exact.map((x): [string, boolean] => [x, true]),
          ...[e.skill, ...e.synonyms]
            .filter((x) => !exact.some((y) => y.toLowerCase() === x.toLowerCase()))
            .map((x): [string, boolean] => [x, false]),
        ],
        weight: 1,
      });
      break;
    }
  }
  for (const t of tokenize(text)) {
    if (covered.some((c) => c.start < t.end && t.start < c.end)) continue;
    const [word] = contentWords(text.slice(t.start, t.end));
    if (!word || concepts.some((c) => c.forms[0]![0] === word)) continue;
    concepts.push({
      start: t.start,
      end: t.end,
      group: 0,
      label: folded.slice(t.start, t.end),
      forms: [[word, false]],
      weight: GENERIC.has(word) ? 0.5 : 1,
    });
  }
  concepts.sort((a, b) => a.start - b.start);
  concepts.forEach((c, i) => {
    const prev = concepts[i - 1];
    const between = prev ? text.slice(prev.end, c.start) : '';
    c.group = prev && /^[\s,、]*(?:or|或|\/|and\/or)[\s,、]*$/i.test(between) ? prev.group : i;
  });
  return concepts;
}

export function textRetrieval(doc: Doc, c: Criterion): CriterionVerdict {
  const concepts = conceptsOf(c.text, doc.family);
  if (concepts.length === 0)
    return verdict(c, 'unclear', 'the criterion has no words to look for', [], doc.text);
  // Occurrences of each concept, by passage.
  const byPassage = doc.passages.map((p) => {
    const sub = sliceOf(doc, p);
    const f = fold(sub);
    const tf = concepts.map((concept) => {
      let n = 0;
      for (const [form, exact] of concept.forms) {
        const hits = hasCjk(form) || form.includes(' ') ? findTerm(sub, f, form, exact) : stemHits(sub, form);
        n += hits.filter((h) => !isNegated(f, h.start)).length;
      }
      return n;
    });
    return { p, tf, length: Math.max(1, tokenize(doc.text, p.start, p.end).length) };
  });
  const N = byPassage.length;
  const avg = byPassage.reduce((s, x) => s + x.length, 0) / Math.max(1, N);
  const df = concepts.map((_, i) => byPassage.filter((x) => x.tf[i]! > 0).length);
  const idf = df.map((n) => Math.log(1 + (N - n + 0.5) / (n + 0.5)));
  const k1 = 1.2;
  const b = 0.75;
  const scored = byPassage
    .map((x) => ({
      ...x,
      score: x.tf.reduce(
        (s, tf, i) =>
          s + (concepts[i]!.weight * idf[i]! * (tf * (k1 + 1))) / (tf + k1 * (1 - b + (b * x.length) / avg)),
        0,
      ),
    }))
    .filter((x) => x.score > 0)
    .sort((a, b2) => b2.score - a.score || a.p.start - b2.p.start);
  const top = scored.slice(0, 3);
  const matched = concepts.filter((_, i) => top.some((x) => x.tf[i]! > 0));
  const groups = [...new Set(concepts.map((k) => k.group))];
  const weightOf = (members: Concept[]) => Math.max(0, ...members.map((k) => k.weight));
  const total = groups.reduce((s, g) => s + weightOf(concepts.filter((k) => k.group === g)), 0);
  const covered = groups.reduce((s, g) => s + weightOf(matched.filter((k) => k.group === g)), 0);
  const coverage = covered / total;
  const words = matched.map((k) => k.label).join(', ');
  const share = `${new Set(matched.map((k) => k.group)).size} of ${groups.length} key words`;
  if (coverage >= TEXT_FOUND) {
    return verdict(
      c,
      'found',
      `${share} found (${words})`,
      top.map((x) => x.p),
      doc.text,
    );
  }
  if (coverage >= TEXT_UNCLEAR) {
    return verdict(
      c,
      'unclear',
      `only ${share} found (${words})`,
      top.map((x) => x.p),
      doc.text,
    );
  }
  const missing = concepts.map((k) => k.label).join(', ');
  return matched.length > 0
    ? verdict(
        c,
        'missing',
        `only ${share} found (${words}) of ${missing}`,
        top.map((x) => x.p),
        doc.text,
      )
    : verdict(c, 'missing', `none of the key words found (${missing})`, [], doc.text);
}

/** A single word, matched on its stem so "recommendations" meets "recommendation". */
function stemHits(sub: string, form: string): Span[] {
  const target = stem(fold(form));
  return tokenize(sub).filter((t) => t.term === target);
}
