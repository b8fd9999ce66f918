// Importing attendance summaries: matched by UPN, unknown UPNs rejected, periods given by column or
// at import, percentages, overlaps, update and unchanged. All data fictitious.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Register } from '../../../../db/register.ts';
import { getChildFile } from '../../../../main/services/children/childFile.ts';
import { commitImport, type ImportRequest, previewImport } from '../../../../main/services/import/index.ts';
import { cleanupTempDirs, expectRegisterError } from '../../../helpers/db.ts';
import { addChild, fingerprint, freshRegister, TODAY } from '../children/fixtures.ts';
import { fixture, fixtureUpn } from './corpus.ts';

const upn = fixtureUpn;
let register: Register;

beforeEach(async () => {
  register = (await freshRegister('attendance')).register;
  commitImport(register, { kind: 'pupils', fileName: 'p.csv', bytes: fixture('sims-pupils-windows1252.csv') }, TODAY);
  return () => register.close();
});
afterAll(cleanupTempDirs);

const attendance = (bytes: Buffer | string, extra: Partial<ImportRequest> = {}): ImportRequest => ({
  kind: 'attendance', fileName: 'attendance.csv', bytes: typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes, ...extra,
});
const childId = (n: number) => (register.sqlite.prepare('SELECT id FROM children WHERE upn = ?').get(upn(n)) as { id: number }).id;
const HEADER = 'UPN,Start Date,End Date,Possible Sessions,Present,Authorised Absences,Unauthorised Absences,Attendance %\n';

describe('attendance import', () => {
  it('imports a SIMS summary and shows the percentage and highlight in the child\'s file', () => {
    const req = attendance(fixture('attendance-sims.csv'));
    const p = previewImport(register, req, TODAY);
    expect(p.unmappedColumns).toEqual([]);
    expect(p.counts).toEqual({ rows: 4, new: 4, update: 0, unchanged: 0, rejected: 0 });
    expect(p.rows[0]!.summary).toBe('Z.Å. · 03/09/2025 to 19/12/2025 · 92.3%');
    commitImport(register, req, TODAY);
    const a = getChildFile(register, childId(3), TODAY).attendance;
    expect(a.latest).toMatchObject({ possibleSessions: 142, presentSessions: 110, authorisedAbsence: 12, unauthorisedAbsence: 20, percent: 77.5, band: 'pep-review', source: 'import' });
    expect(getChildFile(register, childId(2), TODAY).attendance.latest?.band).toBe('action-plan');
    expect(getChildFile(register, childId(3), TODAY).alerts.map((x) => x.kind)).toContain('attendance-pep-review');
  });

  it('takes the period from the import when the file has no dates, and works out present sessions from a percentage', () => {
    commitImport(register, { kind: 'pupils', fileName: 'p.csv', bytes: fixture('pupils-two-bad-rows-fixed.csv') }, TODAY);
    const req = attendance(fixture('attendance-percent-only.csv'), { period: { start: '2026-01-05', end: '2026-02-13' } });
    const p = previewImport(register, req, TODAY);
    expect(p.missingRequired).toEqual([]);
    expect(p.rows.map((r) => [r.status, r.warnings])).toEqual([
      ['new', ['Present sessions worked out from the attendance %.']], ['new', ['Present sessions worked out from the attendance %.']],
    ]);
    commitImport(register, req, TODAY);
    expect(getChildFile(register, childId(12), TODAY).attendance.latest).toMatchObject({ periodStart: '2026-01-05', presentSessions: 50, percent: 83.3 });
    // Without the period, the file cannot be imported.
    expect(previewImport(register, attendance(fixture('attendance-percent-only.csv')), TODAY).missingRequired.map((m) => m.field)).toEqual(['periodStart', 'periodEnd']);
  });

  it('updates a period already recorded, and reports unchanged rows', () => {
    commitImport(register, attendance(fixture('attendance-sims.csv')), TODAY);
    const csv = HEADER + `${upn(1)},03/09/2025,19/12/2025,142,135,5,2,\n${upn(2)},03/09/2025,19/12/2025,142,125,10,7,88.0\n`;
    const p = previewImport(register, attendance(csv), TODAY);
    expect(p.rows.map((r) => [r.status, r.changes])).toEqual([
      ['update', ['Present sessions', 'Authorised absences', 'Unauthorised absences']], ['unchanged', []],
    ]);
    commitImport(register, attendance(csv), TODAY);
    expect(getChildFile(register, childId(1), TODAY).attendance.periods).toHaveLength(1);
    expect(getChildFile(register, childId(1), TODAY).attendance.latest?.presentSessions).toBe(135);
  });

  it('rejects unknown UPNs, leavers, overlaps, duplicates, and figures that do not add up', async () => {
    commitImport(register, attendance(fixture('attendance-sims.csv')), TODAY);
    const leaver = addChild(register, { upn: upn(90), dateOfBirth: '2012-05-05' });
    register.sqlite.prepare("UPDATE children SET leaving_date = '2026-03-01' WHERE id = ?").run(leaver);
    const csv = HEADER
      + `${upn(80)},05/01/2026,13/02/2026,60,55,5,0,\n` // not in the register
      + `${upn(90)},05/01/2026,13/02/2026,60,55,5,0,\n` // a leaver
      + `${upn(1)},01/12/2025,13/02/2026,60,55,5,0,\n` // overlaps the autumn period
      + `${upn(2)},05/01/2026,13/02/2026,60,55,5,0,\n`
      + `${upn(2)},05/01/2026,13/02/2026,60,54,6,0,\n` // same child and period twice
      + `${upn(3)},05/01/2026,13/02/2026,60,55,5,5,\n` // more than possible
      + `${upn(4)},05/01/2026,13/02/2026,60,55,5,0,50\n` // % contradicts sessions
      + `${upn(4)},10/02/2026,20/02/2026,20,20,0,0,\n` // overlaps the row above
      + `${upn(4)},13/02/2026,05/01/2026,60,,,,\n`; // backwards and missing present
    const p = previewImport(register, attendance(csv), TODAY);
    expect(p.rows.map((r) => [r.line, r.reasons])).toEqual([
      [2, ['No child with this UPN is in the register. Import or add the child first.']],
      [3, ['This child has left the school: their record is read-only.']],
      [4, ['This period overlaps the attendance already recorded for 03/09/2025 to 19/12/2025.']],
      [5, ['This child and period appear more than once in the file (also row 6).']],
      [6, ['This child and period appear more than once in the file (also row 5).']],
      [7, ['Present, authorised and unauthorised sessions add up to more than the possible sessions.']],
      [8, [expect.stringMatching(/does not match present ÷ possible/), 'This period overlaps row 9 for the same child.']],
      [9, ['This period overlaps row 8 for the same child.']],
      [10, ['The period ends before it starts.', 'Present sessions (or the attendance %) is missing.']],
    ]);
    expect(p.counts).toMatchObject({ rows: 9, rejected: 9 });
    const before = fingerprint(register);
    await expectRegisterError(() => commitImport(register, attendance(csv), TODAY), 'Invalid');
    expect(fingerprint(register)).toBe(before);
  });
});
