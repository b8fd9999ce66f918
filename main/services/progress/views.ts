// Progress views: each teacher's checklist of what is outstanding; a child's grades across windows
// with on-track / below-target flags; a window's completion by teacher and by subject; and the
// window summary for the progress support meeting (initials and year group only).

import { NotFoundError } from '../../../db/errors.ts';
import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import type {
  ChecklistItem, ChildProgress, CompletionRow, PdfFile, ProgressFlag, SummaryStats, TeacherChecklist, WindowCompletion, WindowSummary,
} from '../../api/contract.ts';
import { windowSummaryDocument } from '../../documents/windowSummary.ts';
import { renderPdf } from '../../documents/render.ts';
import { loadSchoolCalendar, localToday } from '../calendar/index.ts';
import { getSchoolSettings } from '../settings.ts';
import {
  chasesBy, flagFor, loadChildren, loadScales, loadSla, loadWindow, scaleIdFor, slaInfo, stepsFromTarget, yearGroupOf,
} from './common.ts';
import { cellFor, completion, loadWindowData, scaleForChild } from './grid.ts';
import { listAssessmentWindows } from './windows.ts';

/** Each teacher's outstanding returns; `childId` narrows them to one child (the child's file). */
export function getTeacherChecklist(register: Register, f: { windowId?: number; teacherId?: number; childId?: number; asOf?: string } = {}): TeacherChecklist[] {
  const asOf = f.asOf ?? localToday();
  const cal = loadSchoolCalendar(register);
  const sla = loadSla(register);
  let q = qb.selectFrom('progress_returns')
    .innerJoin('assessment_windows', 'assessment_windows.id', 'progress_returns.window_id')
    .innerJoin('subjects', 'subjects.id', 'progress_returns.subject_id')
    .select(['progress_returns.id', 'progress_returns.window_id', 'progress_returns.child_id', 'progress_returns.teacher_id', 'progress_returns.class_code',
      'progress_returns.due_on', 'progress_returns.returned_on', 'assessment_windows.name as window_name', 'assessment_windows.close_date',
      'subjects.name as subject_name'])
    .where('progress_returns.requested_on', 'is not', null)
    .where('progress_returns.teacher_id', 'is not', null)
    .where((eb) => eb.or([eb('progress_returns.returned_on', 'is', null), eb('progress_returns.returned_on', '>', asOf)]));
  if (f.windowId) q = q.where('progress_returns.window_id', '=', f.windowId);
  if (f.teacherId) q = q.where('progress_returns.teacher_id', '=', f.teacherId);
  if (f.childId) q = q.where('progress_returns.child_id', '=', f.childId);
  const rows = register.all(q);
  const byTeacher = new Map<number, typeof rows>();
  for (const r of rows) {
    const list = byTeacher.get(r.teacher_id!) ?? [];
    list.push(r);
    byTeacher.set(r.teacher_id!, list);
  }
  const children = new Map(loadChildren(register, [...new Set(rows.map((r) => r.child_id))]).map((c) => [c.id, c]));
  const chases = chasesBy(register, 'return_id', rows.map((r) => r.id));
  const teachers = register.all(qb.selectFrom('teachers').selectAll().orderBy('name'));
  const out: TeacherChecklist[] = [];
  for (const t of teachers) {
    const items: ChecklistItem[] = (byTeacher.get(t.id) ?? []).map((r) => {
      const child = children.get(r.child_id)!;
      const s = slaInfo(cal, { dueOn: r.due_on, returnedOn: r.returned_on }, chases.get(r.id) ?? [], asOf, sla.gap);
      return {
        returnId: r.id, windowId: r.window_id, windowName: r.window_name, childId: r.child_id, childName: child.name, initials: child.initials,
        yearGroup: yearGroupOf(child, r.close_date), subjectName: r.subject_name, classCode: r.class_code, dueOn: r.due_on!, status: s.status,
        slaStage: s.slaStage, schoolDaysOverdue: s.schoolDaysOverdue,
      };
    });
    items.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.subjectName.localeCompare(b.subjectName) || a.yearGroup - b.yearGroup
      || a.initials.localeCompare(b.initials));
    if (items.length === 0 && f.teacherId !== t.id) continue;
    out.push({
      teacherId: t.id, teacherName: t.name, email: t.email, outstanding: items.length, overdue: items.filter((i) => i.slaStage > 0).length, items,
    });
  }
  return out.sort((a, b) => b.overdue - a.overdue || a.teacherName.localeCompare(b.teacherName));
}

