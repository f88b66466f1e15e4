import { type ExpressionBuilder, sql } from 'kysely';
import { HAN_RUNS } from '../../contracts/han.js';
import type { DB } from '../schema.js';

export const escapeLike = (q: string) => q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The lexemes of migration 0036's `han_grams` that a text holding `q` must have: each pair of
 * neighbouring Han characters, or the character itself when it stands alone. Null without Han.
 */
export function hanQuery(q: string): string | null {
  const grams = new Set<string>();
  for (const run of q.match(HAN_RUNS) ?? []) {
    const chars = [...run];
    if (chars.length === 1) grams.add(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!);
  }
  // Han characters need no quoting inside a tsquery's single quotes.
  return grams.size ? [...grams].map((g) => `'${g}'`).join(' & ') : null;
}

/** Whether a query can use an index: three characters make a trigram, one Han character a lexeme. */
export const searchable = (q: string) => q.length >= 3 || hanQuery(q) !== null;

/**
 * A candidate's name, email or resume text holds `q`. A query with Chinese is found through the
 * Han index, then checked as a substring; any other through the trigram index on `search_text`.
 */
export function textHolds(eb: ExpressionBuilder<DB, 'candidates'>, q: string) {
  const substring = eb(sql`search_text`, 'like', `%${escapeLike(q)}%`);
  const han = hanQuery(q);
  return han ? eb.and([eb(sql`han_grams(search_text)`, '@@', sql`${han}::tsquery`), substring]) : substring;
}
