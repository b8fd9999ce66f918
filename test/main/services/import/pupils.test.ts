// Importing pupils from the MIS: the fixture corpus under test/fixtures/csv and awkward files
// generated here. All data fictitious.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { Register } from '../../../../db/register.ts';
import { getChildFile } from '../../../../main/services/children/childFile.ts';
import { markChildLeft } from '../../../../main/services/children/children.ts';
import { commitImport, type ImportRequest, previewImport } from '../../../../main/services/import/index.ts';
import { cleanupTempDirs, expectRegisterError } from '../../../helpers/db.ts';
import { addChild, fingerprint, freshRegister, TODAY } from '../children/fixtures.ts';
import { fixture, fixtureUpn } from './corpus.ts';

const upn = fixtureUpn;

let register: Register;
let laId: number;

beforeEach(async () => {
  const t = await freshRegister('import');
  register = t.register;
  laId = t.laId;
  return () => register.close();
});
afterAll(cleanupTempDirs);

const pupils = (bytes: Buffer | string, extra: Partial<ImportRequest> = {}): ImportRequest => ({
  kind: 'pupils', fileName: 'pupils.csv', bytes: typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes, ...extra,
});
const childByUpn = (u: string) => register.sqlite.prepare('SELECT * FROM children WHERE upn = ?').get(u) as Record<string, unknown> | undefined;
const HEADER = 'UPN,Legal Surname,Legal Forename,Preferred Forename,DOB,Gender,NC Year,SEN Provision,Primary Need\r\n';

describe('the fixture corpus', () => {
  it('imports a SIMS export in Windows-1252 with CRLF, keeping accents', () => {
    const req = pupils(fixture('sims-pupils-windows1252.csv'), { fileName: 'sims-pupils-windows1252.csv' });
    const p = previewImport(register, req, TODAY);
    expect(p.encoding).toBe('windows-1252');
    expect(p.counts).toEqual({ rows: 4, new: 4, update: 0, unchanged: 0, rejected: 0 });
    expect(p.unmappedColumns).toEqual(['Trip Notes']);
    expect(p.rows.map((r) => [r.line, r.summary])).toEqual([[2, 'Z.Å. · Year 8'], [3, 'R.D. · Year 7'], [4, 'S.O. · Year 10'], [5, 'S.L. · Year 8']]);
    expect(p.canCommit).toBe(true);
    expect(commitImport(register, req, TODAY).counts.new).toBe(4);
    expect(childByUpn(upn(1))).toMatchObject({ legal_first_name: 'Zoë', legal_last_name: 'Ågren-Fairweather', sen_provision: 'K', sen_primary_need: 'SEMH', gender: 'F', status: 'CLA' });
    expect(childByUpn(upn(3))).toMatchObject({ legal_first_name: 'Seán', legal_last_name: "O'Callaghan", sen_provision: 'E', sen_primary_need: 'ASD' });
    expect(childByUpn(upn(2))).toMatchObject({ preferred_name: 'Ren', sen_primary_need: null });
  });

  it('imports an Arbor export in UTF-8 with a BOM, LF and quoted newlines', () => {
    const p = previewImport(register, pupils(fixture('arbor-pupils-utf8-bom.csv')), TODAY);
    expect(p.encoding).toBe('utf-8 (with BOM)');
    expect(p.columns[0]!.header).toBe('Legal first name');
    expect(p.unmappedColumns).toEqual([]);
    expect(p.counts).toMatchObject({ new: 3, rejected: 0 });
    // The address cells hold newlines, so each pupil is one spreadsheet row.
    expect(p.rows.map((r) => r.line)).toEqual([2, 3, 4]);
    commitImport(register, pupils(fixture('arbor-pupils-utf8-bom.csv')), TODAY);
    expect(childByUpn(upn(5))).toMatchObject({ legal_first_name: 'Barnaby', sen_provision: 'K', sen_primary_need: 'SPLD', gender: 'M' });
    expect(childByUpn(upn(6))).toMatchObject({ preferred_name: 'Izzy', date_of_birth: '2013-11-03' });
  });

  it('rejects the two bad rows and imports nothing until they are fixed', async () => {
    const bad = pupils(fixture('pupils-two-bad-rows.csv'));
    const p = previewImport(register, bad, TODAY);
    expect(p.counts).toEqual({ rows: 5, new: 3, update: 0, unchanged: 0, rejected: 2 });
    expect(p.rows.filter((r) => r.status === 'rejected').map((r) => [r.line, r.reasons])).toEqual([
      [3, [expect.stringMatching(/^UPN: .*check letter/)]],
      [5, ['Date of birth is not a real date (check the day and month).']],
    ]);
    const before = fingerprint(register);
    const e = await expectRegisterError(() => commitImport(register, bad, TODAY), 'Invalid');
    expect(e.message).toBe('Nothing was imported: 2 rows were rejected (rows 3, 5). Fix them in the file and import it again.');
    expect(e.issues.map((i) => i.path)).toEqual([['rows', 3], ['rows', 5]]);
    expect(fingerprint(register)).toBe(before);
    expect(commitImport(register, pupils(fixture('pupils-two-bad-rows-fixed.csv')), TODAY).counts).toMatchObject({ new: 5, rejected: 0 });
  });
});

