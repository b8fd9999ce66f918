// Assessment windows per academic year, and requesting the returns for a window: one expected
// return per child on roll × subject on their timetable, due a number of school days after the
// window closes (or after the request, if that is later).

import type { z } from 'zod';
import { ConflictError, InvalidError, NotFoundError } from '../../../db/errors.ts';
import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import type { AssessmentWindow, assessmentWindowInput, RequestReturnsResult } from '../../api/contract.ts';
import { loadSchoolCalendar, localToday } from '../calendar/index.ts';
import { dueDate } from '../sla/ladder.ts';
import { expectedInWindow, loadChildren, loadScales, loadSla, loadWindow, nowIso, scaleIdFor, yearGroupOf } from './common.ts';

export function listAssessmentWindows(register: Register, f: { academicYearId?: number; id?: number } = {}): AssessmentWindow[] {
  let q = qb.selectFrom('assessment_windows')
    .innerJoin('academic_years', 'academic_years.id', 'assessment_windows.academic_year_id')
    .innerJoin('grade_scales', 'grade_scales.id', 'assessment_windows.grade_scale_id')
    .select(['assessment_windows.id', 'assessment_windows.academic_year_id', 'assessment_windows.name', 'assessment_windows.close_date',
      'assessment_windows.grade_scale_id', 'academic_years.label', 'grade_scales.name as scale_name'])
    .orderBy('assessment_windows.close_date', 'desc').orderBy('assessment_windows.id', 'desc');
  if (f.academicYearId) q = q.where('assessment_windows.academic_year_id', '=', f.academicYearId);
  if (f.id) q = q.where('assessment_windows.id', '=', f.id);
  const windows = register.all(q);
  const ids = windows.map((w) => w.id);
  const overrides = ids.length ? register.all(qb.selectFrom('assessment_window_scales').selectAll().where('window_id', 'in', ids).orderBy('year_group')) : [];
  const counts = ids.length ? register.all(qb.selectFrom('progress_returns')
    .select((eb) => ['window_id', eb.fn.countAll<number>().as('expected'), eb.fn.count<number>('returned_on').as('returned'), eb.fn.count<number>('requested_on').as('requested')])
    .where('window_id', 'in', ids).groupBy('window_id')) : [];
  const byWindow = new Map(counts.map((c) => [c.window_id, c]));
  return windows.map((w) => ({
    id: w.id, academicYearId: w.academic_year_id, academicYearLabel: w.label, name: w.name, closeDate: w.close_date,
    gradeScaleId: w.grade_scale_id, gradeScaleName: w.scale_name,
    scaleOverrides: overrides.filter((o) => o.window_id === w.id).map((o) => ({ yearGroup: o.year_group, gradeScaleId: o.grade_scale_id })),
    expected: byWindow.get(w.id)?.expected ?? 0,
    returned: byWindow.get(w.id)?.returned ?? 0,
    requested: (byWindow.get(w.id)?.requested ?? 0) > 0,
  }));
}

export function getAssessmentWindow(register: Register, id: number): AssessmentWindow {
  const w = listAssessmentWindows(register, { id })[0];
  if (!w) throw new NotFoundError('That assessment window');
  return w;
}

