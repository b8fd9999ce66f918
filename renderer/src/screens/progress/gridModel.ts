// The returns grid's model, free of React: its editable columns, what a cell shows, how typed text
// becomes the value sent to saveReturnCells, and how text pasted from Excel splits into a block.

import type { GridCell } from '../../api/contract.ts';

export type EditField = 'current' | 'target' | 'predicted' | 'effort' | 'whatWentWell' | 'evenBetterIf';

export interface Column { field: EditField; label: string; long: string; wide: boolean }

export const COLUMNS: readonly Column[] = [
  { field: 'current', label: 'Current', long: 'current grade', wide: false },
  { field: 'target', label: 'Target', long: 'target grade', wide: false },
  { field: 'predicted', label: 'Predicted', long: 'predicted grade', wide: false },
  { field: 'effort', label: 'Effort', long: 'effort (1 to 4)', wide: false },
  { field: 'whatWentWell', label: 'What went well', long: 'what went well', wide: true },
  { field: 'evenBetterIf', label: 'Even better if', long: 'even better if', wide: true },
];

export const rowKeyOf = (childId: number, subjectId: number): string => `${childId}:${subjectId}`;
export const draftKeyOf = (rowKey: string, field: EditField): string => `${rowKey}:${field}`;

/** The saved value of a cell as text. */
export function savedText(cell: GridCell, field: EditField): string {
  const v = cell[field];
  return v === null || v === undefined ? '' : String(v);
}

export type Converted = { ok: true; value: string | number | null } | { ok: false; message: string };

/** Typed text → the value for saveReturnCells ('' clears). Grades are checked by the API (its own words). */
export function convert(field: EditField, raw: string): Converted {
  const text = raw.trim();
  if (field === 'effort') {
    if (!text) return { ok: true, value: null };
    const n = Number(text);
    if (!/^\d+$/.test(text) || n < 1 || n > 4) return { ok: false, message: 'Effort is 1 to 4.' };
    return { ok: true, value: n };
  }
  if (field === 'whatWentWell' || field === 'evenBetterIf') {
    if (text.length > 2000) return { ok: false, message: 'At most 2,000 characters.' };
    return { ok: true, value: text || null };
  }
  if (text.length > 20) return { ok: false, message: 'A grade is at most 20 characters.' };
  return { ok: true, value: text || null };
}

/**
 * Tab-separated text as Excel and Google Sheets put it on the clipboard: rows end with a newline,
 * cells are separated by tabs, and a cell holding a tab, newline or quote is quoted ("a ""b""").
 * The final newline Excel adds does not make an extra row.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let atCellStart = true;
  while (i < text.length) {
    const ch = text[i]!;
    if (atCellStart && ch === '"') {
      // A quoted cell: runs to the closing quote; "" is a literal quote.
      let j = i + 1;
      let value = '';
      let closed = false;
      while (j < text.length) {
        if (text[j] === '"') {
          if (text[j + 1] === '"') { value += '"'; j += 2; continue; }
          closed = true;
          j++;
          break;
        }
        value += text[j];
        j++;
      }
      if (closed && (j >= text.length || text[j] === '\t' || text[j] === '\n' || text[j] === '\r')) {
        cell = value;
        i = j;
        atCellStart = false;
        continue;
      }
      // Not a proper quoted cell: take the quote literally.
    }
    atCellStart = false;
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
    } else {
      cell += ch;
    }
    i++;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** True when pasted text is a block (more than one cell) rather than a value for one cell. */
export const isBlock = (text: string): boolean => /[\t\n\r]/.test(text.replace(/[\r\n]+$/, ''));
