// Attendance summaries from the MIS: one row per child per period (possible sessions, present,
// authorised and unauthorised absence, or a percentage). A row for a period already recorded for
// that child updates it; a row overlapping a different recorded period is rejected, since adding
// it would count the same days twice.

import type { Register } from '../../../db/register.ts';
import { type ImportField, type ImportRow, normaliseUpn, upnProblem } from '../../api/contract.ts';
import { formatDate, formatPercent } from '../../documents/format.ts';
import { attendancePercent } from '../children/mapping.ts';
import { parseCount, parseDate, parsePercent, takeInto } from './cells.ts';
import { cellReader, type ColumnPlan } from './columns.ts';
import type { CsvRecord } from './parse.ts';
import { initials } from './pupils.ts';
import { markDuplicates, type PlannedRow, reject } from './rows.ts';

interface Values {
  child_id: number;
  period_start: string;
  period_end: string;
  possible_sessions: number;
  present_sessions: number;
  authorised_absence: number;
  unauthorised_absence: number;
}

export type AttendanceAction = { type: 'insert'; values: Values } | { type: 'update'; id: number; values: Values };

interface Period { id: number; child_id: number; period_start: string; period_end: string; possible_sessions: number; present_sessions: number; authorised_absence: number; unauthorised_absence: number }

/** How far a given percentage may differ from present ÷ possible (MIS round to whole or one-place percentages). */
const PERCENT_TOLERANCE = 0.5;

export function planAttendance(
  register: Register, records: CsvRecord[], cols: ColumnPlan, period: { start: string; end: string } | null, today: string,
): PlannedRow<AttendanceAction>[] {
  const children = register.sqlite.prepare('SELECT id, upn, legal_first_name, legal_last_name, leaving_date FROM children WHERE upn IS NOT NULL')
    .all() as { id: number; upn: string; legal_first_name: string; legal_last_name: string; leaving_date: string | null }[];
  const byUpn = new Map(children.map((c) => [c.upn, c]));
  const periods = new Map<number, Period[]>();
  for (const p of register.sqlite.prepare('SELECT * FROM attendance_periods').all() as Period[]) {
    const list = periods.get(p.child_id);
    if (list) list.push(p);
    else periods.set(p.child_id, [p]);
  }
  const read = cellReader(cols);
  const cell = (r: CsvRecord, f: ImportField): string => read(r, f) ?? '';

  const planned = records.map((r): PlannedRow<AttendanceAction> & { key: string | null; childId: number | null; span: [string, string] | null } => {
    const reasons: string[] = [];
    const warnings: string[] = [];
    const take = takeInto(reasons);
    if (r.problem) reasons.push(r.problem);
    const upnText = normaliseUpn(cell(r, 'upn'));
    let child: (typeof children)[number] | null = null;
    if (!upnText) reasons.push('UPN is missing.');
    else {
      const problem = upnProblem(upnText);
      if (problem) reasons.push(`UPN: ${problem}`);
      else {
        child = byUpn.get(upnText) ?? null;
        if (!child) reasons.push('No child with this UPN is in the register. Import or add the child first.');
        else if (child.leaving_date !== null) reasons.push('This child has left the school: their record is read-only.');
      }
    }
    const start = take(parseDate(cell(r, 'periodStart'), 'Period start date'), null) ?? (cell(r, 'periodStart') === '' ? period?.start ?? null : null);
    const end = take(parseDate(cell(r, 'periodEnd'), 'Period end date'), null) ?? (cell(r, 'periodEnd') === '' ? period?.end ?? null : null);
    if (!start && cell(r, 'periodStart') === '') reasons.push('Period start date is missing.');
    if (!end && cell(r, 'periodEnd') === '') reasons.push('Period end date is missing.');
    if (start && end && end < start) reasons.push('The period ends before it starts.');
    if (start && start > today) reasons.push('The period starts in the future.');

    const possible = take(parseCount(cell(r, 'possibleSessions'), 'Possible sessions'), null);
    if (possible === null && cell(r, 'possibleSessions') === '') reasons.push('Possible sessions is missing.');
    let present = take(parseCount(cell(r, 'presentSessions'), 'Present sessions'), null);
    const authorised = take(parseCount(cell(r, 'authorisedAbsence'), 'Authorised absences'), null) ?? 0;
    const unauthorised = take(parseCount(cell(r, 'unauthorisedAbsence'), 'Unauthorised absences'), null) ?? 0;
    const percent = take(parsePercent(cell(r, 'attendancePercent'), 'Attendance %'), null);
    if (possible !== null) {
      if (present === null && percent === null) {
        if (cell(r, 'presentSessions') === '' && cell(r, 'attendancePercent') === '') reasons.push('Present sessions (or the attendance %) is missing.');
      } else if (present === null && percent !== null) {
        present = Math.round((possible * percent) / 100);
        warnings.push('Present sessions worked out from the attendance %.');
      } else if (present !== null && percent !== null) {
        const worked = attendancePercent(present, possible);
        if (worked !== null && Math.abs(worked - percent) > PERCENT_TOLERANCE) {
          reasons.push('The attendance % does not match present ÷ possible sessions: check the columns are mapped correctly.');
        }
      }
      if (present !== null && present + authorised + unauthorised > possible) {
        reasons.push('Present, authorised and unauthorised sessions add up to more than the possible sessions.');
      }
    }

    const shown = present !== null && possible !== null ? ` · ${formatPercent(attendancePercent(present, possible))}` : '';
    const row: ImportRow = {
      line: r.line, status: 'rejected', upn: upnText || null, childId: child?.id ?? null,
      summary: `${child ? initials(child.legal_first_name, child.legal_last_name) : '—'}${start && end ? ` · ${formatDate(start)} to ${formatDate(end)}` : ''}${shown}`,
      reasons, warnings, changes: [],
    };
    const key = child && start && end ? `${child.id}|${start}|${end}` : null;
    const result = { row, action: null as AttendanceAction | null, key, childId: child?.id ?? null, span: start && end && start <= end ? [start, end] as [string, string] : null };
    if (reasons.length || !child || !start || !end || possible === null || present === null) return result;

    const values: Values = {
      child_id: child.id, period_start: start, period_end: end, possible_sessions: possible,
      present_sessions: present, authorised_absence: authorised, unauthorised_absence: unauthorised,
    };
    const recorded = periods.get(child.id) ?? [];
    const same = recorded.find((p) => p.period_start === start && p.period_end === end);
    const clash = recorded.find((p) => p !== same && p.period_start <= end && p.period_end >= start);
    if (clash) {
      reasons.push(`This period overlaps the attendance already recorded for ${formatDate(clash.period_start)} to ${formatDate(clash.period_end)}.`);
      return result;
    }
    if (same) {
      const changes = (['possible_sessions', 'present_sessions', 'authorised_absence', 'unauthorised_absence'] as const).filter((k) => same[k] !== values[k]);
      row.changes = changes.map((k) => ({ possible_sessions: 'Possible sessions', present_sessions: 'Present sessions', authorised_absence: 'Authorised absences', unauthorised_absence: 'Unauthorised absences' })[k]);
      row.status = changes.length ? 'update' : 'unchanged';
      result.action = changes.length ? { type: 'update', id: same.id, values } : null;
      return result;
    }
    row.status = 'new';
    result.action = { type: 'insert', values };
    return result;
  });

  markDuplicates(planned, 'This child and period appear more than once in the file');
  rejectOverlapsWithinFile(planned);
  return planned;
}