export function saveAssessmentWindow(register: Register, w: z.output<typeof assessmentWindowInput>): AssessmentWindow {
  const id = register.transaction(() => {
    const year = register.one(qb.selectFrom('academic_years').selectAll().where('id', '=', w.academicYearId));
    if (!year) throw InvalidError.field('academicYearId', 'That academic year is not in the register.');
    if (w.closeDate < year.start_date || w.closeDate > year.end_date) {
      throw InvalidError.field('closeDate', `The close date must fall inside the academic year ${year.label}.`);
    }
    const scales = loadScales(register);
    if (!scales.has(w.gradeScaleId)) throw InvalidError.field('gradeScaleId', 'That grade scale is not in the register.');
    const overrides = w.scaleOverrides ?? [];
    const years = new Set<number>();
    overrides.forEach((o, i) => {
      if (!scales.has(o.gradeScaleId)) throw InvalidError.field(['scaleOverrides', i, 'gradeScaleId'], 'That grade scale is not in the register.');
      if (years.has(o.yearGroup)) throw InvalidError.field(['scaleOverrides', i, 'yearGroup'], 'That year group is listed twice.');
      years.add(o.yearGroup);
    });
    const clash = register.one(qb.selectFrom('assessment_windows').select('id').where('academic_year_id', '=', w.academicYearId)
      .where('name', '=', w.name).where('id', '!=', w.id ?? -1));
    if (clash) throw InvalidError.field('name', `There is already a window called "${w.name}" in ${year.label}.`);
    const values = { academic_year_id: w.academicYearId, name: w.name, close_date: w.closeDate, grade_scale_id: w.gradeScaleId };
    let windowId = w.id;
    if (windowId) {
      if (!register.one(qb.selectFrom('assessment_windows').select('id').where('id', '=', windowId))) throw new NotFoundError('That assessment window');
      register.run(qb.updateTable('assessment_windows').set(values).where('id', '=', windowId));
      register.run(qb.deleteFrom('assessment_window_scales').where('window_id', '=', windowId));
      for (const o of overrides) register.run(qb.insertInto('assessment_window_scales').values({ window_id: windowId, year_group: o.yearGroup, grade_scale_id: o.gradeScaleId }));
      checkGradesStillFit(register, windowId);
    } else {
      windowId = register.run(qb.insertInto('assessment_windows').values(values)).lastInsertRowid;
      for (const o of overrides) register.run(qb.insertInto('assessment_window_scales').values({ window_id: windowId, year_group: o.yearGroup, grade_scale_id: o.gradeScaleId }));
    }
    register.audit({ action: w.id ? 'update' : 'create', recordType: 'assessment_window', recordId: windowId });
    return windowId;
  });
  return getAssessmentWindow(register, id);
}

/** After a window's scales change: every recorded grade must still be on its child's scale. */
function checkGradesStillFit(register: Register, windowId: number): void {
  const w = loadWindow(register, windowId);
  const scales = loadScales(register);
  const rows = register.all(qb.selectFrom('progress_returns').select(['child_id', 'current_grade', 'target_grade', 'predicted_grade']).where('window_id', '=', windowId));
  const children = new Map(loadChildren(register, [...new Set(rows.map((r) => r.child_id))]).map((c) => [c.id, c]));
  for (const r of rows) {
    const child = children.get(r.child_id);
    if (!child) continue;
    const scale = scales.get(scaleIdFor(w, yearGroupOf(child, w.close_date)))!;
    for (const g of [r.current_grade, r.target_grade, r.predicted_grade]) {
      if (g !== null && !scale.rank.has(g.toLowerCase())) {
        throw InvalidError.field('gradeScaleId', `Grades already recorded in this window are not on the ${scale.name} scale, so the scale cannot be changed.`);
      }
    }
  }
}

export function deleteAssessmentWindow(register: Register, id: number): void {
  register.transaction(() => {
    const recorded = register.one(qb.selectFrom('progress_returns').select('id').where('window_id', '=', id)
      .where((eb) => eb.or([eb('returned_on', 'is not', null), eb('current_grade', 'is not', null), eb('predicted_grade', 'is not', null)])).limit(1));
    if (recorded) throw new ConflictError('Returns have been recorded in this window, so it cannot be deleted.');
    if (!register.run(qb.deleteFrom('assessment_windows').where('id', '=', id)).changes) throw new NotFoundError('That assessment window');
    register.audit({ action: 'delete', recordType: 'assessment_window', recordId: id });
  });
}

/**
 * Creates the expected returns for a window from the timetable. Idempotent: running it again adds
 * only what is new (a child who joined, a subject added); returns not yet in follow a change of
 * teacher on the timetable; leavers are skipped. Targets carry over from the child's previous
 * window in the same subject when the grade is on the new scale.
 */
