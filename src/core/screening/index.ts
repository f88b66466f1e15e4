export { BLOCK as blindRedactionMark, redactForBlindReview } from './blind-redact.js';
export { criteriaFromPosting, type DerivedCriterion, type PostingJob } from './criteria-from-posting.js';
export { annotateLocally, localMatcher } from './local-matcher.js';
export type { Matcher, MatcherInput } from './matcher.port.js';
export { tierOf } from './matcher.port.js';
export { entryOf, type FamilyKey, familyKeys, familyOf, vocabularies } from './vocabulary.js';
