// The PEP operations through the API dispatcher, as the UI will call them (the issue's e2e flow):
// create a PEP for a child, edit the voice, add a target that fails the SMART check then fix it,
// mark ready, export the PDF, mark submitted, record the VS's rating; plus the list, copy-section
// text, the live SMART check and the LA layout. Uses the real date.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../../main/api/context.ts';
import type { ChildFile, LaPepFormat, LocalAuthority, PepDetail, PepList, PepSectionText, SmartResult } from '../../../../main/api/contract.ts';
import { dispatch } from '../../../../main/api/dispatch.ts';
import { addDays, localToday } from '../../../../main/services/children/dates.ts';
import { openApiRegister, ok } from '../../../helpers/api.ts';
import { cleanupTempDirs } from '../../../helpers/db.ts';
import { pdfText } from '../../../helpers/pdf.ts';

let ctx: AppContext;
const today = localToday();

beforeAll(async () => {
  ctx = await openApiRegister('pep-api');
});

afterAll(() => {
  ctx.dispose();
  cleanupTempDirs();
});

describe('PEPs through the API', () => {
  let la: LocalAuthority;
  let child: ChildFile;
  let pep: PepDetail;

  it('sets up a child with a Virtual School', async () => {
    la = ok(await dispatch(ctx, 'saveLocalAuthority', {
      name: 'Eastmoor Borough Council (fictitious)', laCode: '992', initialPepSchoolDays: 20, newSchoolPepSchoolDays: 20, ppplusPencePerYear: 257000,
      ppplusPayment: 'termly', qaScale: 'Gold / Silver / Bronze / Not yet good enough', contacts: [],
    }));
    child = ok(await dispatch(ctx, 'createChild', {
      upn: '', legalFirstName: 'Cressida', legalLastName: 'Wintergreen', dateOfBirth: '2012-05-06', gender: 'F', status: 'CLA', legalStatus: 'C2',
      responsibleLaId: la.id, dateIntoCare: addDays(today, -900), dateJoinedSchool: addDays(today, -400), socialWorkerName: 'Hyacinth Bellweather',
    }));
  });

  it('lists the child as not started for the current term, then creates the PEP', async () => {
    const first = ok<PepList>(await dispatch(ctx, 'listPeps', {}));
    const term = { academicYear: first.currentTerm.academicYear, term: first.currentTerm.term };
    const list = ok<PepList>(await dispatch(ctx, 'listPeps', term));
    expect(list.notStarted.map((n) => n.childId)).toEqual([child.child.id]);
    pep = ok(await dispatch(ctx, 'createPep', { childId: child.child.id, ...term }));
    expect(pep).toMatchObject({ status: 'draft', editable: true, allowedTransitions: ['ready'], childName: 'Cressida Wintergreen', initials: 'CW', laName: la.name });
    expect(pep.qaScale).toEqual(['Gold', 'Silver', 'Bronze', 'Not yet good enough']);
    expect(pep.format).toHaveLength(14);
    const again = await dispatch(ctx, 'createPep', { childId: child.child.id, ...term });
    expect(again).toMatchObject({ ok: false, error: { code: 'Conflict' } });
  });

  it("edits the child's voice (blank fields left out stay as they are)", async () => {
    pep = ok(await dispatch(ctx, 'updatePep', { id: pep.id, childVoice: 'Wants to join the choir.', meetingDate: today }));
    pep = ok(await dispatch(ctx, 'updatePep', { id: pep.id, carerViews: 'Doing well.' }));
    expect(pep.text).toMatchObject({ childVoice: 'Wants to join the choir.', carerViews: 'Doing well.' });
    expect(pep.meetingDate).toBe(today);
  });

  it('adds a target that fails the SMART check, then fixes it', async () => {
    const live = ok<SmartResult>(await dispatch(ctx, 'checkSmartTarget', { target: 'Try harder' }));
    expect(live.prompts).toHaveLength(4);
    pep = ok(await dispatch(ctx, 'savePepTarget', { pepId: pep.id, area: 'Maths', target: 'Try harder in maths' }));
    expect(pep.targets[0]!.smart).toMatchObject({ smart: false });
    expect(pep.completeness.missing).toContain('Target 1 is SMART');
    pep = ok(await dispatch(ctx, 'savePepTarget', {
      pepId: pep.id, id: pep.targets[0]!.id, area: 'Maths', target: 'Recall multiplication facts to 12 × 12 quickly and accurately',
      successCriteria: 'Scores 45 out of 50 on the weekly check', byWhen: addDays(today, 60), who: 'Maths teacher', ppPlusPence: 25000,
    }));
    expect(pep.targets[0]!.smart.smart).toBe(true);
    pep = ok(await dispatch(ctx, 'savePepTarget', { pepId: pep.id, area: 'Reading', target: 'Read every evening for twenty minutes with the carer', byWhen: addDays(today, 60), who: 'Carer' }));
    expect(pep.targets.map((t) => t.smart.smart)).toEqual([true, true]);
    const text = ok<PepSectionText>(await dispatch(ctx, 'getPepSectionText', { id: pep.id, section: 'targets' }));
    expect(text.heading).toBe('SMART targets');
    expect(text.text).toContain('Who: Maths teacher');
  });

  it('refuses draft → submitted, marks ready, exports the PDF, marks submitted and records the rating', async () => {
    expect(await dispatch(ctx, 'changePepStatus', { id: pep.id, to: 'submitted' })).toMatchObject({ ok: false, error: { code: 'Conflict' } });
    pep = ok(await dispatch(ctx, 'changePepStatus', { id: pep.id, to: 'ready' }));
    const { files } = ok<{ files: { fileName: string; mimeType: string; base64: string }[] }>(await dispatch(ctx, 'exportPep', { pepId: pep.id }));
    expect(files[0]!.fileName).toBe(`PEP_Eastmoor_CW_${pep.academicYear}-${pep.term}.pdf`);
    expect(files[0]!.mimeType).toBe('application/pdf');
    expect(pdfText(Buffer.from(files[0]!.base64, 'base64'))).toContain('Wants to join the choir.');
    pep = ok(await dispatch(ctx, 'changePepStatus', { id: pep.id, to: 'submitted', on: today }));
    expect(pep).toMatchObject({ status: 'submitted', submittedOn: today, editable: false });
    expect(await dispatch(ctx, 'updatePep', { id: pep.id, strengths: 'x' })).toMatchObject({ ok: false, error: { code: 'Conflict' } });
    expect(await dispatch(ctx, 'deletePep', { id: pep.id })).toMatchObject({ ok: false, error: { code: 'Conflict' } });
    pep = ok(await dispatch(ctx, 'changePepStatus', { id: pep.id, to: 'approved', on: today, qualityRating: 'Silver', feedback: 'Good, clear targets.' }));
    expect(pep).toMatchObject({ status: 'approved', qualityRating: 'Silver', qualityRag: 'green', vsFeedback: 'Good, clear targets.' });
    const list = ok<PepList>(await dispatch(ctx, 'listPeps', { childId: child.child.id }));
    expect(list.rows[0]).toMatchObject({ status: 'approved', qualityRating: 'Silver', targets: 2, smartTargets: 2 });
  });

  it("reads and saves the LA's layout", async () => {
    const fmt = ok<LaPepFormat>(await dispatch(ctx, 'getLaPepFormat', { laId: la.id }));
    const sections = fmt.sections.map((s) => ({ key: s.key, heading: s.key === 'details' ? 'About me' : s.heading, included: true }));
    const saved = ok<LaPepFormat>(await dispatch(ctx, 'saveLaPepFormat', { laId: la.id, sections, fileNamePattern: '{LA}-{initials}-{termName}' }));
    expect(saved.sections[0]!.heading).toBe('About me');
    const bad = await dispatch(ctx, 'saveLaPepFormat', { laId: la.id, sections: null, fileNamePattern: 'PEP_{name}.pdf' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'Invalid', issues: [{ path: ['fileNamePattern'] }] } });
    const { files } = ok<{ files: { fileName: string }[] }>(await dispatch(ctx, 'exportPep', { pepId: pep.id, password: 'fictional-pass' }));
    expect(files[0]!.fileName).toBe(`Eastmoor-CW-${pep.term}.pdf`);
  });

  it('shows the PEP history in the child\'s recent activity', async () => {
    const file = ok<ChildFile>(await dispatch(ctx, 'getChild', { id: child.child.id }));
    const descriptions = file.recentActivity.map((a) => a.description);
    expect(descriptions).toEqual(expect.arrayContaining(['PEP added', 'PEP updated', 'PEP target added', 'PEP status updated', 'PEP exported']));
  });
});