export function requestReturns(register: Register, windowId: number, today = localToday()): RequestReturnsResult {
  const cal = loadSchoolCalendar(register);
  return register.transaction(() => {
    const w = loadWindow(register, windowId);
    const sla = loadSla(register);
    const from = w.close_date > today ? w.close_date : today;
    const dueOn = dueDate(cal, from, sla.returnDue);
    const estimated = !cal.isConfigured(from, dueOn);
    const scales = loadScales(register);
    const timetable = register.all(qb.selectFrom('timetable').selectAll());
    const existing = new Map(register.all(qb.selectFrom('progress_returns').selectAll().where('window_id', '=', windowId))
      .map((r) => [`${r.child_id}:${r.subject_id}`, r]));
    // Targets from earlier windows, latest first.
    const earlier = register.all(qb.selectFrom('progress_returns').innerJoin('assessment_windows', 'assessment_windows.id', 'progress_returns.window_id')
      .select(['progress_returns.child_id', 'progress_returns.subject_id', 'progress_returns.target_grade'])
      .where('assessment_windows.close_date', '<', w.close_date).where('progress_returns.target_grade', 'is not', null)
      .orderBy('assessment_windows.close_date', 'desc'));
    const lastTarget = new Map<string, string>();
    for (const e of earlier) if (!lastTarget.has(`${e.child_id}:${e.subject_id}`)) lastTarget.set(`${e.child_id}:${e.subject_id}`, e.target_grade!);

    const result: RequestReturnsResult = {
      created: 0, existing: 0, teacherChanged: 0, skippedLeavers: 0, skippedNotJoined: 0, childrenWithoutTimetable: 0, dueOn, dueOnEstimated: estimated,
    };
    const stamp = nowIso();
    for (const child of loadChildren(register)) {
      if (!expectedInWindow(child, w.close_date, today)) {
        if (child.joined > w.close_date) result.skippedNotJoined++;
        else result.skippedLeavers++;
        continue;
      }
      const entries = timetable.filter((t) => t.child_id === child.id);
      if (entries.length === 0) result.childrenWithoutTimetable++;
      const scale = scales.get(scaleIdFor(w, yearGroupOf(child, w.close_date)))!;
      for (const t of entries) {
        const key = `${child.id}:${t.subject_id}`;
        const row = existing.get(key);
        if (!row) {
          const carried = lastTarget.get(key);
          const target = carried !== undefined && scale.rank.has(carried.toLowerCase()) ? carried : null;
          const id = register.run(qb.insertInto('progress_returns').values({
            window_id: windowId, child_id: child.id, subject_id: t.subject_id, teacher_id: t.teacher_id, class_code: t.class_code,
            requested_on: today, due_on: dueOn, due_estimated: estimated ? 1 : 0, target_grade: target, updated_at: stamp,
          })).lastInsertRowid;
          register.audit({ action: 'create', recordType: 'progress_return', recordId: id });
          result.created++;
          continue;
        }
        result.existing++;
        if (row.returned_on !== null) continue;
        const set: Partial<{ teacher_id: number; class_code: string | null; requested_on: string; due_on: string; due_estimated: number; updated_at: string }> = {};
        if (row.teacher_id !== t.teacher_id || row.class_code !== t.class_code) {
          set.teacher_id = t.teacher_id;
          set.class_code = t.class_code;
          if (row.teacher_id !== t.teacher_id) result.teacherChanged++;
        }
        // A cell typed into the grid before the request becomes a requested return.
        if (row.requested_on === null) Object.assign(set, { requested_on: today, due_on: dueOn, due_estimated: estimated ? 1 : 0 });
        if (Object.keys(set).length) {
          register.run(qb.updateTable('progress_returns').set({ ...set, updated_at: stamp }).where('id', '=', row.id));
          register.audit({ action: 'update', recordType: 'progress_return', recordId: row.id });
        }
      }
    }
    return result;
  });
}
