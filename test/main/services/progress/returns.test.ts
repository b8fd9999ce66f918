// Requesting returns (idempotent, leavers skipped), the grid's per-cell status as of a date, saving
// cells (one transaction; grades checked against each child's scale, the cell and field named when
// wrong), and the progress views built on them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidError } from '../../../../db/errors.ts';
import { qb } from '../../../../db/query.ts';
import {
  belowTarget, getChildProgress, getReturnsGrid, getTeacherChecklist, getWindowCompletion, overdueReturns, requestReturns, saveReturnCells,
  saveTimetableEntry,
  listTimetable,
  saveAssessmentWindow,
} from '../../../../main/services/progress/index.ts';
import { generateChaseLetters } from '../../../../main/services/sla/chase.ts';
import { cleanupTempDirs, expectRegisterError } from '../../../helpers/db.ts';
import { CLOSE, DUE, type Fixture, progressFixture, progressRows, STAGE1, STAGE2, STAGE3 } from './fixture.ts';

let f: Fixture;
const REQUESTED = '2025-12-01';

beforeAll(async () => {
  f = await progressFixture();
});

afterAll(() => {
  f.register.close();
  cleanupTempDirs();
});

const cell = (asOf: string, childId: number, subjectId: number) => {
  const grid = getReturnsGrid(f.register, f.windowId, asOf);
  const col = grid.subjects.findIndex((s) => s.id === subjectId);
  return grid.rows.find((r) => r.childId === childId)!.cells[col]!;
};

describe('requestReturns', () => {
  it('creates one return per child on roll × timetabled subject, due 5 school days after the close, skipping leavers', () => {
    const r = requestReturns(f.register, f.windowId, REQUESTED);
    expect(r).toMatchObject({ created: 7, existing: 0, skippedLeavers: 1, dueOn: DUE, dueOnEstimated: false });
    const rows = f.register.all(qb.selectFrom('progress_returns').selectAll());
    expect(rows).toHaveLength(7);
    expect(rows.every((x) => x.requested_on === REQUESTED && x.due_on === DUE && x.teacher_id !== null)).toBe(true);
    expect(rows.some((x) => x.child_id === f.children.leaver)).toBe(false);
  });

  it('is idempotent: asking again adds nothing and changes nothing', () => {
    const before = progressRows(f.register);
    expect(requestReturns(f.register, f.windowId, '2025-12-02')).toMatchObject({ created: 0, existing: 7, teacherChanged: 0, skippedLeavers: 1 });
    expect(progressRows(f.register)).toEqual(before);
  });

  it('follows a change of teacher on the timetable for returns not yet in', () => {
    const entry = listTimetable(f.register, { childId: f.children.bf }).find((e) => e.subjectId === f.subjects.history)!;
    saveTimetableEntry(f.register, { id: entry.id, childId: f.children.bf, subjectId: f.subjects.history, teacherId: f.teachers.english, classCode: '9Y/Hi2' });
    expect(requestReturns(f.register, f.windowId, '2025-12-02')).toMatchObject({ created: 0, existing: 7, teacherChanged: 1 });
    expect(cell(REQUESTED, f.children.bf, f.subjects.history)).toMatchObject({ teacherId: f.teachers.english, classCode: '9Y/Hi2' });
    saveTimetableEntry(f.register, { id: entry.id, childId: f.children.bf, subjectId: f.subjects.history, teacherId: f.teachers.maths, classCode: '9Y/Hi1' });
    requestReturns(f.register, f.windowId, '2025-12-02');
  });
});

