// A small register for the PEP suites, "today" Monday 16/03/2026 (spring term 2025-26): the
// 2025-26 calendar, a fictitious LA with a four-point quality scale and a spring cut-off of
// 13/03/2026, and three children:
//   zq     looked after, Year 9, SEN support, with a placement, attendance, voice log, progress
//          returns in two windows (maths up, English steady) and a PP+ tutoring intervention
//   plac   previously looked after (adopted), Year 7
//   fresh  came into care 02/02/2026 and joined 23/02/2026: no progress returns yet
// Every person is fictitious.

import { qb } from '../../../../db/query.ts';
import type { Register } from '../../../../db/register.ts';
import { saveAcademicYear } from '../../../../main/services/academicYears.ts';
import { addAttendancePeriod, addPlacement, addVoiceEntry } from '../../../../main/services/children/records.ts';
import { saveLocalAuthority } from '../../../../main/services/localAuthorities.ts';
import { listGradeScales, saveAssessmentWindow, saveSubject } from '../../../../main/services/progress/index.ts';
import { createRegister, tempDir, type TestRegister } from '../../../helpers/db.ts';
import { YEAR_2025_26 } from '../calendar/fixture.ts';
import { addChild } from '../children/fixtures.ts';

export const TODAY = '2026-03-16';
export const QA_SCALE = 'Outstanding / Good / Requires improvement / Inadequate';

export interface PepFixture extends TestRegister {
  laId: number;
  yearId: number;
  children: { zq: number; plac: number; fresh: number };
  subjects: { english: number; maths: number };
  interventionId: number;
}

export async function pepFixture(label = 'peps'): Promise<PepFixture> {
  const t = await createRegister(tempDir(label));
  const r: Register = t.register;
  const year = saveAcademicYear(r, YEAR_2025_26);
  const la = saveLocalAuthority(r, {
    name: 'Northshire County Council (fictitious)', laCode: '991', vshName: 'Marigold Featherstonehaugh', vsEmail: 'vs@northshire.example.org',
    initialPepSchoolDays: 20, newSchoolPepSchoolDays: 20, ppplusPencePerYear: 257000, ppplusPayment: 'termly', qaScale: QA_SCALE, contacts: [],
  });
  r.transaction(() => r.run(qb.insertInto('la_pep_deadlines').values({ la_id: la.id, academic_year_id: year.id, term: 'Spring', cutoff_date: '2026-03-13' })));

  const zq = addChild(r, {
    responsibleLaId: la.id, dateOfBirth: '2011-10-02', senProvision: 'K', senPrimaryNeed: 'SPLD', ppPlusEligible: true,
    careersPlan: 'Interested in engineering; college taster day booked.', keyAdult: 'Mrs Tamsin Hollyoak', socialWorkerEmail: 'h.bellweather@northshire.example.org',
  });
  const plac = addChild(r, {
    legalFirstName: 'Barnaby', legalLastName: 'Fennimore-Clough', preferredName: null, dateOfBirth: '2013-11-03', status: 'PLAC', placArrangement: 'ADOPTED',
    legalStatus: null, dateIntoCare: null, responsibleLaId: la.id, socialWorkerName: null,
  });
  const fresh = addChild(r, {
    legalFirstName: 'Isolde', legalLastName: 'Marchbanks', preferredName: null, dateOfBirth: '2014-01-20', dateIntoCare: '2026-02-02', dateJoinedSchool: '2026-02-23',
    responsibleLaId: la.id,
  });

  addPlacement(r, zq, { placementType: 'U4', carerName: 'Rosalind Ashworth-Pike', carerPhone: null, carerEmail: null, startDate: '2024-06-01', endDate: null, notes: null }, TODAY);
  const period = (childId: number, periodStart: string, periodEnd: string, possibleSessions: number, presentSessions: number, authorisedAbsence: number, unauthorisedAbsence: number) =>
    addAttendancePeriod(r, childId, { periodStart, periodEnd, possibleSessions, presentSessions, authorisedAbsence, unauthorisedAbsence }, TODAY);
  period(zq, '2025-09-03', '2025-10-24', 70, 66, 4, 0);
  period(zq, '2025-11-03', '2025-12-19', 66, 60, 4, 2);
  // Spring: 81 of 90 sessions = 90.0%.
  period(zq, '2026-01-06', '2026-02-13', 60, 54, 4, 2);
  period(zq, '2026-02-23', '2026-03-13', 30, 27, 3, 0);
  addVoiceEntry(r, zq, { heldOn: '2026-02-03', kind: 'esw_session', staffName: 'Crispin Larkhall', wishesFeelings: 'Enjoys robotics club and wants to keep going.', concerns: null, actions: null }, TODAY);
  addVoiceEntry(r, zq, { heldOn: '2026-03-03', kind: 'esw_session', staffName: 'Crispin Larkhall', wishesFeelings: 'Finds French hard.', concerns: 'Worried about moving maths set.', actions: null }, TODAY);

  const english = saveSubject(r, { name: 'English', isCore: true }).id;
  const maths = saveSubject(r, { name: 'Maths', isCore: true }).id;
  const ks3 = listGradeScales(r).find((s) => s.name === 'KS3 flight path')!.id;
  const w1 = saveAssessmentWindow(r, { academicYearId: year.id, name: 'Autumn 2', closeDate: '2025-12-05', gradeScaleId: ks3 }).id;
  const w2 = saveAssessmentWindow(r, { academicYearId: year.id, name: 'Spring 1', closeDate: '2026-02-06', gradeScaleId: ks3 }).id;
  const stamp = new Date().toISOString();
  const ret = (windowId: number, subjectId: number, current: string, target: string, predicted: string) => r.run(qb.insertInto('progress_returns').values({
    window_id: windowId, child_id: zq, subject_id: subjectId, current_grade: current, target_grade: target, predicted_grade: predicted, returned_on: '2026-02-10', updated_at: stamp,
  }));
  r.transaction(() => {
    ret(w1, english, '5-', '6', '5+');
    ret(w1, maths, '4+', '6-', '5');
    ret(w2, english, '5-', '6', '5+');
    ret(w2, maths, '5', '6-', '6-');
  });
  const interventionId = r.transaction(() => r.run(qb.insertInto('interventions').values({
    child_id: zq, kind: 'tuition_1to1', subject_id: maths, delivered_by: 'Brightpath Tutoring (fictitious)', start_date: '2026-01-12', end_date: null,
    sessions_planned: 10, cost_pence: 45000, funding_source: 'pp_plus', created_at: stamp, updated_at: stamp,
  })).lastInsertRowid);
  return { ...t, laId: la.id, yearId: year.id, children: { zq, plac, fresh }, subjects: { english, maths }, interventionId };
}

/** Every row of the PEP tables, to show a refused change wrote nothing. */
export function pepRows(r: Register): unknown {
  return Object.fromEntries(['peps', 'pep_targets', 'pep_target_reviews', 'pep_target_interventions', 'pep_actions', 'pep_attendees', 'pep_status_changes', 'la_pep_formats']
    .map((t) => [t, r.sqlite.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]));
}
