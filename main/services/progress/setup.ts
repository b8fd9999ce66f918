// Settings for progress returns: subjects and their leaders, teachers, the timetable (who teaches
// each child each subject), the SLA and grade scales. Plain functions over a Register; every write
// is one transaction with an audit entry (never the content).

import type { z } from 'zod';
import { ConflictError, InvalidError, NotFoundError } from '../../../db/errors.ts';
import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import type {
  GradeScale, gradeScaleInput, SlaSettings, slaSettingsInput, Subject, subjectInput, Teacher, teacherInput, TimetableEntry,
  timetableEntryInput,
} from '../../api/contract.ts';
import { bool, listGradeScales, loadChildren, loadSla } from './common.ts';

type In<S extends z.ZodType> = z.output<S>;

// ---- subjects --------------------------------------------------------------------------------

export function listSubjects(register: Register): Subject[] {
  const counts = new Map(register.all(qb.selectFrom('timetable').select((eb) => ['subject_id', eb.fn.countAll<number>().as('n')]).groupBy('subject_id'))
    .map((r) => [r.subject_id, r.n]));
  return register.all(qb.selectFrom('subjects').selectAll().orderBy('is_core', 'desc').orderBy('sort_order').orderBy('name')).map((s) => ({
    id: s.id, name: s.name, isCore: bool(s.is_core), leaderName: s.leader_name, leaderEmail: s.leader_email, sortOrder: s.sort_order,
    timetabled: counts.get(s.id) ?? 0,
  }));
}

export function saveSubject(register: Register, s: In<typeof subjectInput>): Subject {
  const id = register.transaction(() => {
    const clash = register.one(qb.selectFrom('subjects').select('id').where('name', '=', s.name).where('id', '!=', s.id ?? -1));
    if (clash) throw InvalidError.field('name', 'There is already a subject with that name.');
    const values = { name: s.name, is_core: s.isCore ? 1 : 0, leader_name: s.leaderName ?? null, leader_email: s.leaderEmail ?? null, sort_order: s.sortOrder ?? 0 };
    let subjectId = s.id;
    if (subjectId) {
      if (!register.run(qb.updateTable('subjects').set(values).where('id', '=', subjectId)).changes) throw new NotFoundError('That subject');
    } else {
      subjectId = register.run(qb.insertInto('subjects').values(values)).lastInsertRowid;
    }
    register.audit({ action: s.id ? 'update' : 'create', recordType: 'subject', recordId: subjectId });
    return subjectId;
  });
  return listSubjects(register).find((x) => x.id === id)!;
}

export function deleteSubject(register: Register, id: number): void {
  register.transaction(() => {
    if (register.one(qb.selectFrom('progress_returns').select('id').where('subject_id', '=', id).limit(1))) {
      throw new ConflictError('This subject has progress returns, so it cannot be deleted.');
    }
    if (!register.run(qb.deleteFrom('subjects').where('id', '=', id)).changes) throw new NotFoundError('That subject');
    register.audit({ action: 'delete', recordType: 'subject', recordId: id });
  });
}

// ---- teachers --------------------------------------------------------------------------------

export function listTeachers(register: Register, opts: { includeLeft?: boolean } = {}): Teacher[] {
  const timetabled = new Map(register.all(qb.selectFrom('timetable').select((eb) => ['teacher_id', eb.fn.countAll<number>().as('n')]).groupBy('teacher_id'))
    .map((r) => [r.teacher_id, r.n]));
  const outstanding = new Map(register.all(qb.selectFrom('progress_returns').select((eb) => ['teacher_id', eb.fn.countAll<number>().as('n')])
    .where('returned_on', 'is', null).where('requested_on', 'is not', null).groupBy('teacher_id')).map((r) => [r.teacher_id, r.n]));
  let q = qb.selectFrom('teachers').selectAll().orderBy('name').orderBy('id');
  if (!opts.includeLeft) q = q.where('active', '=', 1);
  return register.all(q).map((t) => ({
    id: t.id, name: t.name, email: t.email, isSeniorLeader: bool(t.is_senior_leader), active: bool(t.active),
    timetabled: timetabled.get(t.id) ?? 0, outstanding: outstanding.get(t.id) ?? 0,
  }));
}