export function getChildProgress(register: Register, childId: number): ChildProgress {
  const child = loadChildren(register, [childId])[0];
  if (!child) throw new NotFoundError('That child');
  const returns = register.all(qb.selectFrom('progress_returns').selectAll().where('child_id', '=', childId));
  const windowIds = new Set(returns.map((r) => r.window_id));
  const windows = listAssessmentWindows(register).filter((w) => windowIds.has(w.id)).reverse();
  const scales = loadScales(register);
  const windowRows = new Map(windows.map((w) => [w.id, loadWindow(register, w.id)]));
  const subjects = register.all(qb.selectFrom('subjects').selectAll().orderBy('is_core', 'desc').orderBy('sort_order').orderBy('name'))
    .filter((s) => returns.some((r) => r.subject_id === s.id));
  return {
    childId,
    windows: windows.map((w) => ({ id: w.id, name: w.name, closeDate: w.closeDate, academicYearLabel: w.academicYearLabel })),
    subjects: subjects.map((s) => {
      const entries = windows.map((w) => {
        const r = returns.find((x) => x.window_id === w.id && x.subject_id === s.id);
        if (!r) return null;
        const wr = windowRows.get(w.id)!;
        const scale = scales.get(scaleIdFor(wr, yearGroupOf(child, wr.close_date)))!;
        const g = { current: r.current_grade, target: r.target_grade, predicted: r.predicted_grade };
        return { ...g, effort: r.effort, flag: flagFor(stepsFromTarget(scale, g)), returnedOn: r.returned_on };
      });
      const latest = [...entries].reverse().find((e) => e?.flag != null);
      return { subjectId: s.id, name: s.name, isCore: s.is_core === 1, entries, latestFlag: latest?.flag ?? null };
    }),
  };
}

export function getWindowCompletion(register: Register, windowId: number, asOf = localToday()): WindowCompletion {
  const d = loadWindowData(register, windowId, asOf);
  const group = (keyOf: (r: (typeof d.returns)[number]) => number | null, name: (id: number | null) => string): CompletionRow[] => {
    const groups = new Map<number | null, typeof d.returns>();
    for (const r of d.returns) groups.set(keyOf(r), [...(groups.get(keyOf(r)) ?? []), r]);
    return [...groups].map(([id, rows]) => ({ id, name: name(id), ...completion(d, rows) }))
      .filter((g) => g.expected > 0)
      .sort((a, b) => (a.rate ?? 1) - (b.rate ?? 1) || a.name.localeCompare(b.name));
  };
  const subjectNames = new Map(d.subjects.map((s) => [s.id, s.name]));
  return {
    window: d.window,
    asOf,
    total: completion(d, d.returns),
    byTeacher: group((r) => r.teacher_id, (id) => (id === null ? 'No teacher' : d.teachers.get(id)?.name ?? 'Unknown')),
    bySubject: group((r) => r.subject_id, (id) => subjectNames.get(id!) ?? 'Unknown'),
  };
}

function stats(values: { flag: ProgressFlag | null; steps: number | null }[]): SummaryStats {
  const steps = values.map((v) => v.steps).filter((s): s is number => s !== null);
  return {
    assessed: steps.length,
    above: values.filter((v) => v.flag === 'above').length,
    onTrack: values.filter((v) => v.flag === 'on_track').length,
    below: values.filter((v) => v.flag === 'below').length,
    noGrade: values.length - steps.length,
    meanSteps: steps.length ? Math.round((steps.reduce((a, b) => a + b, 0) / steps.length) * 10) / 10 : null,
    minSteps: steps.length ? Math.min(...steps) : null,
    maxSteps: steps.length ? Math.max(...steps) : null,
  };
}

