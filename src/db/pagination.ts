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

export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => [string, string]) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(...keyOf(last)) : null };
}