describe('the grid', () => {
  it('has a row per child (not the leaver) and a column per timetabled subject, with each child\'s scale', () => {
    const grid = getReturnsGrid(f.register, f.windowId, REQUESTED);
    expect(grid.subjects.map((s) => s.name)).toEqual(['English', 'Maths', 'History']);
    expect(grid.rows.map((r) => [r.initials, r.yearGroup])).toEqual([['IM', 7], ['BF', 9], ['ZQ', 10]]);
    expect(grid.rows.find((r) => r.initials === 'ZQ')!.gradeScaleId).toBe(f.scales.gcse);
    expect(grid.rows.find((r) => r.initials === 'BF')!.gradeScaleId).toBe(f.scales.ks3);
    expect(grid.scales.map((s) => s.id).sort()).toEqual([f.scales.gcse, f.scales.ks3].sort());
    expect(grid.completion).toMatchObject({ expected: 7, returned: 0, outstanding: 7, overdue: 0, rate: 0 });
  });

  it('shows each cell\'s status as of any date', () => {
    const zqHistory = cell(REQUESTED, f.children.zq, f.subjects.history);
    expect(zqHistory).toMatchObject({ status: 'not_requested', timetabled: false, returnId: null });
    expect(cell(CLOSE, f.children.zq, f.subjects.english)).toMatchObject({ status: 'requested', slaStage: 0, dueOn: DUE });
    expect(cell(DUE, f.children.zq, f.subjects.english)).toMatchObject({ status: 'requested', slaStage: 0 });
    expect(cell(STAGE1, f.children.zq, f.subjects.english)).toMatchObject({ status: 'late', slaStage: 1, schoolDaysOverdue: 1, nextStageOn: STAGE2 });
    expect(cell(STAGE2, f.children.zq, f.subjects.english)).toMatchObject({ status: 'late', slaStage: 2 });
    expect(cell(STAGE3, f.children.zq, f.subjects.english)).toMatchObject({ status: 'late', slaStage: 3, nextStageOn: null });
  });
});

describe('saveReturnCells', () => {
  it('refuses a grade not on the child\'s scale, naming the cell and field, and saves nothing of the batch', () => {
    const before = progressRows(f.register);
    let e: InvalidError | undefined;
    try {
      saveReturnCells(f.register, f.windowId, [
        { childId: f.children.zq, subjectId: f.subjects.english, current: '6', target: '7' },
        { childId: f.children.zq, subjectId: f.subjects.maths, current: '10' },
        // A flight-path grade is right for Year 9, wrong for Year 10 (GCSE).
        { childId: f.children.bf, subjectId: f.subjects.maths, current: '5+', predicted: '6-' },
        { childId: f.children.zq, subjectId: f.subjects.english, predicted: '5+' },
      ], '2025-12-10');
    } catch (err) {
      e = err as InvalidError;
    }
    expect(e).toBeInstanceOf(InvalidError);
    expect(e!.issues).toEqual([
      { path: ['cells', 1, 'current'], message: expect.stringMatching(/^Maths for ZQ \(Y10\): the current grade "10" is not on the GCSE 9–1 scale/) },
      { path: ['cells', 3, 'subjectId'], message: 'English for ZQ (Y10) appears twice in this batch.' },
    ]);
    expect(e!.message).toMatch(/^Nothing was saved\. Maths for ZQ/);
    expect(progressRows(f.register)).toEqual(before);
  });

  it('saves a batch, canonicalises grades typed in any case, and marks returns received', () => {
    const r = saveReturnCells(f.register, f.windowId, [
      { childId: f.children.zq, subjectId: f.subjects.english, current: '6', target: '7', predicted: '7', effort: 2, whatWentWell: 'Strong essays', evenBetterIf: 'Plan answers' },
      { childId: f.children.bf, subjectId: f.subjects.maths, current: '5+', target: '6-', predicted: '5+' },
      { childId: f.children.im, subjectId: f.subjects.maths, current: '3-', target: '3' },
      // Target only: not a return from the teacher, so not marked received.
      { childId: f.children.zq, subjectId: f.subjects.maths, target: '6' },
    ], '2025-12-10');
    expect(r).toMatchObject({ saved: 4, markedReturned: 3 });
    expect(r.completion).toMatchObject({ expected: 7, returned: 3, outstanding: 4 });
    const zqEnglish = r.cells.find((c) => c.childId === f.children.zq && c.subjectId === f.subjects.english)!;
    expect(zqEnglish).toMatchObject({ status: 'returned', returnedOn: '2025-12-10', flag: 'on_track', effort: 2, whatWentWell: 'Strong essays' });
    expect(r.cells.find((c) => c.childId === f.children.bf)).toMatchObject({ flag: 'below', current: '5+' });
    expect(r.cells.find((c) => c.childId === f.children.zq && c.subjectId === f.subjects.maths)).toMatchObject({ status: 'requested', returnedOn: null });
    // Typed in lower case, stored as the scale spells it.
    const u = saveReturnCells(f.register, f.windowId, [{ childId: f.children.zq, subjectId: f.subjects.maths, target: 'u' }], '2025-12-10');
    expect(u.cells[0]).toMatchObject({ target: 'U', status: 'requested' });
    expect(saveReturnCells(f.register, f.windowId, [{ childId: f.children.zq, subjectId: f.subjects.maths, target: '6' }], '2025-12-10').saved).toBe(1);
    // Saving the same values again changes nothing.
    expect(saveReturnCells(f.register, f.windowId, [{ childId: f.children.zq, subjectId: f.subjects.maths, target: '6' }], '2025-12-10').saved).toBe(0);
  });

  it('records a return in a cell that was never requested', () => {
    const r = saveReturnCells(f.register, f.windowId, [{ childId: f.children.zq, subjectId: f.subjects.history, current: '4', target: '5' }], '2025-12-10');
    expect(r.cells[0]).toMatchObject({ status: 'returned', returnId: expect.any(Number), requestedOn: null, flag: 'below', timetabled: false });
    // Counted as expected once returned.
    expect(r.completion).toMatchObject({ expected: 8, returned: 4 });
  });

  it('refuses a received date in the future and an unknown child or subject', async () => {
    await expectRegisterError(() => saveReturnCells(f.register, f.windowId, [
      { childId: f.children.zq, subjectId: f.subjects.maths, returnedOn: '2025-12-11' },
    ], '2025-12-10'), 'Invalid');
    const e = await expectRegisterError(() => saveReturnCells(f.register, f.windowId, [
      { childId: 99_999, subjectId: f.subjects.maths, current: '5' },
      { childId: f.children.zq, subjectId: 99_999, current: '5' },
    ], '2025-12-10'), 'Invalid');
    expect(e.issues.map((i) => i.path)).toEqual([['cells', 0, 'childId'], ['cells', 1, 'subjectId']]);
  });

  it('clears a grade with null and can un-mark a return', () => {
    const r = saveReturnCells(f.register, f.windowId, [{ childId: f.children.im, subjectId: f.subjects.maths, current: null, returnedOn: null }], '2025-12-10');
    expect(r.cells[0]).toMatchObject({ current: null, status: 'requested', returnedOn: null, target: '3' });
    saveReturnCells(f.register, f.windowId, [{ childId: f.children.im, subjectId: f.subjects.maths, current: '3-' }], '2025-12-10');
  });
});