/** Per child: each subject's grades against target; per subject and year group: the spread. */
export function getWindowSummary(register: Register, windowId: number, asOf = localToday()): WindowSummary {
  const d = loadWindowData(register, windowId, asOf);
  const withReturns = new Set(d.returns.map((r) => r.child_id));
  const children = d.children.filter((c) => withReturns.has(c.id)).map((c) => {
    const scale = scaleForChild(d, c);
    const cells = d.subjects.map((s) => {
      const cell = cellFor(d, c, s.id);
      if (cell.returnId === null) return null;
      const g = { current: cell.current, target: cell.target, predicted: cell.predicted };
      const steps = stepsFromTarget(scale, g);
      return { ...g, flag: flagFor(steps), steps };
    });
    return {
      childId: c.id, initials: c.initials, yearGroup: yearGroupOf(c, d.w.close_date), cells,
      below: cells.filter((x) => x?.flag === 'below').length,
      onTrackOrAbove: cells.filter((x) => x?.flag === 'on_track' || x?.flag === 'above').length,
    };
  }).sort((a, b) => a.yearGroup - b.yearGroup || a.initials.localeCompare(b.initials));
  const all = children.flatMap((c) => c.cells.filter((x) => x !== null));
  const years = [...new Set(children.map((c) => c.yearGroup))].sort((a, b) => a - b);
  return {
    window: d.window,
    completion: completion(d, d.returns),
    subjects: d.subjects.map((s) => ({ id: s.id, name: s.name, isCore: s.isCore })),
    children,
    bySubject: d.subjects.map((s, i) => ({ subjectId: s.id, name: s.name, ...stats(children.flatMap((c) => (c.cells[i] ? [c.cells[i]] : []))) }))
      .filter((s) => s.assessed + s.noGrade > 0),
    byYearGroup: years.map((y) => {
      const cs = children.filter((c) => c.yearGroup === y);
      return { yearGroup: y, children: cs.length, ...stats(cs.flatMap((c) => c.cells.filter((x) => x !== null))) };
    }),
    overall: stats(all),
  };
}

/** The window summary as a PDF for the progress support meeting; the export is audited. */
export async function windowSummaryPdf(register: Register, windowId: number, opts: { generatedAt?: Date } = {}): Promise<{ files: PdfFile[] }> {
  const summary = getWindowSummary(register, windowId);
  const pdf = await renderPdf(windowSummaryDocument(summary, { schoolName: getSchoolSettings(register).name, generatedAt: opts.generatedAt ?? new Date() }));
  register.transaction(() => register.audit({ action: 'export', recordType: 'window_summary', recordId: windowId }));
  const slug = `${summary.window.academicYearLabel}-${summary.window.name}`.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
  return { files: [{ fileName: `window-summary-${slug}.pdf`, mimeType: 'application/pdf', base64: pdf.toString('base64') }] };
}

// ---- for the alerts engine (DESIGN.md "Alerts": returns overdue, progress below target) --------

export interface OverdueReturn { returnId: number; childId: number; windowId: number; windowName: string; subjectName: string; teacherName: string; dueOn: string; stage: 1 | 2 | 3; schoolDaysOverdue: number }

/** Requested returns past their due date and not yet in, as of a date (for one child, or all). */
export function overdueReturns(register: Register, asOf = localToday(), childId?: number): OverdueReturn[] {
  return overdueInChecklists(getTeacherChecklist(register, { asOf, childId }));
}