export function saveTeacher(register: Register, t: In<typeof teacherInput>): Teacher {
  const id = register.transaction(() => {
    const values = { name: t.name, email: t.email ?? null, is_senior_leader: t.isSeniorLeader ? 1 : 0, active: t.active === false ? 0 : 1 };
    let teacherId = t.id;
    if (teacherId) {
      if (!register.run(qb.updateTable('teachers').set(values).where('id', '=', teacherId)).changes) throw new NotFoundError('That teacher');
    } else {
      teacherId = register.run(qb.insertInto('teachers').values(values)).lastInsertRowid;
    }
    register.audit({ action: t.id ? 'update' : 'create', recordType: 'teacher', recordId: teacherId });
    return teacherId;
  });
  return listTeachers(register, { includeLeft: true }).find((x) => x.id === id)!;
}

export function deleteTeacher(register: Register, id: number): void {
  register.transaction(() => {
    if (register.one(qb.selectFrom('progress_returns').select('id').where('teacher_id', '=', id).limit(1))) {
      throw new ConflictError('This teacher has progress returns. Mark them as left instead, so the history is kept.');
    }
    if (register.one(qb.selectFrom('timetable').select('id').where('teacher_id', '=', id).limit(1))) {
      throw new ConflictError('This teacher is on the timetable. Give their classes to another teacher first.');
    }
    if (!register.run(qb.deleteFrom('teachers').where('id', '=', id)).changes) throw new NotFoundError('That teacher');
    register.audit({ action: 'delete', recordType: 'teacher', recordId: id });
  });
}

// ---- the timetable ---------------------------------------------------------------------------

export function listTimetable(register: Register, f: { childId?: number; subjectId?: number; teacherId?: number } = {}): TimetableEntry[] {
  let q = qb.selectFrom('timetable')
    .innerJoin('subjects', 'subjects.id', 'timetable.subject_id')
    .innerJoin('teachers', 'teachers.id', 'timetable.teacher_id')
    .select(['timetable.id', 'timetable.child_id', 'timetable.subject_id', 'timetable.teacher_id', 'timetable.class_code',
      'subjects.name as subject_name', 'subjects.is_core', 'subjects.sort_order', 'teachers.name as teacher_name']);
  if (f.childId) q = q.where('timetable.child_id', '=', f.childId);
  if (f.subjectId) q = q.where('timetable.subject_id', '=', f.subjectId);
  if (f.teacherId) q = q.where('timetable.teacher_id', '=', f.teacherId);
  const rows = register.all(q);
  const children = new Map(loadChildren(register, [...new Set(rows.map((r) => r.child_id))]).map((c, i) => [c.id, { ...c, order: i }]));
  return rows
    .sort((a, b) => (children.get(a.child_id)?.order ?? 0) - (children.get(b.child_id)?.order ?? 0)
      || b.is_core - a.is_core || a.sort_order - b.sort_order || a.subject_name.localeCompare(b.subject_name))
    .map((r) => ({
      id: r.id, childId: r.child_id, childName: children.get(r.child_id)?.name ?? '', subjectId: r.subject_id, subjectName: r.subject_name,
      teacherId: r.teacher_id, teacherName: r.teacher_name, classCode: r.class_code,
    }));
}

function checkRefs(register: Register, e: { childId: number; subjectId: number; teacherId: number }, path: (string | number)[] = []): void {
  const exists = (t: 'children' | 'subjects' | 'teachers', id: number) => !!register.one(qb.selectFrom(t).select('id').where('id', '=', id));
  if (!exists('children', e.childId)) throw InvalidError.field([...path, 'childId'], 'That child is not in the register.');
  if (!exists('subjects', e.subjectId)) throw InvalidError.field([...path, 'subjectId'], 'That subject is not in the register.');
  if (!exists('teachers', e.teacherId)) throw InvalidError.field([...path, 'teacherId'], 'That teacher is not in the register.');
}

