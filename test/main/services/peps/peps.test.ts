// PEPs drafted from the register, edited, reviewed and carried over, per-LA layouts and the
// copy-section text, the snapshot rule (a submitted PEP never changes), audit entries, and the
// PEP facts for the alerts engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qb } from '../../../../db/query.ts';
import { pepFactsSource as connectedSource } from '../../../../main/services/alerts/pepSource.ts';
import { childAuditEntries } from '../../../../main/services/children/audit.ts';
import { addAttendancePeriod } from '../../../../main/services/children/records.ts';
import { markChildLeft } from '../../../../main/services/children/children.ts';
import {
  changePepStatus, createPep, deletePep, deletePepAction, deletePepTarget, getLaPepFormat, getPep, getPepSectionText, listPeps, pepFactsFor,
  pepFactsSource, refreshPepSnapshot, reviewPreviousTarget, saveLaPepFormat, savePepAction, savePepTarget, setPepAttendees, updatePep,
} from '../../../../main/services/peps/index.ts';
import { DEFAULT_PEP_SECTIONS } from '../../../../main/api/contract/peps.ts';
import { getIntervention } from '../../../../main/services/interventions/interventions.ts';
import { cleanupTempDirs, expectRegisterError } from '../../../helpers/db.ts';
import { type PepFixture, pepFixture, pepRows, TODAY } from './fixture.ts';

let f: PepFixture;
const spring = { academicYear: '2025-26', term: 'Spring' as const };
const autumn = { academicYear: '2025-26', term: 'Autumn' as const };

beforeAll(async () => {
  f = await pepFixture();
});

afterAll(() => {
  f.register.close();
  cleanupTempDirs();
});

const target = (pepId: number, over: Partial<Parameters<typeof savePepTarget>[1]> = {}) => savePepTarget(f.register, {
  pepId, area: 'Maths', target: 'Recall multiplication facts to 12 × 12 accurately', successCriteria: 'Scores 45 out of 50 on the weekly check',
  byWhen: '2026-03-27', who: 'Maths teacher', ppPlusPence: 30000, interventionIds: [], ...over,
});

