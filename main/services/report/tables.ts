// Tables described before suppression (which counts go where) and printed after it. A cell is a
// count's key (printed as the suppression decided) or a derived figure worked out from the
// suppressed counts (a percentage, an average, days lost...), which must itself respect them.

import type { ReportCell, ReportTable } from '../../api/contract.ts';
import type { Suppressed } from './suppression.ts';

export type CellSpec = string | ((s: Suppressed) => ReportCell);

export interface TableSpec {
  id: string;
  title: string;
  rowHeader: string;
  columns: string[];
  rows: { label: string; cells: CellSpec[]; isTotal?: boolean }[];
  note?: string | null;
  /** The suppression group whose omission hides the whole table (defaults to id). */
  group?: string;
}

export const cell = (text: string, value: number | null = null): ReportCell => ({ text, value, suppressed: null });
export const DASH = cell('–');
export const WITHHELD_CELL: ReportCell = { text: 'withheld', value: null, suppressed: 'secondary' };

export function renderTable(s: Suppressed, t: TableSpec): ReportTable {
  const omitted = s.omitted(t.group ?? t.id);
  return {
    id: t.id,
    title: t.title,
    rowHeader: t.rowHeader,
    columns: t.columns,
    rows: omitted ? [] : t.rows.map((r) => ({
      label: r.label,
      cells: r.cells.map((c) => (typeof c === 'string' ? s.count(c) : c(s))),
      isTotal: r.isTotal ?? false,
    })),
    omitted,
    note: t.note ?? null,
  };
}

/** A percentage of two counts, printed only when both are printed. */
export function percentCell(s: Suppressed, numerator: string, denominator: string): ReportCell {
  const p = s.percent(numerator, denominator);
  return { text: p.text, value: p.value, suppressed: p.value === null && p.text !== '–' ? 'secondary' : null };
}

/** A figure about a group (an average, a rate, days), printed only when the group's count is printed and not zero. */
export function groupFigure(s: Suppressed, groupKey: string, value: number | null, format: (v: number) => string): ReportCell {
  if (!s.printed(groupKey)) return WITHHELD_CELL;
  if (value === null || s.count(groupKey).value === 0) return DASH;
  return cell(format(value), value);
}

export const pct1 = (v: number): string => `${v.toFixed(1)}%`;
export const round1 = (v: number): number => Math.round(v * 10) / 10;