export function saveTimetableEntry(register: Register, e: In<typeof timetableEntryInput>): TimetableEntry {
  const id = register.transaction(() => {
    checkRefs(register, e);
    const clash = register.one(qb.selectFrom('timetable').select('id').where('child_id', '=', e.childId).where('subject_id', '=', e.subjectId).where('id', '!=', e.id ?? -1));
    if (clash) throw InvalidError.field('subjectId', 'This child already has a teacher for that subject.');
    const values = { child_id: e.childId, subject_id: e.subjectId, teacher_id: e.teacherId, class_code: e.classCode ?? null };
    let entryId = e.id;
    if (entryId) {
      if (!register.run(qb.updateTable('timetable').set(values).where('id', '=', entryId)).changes) throw new NotFoundError('That timetable entry');
    } else {
      entryId = register.run(qb.insertInto('timetable').values(values)).lastInsertRowid;
    }
    register.audit({ action: e.id ? 'update' : 'create', recordType: 'timetable', recordId: entryId });
    return entryId;
  });
  return listTimetable(register, { childId: e.childId }).find((x) => x.id === id)!;
}

export function deleteTimetableEntry(register: Register, id: number): void {
  register.transaction(() => {
    if (!register.run(qb.deleteFrom('timetable').where('id', '=', id)).changes) throw new NotFoundError('That timetable entry');
    register.audit({ action: 'delete', recordType: 'timetable', recordId: id });
  });
}

/** Replaces a child's whole timetable in one transaction (the child's timetable screen). */
export function setChildTimetable(
  register: Register, childId: number, entries: { subjectId: number; teacherId: number; classCode?: string | null | undefined }[],
): TimetableEntry[] {
  register.transaction(() => {
    const seen = new Set<number>();
    entries.forEach((e, i) => {
      checkRefs(register, { ...e, childId }, ['entries', i]);
      if (seen.has(e.subjectId)) throw InvalidError.field(['entries', i, 'subjectId'], 'That subject is listed twice.');
      seen.add(e.subjectId);
    });
    const existing = new Map(register.all(qb.selectFrom('timetable').selectAll().where('child_id', '=', childId)).map((r) => [r.subject_id, r]));
    for (const [subjectId, row] of existing) {
      if (seen.has(subjectId)) continue;
      register.run(qb.deleteFrom('timetable').where('id', '=', row.id));
      register.audit({ action: 'delete', recordType: 'timetable', recordId: row.id });
    }
    for (const e of entries) {
      const row = existing.get(e.subjectId);
      const classCode = e.classCode ?? null;
      if (!row) {
        const id = register.run(qb.insertInto('timetable').values({ child_id: childId, subject_id: e.subjectId, teacher_id: e.teacherId, class_code: classCode })).lastInsertRowid;
        register.audit({ action: 'create', recordType: 'timetable', recordId: id });
      } else if (row.teacher_id !== e.teacherId || row.class_code !== classCode) {
        register.run(qb.updateTable('timetable').set({ teacher_id: e.teacherId, class_code: classCode }).where('id', '=', row.id));
        register.audit({ action: 'update', recordType: 'timetable', recordId: row.id });
      }
    }
  });
  return listTimetable(register, { childId });
}

// ---- the SLA ---------------------------------------------------------------------------------

export function getSlaSettings(register: Register): SlaSettings {
  const s = loadSla(register);
  return { returnDueSchoolDays: s.returnDue, escalationGapSchoolDays: s.gap, seniorLeaderName: s.seniorName, seniorLeaderEmail: s.seniorEmail };
}