/** Two different periods for one child in the same file must not overlap. */
function rejectOverlapsWithinFile(rows: (PlannedRow<AttendanceAction> & { childId: number | null; span: [string, string] | null; key: string | null })[]): void {
  const byChild = new Map<number, typeof rows>();
  for (const r of rows) {
    if (r.childId === null || r.span === null) continue;
    const list = byChild.get(r.childId);
    if (list) list.push(r);
    else byChild.set(r.childId, [r]);
  }
  for (const list of byChild.values()) {
    if (list.length < 2) continue;
    const sorted = [...list].sort((a, b) => a.span![0].localeCompare(b.span![0]));
    // Sweep in start order, keeping the row that reaches furthest: any later row starting before it ends overlaps it.
    let reach = sorted[0]!;
    for (const b of sorted.slice(1)) {
      if (b.key !== reach.key && b.span![0] <= reach.span![1]) {
        addReason(reach, `This period overlaps row ${b.row.line} for the same child.`);
        addReason(b, `This period overlaps row ${reach.row.line} for the same child.`);
      }
      if (b.span![1] > reach.span![1]) reach = b;
    }
  }
}

function addReason<A>(r: PlannedRow<A>, reason: string): void {
  if (!r.row.reasons.includes(reason)) reject(r, reason);
}

/** Writes planned attendance rows: prepared statements, inside the caller's transaction. */
export function applyAttendance(register: Register, actions: AttendanceAction[]): void {
  const db = register.sqlite;
  const insert = db.prepare(`
    INSERT INTO attendance_periods (child_id, period_start, period_end, possible_sessions, present_sessions, authorised_absence, unauthorised_absence, source)
    VALUES (@child_id, @period_start, @period_end, @possible_sessions, @present_sessions, @authorised_absence, @unauthorised_absence, 'import')`);
  const update = db.prepare(`
    UPDATE attendance_periods SET possible_sessions = @possible_sessions, present_sessions = @present_sessions,
      authorised_absence = @authorised_absence, unauthorised_absence = @unauthorised_absence, source = 'import'
    WHERE id = @id`);
  const touched = new Set<number>();
  for (const a of actions) {
    if (a.type === 'insert') insert.run(a.values);
    else update.run({ ...a.values, id: a.id });
    touched.add(a.values.child_id);
  }
  const touch = db.prepare('UPDATE children SET updated_at = ? WHERE id = ?');
  const now = new Date().toISOString();
  for (const id of touched) touch.run(now, id);
}

