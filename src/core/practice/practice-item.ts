import type { PracticeKind } from '../../contracts/practice.js';
import { fail, ok } from '../shared/result.js';
import type { PracticeGrader } from './practice.port.js';

/** The practice item and the answer's language, checked: an unknown item or language names itself. */
export function checkAnswer(
  grader: PracticeGrader,
  kind: PracticeKind,
  slug: string,
  language: string | null,
) {
  const item = grader.item(kind, slug);
  if (!item) return fail('practice.unknown_item', `The practice set has no ${kind} item "${slug}".`);
  if (language !== null && !item.languages.includes(language))
    return fail('validation.failed', `language: this item is answered in ${item.languages.join(', ')}`, {
      issues: [{ field: 'body.language', message: `must be one of ${item.languages.join(', ')}` }],
    });
  return ok(item);
}