export function updateSlaSettings(register: Register, s: In<typeof slaSettingsInput>): SlaSettings {
  register.transaction(() => {
    register.run(qb.updateTable('sla_settings').where('id', '=', 1).set({
      return_due_school_days: s.returnDueSchoolDays,
      escalation_gap_school_days: s.escalationGapSchoolDays,
      senior_leader_name: s.seniorLeaderName ?? null,
      senior_leader_email: s.seniorLeaderEmail ?? null,
    }));
    register.audit({ action: 'settings.update', recordType: 'sla_settings', recordId: 1 });
  });
  return getSlaSettings(register);
}

// ---- grade scales ----------------------------------------------------------------------------

/** Grades recorded against windows using a scale (so they cannot be removed from it). */
function gradesInUse(register: Register, scaleId: number): Set<string> {
  const windows = register.all(qb.selectFrom('assessment_windows').select(['id', 'grade_scale_id']));
  const overrides = register.all(qb.selectFrom('assessment_window_scales').selectAll());
  const used = new Set<string>();
  for (const w of windows) {
    const mine = w.grade_scale_id === scaleId || overrides.some((o) => o.window_id === w.id && o.grade_scale_id === scaleId);
    if (!mine) continue;
    const rows = register.all(qb.selectFrom('progress_returns').select(['current_grade', 'target_grade', 'predicted_grade']).where('window_id', '=', w.id));
    for (const r of rows) for (const g of [r.current_grade, r.target_grade, r.predicted_grade]) if (g !== null) used.add(g.toLowerCase());
  }
  return used;
}

export function saveGradeScale(register: Register, s: In<typeof gradeScaleInput>): GradeScale {
  const lower = s.grades.map((g) => g.toLowerCase());
  const dup = lower.findIndex((g, i) => lower.indexOf(g) !== i);
  if (dup >= 0) throw InvalidError.field(['grades', dup], `The grade "${s.grades[dup]}" is listed twice.`);
  const id = register.transaction(() => {
    const clash = register.one(qb.selectFrom('grade_scales').select('id').where('name', '=', s.name).where('id', '!=', s.id ?? -1));
    if (clash) throw InvalidError.field('name', 'There is already a grade scale with that name.');
    const values = { name: s.name, description: s.description ?? null, grades: JSON.stringify(s.grades) };
    let scaleId = s.id;
    if (scaleId) {
      const row = register.one(qb.selectFrom('grade_scales').select('built_in').where('id', '=', scaleId));
      if (!row) throw new NotFoundError('That grade scale');
      if (row.built_in) throw new ConflictError('Built-in grade scales cannot be changed. Make your own scale instead.');
      const missing = [...gradesInUse(register, scaleId)].filter((g) => !lower.includes(g));
      if (missing.length) {
        throw InvalidError.field('grades', `Grades already recorded with this scale would be lost: ${missing.slice(0, 5).join(', ')}. Keep them in the list.`);
      }
      register.run(qb.updateTable('grade_scales').set(values).where('id', '=', scaleId));
    } else {
      scaleId = register.run(qb.insertInto('grade_scales').values(values)).lastInsertRowid;
    }
    register.audit({ action: s.id ? 'update' : 'create', recordType: 'grade_scale', recordId: scaleId });
    return scaleId;
  });
  return listGradeScales(register).find((x) => x.id === id)!;
}

export function deleteGradeScale(register: Register, id: number): void {
  register.transaction(() => {
    const row = register.one(qb.selectFrom('grade_scales').select('built_in').where('id', '=', id));
    if (!row) throw new NotFoundError('That grade scale');
    if (row.built_in) throw new ConflictError('Built-in grade scales cannot be deleted.');
    const used = register.one(qb.selectFrom('assessment_windows').select('id').where('grade_scale_id', '=', id).limit(1))
      ?? register.one(qb.selectFrom('assessment_window_scales').select('id').where('grade_scale_id', '=', id).limit(1));
    if (used) throw new ConflictError('An assessment window uses this grade scale, so it cannot be deleted.');
    register.run(qb.deleteFrom('grade_scales').where('id', '=', id));
    register.audit({ action: 'delete', recordType: 'grade_scale', recordId: id });
  });
}
