// The PEP PDF on demo children, checked by its text (pdftotext) against the register: every section
// present with the child's own figures (attendance percentage, grades, target outcomes); the PLAC
// optional plan's wording; a child with no progress returns yet; password protection; file names
// from the LA's pattern (never the child's name); tables that break cleanly; and the first two
// pages rendered to test-results/pep-page1.png and pep-page2.png for review.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Content } from 'pdfmake/interfaces';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_TEST_KDF } from '../../../db/keyring.ts';
import { Register } from '../../../db/register.ts';
import { createChildInput, DEFAULT_PEP_SECTIONS, TARGET_OUTCOMES, type TargetOutcome } from '../../../main/api/contract.ts';
import { CLA_NOTE, NO_RETURNS_YET, PEP_TITLE, PLAC_KIND, PLAC_NOTE, PLAC_PEP_TITLE, pepDocument } from '../../../main/documents/pep.ts';
import { createChild } from '../../../main/services/children/children.ts';
import { generateDemo } from '../../../main/services/demo/index.ts';
import { createPep, exportPep, loadPepContent, saveLaPepFormat } from '../../../main/services/peps/index.ts';
import { laShortName } from '../../../main/services/peps/format.ts';
import { cleanupTempDirs, tempDir } from '../../helpers/db.ts';
import { pdfPageCount, pdfText, pdfToPngs } from '../../helpers/pdf.ts';

const TODAY = '2026-11-23';
const NOW = new Date('2026-11-23T10:30:00Z');
let register: Register;
const dir = tempDir('pep-pdf');

const flat = (s: string): string => s.replace(/\s+/g, ' ');
const one = <T>(sql: string, ...args: unknown[]): T => register.sqlite.prepare(sql).get(...args) as T;
const all = <T>(sql: string, ...args: unknown[]): T[] => register.sqlite.prepare(sql).all(...args) as T[];

async function pdfOf(pepId: number, password?: string): Promise<{ fileName: string; pdf: Buffer }> {
  const f = await exportPep(register, { pepId, password: password ?? null }, NOW);
  return { fileName: f.fileName, pdf: Buffer.from(f.base64, 'base64') };
}

/** The roles in the signature block of the PEP's document definition. */
function signatureRoles(content: ReturnType<typeof loadPepContent>): string[] {
  const def = pepDocument({ content, sections: [], generatedAt: NOW });
  const block = (def.content as Content[]).find((c) => typeof c === 'object' && (c as { unbreakable?: boolean }).unbreakable) as { stack: { table?: { body: { text: string }[][] } }[] };
  return block.stack.find((x) => x.table)!.table!.body.slice(1).map((row) => row[0]!.text);
}

interface PepPick { id: number; child_id: number; period_start: string; period_end: string; academic_year: string; term: string }

beforeAll(async () => {
  ({ register } = await Register.create({
    path: path.join(dir, 'demo.cicreg'), schoolName: 'Demo Academy (fictitious)', userName: 'Demo DT', passphrase: 'fictitious demo register only', kdf: FAST_TEST_KDF,
  }));
  generateDemo(register, { children: 40, years: 3, seed: 1, today: TODAY });
});

afterAll(() => {
  register.close();
  cleanupTempDirs();
});

