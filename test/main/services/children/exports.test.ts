// Subject access export (PDF and JSON: everything about one child, including the audit entries
// about them, and nothing about anyone else) and the Children CSV export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Register } from '../../../../db/register.ts';
import { addPlacementInput, addVoiceEntryInput, addExclusionInput } from '../../../../main/api/contract.ts';
import { childLinkedRows, exportChildrenCsv, subjectAccessExport } from '../../../../main/services/children/exports.ts';
import { updateChild } from '../../../../main/services/children/children.ts';
import { addExclusion, addPlacement, addVoiceEntry } from '../../../../main/services/children/records.ts';
import { pdfText } from '../../../helpers/pdf.ts';
import { cleanupTempDirs, SCHOOL_NAME, STAFF } from '../../../helpers/db.ts';
import { addChild, childInput, freshRegister, TODAY } from './fixtures.ts';

let register: Register;
let zeph: number;
let other: number;
let laId: number;

beforeAll(async () => {
  const t = await freshRegister('sar');
  register = t.register;
  laId = t.laId;
  zeph = addChild(register, { responsibleLaId: laId, senProvision: 'K', senPrimaryNeed: 'SEMH', transitionNotes: 'Visits to the sixth form planned.' });
  other = addChild(register, { legalFirstName: 'Barnaby', legalLastName: 'Fennimore-Clough', preferredName: null });
  addPlacement(register, zeph, addPlacementInput.parse({ childId: zeph, placementType: 'U4', carerName: 'Mr and Mrs Hollowbrook', startDate: '2019-05-01' }), TODAY);
  addVoiceEntry(register, zeph, addVoiceEntryInput.parse({ childId: zeph, heldOn: '2026-03-02', kind: 'esw_session', wishesFeelings: 'Would like to learn the cello.' }), TODAY);
  addExclusion(register, zeph, addExclusionInput.parse({ childId: zeph, kind: 'SUSP', startDate: '2026-03-09', schoolDays: 1, reason: 'Damage to property' }), TODAY);
  updateChild(register, { ...childInput({ responsibleLaId: laId, senProvision: 'K', senPrimaryNeed: 'SEMH', transitionNotes: 'Visits to the sixth form planned.', keyAdult: 'Mrs Pennywhistle' }), id: zeph, upn: (register.sqlite.prepare('SELECT upn FROM children WHERE id = ?').pluck().get(zeph) as string) }, TODAY);
  addVoiceEntry(register, other, addVoiceEntryInput.parse({ childId: other, heldOn: '2026-03-02', kind: 'conversation', concerns: 'Barnaby secret worry' }), TODAY);
});
afterAll(() => {
  register.close();
  cleanupTempDirs();
});

