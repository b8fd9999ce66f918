// What every kind of import plans per row: the row as the preview shows it, and the write to make.

import type { ImportRow } from '../../api/contract.ts';

export interface PlannedRow<A> {
  row: ImportRow;
  /** The write for a new or updated row; null for unchanged and rejected rows. */
  action: A | null;
}

/**
 * Rejects every row whose key appears on more than one row of the file, naming the other rows:
 * with two candidates for one record the file itself has to say which is right.
 */
export function markDuplicates<A>(rows: (PlannedRow<A> & { key: string | null })[], what: string): void {
  const lines = new Map<string, number[]>();
  for (const r of rows) {
    if (r.key === null) continue;
    const l = lines.get(r.key);
    if (l) l.push(r.row.line);
    else lines.set(r.key, [r.row.line]);
  }
  for (const r of rows) {
    const l = r.key === null ? undefined : lines.get(r.key);
    if (!l || l.length < 2) continue;
    const others = l.filter((n) => n !== r.row.line);
    const listed = others.slice(0, 10).join(', ') + (others.length > 10 ? ` and ${others.length - 10} more` : '');
    reject(r, `${what} (also row${others.length > 1 ? 's' : ''} ${listed}).`);
  }
}

export function reject<A>(r: PlannedRow<A>, reason: string): void {
  r.row.reasons.push(reason);
  r.row.status = 'rejected';
  r.row.changes = [];
  r.action = null;
}