describe('new, update, unchanged', () => {
  it('updates only MIS fields of a child matched by UPN, never care data, and reports what changes', () => {
    const u = upn(1);
    const id = addChild(register, {
      upn: u, legalFirstName: 'Zoe', legalLastName: 'Agren', dateOfBirth: '2013-02-14', responsibleLaId: laId, socialWorkerName: 'Hyacinth Bellweather',
      senProvision: 'E', senPrimaryNeed: 'SEMH', ehcpReviewDate: '2026-06-01',
    });
    const before = childByUpn(u)!;
    const req = pupils(fixture('sims-pupils-windows1252.csv'));
    const p = previewImport(register, req, TODAY);
    expect(p.rows[0]).toMatchObject({ status: 'update', childId: id, changes: ['Legal first name', 'Legal last name', 'SEN provision', 'EHCP review date'] });
    expect(p.rows[0]!.warnings).toEqual(['The EHCP review date will be cleared, as the SEN provision is no longer E.']);
    commitImport(register, req, TODAY);
    const after = childByUpn(u)!;
    expect(after).toMatchObject({ legal_first_name: 'Zoë', legal_last_name: 'Ågren-Fairweather', sen_provision: 'K', ehcp_review_date: null });
    for (const care of ['status', 'legal_status', 'responsible_la_id', 'date_into_care', 'date_joined_school', 'social_worker_name', 'esw_name', 'preferred_name']) {
      expect(after[care], care).toEqual(before[care]);
    }
    // The same file again changes nothing.
    const again = previewImport(register, req, TODAY);
    expect(again.counts).toMatchObject({ unchanged: 4, new: 0, update: 0 });
    const fp = fingerprint(register);
    commitImport(register, req, TODAY);
    const audit = register.sqlite.prepare("SELECT record_type, record_id FROM audit_log WHERE action = 'import' ORDER BY id").all();
    expect(audit).toEqual([
      { record_type: 'import.pupils', record_id: 'rows=4;new=3;update=1;unchanged=0' },
      { record_type: 'import.pupils', record_id: 'rows=4;new=0;update=0;unchanged=4' },
    ]);
    expect(fp).not.toBe(fingerprint(register)); // only the audit entry
  });

  it('gives new children the chosen status and admission date, warning when it falls back to today', () => {
    const csv = `${HEADER}${upn(20)},Quillfeather,Ottilie,,12/05/2013,F,8,N,\r\n`;
    let p = previewImport(register, pupils(csv), TODAY);
    expect(p.rows[0]!.warnings).toEqual([
      'No admission date: the date joined is set to 16/03/2026. Check it in the child\'s file.',
      'New child recorded as looked after: add their care details in their file.',
    ]);
    p = previewImport(register, pupils(csv, { newChildren: { status: 'PLAC', dateJoinedSchool: '2025-09-03' } }), TODAY);
    expect(p.rows[0]!.warnings).toEqual([]);
    commitImport(register, pupils(csv, { newChildren: { status: 'PLAC', dateJoinedSchool: '2025-09-03' } }), TODAY);
    expect(childByUpn(upn(20))).toMatchObject({ status: 'PLAC', date_joined_school: '2025-09-03', plac_arrangement: null });
  });

  it('rejects rows for leavers, year groups that contradict the date of birth, and likely duplicates', () => {
    const leaver = addChild(register, { upn: upn(30), dateOfBirth: '2013-02-14' });
    markChildLeft(register, { id: leaver, leavingDate: '2026-03-13', leavingDestination: 'Moved school' }, TODAY);
    addChild(register, { upn: null, legalFirstName: 'Cosmo', legalLastName: 'Wintergreen', dateOfBirth: '2011-10-17' });
    const offset = addChild(register, { upn: upn(33), legalFirstName: 'Tamsin', legalLastName: 'Ashdown', dateOfBirth: '2012-12-25', yearGroupOffset: -1 });
    const csv = HEADER
      + `${upn(30)},Quarrington,Zephyrine,,14/02/2013,F,8,N,\r\n`
      + `${upn(31)},Brackenridge,Lysander,,08/01/2012,M,7,N,\r\n`
      + `${upn(32)},Wintergreen,Cosmo,,17/10/2011,M,,N,\r\n`
      + `${upn(33)},Ashdown,Tamsin,,25/12/2012,F,7,N,\r\n`
      + `${upn(34)},Pennywhistle,Marigold,,01/03/2012,F,9,N,SEMH\r\n`;
    const p = previewImport(register, pupils(csv), TODAY);
    expect(p.rows.map((r) => [r.status, r.reasons])).toEqual([
      ['rejected', ['This child has left the school: their record is read-only.']],
      ['rejected', [expect.stringMatching(/^The year group in the file does not match the date of birth, which gives Year 9\. /)]],
      ['rejected', [expect.stringMatching(/same name and date of birth is already in the register without a UPN/)]],
      ['unchanged', []],
      ['rejected', [expect.stringMatching(/primary need is given but the SEN provision is N/)]],
    ]);
    expect(p.rows[3]!.childId).toBe(offset);
  });
});