describe('drafting a PEP from the register', () => {
  let pepId: number;

  beforeAll(() => {
    pepId = createPep(f.register, { childId: f.children.zq, ...spring, kind: null }, TODAY);
  });

  it('snapshots the child, care, attendance, progress, interventions and SEN for the term', () => {
    const p = getPep(f.register, pepId, TODAY);
    const s = p.snapshot;
    expect(p).toMatchObject({ status: 'draft', kind: 'initial', termLabel: 'Spring term 2025-26', period: { start: '2026-01-05', end: '2026-03-27' }, editable: true });
    expect(s.child).toMatchObject({ legalFirstName: 'Zephyrine', yearGroup: 9, yearGroupLabel: 'Year 9', status: 'CLA', initials: 'ZQ', ppPlusEligible: true });
    expect(s.localAuthority?.name).toBe('Northshire County Council (fictitious)');
    expect(s.placement?.carerName).toBe('Rosalind Ashworth-Pike');
    expect(s.attendance.term).toEqual({ possible: 90, present: 81, authorised: 7, unauthorised: 2, percent: 90 });
    expect(s.attendance.periods).toHaveLength(2);
    expect(s.attendance.yearToDatePercent).toBe(Math.round(((66 + 60 + 54 + 27) / (70 + 66 + 60 + 30)) * 1000) / 10);
    expect(s.sen).toMatchObject({ provision: 'K', primaryNeed: 'SPLD' });
    expect(s.progress.windows.map((w) => w.name)).toEqual(['Autumn 2', 'Spring 1']);
    const maths = s.progress.subjects.find((x) => x.name === 'Maths')!;
    expect(maths).toMatchObject({ trend: 'up', latestTarget: '6-' });
    expect(maths.entries.map((e) => e?.current)).toEqual(['4+', '5']);
    expect(s.progress.subjects.find((x) => x.name === 'English')!.trend).toBe('same');
    expect(s.progress.hasReturnsThisPeriod).toBe(true);
    expect(s.interventions.items).toEqual([expect.objectContaining({ label: 'One-to-one tuition (Maths)', costPence: 45000, fundingSource: 'pp_plus' })]);
    expect(s.interventions).toMatchObject({ ppPlusPence: 45000, financialYear: '2025-26', ppPlusAllocationPence: 257000, ppPlusAllocationSource: 'la_rule' });
    expect(p.dueBy).toBe('2026-03-13');
  });

  it("prefills the child's voice from the term's voice log, and careers for Year 9", () => {
    const p = getPep(f.register, pepId, TODAY);
    expect(p.text.childVoice).toBe('03/02/2026 (Education Support Worker session): Enjoys robotics club and wants to keep going.\n'
      + '03/03/2026 (Education Support Worker session): Finds French hard. Worries: Worried about moving maths set.');
    expect(p.text.transitionCareers).toBe('Interested in engineering; college taster day booked.');
    expect(p.voicePrefill).toBe(p.text.childVoice);
    expect(p.suggestedAttendees.map((a) => a.role)).toEqual(['Designated Teacher', 'Child or young person', 'Carer', 'Social worker', 'Key adult', 'Education Support Worker']);
    expect(p.interventionOptions).toEqual([expect.objectContaining({ id: f.interventionId, fundingSource: 'pp_plus' })]);
  });

  it('shows in the child\'s activity, audited with the child\'s reference and no content', () => {
    const entries = childAuditEntries(f.register, f.children.zq);
    expect(entries[0]).toMatchObject({ action: 'create', record_type: 'child.PEP', record_id: `${f.children.zq}:${pepId}` });
    expect(getPep(f.register, pepId, TODAY).history[0]).toMatchObject({ action: 'create', description: 'PEP added' });
  });

  it('refuses a second PEP for the same term, a leaver, and a term before the child joined', async () => {
    const before = pepRows(f.register);
    await expectRegisterError(() => createPep(f.register, { childId: f.children.zq, ...spring, kind: null }, TODAY), 'Conflict');
    await expectRegisterError(() => createPep(f.register, { childId: f.children.fresh, ...autumn, kind: null }, TODAY), 'Invalid');
    await expectRegisterError(() => createPep(f.register, { childId: 99999, ...autumn, kind: null }, TODAY), 'NotFound');
    expect(pepRows(f.register)).toEqual(before);
  });

  it('a child with no returns yet gets a PEP that says so rather than failing', () => {
    const id = createPep(f.register, { childId: f.children.fresh, ...spring, kind: null }, TODAY);
    const p = getPep(f.register, id, TODAY);
    expect(p.snapshot.progress).toEqual({ windows: [], subjects: [], hasReturnsThisPeriod: false });
    expect(getPepSectionText(f.register, { id, section: 'progress' }).text).toBe('No progress returns recorded yet for this period.');
    expect(p.snapshot.attendance.term).toBeNull();
  });
});