/** The overdue items of teachers' checklists already built (the dashboard builds them once for two uses). */
export function overdueInChecklists(checklists: readonly TeacherChecklist[]): OverdueReturn[] {
  return checklists.flatMap((t) => t.items.filter((i) => i.slaStage > 0).map((i) => ({
    returnId: i.returnId, childId: i.childId, windowId: i.windowId, windowName: i.windowName, subjectName: i.subjectName, teacherName: t.teacherName,
    dueOn: i.dueOn, stage: i.slaStage as 1 | 2 | 3, schoolDaysOverdue: i.schoolDaysOverdue,
  })));
}

export interface BelowTarget { childId: number; subjectId: number; subjectName: string; windowId: number; windowName: string; steps: number }

/**
 * Each child's subjects that are below target in the latest window giving them a judgement.
 * One grouped read of the covering index progress_returns_judgement (migration 7) gives each
 * child and subject their latest graded return; only a pair whose latest grades are not on the
 * scale goes back through its older returns.
 */
export function belowTarget(register: Register, childIds?: number[]): BelowTarget[] {
  const graded = () => {
    let q = qb.selectFrom('progress_returns')
      .innerJoin('assessment_windows', 'assessment_windows.id', 'progress_returns.window_id')
      .innerJoin('subjects', 'subjects.id', 'progress_returns.subject_id')
      .where('progress_returns.target_grade', 'is not', null)
      .where((eb) => eb.or([eb('progress_returns.predicted_grade', 'is not', null), eb('progress_returns.current_grade', 'is not', null)]));
    if (childIds) q = q.where('progress_returns.child_id', 'in', childIds.length ? childIds : [-1]);
    return q;
  };
  const columns = ['progress_returns.child_id', 'progress_returns.subject_id', 'progress_returns.window_id', 'progress_returns.current_grade',
    'progress_returns.target_grade', 'progress_returns.predicted_grade', 'assessment_windows.name as window_name', 'subjects.name as subject_name'] as const;
  // SQLite takes the other (bare) columns from the row holding max(close_date).
  const latest = register.all(graded().select([...columns, (eb) => eb.fn.max('assessment_windows.close_date').as('close_date')])
    .groupBy(['progress_returns.child_id', 'progress_returns.subject_id']));
  const children = new Map(loadChildren(register, [...new Set(latest.map((r) => r.child_id))]).map((c) => [c.id, c]));
  const scales = loadScales(register);
  const windows = new Map<number, ReturnType<typeof loadWindow>>();
  type Judged = Omit<(typeof latest)[number], 'close_date'>;
  const stepsOf = (r: Judged): number | null => {
    const w = windows.get(r.window_id) ?? loadWindow(register, r.window_id);
    windows.set(r.window_id, w);
    const scale = scales.get(scaleIdFor(w, yearGroupOf(children.get(r.child_id)!, w.close_date)))!;
    return stepsFromTarget(scale, { current: r.current_grade, target: r.target_grade, predicted: r.predicted_grade });
  };
  const out: BelowTarget[] = [];
  const retry = new Set<string>();
  const take = (r: Judged, steps: number) => {
    if (steps < 0) out.push({ childId: r.child_id, subjectId: r.subject_id, subjectName: r.subject_name, windowId: r.window_id, windowName: r.window_name, steps });
  };
  for (const r of latest) {
    const steps = stepsOf(r);
    if (steps === null) retry.add(`${r.child_id}:${r.subject_id}`);
    else take(r, steps);
  }
  if (retry.size > 0) {
    // Grades not on the scale (typed before a scale change): the latest window that does judge them.
    const ids = [...new Set([...retry].map((k) => Number(k.split(':')[0])))];
    const older = register.all(graded().select(columns).where('progress_returns.child_id', 'in', ids).orderBy('assessment_windows.close_date', 'desc'));
    for (const r of older) {
      const key = `${r.child_id}:${r.subject_id}`;
      if (!retry.has(key)) continue;
      const steps = stepsOf(r);
      if (steps === null) continue;
      retry.delete(key);
      take(r, steps);
    }
  }
  return out;
}
