// A small register for the progress and SLA suites: the 2025-26 calendar, four fictitious children
// (one a leaver), three subjects, three staff, a timetable, and the "Autumn 2" window closing on
// Friday 05/12/2025 (returns due 12/12; stage 1 from 15/12, stage 2 from 18/12, stage 3 from 07/01).

import { qb } from '../../../../db/query.ts';
import type { Register } from '../../../../db/register.ts';
import { saveAcademicYear } from '../../../../main/services/academicYears.ts';
import {
  listGradeScales, saveAssessmentWindow, saveSubject, saveTeacher, saveTimetableEntry, updateSlaSettings,
} from '../../../../main/services/progress/index.ts';
import { createRegister, DEMO_CHILDREN, insertChildren, now, type TestRegister } from '../../../helpers/db.ts';
import { YEAR_2025_26 } from '../calendar/fixture.ts';

/** Full names, DOBs and UPNs that must never appear in a letter or summary. */
export const LEAVER = { first: 'Ptolemy', last: 'Gravesend-Hart', dob: '2010-05-09', upn: 'C123456789012' };
export const CHILDREN = [...DEMO_CHILDREN, LEAVER];

export const STAFF = {
  english: 'Augustina Pennywhistle',
  maths: 'Bartholomew Quayle',
  senior: 'Dorothea Fairweather-Lyle',
  englishLeader: 'Leontyne Wrexham-Pryce',
  mathsLeader: 'Cuthbert Ainsley-Moor',
};

export const CLOSE = '2025-12-05';
export const DUE = '2025-12-12';
export const STAGE1 = '2025-12-15';
export const STAGE2 = '2025-12-18';
export const STAGE3 = '2026-01-07';

export interface Fixture extends TestRegister {
  children: { zq: number; bf: number; im: number; leaver: number };
  subjects: { english: number; maths: number; history: number };
  teachers: { english: number; maths: number; senior: number };
  windowId: number;
  scales: { gcse: number; ks3: number };
}

export async function progressFixture(): Promise<Fixture> {
  const reg = await createRegister();
  const r: Register = reg.register;
  const year = saveAcademicYear(r, YEAR_2025_26);
  // Zephyrine (Y10, GCSE), Barnaby (Y9, KS3), Isolde (Y7, KS3); the leaver left in July 2025.
  const [zq, bf, im] = insertChildren(r);
  const leaver = r.transaction(() => r.run(qb.insertInto('children').values({
    legal_first_name: LEAVER.first, legal_last_name: LEAVER.last, date_of_birth: LEAVER.dob, upn: LEAVER.upn, gender: 'M', status: 'CLA',
    date_joined_school: '2021-09-06', leaving_date: '2025-07-18', created_at: now(), updated_at: now(),
  })).lastInsertRowid);

  const english = saveSubject(r, { name: 'English', isCore: true, leaderName: STAFF.englishLeader, leaderEmail: 'english.lead@example.org' }).id;
  const maths = saveSubject(r, { name: 'Maths', isCore: true, leaderName: STAFF.mathsLeader, leaderEmail: 'maths.lead@example.org' }).id;
  const history = saveSubject(r, { name: 'History', isCore: false }).id;
  const tEnglish = saveTeacher(r, { name: STAFF.english, email: 'a.pennywhistle@example.org', isSeniorLeader: false }).id;
  const tMaths = saveTeacher(r, { name: STAFF.maths, email: 'b.quayle@example.org', isSeniorLeader: false }).id;
  const tSenior = saveTeacher(r, { name: STAFF.senior, email: 'd.fairweather@example.org', isSeniorLeader: true }).id;
  updateSlaSettings(r, { returnDueSchoolDays: 5, escalationGapSchoolDays: 3, seniorLeaderName: STAFF.senior, seniorLeaderEmail: 'd.fairweather@example.org' });

  const tt = (childId: number, subjectId: number, teacherId: number, classCode: string) => saveTimetableEntry(r, { childId, subjectId, teacherId, classCode });
  tt(zq!, english, tEnglish, '10X/En1');
  tt(zq!, maths, tMaths, '10X/Ma2');
  tt(bf!, english, tEnglish, '9Y/En2');
  tt(bf!, maths, tMaths, '9Y/Ma1');
  tt(bf!, history, tMaths, '9Y/Hi1');
  tt(im!, english, tEnglish, '7Z/En3');
  tt(im!, maths, tMaths, '7Z/Ma3');
  tt(leaver, english, tEnglish, '11X/En1');

  const scales = listGradeScales(r);
  const gcse = scales.find((s) => s.name === 'GCSE 9–1')!.id;
  const ks3 = scales.find((s) => s.name === 'KS3 flight path')!.id;
  const windowId = saveAssessmentWindow(r, {
    academicYearId: year.id, name: 'Autumn 2', closeDate: CLOSE, gradeScaleId: gcse,
    scaleOverrides: [7, 8, 9].map((yearGroup) => ({ yearGroup, gradeScaleId: ks3 })),
  }).id;
  return {
    ...reg,
    children: { zq: zq!, bf: bf!, im: im!, leaver },
    subjects: { english, maths, history },
    teachers: { english: tEnglish, maths: tMaths, senior: tSenior },
    windowId,
    scales: { gcse, ks3 },
  };
}

/** Every row of the progress tables, to show a refused change wrote nothing. */
export function progressRows(r: Register): unknown {
  return {
    returns: r.sqlite.prepare('SELECT * FROM progress_returns ORDER BY id').all(),
    chases: r.sqlite.prepare('SELECT * FROM chases ORDER BY id').all(),
  };
}
