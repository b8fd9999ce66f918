// Writing CSV that is safe to open in a spreadsheet. A cell starting with = + - @ (or a tab or
// carriage return) can be run as a formula by Excel or LibreOffice ("CSV injection"), so such text
// cells get a leading apostrophe, which spreadsheets show as plain text. Numbers are written as
// numbers and left alone. UTF-8 with a BOM (so Excel reads accents and £) and CRLF line endings.

export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet would run as a formula, made inert. */
export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const safe = neutraliseCell(v);
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(headers: string[], rows: CsvValue[][]): string {
  return [headers, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The bytes to save: a UTF-8 byte-order mark, then the CSV. */
export function csvBytes(headers: string[], rows: CsvValue[][]): Buffer {
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(toCsv(headers, rows), 'utf8')]);
}
