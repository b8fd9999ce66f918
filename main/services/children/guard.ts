// Finding a child, and the rule that leavers' records are read-only.

import { ConflictError, type FieldIssue, InvalidError, NotFoundError } from '../../../db/errors.ts';
import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import type { ChildRow } from './mapping.ts';

export function loadChild(register: Register, id: number): ChildRow {
  const c = register.one(qb.selectFrom('children').selectAll().where('id', '=', id));
  if (!c) throw new NotFoundError('That child');
  return c;
}

export const LEAVER_READ_ONLY = 'This child has left the school, so their record is read-only. Only the Designated Teacher can undo the leaving or delete the record.';

/** The child, if their record may be changed; a Conflict for leavers. Call inside the write transaction. */
export function requireEditableChild(register: Register, id: number): ChildRow {
  const c = loadChild(register, id);
  if (c.leaving_date !== null) throw new ConflictError(LEAVER_READ_ONLY);
  return c;
}

/**
 * The id for the next new child. SQLite reuses the highest rowid after a delete, and the audit log
 * keeps entries for deleted children by id, so a new child must never take a deleted child's id:
 * otherwise the deleted child's history would show as the new child's.
 */
export function nextChildId(register: Register): number {
  const row = register.sqlite.prepare(`
    SELECT max(
      coalesce((SELECT max(id) FROM children), 0),
      coalesce((SELECT max(CAST(record_id AS INTEGER)) FROM audit_log WHERE record_type = 'child'), 0)
    ) + 1 AS next`).get() as { next: number };
  return row.next;
}

/** Marks the child as changed now (the grid and the file show "last updated"). */
export function touchChild(register: Register, id: number, at = new Date().toISOString()): void {
  register.run(qb.updateTable('children').set({ updated_at: at }).where('id', '=', id));
}

/** Throws one Invalid error carrying every issue, worded like the API's own validation. */
export function throwIfIssues(issues: FieldIssue[]): void {
  if (!issues.length) return;
  const first = issues[0]!;
  throw new InvalidError(`Please check the form. ${first.path.join('.')}: ${first.message}`, issues);
}
