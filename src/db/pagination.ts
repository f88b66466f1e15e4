import { type RawBuilder, sql } from 'kysely';

/** Opaque keyset cursors: the sort value and id of the last row on the page. */
export function encodeCursor(sortValue: string, id: string): string {
  return Buffer.from(JSON.stringify([sortValue, id])).toString('base64url');
}

export function decodeCursor(
  cursor: string | undefined,
): { sortValue: string; id: string } | null | 'invalid' {
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      const [sortValue, id] = value as [string, string];
      if (/^[0-9a-f-]{36}$/i.test(id)) return { sortValue, id };
    }
  } catch {
    // fall through: anything unreadable is an invalid cursor
  }
  return 'invalid';
}

/** A cursor the API did not issue; the error handler answers 400 for the query's `cursor`. */
export class InvalidCursorError extends Error {}

/** The position after which a page starts, or null for the first page. */
export function afterCursor(cursor: string | undefined) {
  const decoded = decodeCursor(cursor);
  if (decoded === 'invalid') throw new InvalidCursorError('cursor is not one this API issued');
  return decoded;
}

/**
 * The database keeps timestamps to the microsecond and JavaScript's Date to the millisecond, so a
 * cursor made from a Date falls between rows written in the same millisecond (any row stamped by
 * `now()`): the next page repeats or skips them. A time-sorted list therefore selects its sort
 * value as the database's own text (`cursorTime`, UTC, six fraction digits), puts that text in the
 * cursor, and compares against it cast back (`afterTime`), exactly.
 */
const CURSOR_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d{1,6})?Z$/;

export function cursorTime(column: string) {
  return sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
    'cursor_time',
  );
}

/** The position after which a time-sorted page starts, its time as the database's value. */
export function afterTime(cursor: string | undefined): { time: RawBuilder<Date>; id: string } | null {
  const decoded = afterCursor(cursor);
  if (!decoded) return null;
  const seconds = CURSOR_TIME.exec(decoded.sortValue)?.[1] ?? '';
  const ms = Date.parse(`${seconds}Z`);
  // A calendar-valid time only (no 30 February, no year 0), so a forged cursor cannot fail the cast.
  if (Number.isNaN(ms) || seconds < '0001' || new Date(ms).toISOString().slice(0, 19) !== seconds)
    throw new InvalidCursorError('cursor is not one this API issued');
  return { time: sql<Date>`${decoded.sortValue}::timestamptz`, id: decoded.id };
}

export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => [string, string]) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(...keyOf(last)) : null };
}
