// The returns grid: children (rows) × subjects (columns) for one window, each cell with its grades,
// effort, comments and status as of a date; and saving a batch of cells in one transaction, every
// grade checked against the scale the child's year group uses in that window.

import type { z } from 'zod';
import { type FieldIssue, InvalidError, NotFoundError } from '../../../db/errors.ts';
import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import type { ProgressReturnsTable } from '../../../db/schema.ts';
import type { Selectable } from 'kysely';
import type {
  AssessmentWindow, Completion, GradeScale, GridCell, GridRow, ReturnDetail, ReturnsGrid, returnCellInput, SaveCellsResult,
} from '../../api/contract.ts';
import { loadSchoolCalendar, localToday } from '../calendar/index.ts';
import type { SchoolCalendar } from '../calendar/schoolDays.ts';
import {
  type ChaseRecord, chasesBy, canonicalGrade, type ChildInfo, expectedInWindow, flagFor, listGradeScales, loadChildren, loadScales, loadSla,
  loadWindow, NOT_REQUESTED, nowIso, type Scale, scaleIdFor, type SlaSettingsRow, slaInfo, stepsFromTarget, type WindowRow, yearGroupOf, yearLabel,
} from './common.ts';
import { getAssessmentWindow } from './windows.ts';

type ReturnRow = Selectable<ProgressReturnsTable>;
export type CellInput = z.output<typeof returnCellInput>;

/** Everything needed to describe a window's returns as of a date, loaded once. */
export interface WindowData {
  w: WindowRow;
  window: AssessmentWindow;
  asOf: string;
  cal: SchoolCalendar;
  sla: SlaSettingsRow;
  scales: Map<number, Scale>;
  children: ChildInfo[];
  subjects: { id: number; name: string; isCore: boolean; leaderName: string | null; leaderEmail: string | null }[];
  timetable: Map<string, { teacher_id: number; class_code: string | null }>;
  returns: ReturnRow[];
  byKey: Map<string, ReturnRow>;
  chases: Map<number, ChaseRecord[]>;
  teachers: Map<number, { name: string; email: string | null }>;
}

const key = (childId: number, subjectId: number): string => `${childId}:${subjectId}`;

export function loadWindowData(register: Register, windowId: number, asOf = localToday(), cal = loadSchoolCalendar(register)): WindowData {
  const w = loadWindow(register, windowId);
  const returns = register.all(qb.selectFrom('progress_returns').selectAll().where('window_id', '=', windowId));
  const withReturns = new Set(returns.map((r) => r.child_id));
  const today = localToday();
  const children = loadChildren(register).filter((c) => withReturns.has(c.id) || expectedInWindow(c, w.close_date, today));
  const rowIds = new Set(children.map((c) => c.id));
  const timetableRows = register.all(qb.selectFrom('timetable').selectAll()).filter((t) => rowIds.has(t.child_id));
  const used = new Set([...timetableRows.map((t) => t.subject_id), ...returns.map((r) => r.subject_id)]);
  const allSubjects = register.all(qb.selectFrom('subjects').selectAll().orderBy('is_core', 'desc').orderBy('sort_order').orderBy('name'));
  const subjects = (used.size ? allSubjects.filter((s) => used.has(s.id)) : allSubjects).map((s) => ({
    id: s.id, name: s.name, isCore: s.is_core === 1, leaderName: s.leader_name, leaderEmail: s.leader_email,
  }));
  return {
    w,
    window: getAssessmentWindow(register, windowId),
    asOf,
    cal,
    sla: loadSla(register),
    scales: loadScales(register),
    children,
    subjects,
    timetable: new Map(timetableRows.map((t) => [key(t.child_id, t.subject_id), t])),
    returns,
    byKey: new Map(returns.map((r) => [key(r.child_id, r.subject_id), r])),
    chases: chasesBy(register, 'return_id', returns.map((r) => r.id)),
    teachers: new Map(register.all(qb.selectFrom('teachers').select(['id', 'name', 'email'])).map((t) => [t.id, t])),
  };
}

export function scaleForChild(d: WindowData, child: ChildInfo): Scale {
  return d.scales.get(scaleIdFor(d.w, yearGroupOf(child, d.w.close_date)))!;
}