describe('editing, targets and completeness', () => {
  let pepId: number;

  beforeAll(() => {
    pepId = createPep(f.register, { childId: f.children.zq, ...autumn, kind: 'review' }, TODAY);
  });

  it('starts part-complete and lists what is missing', () => {
    const c = getPep(f.register, pepId, TODAY).completeness;
    expect(c.percent).toBeLessThan(50);
    expect(c.missing).toEqual(expect.arrayContaining(['PEP meeting date', "Carer's views", "Social worker's views", 'At least one new target',
      'How the PEP links to the SEN support plan', 'Actions with an owner and a date']));
    expect(c.missing).not.toContain('Careers and post-16 plans');
  });

  it('saves text fields partially, leaving others unchanged', () => {
    updatePep(f.register, pepId, { meetingDate: '2025-11-20', carerViews: 'Settled and happy.' }, TODAY);
    updatePep(f.register, pepId, { socialWorkerViews: 'Care plan stable.' }, TODAY);
    const p = getPep(f.register, pepId, TODAY);
    expect(p).toMatchObject({ meetingDate: '2025-11-20', text: { carerViews: 'Settled and happy.', socialWorkerViews: 'Care plan stable.' } });
  });

  it('a target that fails the SMART check still saves, with prompts; fixing it passes', () => {
    target(pepId, { target: 'Try harder in maths', successCriteria: null, byWhen: null, who: null, ppPlusPence: 0 });
    let p = getPep(f.register, pepId, TODAY);
    expect(p.targets).toHaveLength(1);
    expect(p.targets[0]!.smart).toMatchObject({ smart: false, passed: 0 });
    expect(p.completeness.missing).toContain('Target 1 is SMART');
    target(pepId, { id: p.targets[0]!.id, interventionIds: [f.interventionId] });
    p = getPep(f.register, pepId, TODAY);
    expect(p.targets[0]!.smart.smart).toBe(true);
    expect(p.targets[0]!.interventions).toEqual([{ interventionId: f.interventionId, label: 'One-to-one tuition (Maths)' }]);
    expect(p.completeness.missing).not.toContain('Target 1 is SMART');
    // The intervention shows the target it supports, with the PEP to open.
    expect(getIntervention(f.register, f.interventionId, TODAY).pepTargets).toEqual([{
      pepId, academicYear: '2025-26', term: 'Autumn', pepStatus: 'draft', targetId: p.targets[0]!.id, area: 'Maths',
      target: 'Recall multiplication facts to 12 × 12 accurately', byWhen: '2026-03-27',
    }]);
  });

  it("refuses to link another child's intervention", async () => {
    const other = f.register.transaction(() => f.register.run(qb.insertInto('interventions').values({
      child_id: f.children.fresh, kind: 'mentoring', start_date: '2026-03-01', funding_source: 'school', created_at: TODAY, updated_at: TODAY,
    })).lastInsertRowid);
    const before = pepRows(f.register);
    const e = await expectRegisterError(() => target(pepId, { interventionIds: [other] }), 'Invalid');
    expect(e.issues[0]?.path).toEqual(['interventionIds', 0]);
    expect(pepRows(f.register)).toEqual(before);
  });

  it('completes with voice, views, strengths, SEN notes, careers, attendees and actions', () => {
    // The voice log had nothing by the end of the autumn term, so nothing was prefilled.
    expect(getPep(f.register, pepId, TODAY).text.childVoice).toBeNull();
    updatePep(f.register, pepId, { childVoice: 'Likes robotics club.', strengths: 'Creative', barriers: 'Reading fluency', senNotes: 'SEN support plan reviewed with the SENDCo.' }, TODAY);
    setPepAttendees(f.register, pepId, [{ name: 'Rosalind Ashworth-Pike', role: 'Carer', present: true }, { name: 'Hyacinth Bellweather', role: 'Social worker', present: false }]);
    savePepAction(f.register, { pepId, action: 'Book tuition', owner: 'Designated Teacher', dueOn: '2025-12-01', doneOn: null });
    const p = getPep(f.register, pepId, TODAY);
    expect(p.attendees.map((a) => a.present)).toEqual([true, false]);
    expect(p.completeness).toMatchObject({ percent: 100, missing: [] });
  });

  it('an action without an owner or date counts as missing; deleting it completes again', () => {
    savePepAction(f.register, { pepId, action: 'Share targets with teachers', owner: null, dueOn: null, doneOn: null });
    let p = getPep(f.register, pepId, TODAY);
    expect(p.completeness.missing).toEqual(['Actions with an owner and a date']);
    deletePepAction(f.register, p.actions[1]!.id);
    p = getPep(f.register, pepId, TODAY);
    expect(p.completeness.percent).toBe(100);
  });

  it('the voice can be left blank with a reason instead', () => {
    updatePep(f.register, pepId, { childVoice: '' }, TODAY);
    expect(getPep(f.register, pepId, TODAY).completeness.missing).toEqual(["The child's voice, or why it was not recorded"]);
    updatePep(f.register, pepId, { childVoiceReason: 'Declined to take part this term; will be asked again by the key adult.' }, TODAY);
    const p = getPep(f.register, pepId, TODAY);
    expect(p.completeness.percent).toBe(100);
    expect(getPepSectionText(f.register, { id: pepId, section: 'voice' }).text).toMatch(/^The child's voice was not recorded for this PEP\. Reason: Declined/);
  });
});

describe('the next PEP reviews the previous targets and carries open ones over', () => {
  let autumnId: number;
  let springId: number;

  beforeAll(() => {
    autumnId = listPeps(f.register, { childId: f.children.zq, ...autumn, status: null }, TODAY).rows[0]!.id;
    target(autumnId, { area: 'English', target: 'Write extended answers in English using paragraphs', successCriteria: 'Will be able to write four paragraphs', who: 'English teacher' });
    springId = listPeps(f.register, { childId: f.children.zq, ...spring, status: null }, TODAY).rows[0]!.id;
    // The spring PEP was drafted before these targets existed: refreshing adds them to its review.
    refreshPepSnapshot(f.register, springId, TODAY);
  });

  it('lists the previous PEP\'s targets for review, copied with their wording', () => {
    const p = getPep(f.register, springId, TODAY);
    expect(p.previousTargets.map((r) => [r.sourceLabel, r.area, r.outcome])).toEqual([['Autumn term 2025-26', 'Maths', null], ['Autumn term 2025-26', 'English', null]]);
    expect(p.completeness.missing).toContain('Outcomes of the previous targets');
  });

  it('partly met carries the target forward (without its date); met does not', () => {
    let p = getPep(f.register, springId, TODAY);
    const [maths, english] = p.previousTargets as [typeof p.previousTargets[0], typeof p.previousTargets[0]];
    reviewPreviousTarget(f.register, { id: maths.id, outcome: 'met', note: 'Scored 47 out of 50.', carryForward: null });
    reviewPreviousTarget(f.register, { id: english.id, outcome: 'partly', note: 'Three paragraphs so far.', carryForward: null });
    p = getPep(f.register, springId, TODAY);
    expect(p.previousTargets.map((r) => [r.outcome, r.carryForward])).toEqual([['met', false], ['partly', true]]);
    const carried = p.targets.filter((t) => t.carriedFromReviewId === english.id);
    expect(carried).toHaveLength(1);
    expect(carried[0]).toMatchObject({ area: 'English', target: english.target, byWhen: null });
    expect(carried[0]!.smart.checks.timeBound.ok).toBe(false);
    expect(p.completeness.missing).not.toContain('Outcomes of the previous targets');
    // The autumn PEP shows how its targets were reviewed later.
    const a = getPep(f.register, autumnId, TODAY);
    expect(a.targets.map((t) => t.laterReview?.outcome)).toEqual(['met', 'partly']);
  });

  it('changing the outcome to met, or declining to carry forward, removes the carried copy', () => {
    let p = getPep(f.register, springId, TODAY);
    const english = p.previousTargets[1]!;
    reviewPreviousTarget(f.register, { id: english.id, outcome: 'not_met', note: null, carryForward: false });
    p = getPep(f.register, springId, TODAY);
    expect(p.targets.some((t) => t.carriedFromReviewId === english.id)).toBe(false);
    reviewPreviousTarget(f.register, { id: english.id, outcome: 'not_met', note: 'Absent for the assessment.', carryForward: null });
    p = getPep(f.register, springId, TODAY);
    const carried = p.targets.find((t) => t.carriedFromReviewId === english.id)!;
    // Deleting the carried copy by hand records that it is no longer carried forward.
    deletePepTarget(f.register, carried.id);
    p = getPep(f.register, springId, TODAY);
    expect(p.previousTargets[1]).toMatchObject({ outcome: 'not_met', carryForward: false });
  });
});

describe('a submitted PEP never changes; a draft can be refreshed', () => {
  it('reports when the register has changed since a draft\'s snapshot, and refreshes it', () => {
    const id = listPeps(f.register, { childId: f.children.zq, ...spring, status: null }, TODAY).rows[0]!.id;
    expect(getPep(f.register, id, TODAY).registerChangedSinceSnapshot).toBe(false);
    addAttendancePeriod(f.register, f.children.zq, { periodStart: '2026-03-16', periodEnd: '2026-03-20', possibleSessions: 10, presentSessions: 5, authorisedAbsence: 5, unauthorisedAbsence: 0 }, TODAY);
    const p = getPep(f.register, id, TODAY);
    expect(p.registerChangedSinceSnapshot).toBe(true);
    expect(p.snapshot.attendance.term?.percent).toBe(90);
    refreshPepSnapshot(f.register, id, TODAY);
    const q = getPep(f.register, id, TODAY);
    expect(q.registerChangedSinceSnapshot).toBe(false);
    expect(q.snapshot.attendance.term).toMatchObject({ possible: 100, present: 86, percent: 86 });
  });

  it('after submission the PEP reads the same whatever changes in the register, and content edits are refused', async () => {
    const id = listPeps(f.register, { childId: f.children.zq, ...autumn, status: null }, TODAY).rows[0]!.id;
    changePepStatus(f.register, { id, to: 'ready', on: null, reason: null, qualityRating: null, feedback: null }, TODAY);
    changePepStatus(f.register, { id, to: 'submitted', on: '2025-11-25', reason: null, qualityRating: null, feedback: null }, TODAY);
    const before = getPep(f.register, id, TODAY);
    const textBefore = getPepSectionText(f.register, { id, section: 'attendance' }).text;
    addAttendancePeriod(f.register, f.children.zq, { periodStart: '2025-10-27', periodEnd: '2025-10-31', possibleSessions: 10, presentSessions: 2, authorisedAbsence: 8, unauthorisedAbsence: 0 }, TODAY);
    f.register.transaction(() => f.register.run(qb.updateTable('children').set({ legal_last_name: 'Quarrington-Vale' }).where('id', '=', f.children.zq)));
    const after = getPep(f.register, id, TODAY);
    expect(after.snapshot).toEqual(before.snapshot);
    expect(after.editable).toBe(false);
    expect(after.registerChangedSinceSnapshot).toBe(false);
    expect(getPepSectionText(f.register, { id, section: 'attendance' }).text).toBe(textBefore);
    const rows = pepRows(f.register);
    await expectRegisterError(() => updatePep(f.register, id, { strengths: 'changed' }, TODAY), 'Conflict');
    await expectRegisterError(() => target(id), 'Conflict');
    await expectRegisterError(() => refreshPepSnapshot(f.register, id, TODAY), 'Conflict');
    await expectRegisterError(() => setPepAttendees(f.register, id, []), 'Conflict');
    await expectRegisterError(() => deletePep(f.register, id), 'Conflict');
    expect(pepRows(f.register)).toEqual(rows);
    f.register.transaction(() => f.register.run(qb.updateTable('children').set({ legal_last_name: 'Quarrington' }).where('id', '=', f.children.zq)));
  });
});

describe('per-LA layout, file name pattern and copy-section text', () => {
  it('defaults to every section in the default order', () => {
    const fmt = getLaPepFormat(f.register, f.laId);
    expect(fmt.isDefault).toBe(true);
    expect(fmt.sections.map((s) => s.key)).toEqual(DEFAULT_PEP_SECTIONS.map((s) => s.key));
    expect(fmt.fileNamePattern).toBe('PEP_{LA}_{initials}_{term}.pdf');
    expect(fmt.qaScale).toEqual(['Outstanding', 'Good', 'Requires improvement', 'Inadequate']);
  });

  it('saves the Virtual School\'s order, headings and hidden sections; the PEP follows them', () => {
    const sections = [...DEFAULT_PEP_SECTIONS].reverse().map((s) => ({ key: s.key, heading: s.key === 'targets' ? 'My targets (SMART)' : s.heading, included: s.key !== 'education_history' }));
    const fmt = saveLaPepFormat(f.register, { laId: f.laId, sections, fileNamePattern: '{LACode}-PEP-{year}-{termName}-{initials}' });
    expect(fmt.isDefault).toBe(false);
    expect(fmt.sections[0]!.key).toBe('actions');
    const id = listPeps(f.register, { childId: f.children.zq, ...spring, status: null }, TODAY).rows[0]!.id;
    const p = getPep(f.register, id, TODAY);
    expect(p.format[0]!.key).toBe('actions');
    expect(p.format.some((s) => s.key === 'education_history')).toBe(false);
    expect(getPepSectionText(f.register, { id, section: 'targets' }).heading).toBe('My targets (SMART)');
    expect(f.register.sqlite.prepare("SELECT action FROM audit_log WHERE record_type = 'la_pep_format'").pluck().all()).toEqual(['update']);
  });

  it('refuses a layout that drops or repeats a section, hides a required one, or a pattern with an unknown placeholder', async () => {
    const before = pepRows(f.register);
    const all = DEFAULT_PEP_SECTIONS.map((s) => ({ key: s.key, heading: s.heading, included: true }));
    await expectRegisterError(() => saveLaPepFormat(f.register, { laId: f.laId, sections: all.slice(1), fileNamePattern: null }), 'Invalid');
    await expectRegisterError(() => saveLaPepFormat(f.register, { laId: f.laId, sections: [...all, all[0]!], fileNamePattern: null }), 'Invalid');
    await expectRegisterError(() => saveLaPepFormat(f.register, { laId: f.laId, sections: all.map((s) => ({ ...s, included: s.key !== 'voice' })), fileNamePattern: null }), 'Invalid');
    const e = await expectRegisterError(() => saveLaPepFormat(f.register, { laId: f.laId, sections: null, fileNamePattern: 'PEP_{surname}_{term}.pdf' }), 'Invalid');
    expect(e.message).toMatch(/Unknown placeholder \{surname\}/);
    await expectRegisterError(() => saveLaPepFormat(f.register, { laId: 99999, sections: null, fileNamePattern: null }), 'NotFound');
    expect(pepRows(f.register)).toEqual(before);
  });

  it('copy section gives plain text ready to paste (no markup, UK dates)', () => {
    const id = listPeps(f.register, { childId: f.children.zq, ...autumn, status: null }, TODAY).rows[0]!.id;
    const t = getPepSectionText(f.register, { id, section: 'targets' });
    expect(t.text).toMatch(/^#: 1\nArea: Maths\nTarget and success criteria: Recall multiplication facts to 12 × 12 accurately\n {2}Success criteria: Scores 45 out of 50 on the weekly check\n {2}Provision: One-to-one tuition \(Maths\)\nBy when: 27\/03\/2026\nWho: Maths teacher\nPP\+: £300\.00/);
    expect(t.text).toMatch(/Pupil Premium Plus requested for these targets: £600\.00\.$/);
    expect(t.text).not.toMatch(/[*_#]{2}|<|>/);
    const a = getPepSectionText(f.register, { id, section: 'attendance' }).text;
    expect(a).toMatch(/^Attendance this term: 92\.6% \(126 of 136 sessions\)\nAuthorised absence: 8 sessions\n/);
    expect(a).toContain('From: 03/11/2025; To: 19/12/2025; Possible: 66; Present: 60; Authorised: 4; Unauthorised: 2; Attendance: 90.9%');
    const views = getPepSectionText(f.register, { id, section: 'views' }).text;
    expect(views).toBe("Carer's views:\nSettled and happy.\n\nSocial worker's views:\nCare plan stable.");
  });

  it('resets to the default layout', () => {
    expect(saveLaPepFormat(f.register, { laId: f.laId, sections: null, fileNamePattern: null }).isDefault).toBe(true);
  });
});

describe('the PLAC optional plan', () => {
  it('needs no social worker views and uses parents\' or guardians\' wording', () => {
    const id = createPep(f.register, { childId: f.children.plac, ...spring, kind: null }, TODAY);
    const p = getPep(f.register, id, TODAY);
    expect(p.snapshot.child.status).toBe('PLAC');
    expect(p.completeness.items.map((i) => i.label)).toContain("Parent's or guardian's views");
    expect(p.completeness.items.map((i) => i.label)).not.toContain("Social worker's views");
    expect(getPepSectionText(f.register, { id, section: 'views' })).toMatchObject({ heading: "Parents' or guardians' views", text: "Parent's or guardian's views:\nNot yet recorded." });
  });
});

describe('the PEP list', () => {
  it('lists PEPs per child and term with status and completeness, and the looked-after children not started', () => {
    const l = listPeps(f.register, { childId: null, ...spring, status: null }, TODAY);
    expect(l.currentTerm).toEqual({ ...spring, label: 'Spring term 2025-26' });
    expect(l.rows.map((r) => r.childId).sort()).toEqual([f.children.zq, f.children.plac, f.children.fresh].sort());
    const zq = l.rows.find((r) => r.childId === f.children.zq)!;
    expect(zq).toMatchObject({ status: 'draft', dueBy: '2026-03-13', overdue: true, childStatus: 'CLA', laName: 'Northshire County Council (fictitious)' });
    expect(zq.completenessPercent).toBeGreaterThan(0);
    expect(zq.missing.length).toBeGreaterThan(0);
    expect(l.notStarted).toEqual([]);
    const a = listPeps(f.register, { childId: null, ...autumn, status: null }, TODAY);
    // The fresh child joined in February: no autumn PEP was due; the PLAC child never needs one.
    expect(a.notStarted).toEqual([]);
    const s = listPeps(f.register, { childId: null, academicYear: '2025-26', term: 'Summer', status: null }, TODAY);
    expect(s.notStarted.map((n) => n.childId).sort()).toEqual([f.children.zq, f.children.fresh].sort());
    expect(s.notStarted[0]!.dueBy).toBe('2026-07-22');
  });

  it('without a term, shows every PEP, latest term first, and the current term', () => {
    const l = listPeps(f.register, { childId: f.children.zq, academicYear: null, term: null, status: null }, TODAY);
    expect(l.rows.map((r) => r.term)).toEqual(['Spring', 'Autumn']);
    expect(l.currentTerm.label).toBe('Spring term 2025-26');
    expect(listPeps(f.register, { childId: null, academicYear: null, term: null, status: 'submitted' }, TODAY).rows.map((r) => r.term)).toEqual(['Autumn']);
  });
});

describe('deleting and leavers', () => {
  it('deletes a draft (audited), and refuses once the child has left', async () => {
    const id = createPep(f.register, { childId: f.children.fresh, academicYear: '2025-26', term: 'Summer', kind: null }, TODAY);
    deletePep(f.register, id);
    expect(listPeps(f.register, { childId: f.children.fresh, academicYear: '2025-26', term: 'Summer', status: null }, TODAY).rows).toEqual([]);
    expect(childAuditEntries(f.register, f.children.fresh)[0]).toMatchObject({ action: 'delete', record_type: 'child.PEP' });
    const spring = listPeps(f.register, { childId: f.children.fresh, academicYear: '2025-26', term: 'Spring', status: null }, TODAY).rows[0]!.id;
    markChildLeft(f.register, { id: f.children.fresh, leavingDate: '2026-03-16', leavingDestination: 'Moved school: placement move out of area' }, TODAY);
    expect(getPep(f.register, spring, TODAY).editable).toBe(false);
    await expectRegisterError(() => updatePep(f.register, spring, { strengths: 'x' }, TODAY), 'Conflict');
    await expectRegisterError(() => deletePep(f.register, spring), 'Conflict');
  });
});

describe('PEP facts for the alerts engine', () => {
  it('is what the alerts engine reads by default', () => {
    expect(connectedSource()(f.register, [f.children.zq], TODAY)).toEqual(pepFactsSource(f.register, [f.children.zq], TODAY));
  });

  it('gives the last meeting held, its status, targets not met at it, and careers on the latest PEP', () => {
    const facts = pepFactsFor(f.register, [f.children.zq, f.children.plac, 99999], TODAY);
    // Spring's meeting is not recorded yet: the last meeting held is the autumn one (submitted).
    expect(facts.get(f.children.zq)).toEqual({ childId: f.children.zq, lastPepMeetingOn: '2025-11-20', lastPepStatus: 'submitted', targetsNotMetAtLastReview: 0, hasCareersPlan: true });
    expect(facts.get(f.children.plac)).toMatchObject({ lastPepMeetingOn: null, lastPepStatus: null, targetsNotMetAtLastReview: 0 });
    expect(facts.get(99999)).toMatchObject({ lastPepMeetingOn: null });
    const springId = listPeps(f.register, { childId: f.children.zq, ...spring, status: null }, TODAY).rows[0]!.id;
    updatePep(f.register, springId, { meetingDate: '2026-03-10' }, TODAY);
    expect(pepFactsFor(f.register, [f.children.zq], TODAY).get(f.children.zq)).toMatchObject({ lastPepMeetingOn: '2026-03-10', lastPepStatus: 'draft', targetsNotMetAtLastReview: 1 });
    // A meeting planned for later has not been held.
    updatePep(f.register, springId, { meetingDate: '2026-03-20' }, TODAY);
    expect(pepFactsFor(f.register, [f.children.zq], TODAY).get(f.children.zq)!.lastPepMeetingOn).toBe('2025-11-20');
    updatePep(f.register, springId, { meetingDate: '2026-03-10' }, TODAY);
    // The alerts engine asks as of its own date: only meetings held by then count.
    expect(pepFactsSource(f.register, [f.children.zq], '2025-11-19').get(f.children.zq)!.lastPepMeetingOn).toBeNull();
    expect(pepFactsSource(f.register, [f.children.zq], '2025-12-01').get(f.children.zq)!.lastPepMeetingOn).toBe('2025-11-20');
  });
});
