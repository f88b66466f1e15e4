import type { Criterion, CriterionCheck, CriterionVerdict } from '../../contracts/screening.js';
import { around, type Doc, formsOf, type Hit, hitsOf, readDoc, sliceOf, verdict } from './doc.js';
import { degree, enrolled, graduationAfter } from './education.js';
import { weeksAvailable, yearsExperience } from './experience.js';
import type { Matcher, MatcherInput } from './matcher.port.js';
import { textRetrieval } from './retrieval.js';

/**
 * The local matcher (ADR 0025): rules and passage retrieval, no network, no model. The same resume,
 * criteria and `asOf` always give the same verdicts, and each verdict quotes the passages it rests on.
 */
export const localMatcher: Matcher = {
  name: 'hireloop-local',
  version: '1.0.0',
  async annotate(input) {
    return annotateLocally(input);
  },
};

export function annotateLocally(input: MatcherInput): CriterionVerdict[] {
  const text = input.resumeText ?? '';
  if (text.trim().length === 0) {
    return input.criteria.map((c) => verdict(c, 'unclear', 'no resume text to read', [], text));
  }
  const doc = readDoc(text, input.family, input.asOf);
  return input.criteria.map((c) => check(doc, c));
}

function check(doc: Doc, c: Criterion): CriterionVerdict {
  const checkOf: CriterionCheck = c.check;
  switch (checkOf.type) {
    case 'skills':
      return skills(doc, c, checkOf.anyOf);
    case 'degree':
      return degree(doc, c, checkOf.levels, checkOf.fields ?? []);
    case 'enrolled':
      return enrolled(doc, c);
    case 'graduation_after':
      return graduationAfter(doc, c, checkOf.month);
    case 'weeks_available':
      return weeksAvailable(doc, c, checkOf.minimum);
    case 'years_experience':
      return yearsExperience(doc, c, checkOf.minimum, checkOf.field);
    case 'text':
      return textRetrieval(doc, c);
  }
}

// ---------------------------------------------------------------------------------------------
// Skills

function skills(doc: Doc, c: Criterion, anyOf: string[]): CriterionVerdict {
  const all: Hit[] = [];
  for (const skill of anyOf) all.push(...hitsOf(doc, skill, formsOf(skill, doc.family).forms));
  const positive = all.filter((h) => !h.negated).sort((a, b) => a.start - b.start);
  if (positive.length > 0) {
    const named = [...new Set(positive.map((h) => h.label))].map((label) => {
      const h = positive.find((x) => x.label === label)!;
      const said = sliceOf(doc, h);
      return said.toLowerCase() === label.toLowerCase() ? label : `${label} (as "${said}")`;
    });
    return verdict(
      c,
      'found',
      `found ${named.join(', ')}`,
      positive.map((h) => around(doc, h)),
      doc.text,
    );
  }
  const denied = all.filter((h) => h.negated);
  if (denied.length > 0) {
    return verdict(
      c,
      'missing',
      `${[...new Set(denied.map((h) => h.label))].join(', ')} mentioned only as not known`,
      denied.map((h) => around(doc, h)),
      doc.text,
    );
  }
  return verdict(c, 'missing', `none of ${anyOf.join(', ')} found, nor their synonyms`, [], doc.text);
}