export function cellFor(d: WindowData, child: ChildInfo, subjectId: number): GridCell {
  const r = d.byKey.get(key(child.id, subjectId));
  const t = d.timetable.get(key(child.id, subjectId));
  const scale = scaleForChild(d, child);
  const teacherId = r?.teacher_id ?? t?.teacher_id ?? null;
  const grades = { current: r?.current_grade ?? null, target: r?.target_grade ?? null, predicted: r?.predicted_grade ?? null };
  return {
    subjectId,
    returnId: r?.id ?? null,
    timetabled: t !== undefined,
    teacherId,
    teacherName: teacherId === null ? null : d.teachers.get(teacherId)?.name ?? null,
    classCode: r ? r.class_code : t?.class_code ?? null,
    gradeScaleId: scale.id,
    ...grades,
    effort: r?.effort ?? null,
    whatWentWell: r?.what_went_well ?? null,
    evenBetterIf: r?.even_better_if ?? null,
    requestedOn: r?.requested_on ?? null,
    dueOn: r?.due_on ?? null,
    dueEstimated: r?.due_estimated === 1,
    returnedOn: r?.returned_on ?? null,
    flag: flagFor(stepsFromTarget(scale, grades)),
    ...(r ? slaInfo(d.cal, { dueOn: r.due_on, returnedOn: r.returned_on }, d.chases.get(r.id) ?? [], d.asOf, d.sla.gap) : NOT_REQUESTED),
  };
}

/** Completion of a set of returns as of a date: expected = requested or returned. */
export function completion(d: Pick<WindowData, 'cal' | 'asOf' | 'sla'>, rows: ReturnRow[]): Completion {
  let expected = 0;
  let returned = 0;
  let overdue = 0;
  let returnedLate = 0;
  for (const r of rows) {
    const isReturned = r.returned_on !== null && r.returned_on <= d.asOf;
    if (r.requested_on === null && !isReturned) continue;
    expected++;
    if (isReturned) {
      returned++;
      if (r.due_on !== null && r.returned_on! > r.due_on) returnedLate++;
    } else if (r.due_on !== null && slaInfo(d.cal, { dueOn: r.due_on, returnedOn: null }, [], d.asOf, d.sla.gap).slaStage > 0) {
      overdue++;
    }
  }
  return { expected, returned, outstanding: expected - returned, overdue, returnedLate, rate: expected ? returned / expected : null };
}

export function getReturnsGrid(register: Register, windowId: number, asOf = localToday()): ReturnsGrid {
  const d = loadWindowData(register, windowId, asOf);
  const rows: GridRow[] = d.children.map((c) => {
    const yearGroup = yearGroupOf(c, d.w.close_date);
    return {
      childId: c.id, name: c.name, initials: c.initials, yearGroup, gradeScaleId: scaleIdFor(d.w, yearGroup),
      cells: d.subjects.map((s) => cellFor(d, c, s.id)),
    };
  });
  rows.sort((a, b) => a.yearGroup - b.yearGroup);
  const usedScales = new Set(rows.map((r) => r.gradeScaleId));
  const scales: GradeScale[] = listGradeScales(register).filter((s) => usedScales.has(s.id) || s.id === d.w.grade_scale_id);
  return {
    window: d.window, asOf, subjects: d.subjects.map((s) => ({ id: s.id, name: s.name, isCore: s.isCore })), scales, rows,
    completion: completion(d, d.returns),
  };
}

export function getReturn(register: Register, id: number, asOf = localToday()): ReturnDetail {
  const r = register.one(qb.selectFrom('progress_returns').select(['window_id', 'child_id', 'subject_id']).where('id', '=', id));
  if (!r) throw new NotFoundError('That progress return');
  const d = loadWindowData(register, r.window_id, asOf);
  const child = loadChildren(register, [r.child_id])[0]!;
  const chases = register.all(qb.selectFrom('chases').select(['stage', 'chased_on', 'reply_by', 'batch_id']).where('return_id', '=', id).orderBy('chased_on'));
  return {
    id, windowId: r.window_id, childId: r.child_id, subjectId: r.subject_id, cell: cellFor(d, child, r.subject_id),
    chases: chases.map((c) => ({ stage: c.stage as 1 | 2 | 3, chasedOn: c.chased_on, replyBy: c.reply_by, batchId: c.batch_id })),
  };
}

// ---- saving cells ----------------------------------------------------------------------------

interface PreparedCell {
  index: number;
  child: ChildInfo;
  subjectId: number;
  existing: ReturnRow | undefined;
  set: Partial<Pick<ReturnRow, 'current_grade' | 'target_grade' | 'predicted_grade' | 'effort' | 'what_went_well' | 'even_better_if' | 'returned_on'>>;
}

const GRADE_FIELDS = [['current', 'current_grade', 'current grade'], ['target', 'target_grade', 'target grade'], ['predicted', 'predicted_grade', 'predicted grade']] as const;

