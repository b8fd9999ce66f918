// Settings for progress returns through the API (dispatch, as the UI calls them): subjects,
// teachers, the timetable, the SLA, providers and their reports, grade scales and windows, with
// typed errors for what cannot be done.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_TEST_KDF } from '../../../../db/keyring.ts';
import { AppContext } from '../../../../main/api/context.ts';
import type { ApiResult, Input, OperationName, Output } from '../../../../main/api/contract.ts';
import { dispatch } from '../../../../main/api/dispatch.ts';
import { addCalendarDays, localToday } from '../../../../main/services/calendar/index.ts';
import { insertChildren } from '../../../helpers/db.ts';
import { YEAR_2025_26 } from '../calendar/fixture.ts';

let dir: string;
let ctx: AppContext;

async function call<N extends OperationName>(name: N, input: Input<N>): Promise<Output<N>> {
  const r = (await dispatch(ctx, name, input)) as ApiResult<Output<N>>;
  if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
  return r.value;
}

async function fails<N extends OperationName>(name: N, input: Input<N>) {
  const r = await dispatch(ctx, name, input);
  expect(r.ok, `${name} should fail`).toBe(false);
  return (r as { ok: false; error: { code: string; message: string; issues: { path: (string | number)[] }[] } }).error;
}

let childIds: number[];
let yearId: number;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cic-progress-api-'));
  ctx = new AppContext({ registerPath: path.join(dir, 'r.cicdb'), demoPath: null, kdf: FAST_TEST_KDF });
  await call('createRegister', { schoolName: 'Fictional School', userName: 'Fictional DT', role: 'dt', passphrase: 'correct horse battery staple' });
  yearId = (await call('saveAcademicYear', YEAR_2025_26)).id;
  childIds = insertChildren(ctx.requireRegister());
});

