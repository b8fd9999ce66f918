// The children and import operations through the API dispatcher, as the UI will call them:
// form input with blanks, errors naming fields, the suspension alert cleared by entering the date,
// an import with bad rows refused until fixed, and the exports. Uses the real date.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../../main/api/context.ts';
import type { ChildFile, ImportPreview } from '../../../../main/api/contract.ts';
import { dispatch } from '../../../../main/api/dispatch.ts';
import { addDays, localToday } from '../../../../main/services/children/dates.ts';
import { openApiRegister, ok } from '../../../helpers/api.ts';
import { cleanupTempDirs } from '../../../helpers/db.ts';
import { FIXTURES } from '../import/corpus.ts';
import { nextUpn } from './fixtures.ts';

let ctx: AppContext;
const today = localToday();

beforeAll(async () => {
  ctx = await openApiRegister('api');
});
afterAll(() => {
  ctx.dispose();
  cleanupTempDirs();
});

/** What the add-child form sends: every field, blanks as empty strings. */
const form = {
  upn: '', legalFirstName: 'Zephyrine', legalLastName: 'Quarrington', preferredName: '', dateOfBirth: '2013-02-14', gender: 'F', ethnicity: '',
  yearGroupOffset: 0, status: 'CLA', placArrangement: null, legalStatus: 'C2', responsibleLaId: null, dateIntoCare: '', dateJoinedSchool: '2024-09-04',
  socialWorkerName: 'Hyacinth Bellweather', socialWorkerEmail: '', socialWorkerPhone: '', iroName: '', iroEmail: '', iroPhone: '', keyAdult: '',
  eswName: '', senProvision: 'N', senPrimaryNeed: null, ehcpReviewDate: '', ppPlusEligible: true, consentInformationSharing: false,
  consentNotes: '', transitionNotes: '', careersPlan: '',
};

describe('children through the API', () => {
  let child: ChildFile;

  it('refuses a form with a wrong UPN check letter, naming the field, then accepts it corrected', async () => {
    const upn = nextUpn();
    const wrong = (upn[0] === 'A' ? 'B' : 'A') + upn.slice(1);
    const bad = await dispatch(ctx, 'createChild', { ...form, upn: wrong });
    expect(bad).toMatchObject({ ok: false, error: { code: 'Invalid', issues: [{ path: ['upn'], message: expect.stringMatching(/check letter/) }] } });
    if (!bad.ok) expect(bad.error.message).toMatch(/^Please check the form\. upn: /);
    child = ok<ChildFile>(await dispatch(ctx, 'createChild', { ...form, upn: upn.toLowerCase() }));
    expect(child.child).toMatchObject({ upn, preferredName: null, socialWorkerEmail: null, ppPlusEligible: true });
    expect(ok<{ rows: { id: number }[] }>(await dispatch(ctx, 'listChildren', { view: 'current' })).rows.map((r) => r.id)).toEqual([child.child.id]);
  });

  it('shows "Virtual School not yet informed" for a suspension until the date is entered', async () => {
    const start = addDays(today, -1);
    let file = ok<ChildFile>(await dispatch(ctx, 'addExclusion', { childId: child.child.id, kind: 'SUSP', startDate: start, schoolDays: 1, reason: 'Fictitious reason', socialWorkerInformedOn: start, paperworkSentOn: start }));
    expect(file.alerts.map((a) => a.title)).toContain('Virtual School not yet informed');
    const ex = file.exclusions.items[0]!;
    file = ok<ChildFile>(await dispatch(ctx, 'updateExclusion', {
      id: ex.id, kind: ex.kind, startDate: ex.startDate, endDate: '', schoolDays: ex.schoolDays, reason: ex.reason, vsInformedOn: today,
      socialWorkerInformedOn: ex.socialWorkerInformedOn, paperworkSentOn: ex.paperworkSentOn, reintegrationMeetingOn: '',
    }));
    expect(file.alerts.map((a) => a.title)).not.toContain('Virtual School not yet informed');
  });

  it('edits a placement and keeps the history', async () => {
    let file = ok<ChildFile>(await dispatch(ctx, 'addPlacement', { childId: child.child.id, placementType: 'U4', carerName: 'Mr and Mrs Hollowbrook', startDate: '2020-01-06' }));
    const p = file.placements.items[0]!;
    file = ok<ChildFile>(await dispatch(ctx, 'updatePlacement', { id: p.id, placementType: 'U1', carerName: 'Mrs Hollowbrook (aunt)', startDate: '2020-01-06', carerPhone: '', carerEmail: '', endDate: '', notes: '' }));
    expect(file.placements.current).toMatchObject({ placementType: 'U1', carerName: 'Mrs Hollowbrook (aunt)' });
  });

  it('imports a pupils file with two bad rows only once fixed, then attendance', async () => {
    const upload = (name: string, kind: 'pupils' | 'attendance', extra: object = {}) => {
      const bytes = fs.readFileSync(path.join(FIXTURES, name));
      return { kind, fileName: name, size: bytes.length, content: bytes.toString('base64'), ...extra };
    };
    const preview = ok<ImportPreview>(await dispatch(ctx, 'previewImport', upload('pupils-two-bad-rows.csv', 'pupils')));
    expect(preview.counts).toMatchObject({ new: 3, rejected: 2 });
    const refused = await dispatch(ctx, 'commitImport', upload('pupils-two-bad-rows.csv', 'pupils'));
    expect(refused).toMatchObject({ ok: false, error: { code: 'Invalid', issues: [{ path: ['rows', 3] }, { path: ['rows', 5] }] } });
    expect(ok<{ counts: { onRoll: number } }>(await dispatch(ctx, 'listChildren', { view: 'current' })).counts.onRoll).toBe(1);
    expect(ok<{ counts: { new: number } }>(await dispatch(ctx, 'commitImport', upload('pupils-two-bad-rows-fixed.csv', 'pupils'))).counts.new).toBe(5);
    const period = { start: addDays(today, -40), end: addDays(today, -10) };
    expect(ok<{ counts: { new: number } }>(await dispatch(ctx, 'commitImport', upload('attendance-percent-only.csv', 'attendance', { period }))).counts.new).toBe(2);
    const list = ok<{ rows: { legalLastName: string; latestAttendancePercent: number | null; latestAttendanceBand: string | null }[] }>(await dispatch(ctx, 'listChildren', { view: 'current' }));
    expect(list.rows.find((r) => r.legalLastName === 'Wintergreen')).toMatchObject({ latestAttendancePercent: 83.3, latestAttendanceBand: 'pep-review' });
  });

  it('exports for subject access and as CSV, and deletes with confirmation', async () => {
    const sar = ok<{ files: { fileName: string; mimeType: string }[] }>(await dispatch(ctx, 'subjectAccessExport', { childId: child.child.id }));
    expect(sar.files.map((f) => f.mimeType)).toEqual(['application/pdf', 'application/json']);
    const csv = ok<{ files: { base64: string }[] }>(await dispatch(ctx, 'exportChildrenCsv', { view: 'all' }));
    expect(Buffer.from(csv.files[0]!.base64, 'base64').toString('utf8')).toContain('Quarrington');
    const refused = await dispatch(ctx, 'deleteChild', { id: child.child.id, confirm: 'please' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'Invalid', issues: [{ path: ['confirm'] }] } });
    expect(ok(await dispatch(ctx, 'deleteChild', { id: child.child.id, confirm: child.child.upn! }))).toBeNull();
    expect(await dispatch(ctx, 'getChild', { id: child.child.id })).toMatchObject({ ok: false, error: { code: 'NotFound' } });
  });
});
