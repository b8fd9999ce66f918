// CSV text to header and records, with papaparse (quoted cells, quoted newlines, CRLF or LF, and
// the delimiter guessed: comma, semicolon or tab). Nothing is ever evaluated: cells stay text.
// Rows are numbered as a spreadsheet shows them (the header is row 1), which is where the DT will
// look to fix a rejected row; a quoted newline does not start a new row.

import Papa from 'papaparse';

export interface CsvRecord {
  /** Spreadsheet row number. */
  line: number;
  cells: string[];
  /** A problem with the row's structure (e.g. an unclosed quote), if any. */
  problem: string | null;
}

export interface ParsedCsv {
  headers: string[];
  headerLine: number;
  records: CsvRecord[];
  delimiter: string;
}

const isBlank = (cells: string[]): boolean => cells.every((c) => c.trim() === '');

export function parseCsv(text: string): ParsedCsv | null {
  // Guess the delimiter on the first rows without blank lines (a trailing blank line would spoil
  // papaparse's guess on a short file), then parse everything keeping blank lines for numbering.
  const delimiter = Papa.parse<string[]>(text, { preview: 20, skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t', '|'] }).meta.delimiter;
  const result = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter });
  const rowProblems = new Map<number, string>();
  for (const e of result.errors) {
    if (e.row === undefined || e.row === null) continue;
    if (e.code === 'MissingQuotes' || e.code === 'InvalidQuotes') rowProblems.set(e.row, 'The row has a quotation mark that is not closed, so its cells cannot be told apart.');
  }
  const rows = result.data;
  const headerIndex = rows.findIndex((r) => !isBlank(r));
  if (headerIndex < 0) return null;
  const headers = rows[headerIndex]!.map((h) => h.trim());
  const records: CsvRecord[] = [];
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const cells = rows[i]!;
    if (isBlank(cells)) continue;
    // Extra filled cells usually mean a comma inside a cell lost its quotation marks, shifting
    // every later cell into the wrong column: better to reject the row than import it misaligned.
    const extra = cells.slice(headers.length).some((c) => c.trim() !== '');
    const problem = rowProblems.get(i) ?? (extra ? 'The row has more cells than there are column headers: a comma inside a cell may be missing its quotation marks.' : null);
    records.push({ line: i + 1, cells, problem });
  }
  return { headers, headerLine: headerIndex + 1, records, delimiter: result.meta.delimiter };
}