describe('awkward files', () => {
  it('rejects every row of a UPN that appears more than once, naming the other rows', () => {
    const row = `${upn(40)},Quarrington,Zephyrine,,14/02/2013,F,8,N,\r\n`;
    const p = previewImport(register, pupils(HEADER + row + `${upn(41)},Fennimore,Barnaby,,30/07/2013,M,8,N,\r\n` + row + row), TODAY);
    expect(p.rows.map((r) => [r.line, r.status, r.reasons])).toEqual([
      [2, 'rejected', ['This UPN appears more than once in the file (also rows 4, 5).']],
      [3, 'new', []],
      [4, 'rejected', ['This UPN appears more than once in the file (also rows 2, 5).']],
      [5, 'rejected', ['This UPN appears more than once in the file (also rows 2, 4).']],
    ]);
  });

  it('rejects bad and impossible dates, missing fields and bad UPNs with reasons naming the field', () => {
    const csv = HEADER
      + `${upn(50)},Quarrington,Zephyrine,,14/02/13,F,,N,\r\n`
      + `${upn(51)},Quarrington,Zephyrine,,2013-02-30,F,,N,\r\n`
      + `${upn(52)},Quarrington,Zephyrine,,,F,,N,\r\n`
      + `${upn(53)},,,,14/02/2013,F,,N,\r\n`
      + `,Quarrington,Zephyrine,,14/02/2013,Q,,Maybe,\r\n`
      + `${upn(54).slice(0, 12)},Quarrington,Zephyrine,,14/02/2031,F,,N,\r\n`
      + `${upn(55)},Quarrington,Zephyrine,,14/02/1980,F,,N,\r\n`;
    const p = previewImport(register, pupils(csv), TODAY);
    expect(p.rows.map((r) => r.reasons)).toEqual([
      ['Date of birth has a two-digit year: use dd/mm/yyyy.'],
      ['Date of birth is not a real date (check the day and month).'],
      ['Date of birth is missing.'],
      ['Legal first name is missing.', 'Legal last name is missing.'],
      ['UPN is missing.', 'Gender must be M, F or X (or Male, Female, Unknown).', 'SEN provision must be N, K (SEN support) or E (EHC plan).'],
      ['UPN: A UPN is 13 characters: a letter, 11 digits, then a digit or a letter.', expect.stringMatching(/not plausible/)],
      [expect.stringMatching(/not plausible/)],
    ]);
    expect(p.canCommit).toBe(false);
  });

  it('stores formula-like cells literally as text, never evaluated', () => {
    const csv = HEADER
      + `${upn(60)},=1+2,+44,-3,14/02/2013,F,8,N,\r\n`
      + `${upn(61)},@SUM(A1:A9),"=HYPERLINK(""http://example.invalid"")",'=2+2,30/07/2013,M,8,N,\r\n`;
    const p = previewImport(register, pupils(csv), TODAY);
    expect(p.counts).toMatchObject({ new: 2, rejected: 0 });
    commitImport(register, pupils(csv), TODAY);
    expect(childByUpn(upn(60))).toMatchObject({ legal_last_name: '=1+2', legal_first_name: '+44', preferred_name: '-3' });
    expect(childByUpn(upn(61))).toMatchObject({ legal_last_name: '@SUM(A1:A9)', legal_first_name: '=HYPERLINK("http://example.invalid")', preferred_name: '=2+2' });
  });

  it('reports unknown headers and imports once the UI maps them explicitly', () => {
    const csv = 'Pupil Ref,Family,Given,Born,Gender,House\n'
      + `${upn(70)},Marchbanks,Isolde,03/11/2013,F,Kestrel\n`;
    let p = previewImport(register, pupils(csv), TODAY);
    expect(p.unmappedColumns).toEqual(['Pupil Ref', 'Family', 'Given', 'Born']);
    expect(p.missingRequired.map((m) => m.field)).toEqual(['upn', 'legalFirstName', 'legalLastName', 'dateOfBirth']);
    expect(p.problems[0]).toMatch(/^No column gives: UPN, Legal first name, Legal last name, Date of birth\./);
    expect(p.rows).toEqual([]);
    expect(p.canCommit).toBe(false);
    expect(p.fields.map((f) => f.field)).toContain('senPrimaryNeed');
    const mapping = [
      { column: 'Pupil Ref', field: 'upn' as const }, { column: 'Family', field: 'legalLastName' as const },
      { column: 'Given', field: 'legalFirstName' as const }, { column: 'Born', field: 'dateOfBirth' as const },
    ];
    p = previewImport(register, pupils(csv, { mapping }), TODAY);
    expect(p.counts).toMatchObject({ new: 1, rejected: 0 });
    expect(p.mapping).toEqual([...mapping, { column: 'Gender', field: 'gender' }, { column: 'House', field: null }]);
    commitImport(register, pupils(csv, { mapping }), TODAY);
    expect(childByUpn(upn(70))).toMatchObject({ legal_first_name: 'Isolde', legal_last_name: 'Marchbanks' });
  });

  it('refuses an empty file, a header with no rows, and a workbook, writing nothing', async () => {
    const before = fingerprint(register);
    for (const [bytes, problem] of [
      ['', /empty/], [HEADER, /no rows/], [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), /Save As/],
    ] as const) {
      const p = previewImport(register, pupils(bytes as Buffer | string), TODAY);
      expect(p.problems[0]).toMatch(problem);
      const e = await expectRegisterError(() => commitImport(register, pupils(bytes as Buffer | string), TODAY), 'Invalid');
      expect(e.message).toMatch(/^Nothing was imported\./);
    }
    expect(fingerprint(register)).toBe(before);
  });

  it('shows imported children in the file with their year group', () => {
    commitImport(register, pupils(fixture('sims-pupils-windows1252.csv')), TODAY);
    const id = (childByUpn(upn(3)) as { id: number }).id;
    expect(getChildFile(register, id, TODAY).child).toMatchObject({ yearGroupLabel: 'Year 10', senProvision: 'E' });
  });
});
