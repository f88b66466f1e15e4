/**
 * Rows as CSV text. A text cell starting with = + - @ (or a tab or carriage return) would run as a
 * formula in a spreadsheet, so it gets a leading apostrophe (OWASP's advice for CSV injection);
 * numbers stay numbers.
 */
export function toCsv(rows: (string | number)[][]): string {
  const cell = (value: string | number) => {
    const text = typeof value === 'number' ? String(value) : value.replace(/^[=+\-@\t\r]/, "'$&");
    return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return rows.map((row) => row.map(cell).join(',')).join('\n');
}