afterAll(() => {
  ctx.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('subjects and teachers', () => {
  it('saves, lists (core first) and refuses duplicates by name', async () => {
    const history = await call('saveSubject', { name: 'History', isCore: false });
    const maths = await call('saveSubject', { name: 'Maths', isCore: true, leaderName: 'Fictional Leader', leaderEmail: 'lead@example.org' });
    expect((await call('listSubjects', {})).map((s) => s.name)).toEqual(['Maths', 'History']);
    expect(await fails('saveSubject', { name: 'maths', isCore: false })).toMatchObject({ code: 'Invalid', issues: [{ path: ['name'] }] });
    expect(await call('saveSubject', { id: history.id, name: 'History', isCore: false, sortOrder: 2 })).toMatchObject({ sortOrder: 2 });
    expect(maths).toMatchObject({ isCore: true, leaderEmail: 'lead@example.org', timetabled: 0 });
    expect(await fails('saveSubject', { name: 'Art', isCore: false, leaderEmail: 'not an email' })).toMatchObject({ code: 'Invalid' });
  });

  it('teachers: saves, lists without leavers by default, and refuses to delete one with a timetable', async () => {
    const t = await call('saveTeacher', { name: 'Fictional Teacher', email: 'ft@example.org', isSeniorLeader: false });
    const left = await call('saveTeacher', { name: 'Former Teacher', email: null, isSeniorLeader: false, active: false });
    expect((await call('listTeachers', {})).map((x) => x.name)).toEqual(['Fictional Teacher']);
    expect((await call('listTeachers', { includeLeft: true })).map((x) => x.name)).toEqual(['Fictional Teacher', 'Former Teacher']);
    const maths = (await call('listSubjects', {})).find((s) => s.name === 'Maths')!;
    await call('saveTimetableEntry', { childId: childIds[0]!, subjectId: maths.id, teacherId: t.id, classCode: '10X/Ma1' });
    expect(await fails('deleteTeacher', { id: t.id })).toMatchObject({ code: 'Conflict' });
    expect(await call('deleteTeacher', { id: left.id })).toBeNull();
    expect(await fails('deleteTeacher', { id: left.id })).toMatchObject({ code: 'NotFound' });
  });
});

describe('the timetable', () => {
  it('one teacher per child per subject; a child\'s whole timetable can be replaced at once', async () => {
    const [maths, history] = await call('listSubjects', {});
    const [t] = await call('listTeachers', {});
    expect(await fails('saveTimetableEntry', { childId: childIds[0]!, subjectId: maths!.id, teacherId: t!.id })).toMatchObject({ code: 'Invalid', issues: [{ path: ['subjectId'] }] });
    expect(await fails('saveTimetableEntry', { childId: 99_999, subjectId: maths!.id, teacherId: t!.id })).toMatchObject({ code: 'Invalid', issues: [{ path: ['childId'] }] });
    const set = await call('setChildTimetable', { childId: childIds[1]!, entries: [
      { subjectId: maths!.id, teacherId: t!.id, classCode: '9Y/Ma1' }, { subjectId: history!.id, teacherId: t!.id, classCode: null },
    ] });
    expect(set.map((e) => [e.subjectName, e.classCode])).toEqual([['Maths', '9Y/Ma1'], ['History', null]]);
    expect(set[0]!.childName).toBe('Barnaby Fennimore-Clough');
    const again = await call('setChildTimetable', { childId: childIds[1]!, entries: [{ subjectId: history!.id, teacherId: t!.id, classCode: '9Y/Hi1' }] });
    expect(again.map((e) => [e.subjectName, e.classCode])).toEqual([['History', '9Y/Hi1']]);
    expect(await fails('setChildTimetable', { childId: childIds[1]!, entries: [
      { subjectId: history!.id, teacherId: t!.id }, { subjectId: history!.id, teacherId: t!.id },
    ] })).toMatchObject({ code: 'Invalid', issues: [{ path: ['entries', 1, 'subjectId'] }] });
    expect((await call('listTimetable', { teacherId: t!.id })).length).toBe(2);
  });
});

describe('the SLA', () => {
  it('defaults to 5 school days and 3 between stages, and can be changed', async () => {
    expect(await call('getSlaSettings', {})).toEqual({ returnDueSchoolDays: 5, escalationGapSchoolDays: 3, seniorLeaderName: null, seniorLeaderEmail: null });
    expect(await call('updateSlaSettings', { returnDueSchoolDays: 10, escalationGapSchoolDays: 2, seniorLeaderName: 'Fictional Head', seniorLeaderEmail: '' }))
      .toEqual({ returnDueSchoolDays: 10, escalationGapSchoolDays: 2, seniorLeaderName: 'Fictional Head', seniorLeaderEmail: null });
    expect(await fails('updateSlaSettings', { returnDueSchoolDays: 5, escalationGapSchoolDays: 0 })).toMatchObject({ code: 'Invalid', issues: [{ path: ['escalationGapSchoolDays'] }] });
    await call('updateSlaSettings', { returnDueSchoolDays: 5, escalationGapSchoolDays: 3 });
  });
});

describe('grade scales and windows', () => {
  it('ships the common scales, read-only; a school\'s own scale keeps the grades in use', async () => {
    const scales = await call('listGradeScales', {});
    expect(scales.filter((s) => s.builtIn).map((s) => s.name).sort()).toEqual(['A level', 'GCSE 9–1', 'KS2 scaled score', 'KS2 teacher assessment', 'KS3 flight path']);
    const gcse = scales.find((s) => s.name === 'GCSE 9–1')!;
    expect(gcse.grades).toEqual(['U', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(scales.find((s) => s.name === 'KS2 scaled score')!.grades).toHaveLength(41);
    expect(await fails('saveGradeScale', { id: gcse.id, name: 'GCSE 9–1', grades: ['1', '2'] })).toMatchObject({ code: 'Conflict' });
    expect(await fails('deleteGradeScale', { id: gcse.id })).toMatchObject({ code: 'Conflict' });
    expect(await fails('saveGradeScale', { name: 'Own', grades: ['A', 'a'] })).toMatchObject({ code: 'Invalid', issues: [{ path: ['grades', 1] }] });

    const own = await call('saveGradeScale', { name: 'Own scale', grades: ['Emerging', 'Developing', 'Secure', 'Mastered'] });
    const w = await call('saveAssessmentWindow', { academicYearId: yearId, name: 'Spring 1', closeDate: '2026-02-06', gradeScaleId: own.id });
    expect(w).toMatchObject({ academicYearLabel: '2025-26', gradeScaleName: 'Own scale', expected: 0, requested: false, scaleOverrides: [] });
    expect((await call('listGradeScales', {})).find((s) => s.id === own.id)!.inUse).toBe(true);
    expect(await fails('deleteGradeScale', { id: own.id })).toMatchObject({ code: 'Conflict' });

    // Record a grade, then try to drop it from the scale.
    const maths = (await call('listSubjects', {})).find((s) => s.name === 'Maths')!;
    await call('requestReturns', { windowId: w.id });
    await call('saveReturnCells', { windowId: w.id, cells: [{ childId: childIds[0]!, subjectId: maths.id, current: 'secure' }] });
    expect(await fails('saveGradeScale', { id: own.id, name: 'Own scale', grades: ['Emerging', 'Developing', 'Mastered'] }))
      .toMatchObject({ code: 'Invalid', issues: [{ path: ['grades'] }] });
    expect(await call('saveGradeScale', { id: own.id, name: 'Own scale', grades: ['Emerging', 'Developing', 'Secure', 'Mastered', 'Beyond'] })).toMatchObject({ grades: expect.arrayContaining(['Beyond']) });
    // ...or change the window to a scale without it, or delete the window.
    expect(await fails('saveAssessmentWindow', { id: w.id, academicYearId: yearId, name: 'Spring 1', closeDate: '2026-02-06', gradeScaleId: (await call('listGradeScales', {})).find((s) => s.name === 'GCSE 9–1')!.id }))
      .toMatchObject({ code: 'Invalid', issues: [{ path: ['gradeScaleId'] }] });
    expect(await fails('deleteAssessmentWindow', { id: w.id })).toMatchObject({ code: 'Conflict' });
  });

  it('a window closes inside its academic year and has a unique name there', async () => {
    const gcse = (await call('listGradeScales', {})).find((s) => s.name === 'GCSE 9–1')!;
    expect(await fails('saveAssessmentWindow', { academicYearId: yearId, name: 'Late', closeDate: '2026-09-10', gradeScaleId: gcse.id }))
      .toMatchObject({ code: 'Invalid', issues: [{ path: ['closeDate'] }] });
    expect(await fails('saveAssessmentWindow', { academicYearId: yearId, name: 'Spring 1', closeDate: '2026-02-06', gradeScaleId: gcse.id }))
      .toMatchObject({ code: 'Invalid', issues: [{ path: ['name'] }] });
    expect(await fails('saveAssessmentWindow', { academicYearId: yearId, name: 'X', closeDate: '2026-02-06', gradeScaleId: gcse.id, scaleOverrides: [{ yearGroup: 7, gradeScaleId: gcse.id }, { yearGroup: 7, gradeScaleId: gcse.id }] }))
      .toMatchObject({ code: 'Invalid', issues: [{ path: ['scaleOverrides', 1, 'yearGroup'] }] });
    const empty = await call('saveAssessmentWindow', { academicYearId: yearId, name: 'Summer 1', closeDate: '2026-05-22', gradeScaleId: gcse.id });
    expect(await call('deleteAssessmentWindow', { id: empty.id })).toBeNull();
    expect((await call('listAssessmentWindows', { academicYearId: yearId })).map((w) => w.name)).toEqual(['Spring 1']);
  });
});

describe('providers and their session reports', () => {
  it('computes the due date from the provider\'s SLA in school days, and tracks the ladder', async () => {
    const p = await call('saveProvider', { name: 'Fictional Tutors', contactName: 'Fictional Contact', email: 'tutors@example.org', reportDueSchoolDays: 2, escalationGapSchoolDays: 3 });
    // Session on Thursday 23/10/2025: due two school days later (24/10, then 03/11 after half term).
    const r = await call('saveProviderReport', { providerId: p.id, childId: childIds[0]!, sessionDate: '2025-10-23' });
    expect(r).toMatchObject({ dueOn: '2025-11-03', receivedOn: null, providerName: 'Fictional Tutors' });
    const asOf = async (d: string) => (await call('listProviderReports', { providerId: p.id, asOf: d }))[0]!;
    expect(await asOf('2025-11-03')).toMatchObject({ status: 'requested', slaStage: 0 });
    expect(await asOf('2025-11-04')).toMatchObject({ status: 'late', slaStage: 1 });
    expect(await asOf('2025-11-07')).toMatchObject({ status: 'late', slaStage: 2 });
    const queue = await call('getChaseQueue', { asOf: '2025-11-07' });
    expect(queue.letters.find((l) => l.recipientKind === 'provider')).toMatchObject({ about: 'Fictional Tutors', stage: 2 });
    await call('saveProviderReport', { id: r.id, providerId: p.id, childId: childIds[0]!, sessionDate: '2025-10-23', receivedOn: '2025-11-06' });
    expect(await asOf('2025-11-10')).toMatchObject({ status: 'returned', returnedLate: true });
    expect(await call('listProviderReports', { outstandingOnly: true, asOf: '2025-11-10' })).toEqual([]);
    expect((await call('listProviders', {}))[0]).toMatchObject({ outstanding: 0 });
    expect(await fails('saveProviderReport', { providerId: p.id, childId: childIds[0]!, sessionDate: '2025-10-23' })).toMatchObject({ code: 'Invalid', issues: [{ path: ['sessionDate'] }] });
    expect(await fails('saveProviderReport', { providerId: p.id, childId: childIds[0]!, sessionDate: '2025-10-30', receivedOn: '2025-10-29' })).toMatchObject({ code: 'Invalid' });
    expect(await fails('deleteProvider', { id: p.id })).toMatchObject({ code: 'Conflict' });
    expect(await call('deleteProviderReport', { id: r.id })).toBeNull();
    expect(await call('deleteProvider', { id: p.id })).toBeNull();
  });
});

describe('through the API', () => {
  it('returns the grid, the template, the summary PDF and the chase letters', async () => {
    const [w] = await call('listAssessmentWindows', {});
    // Requested today (the window closed in the past), so overdue a month from now.
    const later = addCalendarDays(localToday(), 30);
    const grid = await call('getReturnsGrid', { windowId: w!.id, asOf: later });
    expect(grid.rows.length).toBeGreaterThan(0);
    const file = await call('returnsCsvTemplate', { windowId: w!.id });
    expect(file.mimeType).toBe('text/csv');
    const pdf = await call('windowSummaryPdf', { windowId: w!.id });
    expect(Buffer.from(pdf.files[0]!.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const letters = await call('chaseLetters', { asOf: later });
    expect(letters.letters).toBeGreaterThan(0);
    expect(Object.keys(letters).sort()).toEqual(['files', 'items', 'letters']);
    const id = grid.rows.flatMap((r) => r.cells).find((c) => c.returnId !== null && c.status !== 'returned')!.returnId!;
    const detail = await call('getReturn', { id });
    expect(detail.chases).toEqual([expect.objectContaining({ chasedOn: later })]);
    expect(detail.cell.dueEstimated).toBe(true);
    expect(await fails('getReturnsGrid', { windowId: 99_999 })).toMatchObject({ code: 'NotFound' });
    expect(await fails('requestReturns', { windowId: 99_999 })).toMatchObject({ code: 'NotFound' });
  });
});