describe('chasing, then a return arriving', () => {
  it('shows chased stages in the grid, and a return after a chase stops further chasing', async () => {
    // ZQ Maths is outstanding. Stage 1 letters on 15/12.
    await generateChaseLetters(f.register, { asOf: STAGE1 });
    expect(cell(STAGE1, f.children.zq, f.subjects.maths)).toMatchObject({ status: 'chased_1', chasedStage: 1, lastChasedOn: STAGE1 });
    // As of stage 2 with no new letter: the SLA says stage 2, the last letter was stage 1.
    expect(cell(STAGE2, f.children.zq, f.subjects.maths)).toMatchObject({ status: 'chased_1', slaStage: 2 });
    // The return arrives on 16/12, after the chase.
    saveReturnCells(f.register, f.windowId, [{ childId: f.children.zq, subjectId: f.subjects.maths, current: '5', predicted: '6' }], '2025-12-16');
    expect(cell(STAGE2, f.children.zq, f.subjects.maths)).toMatchObject({ status: 'returned', slaStage: 0, chasedStage: 1, returnedLate: true });
    // The next letters (stage 2 date) do not include it.
    const next = await generateChaseLetters(f.register, { asOf: STAGE2 });
    const chased = f.register.all(qb.selectFrom('chases').innerJoin('progress_returns', 'progress_returns.id', 'chases.return_id')
      .select(['chases.chased_on', 'progress_returns.child_id', 'progress_returns.subject_id']).where('chases.chased_on', '=', STAGE2));
    expect(chased.some((c) => c.child_id === f.children.zq && c.subject_id === f.subjects.maths)).toBe(false);
    expect(next.items).toBe(chased.length);
    // History shows as it stood: as of 15/12 it was still chased, not returned.
    expect(cell(STAGE1, f.children.zq, f.subjects.maths)).toMatchObject({ status: 'chased_1' });
  });
});

