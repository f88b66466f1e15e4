import { type ExpressionBuilder, sql } from 'kysely';
import { HAN_RUNS } from '../../contracts/vocabulary.js';
import type { DB } from '../schema.js';

export const escapeLike = (q: string) => q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Lexemes of migration 0036's `han_grams` that a text holding `q` must have: pairs of neighbouring
 * Han characters that cover each run of them without overlapping (the last pair of an odd run
 * overlaps the one before), or the character itself when it stands alone. Null without Han.
 * Overlapping pairs would add nothing the substring check does not, and their frequencies,
 * multiplied as if independent, make the planner expect a handful of rows where thousands match.
 */
export function hanQuery(q: string): string | null {
  const grams = new Set<string>();
  for (const run of q.match(HAN_RUNS) ?? []) {
    const chars = [...run];
    if (chars.length === 1) grams.add(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i += 2) grams.add(chars[i]! + chars[i + 1]!);
    if (chars.length > 1 && chars.length % 2 === 1) grams.add(chars.at(-2)! + chars.at(-1)!);
  }
  // Han characters need no quoting inside a tsquery's single quotes.
  return grams.size ? [...grams].map((g) => `'${g}'`).join(' & ') : null;
}

/** Whether a query can use an index: three characters make a trigram, one Han character a lexeme. */
export const searchable = (q: string) => q.length >= 3 || hanQuery(q) !== null;

/**
 * A candidate's name, email or resume text holds `q`. A query with Chinese is found through the
 * Han index and then checked as a substring with `strpos`, which no index serves: a `LIKE` would
 * draw in the trigram index too, and rows found by both indexes are checked again against both,
 * recomputing the Han lexemes of every one (four times slower for a word 25,000 resumes hold).
 * Any other query goes through the trigram index on `search_text`, and an address by its start.
 */
export function textHolds(eb: ExpressionBuilder<DB, 'candidates'>, q: string) {
  // An address is looked up by its start on the email's own index: every address shares trigrams
  // such as "com", which make a substring search read most of the table.
  if (q.includes('@')) return eb('email_normalized', 'like', `${escapeLike(q)}%`);
  const han = hanQuery(q);
  if (!han) return eb(sql`search_text`, 'like', `%${escapeLike(q)}%`);
  return eb.and([
    eb(sql`han_grams(search_text)`, '@@', sql`${han}::tsquery`),
    eb(sql`strpos(search_text, ${q.toLowerCase()})`, '>', 0),
  ]);
}