/** Checks a batch of cells; issues name the cell (index) and field. Nothing is written. */
export function prepareCells(register: Register, d: WindowData, cells: CellInput[], today: string): { prepared: PreparedCell[]; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const prepared: PreparedCell[] = [];
  const ids = [...new Set(cells.map((c) => c.childId))];
  const children = new Map(loadChildren(register, ids).map((c) => [c.id, c]));
  const subjects = new Map(register.all(qb.selectFrom('subjects').select(['id', 'name'])).map((s) => [s.id, s.name]));
  const seen = new Set<string>();
  cells.forEach((cell, index) => {
    const at = (field: string, message: string) => issues.push({ path: ['cells', index, field], message });
    const child = children.get(cell.childId);
    const subjectName = subjects.get(cell.subjectId);
    if (!child) return at('childId', 'That child is not in the register.');
    if (!subjectName) return at('subjectId', 'That subject is not in the register.');
    const k = key(cell.childId, cell.subjectId);
    const where = `${subjectName} for ${child.initials} (${yearLabel(yearGroupOf(child, d.w.close_date))})`;
    if (seen.has(k)) return at('subjectId', `${where} appears twice in this batch.`);
    seen.add(k);
    const scale = scaleForChild(d, child);
    const set: PreparedCell['set'] = {};
    for (const [field, column, label] of GRADE_FIELDS) {
      const v = cell[field];
      if (v === undefined) continue;
      if (v === null || v === '') {
        set[column] = null;
        continue;
      }
      const g = canonicalGrade(scale, v);
      if (g === null) at(field, `${where}: the ${label} "${v.slice(0, 20)}" is not on the ${scale.name} scale (${describeScale(scale)}).`);
      else set[column] = g;
    }
    if (cell.effort !== undefined) set.effort = cell.effort;
    if (cell.whatWentWell !== undefined) set.what_went_well = cell.whatWentWell || null;
    if (cell.evenBetterIf !== undefined) set.even_better_if = cell.evenBetterIf || null;
    if (cell.returnedOn !== undefined) {
      if (cell.returnedOn !== null && cell.returnedOn > today) at('returnedOn', `${where}: a return cannot be recorded as received in the future.`);
      else set.returned_on = cell.returnedOn;
    }
    prepared.push({ index, child, subjectId: cell.subjectId, existing: d.byKey.get(k), set });
  });
  return { prepared, issues };
}

function describeScale(s: Scale): string {
  return s.grades.length <= 12 ? s.grades.join(', ') : `${s.grades[0]} to ${s.grades[s.grades.length - 1]}`;
}

/** Writes prepared cells; call inside a transaction. Returns counts. */
export function applyCells(register: Register, d: WindowData, prepared: PreparedCell[], today: string): { saved: number; markedReturned: number } {
  let saved = 0;
  let markedReturned = 0;
  const stamp = nowIso();
  for (const p of prepared) {
    const set = { ...p.set };
    const before = p.existing;
    const after = (col: keyof PreparedCell['set']) => (col in set ? set[col] : before?.[col] ?? null);
    // A teacher's assessment arriving marks the return as received, unless told otherwise.
    if (!('returned_on' in set) && before?.returned_on == null && (after('current_grade') !== null || after('predicted_grade') !== null)) {
      set.returned_on = today;
      markedReturned++;
    }
    if (before) {
      const changed = (Object.keys(set) as (keyof typeof set)[]).filter((k) => set[k] !== before[k]);
      if (changed.length === 0) continue;
      register.run(qb.updateTable('progress_returns').set({ ...set, updated_at: stamp }).where('id', '=', before.id));
      register.audit({ action: 'update', recordType: 'progress_return', recordId: before.id });
    } else {
      if (!Object.values(set).some((v) => v !== null)) continue;
      const t = d.timetable.get(key(p.child.id, p.subjectId));
      const id = register.run(qb.insertInto('progress_returns').values({
        window_id: d.w.id, child_id: p.child.id, subject_id: p.subjectId, teacher_id: t?.teacher_id ?? null, class_code: t?.class_code ?? null,
        ...set, updated_at: stamp,
      })).lastInsertRowid;
      register.audit({ action: 'create', recordType: 'progress_return', recordId: id });
    }
    saved++;
  }
  return { saved, markedReturned };
}

export function saveReturnCells(register: Register, windowId: number, cells: CellInput[], today = localToday()): SaveCellsResult {
  const counts = register.transaction(() => {
    const d = loadWindowData(register, windowId, today);
    const { prepared, issues } = prepareCells(register, d, cells, today);
    if (issues.length) {
      throw new InvalidError(`Nothing was saved. ${issues[0]!.message}${issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`, issues);
    }
    return applyCells(register, d, prepared, today);
  });
  const d = loadWindowData(register, windowId, today);
  const children = new Map(d.children.map((c) => [c.id, c]));
  const touched = cells.flatMap((c) => {
    const child = children.get(c.childId);
    return child ? [{ ...cellFor(d, child, c.subjectId), childId: c.childId }] : [];
  });
  return { ...counts, cells: touched, completion: completion(d, d.returns) };
}