describe('subject access export', () => {
  it('gives a PDF with every section, the child\'s details and audit entries, and nothing about another child', async () => {
    const files = await subjectAccessExport(register, zeph, TODAY, new Date(2026, 2, 16, 10, 30));
    expect(files.map((f) => [f.fileName, f.mimeType])).toEqual([
      [`subject-access-child-${zeph}-${TODAY}.pdf`, 'application/pdf'], [`subject-access-child-${zeph}-${TODAY}.json`, 'application/json'],
    ]);
    // Table cells wrap, so compare with runs of white space made single spaces.
    const text = pdfText(Buffer.from(files[0]!.base64, 'base64')).replace(/\s+/g, ' ');
    for (const section of ['Subject access export', 'Personal details', 'Care and contacts', 'Placements', 'Education', 'Schools attended',
      'Prior attainment', 'Attendance', 'Suspensions and exclusions', 'Voice of the child', 'Open alerts', 'Audit entries about this record']) {
      expect(text, section).toContain(section);
    }
    for (const detail of ['Zephyrine Quarrington', 'Hollowbrook', 'Would like to learn the cello.', 'Damage to property', 'Mrs Pennywhistle',
      'C2: Full care order', 'SEMH: Social, emotional and mental health', 'Northshire County Council (fictitious)', 'Placement added', 'Record updated',
      STAFF.dt.name, SCHOOL_NAME, 'OFFICIAL-SENSITIVE']) {
      expect(text, detail).toContain(detail);
    }
    expect(text).not.toContain('Barnaby');
    expect(text).not.toContain('Fennimore');
    expect(text).not.toContain('secret worry');
  });

  it('gives JSON with every linked row and the audit entries about the child only', async () => {
    const files = await subjectAccessExport(register, zeph, TODAY);
    const json = JSON.parse(Buffer.from(files[1]!.base64, 'base64').toString('utf8'));
    expect(json.format).toBe('cic-register/subject-access/1');
    expect(json.child.legalFirstName).toBe('Zephyrine');
    expect(Object.keys(json.records).sort()).toEqual(['children', 'exclusions', 'placements', 'voice_log']);
    expect(json.records.voice_log).toHaveLength(1);
    expect(json.auditEntries.map((a: { description: string }) => a.description)).toEqual([
      'Record created', 'Placement added', 'Voice log entry added', 'Suspension or exclusion added', 'Record updated', 'Subject access export',
    ]);
    expect(JSON.stringify(json)).not.toContain('Barnaby');
  });

  it('is audited as an export of that child', async () => {
    await subjectAccessExport(register, other, TODAY);
    expect(register.sqlite.prepare('SELECT action, record_type, record_id FROM audit_log ORDER BY id DESC LIMIT 1').get())
      .toEqual({ action: 'export', record_type: 'child', record_id: String(other) });
  });

  it('finds rows in tables added later that link to the child through foreign keys', () => {
    register.sqlite.exec(`
      CREATE TABLE test_peps (id INTEGER PRIMARY KEY, child_id INTEGER NOT NULL REFERENCES children(id) ON DELETE CASCADE, term TEXT);
      CREATE TABLE test_pep_targets (id INTEGER PRIMARY KEY, pep_id INTEGER NOT NULL REFERENCES test_peps(id), target TEXT);`);
    try {
      register.sqlite.prepare("INSERT INTO test_peps (id, child_id, term) VALUES (1, ?, 'Spring'), (2, ?, 'Spring')").run(zeph, other);
      register.sqlite.prepare("INSERT INTO test_pep_targets (pep_id, target) VALUES (1, 'Read one book a week'), (2, 'Not this child')").run();
      const rows = childLinkedRows(register, zeph);
      expect(rows.test_peps).toEqual([{ id: 1, child_id: zeph, term: 'Spring' }]);
      expect(rows.test_pep_targets).toEqual([{ id: 1, pep_id: 1, target: 'Read one book a week' }]);
    } finally {
      register.sqlite.exec('DROP TABLE test_pep_targets; DROP TABLE test_peps;');
    }
  });
});

describe('children CSV export', () => {
  it('exports the grid with formula-like cells neutralised, audited', () => {
    const id = addChild(register, { legalFirstName: '=1+2', legalLastName: '@SUM(A1)', preferredName: '+44' });
    const [file] = [exportChildrenCsv(register, 'current', TODAY)];
    expect(file).toMatchObject({ fileName: `children-current-${TODAY}.csv`, mimeType: 'text/csv' });
    const text = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(text.startsWith('\ufeffUPN,Legal first name,Legal last name,Preferred name,Date of birth')).toBe(true);
    expect(text).toContain(",'=1+2,'@SUM(A1),'+44,");
    expect(text).toContain('Zephyrine,Quarrington,Zeph,14/02/2013,Year 8');
    expect(text.split('\r\n').length).toBe(5); // header, three children, final newline
    expect(register.sqlite.prepare('SELECT action, record_type, record_id FROM audit_log ORDER BY id DESC LIMIT 1').get())
      .toEqual({ action: 'export', record_type: 'children', record_id: 'current' });
    expect(id).toBeGreaterThan(0);
  });
});