describe('progress views', () => {
  it('completion by teacher and by subject', () => {
    const c = getWindowCompletion(f.register, f.windowId, STAGE2);
    const total = c.total;
    expect(total.expected).toBe(8);
    expect(total.returned + total.outstanding).toBe(8);
    const sumT = c.byTeacher.reduce((n, t) => n + t.expected, 0);
    const sumS = c.bySubject.reduce((n, s) => n + s.expected, 0);
    expect(sumT).toBe(8);
    expect(sumS).toBe(8);
    const english = c.bySubject.find((s) => s.name === 'English')!;
    expect(english).toMatchObject({ expected: 3, returned: 1, outstanding: 2, overdue: 2 });
    expect(english.rate).toBeCloseTo(1 / 3);
    // Worst rate first.
    expect(c.byTeacher.map((t) => t.rate)).toEqual([...c.byTeacher.map((t) => t.rate)].sort((a, b) => a! - b!));
  });

  it('a teacher checklist of what is outstanding', () => {
    const list = getTeacherChecklist(f.register, { windowId: f.windowId, asOf: STAGE2 });
    const english = list.find((t) => t.teacherId === f.teachers.english)!;
    expect(english.items.map((i) => [i.initials, i.subjectName])).toEqual([['IM', 'English'], ['BF', 'English']]);
    expect(english).toMatchObject({ outstanding: 2, overdue: 2 });
    expect(english.items[1]).toMatchObject({ status: 'chased_2', slaStage: 2, yearGroup: 9, dueOn: DUE });
    expect(list.find((t) => t.teacherId === f.teachers.senior)).toBeUndefined();
  });

  it('a child\'s grades across windows with flags', () => {
    const p = getChildProgress(f.register, f.children.zq);
    expect(p.windows.map((w) => w.name)).toEqual(['Autumn 2']);
    const english = p.subjects.find((s) => s.name === 'English')!;
    expect(english.entries[0]).toMatchObject({ current: '6', target: '7', predicted: '7', flag: 'on_track' });
    expect(english.latestFlag).toBe('on_track');
    expect(p.subjects.find((s) => s.name === 'History')!.latestFlag).toBe('below');
  });
});

describe('for the alerts engine', () => {
  it('lists overdue returns and subjects below target', () => {
    const overdue = overdueReturns(f.register, STAGE2);
    expect(overdue.map((o) => [o.childId, o.subjectName, o.stage]).sort()).toEqual([
      [f.children.bf, 'English', 2], [f.children.bf, 'History', 2], [f.children.im, 'English', 2],
    ].sort());
    const below = belowTarget(f.register);
    expect(below.map((b) => [b.childId, b.subjectName, b.steps]).sort()).toEqual([
      [f.children.bf, 'Maths', -1], [f.children.zq, 'History', -1], [f.children.im, 'Maths', -1],
    ].sort());
    // Zephyrine's maths is predicted to meet its target, so only history is below.
    expect(belowTarget(f.register, [f.children.zq]).map((b) => b.subjectName)).toEqual(['History']);
  });

  it('narrows the checklists and the overdue returns to one child', () => {
    const all = overdueReturns(f.register, STAGE2);
    expect(overdueReturns(f.register, STAGE2, f.children.bf)).toEqual(all.filter((o) => o.childId === f.children.bf));
    expect(overdueReturns(f.register, STAGE2, f.children.bf)).toHaveLength(2);
    const list = getTeacherChecklist(f.register, { asOf: STAGE2, childId: f.children.im });
    expect(list.flatMap((t) => t.items.map((i) => [i.childId, i.subjectName]))).toEqual([[f.children.im, 'English']]);
  });

  it('below target: a newer return with grades off the scale falls back to the latest window that judges the subject', () => {
    const r = f.register;
    const autumn = r.one(qb.selectFrom('assessment_windows').selectAll().where('id', '=', f.windowId))!;
    const spring = saveAssessmentWindow(r, { academicYearId: autumn.academic_year_id, name: 'Spring 1', closeDate: '2026-02-06', gradeScaleId: autumn.grade_scale_id }).id;
    try {
      // Written straight to the table: the service refuses grades off the scale, but a return typed
      // before a change of scale can hold them.
      const add = (childId: number, subjectId: number, current: string, target: string) => r.transaction(() => r.run(qb.insertInto('progress_returns').values({
        window_id: spring, child_id: childId, subject_id: subjectId, current_grade: current, target_grade: target, updated_at: '2026-02-06T12:00:00Z',
      })));
      add(f.children.zq, f.subjects.history, 'Z*', '6');
      add(f.children.zq, f.subjects.english, '4', '6');
      const zq = belowTarget(r, [f.children.zq]).map((b) => [b.subjectName, b.windowName, b.steps]).sort();
      expect(zq).toEqual([['English', 'Spring 1', -2], ['History', 'Autumn 2', -1]]);
      expect(belowTarget(r).filter((b) => b.childId === f.children.zq).map((b) => [b.subjectName, b.windowName, b.steps]).sort()).toEqual(zq);
    } finally {
      r.transaction(() => r.run(qb.deleteFrom('assessment_windows').where('id', '=', spring)));
    }
  });
});