describe('a looked-after child\'s approved PEP', () => {
  let pep: PepPick;
  let pdf: Buffer;
  let fileName: string;
  let text: string;

  beforeAll(async () => {
    // An approved PEP whose previous targets were reviewed and that has linked interventions.
    pep = one<PepPick>(`SELECT p.* FROM peps p WHERE p.status = 'approved'
      AND json_extract(p.snapshot, '$.attendance.term') IS NOT NULL
      AND EXISTS (SELECT 1 FROM pep_target_reviews r WHERE r.pep_id = p.id AND r.outcome IS NOT NULL)
      AND EXISTS (SELECT 1 FROM pep_targets t JOIN pep_target_interventions x ON x.pep_target_id = t.id WHERE t.pep_id = p.id)
      ORDER BY p.id LIMIT 1`);
    expect(pep).toBeDefined();
    ({ pdf, fileName } = await pdfOf(pep.id));
    text = pdfText(pdf);
  });

  it('has every section, in order, with the signature block', () => {
    const t = flat(text);
    let at = -1;
    DEFAULT_PEP_SECTIONS.forEach((s, i) => {
      const heading = `${i + 1}. ${s.heading}`;
      const found = t.indexOf(heading);
      expect(found, heading).toBeGreaterThan(at);
      at = found;
    });
    expect(t).toContain('Signatures Signed to confirm this plan was agreed at the PEP meeting.');
    expect(signatureRoles(loadPepContent(register, pep.id))).toEqual(['Designated Teacher', 'Carer', 'Social worker', 'Child or young person']);
  });

  it('is framed: school and Virtual School in the header, OFFICIAL-SENSITIVE, page X of Y', () => {
    const la = one<{ name: string }>('SELECT l.name FROM local_authorities l JOIN children c ON c.responsible_la_id = l.id WHERE c.id = ?', pep.child_id);
    const school = one<{ name: string }>('SELECT name FROM school');
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`${school.name} · Virtual School: ${la.name}`);
    expect(text.match(/OFFICIAL-SENSITIVE/g)!.length).toBeGreaterThanOrEqual(pages * 2);
    for (let p = 1; p <= pages; p++) expect(text).toContain(`Page ${p} of ${pages}`);
    expect(text).toContain(PEP_TITLE);
    expect(text).not.toContain('previously looked-after child');
    expect(flat(text)).toContain(flat(CLA_NOTE));
    expect(text).toMatch(/Approved by the Virtual School on \d\d\/\d\d\/\d{4}/);
  });

  it("shows the child's details as the register holds them", () => {
    const c = one<{ legal_first_name: string; legal_last_name: string; date_of_birth: string; upn: string }>('SELECT * FROM children WHERE id = ?', pep.child_id);
    expect(text).toContain(`${c.legal_first_name}`);
    expect(text).toContain(c.legal_last_name);
    expect(text).toContain(c.date_of_birth.split('-').reverse().join('/'));
    expect(text).toContain(c.upn);
  });

  it("shows the term's attendance percentage as the register gives it", () => {
    const a = one<{ possible: number; present: number }>(`SELECT SUM(possible_sessions) AS possible, SUM(present_sessions) AS present FROM attendance_periods
      WHERE child_id = ? AND period_start BETWEEN ? AND ?`, pep.child_id, pep.period_start, pep.period_end);
    const percent = (Math.round((a.present / a.possible) * 1000) / 10).toFixed(1);
    expect(flat(text)).toContain(`Attendance this term ${percent}% (${a.present} of ${a.possible} sessions)`);
  });

  it("shows each subject's grades from the register's progress returns", () => {
    const grades = all<{ subject: string; current_grade: string | null; target_grade: string | null; close_date: string }>(`
      SELECT s.name AS subject, r.current_grade, r.target_grade, w.close_date FROM progress_returns r
      JOIN assessment_windows w ON w.id = r.window_id JOIN subjects s ON s.id = r.subject_id
      WHERE r.child_id = ? AND w.close_date <= ? ORDER BY w.close_date DESC`, pep.child_id, pep.period_end);
    const latestClose = grades[0]!.close_date;
    const latest = grades.filter((g) => g.close_date === latestClose && g.current_grade);
    expect(latest.length).toBeGreaterThan(0);
    const lines = pdfText(pdf, { layout: true }).split('\n').map((l) => l.trim());
    for (const g of latest) {
      const row = lines.find((l) => l.startsWith(`${g.subject} `));
      expect(row, g.subject).toBeDefined();
      expect(row).toContain(g.current_grade!);
      expect(row).toContain(g.target_grade!);
    }
  });

  it("shows the previous targets' outcomes as recorded", () => {
    const reviews = all<{ target: string; outcome: TargetOutcome; source_label: string }>('SELECT * FROM pep_target_reviews WHERE pep_id = ? ORDER BY position', pep.id);
    const n = (o: TargetOutcome) => reviews.filter((r) => r.outcome === o).length;
    const t = flat(text);
    expect(t).toContain(`${reviews.length} targets from the ${reviews[0]!.source_label} PEP: ${n('met')} met, ${n('partly')} partly met, ${n('not_met')} not met.`);
    for (const r of reviews) expect(t).toContain(flat(r.target));
    for (const o of Object.keys(TARGET_OUTCOMES) as TargetOutcome[]) {
      if (n(o)) expect(t).toContain(TARGET_OUTCOMES[o]);
    }
  });

  it('shows the new targets with their PP+ and linked provision, and the actions', () => {
    const targets = all<{ target: string; pp_plus_pence: number }>('SELECT * FROM pep_targets WHERE pep_id = ? ORDER BY position', pep.id);
    const links = all<{ label: string }>('SELECT x.label FROM pep_target_interventions x JOIN pep_targets t ON t.id = x.pep_target_id WHERE t.pep_id = ?', pep.id);
    const t = flat(text);
    for (const x of targets) expect(t).toContain(flat(x.target));
    for (const l of links) expect(t).toContain(l.label);
    const total = targets.reduce((s, x) => s + x.pp_plus_pence, 0);
    expect(t).toContain(`Pupil Premium Plus requested for these targets: £${(total / 100).toLocaleString('en-GB', { minimumFractionDigits: 2 })}.`);
    for (const a of all<{ action: string }>('SELECT action FROM pep_actions WHERE pep_id = ?', pep.id)) expect(t).toContain(a.action);
  });

  it('is named by the LA pattern with initials and term, never the name', () => {
    const c = one<{ legal_first_name: string; legal_last_name: string; la: string }>(`SELECT c.legal_first_name, c.legal_last_name, l.name AS la
      FROM children c JOIN local_authorities l ON l.id = c.responsible_la_id WHERE c.id = ?`, pep.child_id);
    expect(fileName).toBe(`PEP_${laShortName(c.la)}_${c.legal_first_name[0]}${c.legal_last_name[0]}_${pep.academic_year}-${pep.term}.pdf`);
    expect(fileName).not.toContain(c.legal_first_name);
    expect(fileName).not.toContain(c.legal_last_name);
  });

  it('uses a Virtual School\'s own section order, headings and file name pattern', async () => {
    const laId = one<{ id: number }>('SELECT responsible_la_id AS id FROM children WHERE id = ?', pep.child_id).id;
    const sections = [...DEFAULT_PEP_SECTIONS].reverse().map((s) => ({ key: s.key, heading: s.key === 'voice' ? 'Pupil voice' : s.heading, included: s.key !== 'education_history' }));
    saveLaPepFormat(register, { laId, sections, fileNamePattern: '{LACode} PEP {year} {termName} {initials}' });
    try {
      const out = await pdfOf(pep.id);
      const t = flat(pdfText(out.pdf));
      expect(out.fileName).toMatch(/^\d{3} PEP \d{4}-\d{2} (Autumn|Spring|Summer) [A-Z]{2}\.pdf$/);
      expect(t).toContain('1. Actions');
      expect(t).toContain('Pupil voice');
      expect(t).not.toContain('Education history and prior attainment');
      expect(t.indexOf('1. Actions')).toBeLessThan(t.indexOf('13. Child and care details'));
    } finally {
      saveLaPepFormat(register, { laId, sections: null, fileNamePattern: null });
    }
  });

  it('can be password-protected for email', async () => {
    const { pdf: locked } = await pdfOf(pep.id, 'fictional-pdf-pass');
    const file = path.join(dir, 'locked.pdf');
    fs.writeFileSync(file, locked);
    expect(execFileSync('pdfinfo', ['-upw', 'fictional-pdf-pass', file], { encoding: 'utf8' })).toMatch(/Encrypted:\s+yes/);
    expect(() => execFileSync('pdftotext', [file, '-'], { stdio: 'pipe' })).toThrow();
    expect(execFileSync('pdftotext', ['-upw', 'fictional-pdf-pass', file, '-'], { encoding: 'utf8' })).toContain('Personal Education Plan');
    expect(locked.toString('latin1')).not.toContain(one<{ legal_last_name: string }>('SELECT legal_last_name FROM children WHERE id = ?', pep.child_id).legal_last_name);
    expect(execFileSync('pdfinfo', [path.join(dir, 'plain.pdf')].map((p) => (fs.writeFileSync(p, pdf), p)), { encoding: 'utf8' })).toMatch(/Encrypted:\s+no/);
  });

  it('audits each export against the child, without content', () => {
    const rows = all<{ action: string; record_id: string }>("SELECT action, record_id FROM audit_log WHERE record_type = 'child.PEP' AND action = 'export'");
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.every((r) => r.record_id === `${pep.child_id}:${pep.id}`)).toBe(true);
  });

  it('tables repeat their header row and never split a row; the signature block stays together', () => {
    const def = pepDocument({ content: loadPepContent(register, pep.id), sections: DEFAULT_PEP_SECTIONS.map((s) => ({ key: s.key, heading: s.heading })), generatedAt: NOW });
    const tables: { headerRows?: number; dontBreakRows?: boolean; body: unknown[][] }[] = [];
    const walk = (n: Content | Content[] | undefined): void => {
      if (!n || typeof n !== 'object') return;
      if (Array.isArray(n)) return n.forEach(walk);
      const o = n as unknown as Record<string, unknown>;
      if (o.table) tables.push(o.table as (typeof tables)[number]);
      for (const k of ['stack', 'columns']) if (Array.isArray(o[k])) walk(o[k] as Content[]);
    };
    walk(def.content);
    const data = tables.filter((t) => t.headerRows !== undefined);
    expect(data.length).toBeGreaterThan(5);
    expect(data.every((t) => t.headerRows === 1 && t.dontBreakRows === true)).toBe(true);
    expect(tables.every((t) => t.dontBreakRows === true || t.headerRows === undefined)).toBe(true);
    expect((def.content as Content[]).some((c) => typeof c === 'object' && (c as { unbreakable?: boolean }).unbreakable === true)).toBe(true);
    expect(def.pageSize).toBe('A4');
  });

  it('renders professional first pages (test-results/pep-page1.png, pep-page2.png)', () => {
    const out = path.resolve(import.meta.dirname, '../../../test-results');
    fs.mkdirSync(out, { recursive: true });
    for (const old of fs.readdirSync(out).filter((n) => n.startsWith('pep-page'))) fs.rmSync(path.join(out, old));
    const [p1] = pdfToPngs(pdf, path.join(out, 'pep-page1-render'));
    fs.renameSync(p1!, path.join(out, 'pep-page1.png'));
    const [p2] = pdfToPngs(pdf, path.join(out, 'pep-page2-render'), { first: 2, last: 2 });
    fs.renameSync(p2!, path.join(out, 'pep-page2.png'));
    expect(fs.statSync(path.join(out, 'pep-page1.png')).size).toBeGreaterThan(10_000);
    expect(fs.statSync(path.join(out, 'pep-page2.png')).size).toBeGreaterThan(10_000);
  });
});

describe("a previously looked-after child's optional plan", () => {
  it('is titled and worded as the optional plan, with parents or guardians and no social worker sign-off', async () => {
    const { id } = one<{ id: number }>("SELECT id FROM peps WHERE json_extract(snapshot, '$.child.status') = 'PLAC' ORDER BY id LIMIT 1");
    const { pdf, fileName } = await pdfOf(id);
    const text = pdfText(pdf);
    const t = flat(text);
    expect(text).toContain(PLAC_PEP_TITLE);
    expect(t).toContain(flat(PLAC_NOTE));
    expect(t).toContain('does not have a statutory Personal Education Plan');
    expect(t).toContain("Parents' or guardians' views");
    expect(t).toContain("Parent's or guardian's views");
    expect(t).toContain('Parent or guardian');
    expect(t).not.toContain("Carer's and social worker's views");
    expect(signatureRoles(loadPepContent(register, id))).toEqual(['Designated Teacher', 'Parent or guardian', 'Child or young person']);
    expect(t).not.toContain(flat(CLA_NOTE));
    expect(t).toContain('DRAFT');
    expect(t).toContain(`Autumn term 2026-27 · ${PLAC_KIND}`);
    expect(t).not.toMatch(/Initial PEP|Termly review/);
    expect(fileName).toMatch(/^PEP_[A-Za-z]+_[A-Z]{2}_2026-27-Autumn\.pdf$/);
  });
});

describe('a child with no progress returns yet', () => {
  it('gets a PEP that says so rather than failing', async () => {
    const la = one<{ id: number }>('SELECT id FROM local_authorities ORDER BY id LIMIT 1');
    // A new arrival this month: no returns have been asked for yet.
    const childId = createChild(register, createChildInput.parse({
      upn: null, legalFirstName: 'Perpetua', legalLastName: 'Oakenshaw', dateOfBirth: '2013-04-18', gender: 'F', status: 'CLA', legalStatus: 'C1',
      dateIntoCare: '2026-10-30', dateJoinedSchool: '2026-11-09', responsibleLaId: la.id, socialWorkerName: 'Ignatius Pemberton-Hale',
    }), TODAY);
    const id = createPep(register, { childId, academicYear: '2026-27', term: 'Autumn', kind: null }, TODAY);
    const { pdf } = await pdfOf(id);
    const t = flat(pdfText(pdf));
    expect(t).toContain(NO_RETURNS_YET);
    expect(t).toContain('Attendance this term No attendance recorded for this term yet');
    expect(t).toContain('This is an initial PEP: there are no previous targets to review.');
    expect(t).toContain('No targets set yet.');
    expect(t).toContain('Initial PEP');
  });
});
