// The demo generator: reproducible from its seed, sized by its arguments, and only ever using
// valid codes, UPNs and reserved contact details (example.org, Ofcom drama numbers).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../db/audit.ts';
import { buildDemo, generateDemo, isValidUpn, yearGroup } from '../../main/services/demo/index.ts';
import { FAST_TEST_KDF } from '../../db/keyring.ts';
import { Register } from '../../db/register.ts';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const reference = JSON.parse(fs.readFileSync(path.resolve(repo, '../shared/reference/england-codes.json'), 'utf8')) as Record<string, Record<string, string>>;
const codes = (list: string): string[] => Object.keys(reference[list]!);

const TODAY = '2026-11-23';
const PASSPHRASE = 'fictitious demo register only';
const DATA_TABLES = [
  'school', 'academic_years', 'terms', 'calendar_closures', 'local_authorities', 'la_contacts', 'la_pep_deadlines',
  'children', 'placements', 'education_history', 'prior_attainment', 'attendance_periods', 'exclusions', 'voice_log',
] as const;

let dir: string;
let n = 0;

async function demoRegister(opts: { children: number; years: number; seed: number; today?: string }): Promise<Register> {
  const { register } = await Register.create({
    path: path.join(dir, `demo-${n++}.cicreg`), schoolName: 'Demo Academy (fictitious)', userName: 'Demo DT',
    passphrase: PASSPHRASE, kdf: FAST_TEST_KDF,
  });
  generateDemo(register, { today: TODAY, ...opts });
  return register;
}

function dump(register: Register): Record<string, unknown[]> {
  return Object.fromEntries(DATA_TABLES.map((t) => [t, register.sqlite.prepare(`SELECT * FROM ${t} ORDER BY id`).all()]));
}

const rows = <T = Record<string, unknown>>(r: Register, sql: string): T[] => r.sqlite.prepare(sql).all() as T[];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cic-demo-test-'));
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('generateDemo', () => {
  let register: Register;

  beforeAll(async () => {
    register = await demoRegister({ children: 40, years: 3, seed: 1 });
  });

  afterAll(() => register.close());

  it('is reproducible: the same seed gives identical data, another seed different data', async () => {
    const again = await demoRegister({ children: 40, years: 3, seed: 1 });
    const other = await demoRegister({ children: 40, years: 3, seed: 2 });
    try {
      expect(dump(again)).toEqual(dump(register));
      const b = dump(other);
      expect(b.children).not.toEqual(dump(register).children);
      expect(b.school).not.toEqual(dump(register).school);
    } finally {
      again.close();
      other.close();
    }
  });

  it('writes as many children and academic years as asked, ending with the current year', () => {
    expect(rows(register, 'SELECT id FROM children')).toHaveLength(40);
    const years = rows<{ label: string; start_date: string; end_date: string }>(register, 'SELECT * FROM academic_years ORDER BY start_date');
    expect(years.map((y) => y.label)).toEqual(['2024-25', '2025-26', '2026-27']);
    expect(years.every((y) => y.start_date.endsWith('-09-01') && y.end_date.endsWith('-08-31'))).toBe(true);
    expect(rows(register, 'SELECT id FROM terms')).toHaveLength(9);
    const las = rows<{ ppplus_pence_per_year: number; name: string }>(register, 'SELECT * FROM local_authorities');
    expect(las.length).toBeGreaterThanOrEqual(3);
    expect(las.length).toBeLessThanOrEqual(5);
    expect(las.every((l) => l.ppplus_pence_per_year === 2570_00)).toBe(true);
    expect(rows(register, 'SELECT id FROM la_contacts').length).toBeGreaterThanOrEqual(las.length);
  });

  it('sizes by its arguments', async () => {
    const small = await demoRegister({ children: 7, years: 1, seed: 99 });
    try {
      expect(rows(small, 'SELECT id FROM children')).toHaveLength(7);
      expect(rows(small, 'SELECT label FROM academic_years')).toEqual([{ label: '2026-27' }]);
    } finally {
      small.close();
    }
  });

  it('gives every child a valid, unique UPN', () => {
    const upns = rows<{ upn: string }>(register, 'SELECT upn FROM children').map((r) => r.upn);
    expect(upns.every(isValidUpn)).toBe(true);
    expect(new Set(upns).size).toBe(upns.length);
  });

  it('uses only codes from the reference lists', () => {
    const kids = rows<{ status: string; legal_status: string | null; plac_arrangement: string | null; sen_provision: string; sen_primary_need: string | null; ehcp_review_date: string | null }>(register, 'SELECT * FROM children');
    for (const c of kids) {
      if (c.status === 'CLA') {
        expect(codes('legal_status_ssda903')).toContain(c.legal_status);
        expect(c.plac_arrangement).toBeNull();
      } else {
        expect(c.status).toBe('PLAC');
        expect(['ADOPTED', 'SGO', 'CAO']).toContain(c.plac_arrangement);
        expect(codes('previously_looked_after_arrangements')).toContain(c.plac_arrangement);
      }
      expect(codes('sen_provision')).toContain(c.sen_provision);
      if (c.sen_provision === 'N') expect(c.sen_primary_need).toBeNull();
      else expect(codes('sen_primary_need')).toContain(c.sen_primary_need);
      expect(c.ehcp_review_date != null).toBe(c.sen_provision === 'E');
    }
    for (const p of rows<{ placement_type: string }>(register, 'SELECT placement_type FROM placements')) {
      expect(codes('placement_type_ssda903')).toContain(p.placement_type);
    }
    for (const e of rows<{ kind: string }>(register, 'SELECT kind FROM exclusions')) expect(codes('exclusion_types')).toContain(e.kind);
    for (const t of rows<{ name: string }>(register, 'SELECT name FROM terms')) expect(reference.terms).toContain(t.name);
  });

  it('has a realistic mix: mostly CLA, year groups 3–13 mostly secondary, SEN N/K/E, leavers', () => {
    const kids = rows<{ status: string; date_of_birth: string; year_group_offset: number; sen_provision: string; leaving_date: string | null }>(register, 'SELECT * FROM children');
    const cla = kids.filter((k) => k.status === 'CLA').length;
    expect(cla).toBe(30);
    const groups = kids.filter((k) => !k.leaving_date).map((k) => yearGroup(k.date_of_birth, TODAY, k.year_group_offset));
    expect(Math.min(...groups)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...groups)).toBeLessThanOrEqual(13);
    expect(groups.filter((g) => g >= 7).length).toBeGreaterThan(groups.length / 2);
    expect(new Set(kids.map((k) => k.sen_provision))).toEqual(new Set(['N', 'K', 'E']));
    expect(kids.some((k) => k.leaving_date)).toBe(true);
  });

  it('has KS2 scaled scores in 80–120 and GCSE grades in 1–9', () => {
    const pa = rows<{ measure: string; result_num: number | null }>(register, 'SELECT * FROM prior_attainment');
    const ks2 = pa.filter((p) => p.measure === 'KS2' && p.result_num != null).map((p) => p.result_num!);
    expect(ks2.length).toBeGreaterThan(20);
    expect(ks2.every((s) => s >= 80 && s <= 120 && Number.isInteger(s))).toBe(true);
    const gcse = pa.filter((p) => p.measure === 'GCSE').map((p) => p.result_num!);
    expect(gcse.every((g) => g >= 1 && g <= 9)).toBe(true);
  });

  it('has attendance per half-term with some children below 90% and below 85%', () => {
    const periods = rows<{ possible_sessions: number; present_sessions: number; authorised_absence: number; unauthorised_absence: number }>(register, 'SELECT * FROM attendance_periods');
    expect(periods.every((p) => p.present_sessions + p.authorised_absence + p.unauthorised_absence === p.possible_sessions)).toBe(true);
    const pct = rows<{ pct: number }>(register, 'SELECT 100.0 * sum(present_sessions) / sum(possible_sessions) AS pct FROM attendance_periods GROUP BY child_id');
    expect(pct.some((p) => p.pct < 85)).toBe(true);
    expect(pct.some((p) => p.pct >= 85 && p.pct < 90)).toBe(true);
    // Six half-terms a year: nobody has more than 6 × 3 periods.
    const most = rows<{ n: number }>(register, 'SELECT count(*) AS n FROM attendance_periods GROUP BY child_id ORDER BY n DESC LIMIT 1')[0]!.n;
    expect(most).toBeLessThanOrEqual(18);
  });

  it('has suspensions, including one the Virtual School was not told about', () => {
    const ex = rows<{ vs_informed_on: string | null }>(register, 'SELECT * FROM exclusions');
    expect(ex.length).toBeGreaterThan(0);
    expect(ex.some((e) => e.vs_informed_on == null)).toBe(true);
  });

  it('has ESW sessions every three to six weeks', () => {
    const sessions = rows<{ child_id: number; held_on: string }>(register, "SELECT child_id, held_on FROM voice_log WHERE kind = 'esw_session' ORDER BY child_id, held_on");
    expect(sessions.length).toBeGreaterThan(100);
    const gaps: number[] = [];
    for (let i = 1; i < sessions.length; i++) {
      if (sessions[i]!.child_id !== sessions[i - 1]!.child_id) continue;
      gaps.push((Date.parse(sessions[i]!.held_on) - Date.parse(sessions[i - 1]!.held_on)) / 86_400_000);
    }
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(21);
    // A holiday pushes a session to the next school day: at most the summer break (about 6 weeks) longer.
    expect(Math.max(...gaps)).toBeLessThanOrEqual(42 + 50);
    expect(gaps.filter((g) => g <= 42).length).toBeGreaterThan(gaps.length * 0.8);
  });

  it('uses only reserved email domains and Ofcom drama phone numbers', () => {
    const emails: string[] = [];
    const phones: string[] = [];
    for (const [table, cols] of Object.entries({
      children: ['social_worker_email', 'iro_email', 'social_worker_phone', 'iro_phone'],
      placements: ['carer_email', 'carer_phone'],
      local_authorities: ['vs_email', 'vs_phone'],
      la_contacts: ['email', 'phone'],
      school: ['email', 'phone'],
    })) {
      for (const r of rows<Record<string, string | null>>(register, `SELECT ${cols.join(', ')} FROM ${table}`)) {
        for (const c of cols) {
          const v = r[c];
          if (v == null) continue;
          (c.endsWith('email') ? emails : phones).push(v);
        }
      }
    }
    expect(emails.length).toBeGreaterThan(40);
    expect(emails.every((e) => /^[a-z.-]+@example\.org$/.test(e))).toBe(true);
    expect(phones.every((p) => /^01632 960\d{3}$/.test(p))).toBe(true);
  });

  it('marks the school as fictitious and keeps the signed-in DT', () => {
    const school = rows<{ name: string; dt_name: string; urn: string }>(register, 'SELECT * FROM school')[0]!;
    expect(school.name).toMatch(/\(fictitious\)$/);
    expect(school.dt_name).toBe('Demo DT');
    expect(school.urn).toMatch(/^99\d{4}$/);
  });

  it('writes one audit entry, action import, and keeps the chain intact', () => {
    const imports = rows<{ action: string; record_type: string }>(register, "SELECT * FROM audit_log WHERE action = 'import'");
    expect(imports).toHaveLength(1);
    expect(imports[0]!.record_type).toBe('demo');
    expect(verifyAudit(register.sqlite).ok).toBe(true);
    expect(register.integrity().ok).toBe(true);
  });

  it('refuses a register that already has data, leaving it unchanged', () => {
    const before = dump(register);
    expect(() => generateDemo(register, { children: 5, years: 1, seed: 3, today: TODAY })).toThrow(expect.objectContaining({ code: 'Conflict' }));
    expect(dump(register)).toEqual(before);
  });
});

describe('buildDemo', () => {
  it('rejects bad sizes with an Invalid error', () => {
    expect(() => buildDemo({ children: 0, years: 3, seed: 1 })).toThrow(expect.objectContaining({ code: 'Invalid' }));
    expect(() => buildDemo({ children: 10, years: 0, seed: 1 })).toThrow(expect.objectContaining({ code: 'Invalid' }));
    expect(() => buildDemo({ children: 1.5, years: 1, seed: 1 })).toThrow(expect.objectContaining({ code: 'Invalid' }));
    expect(() => buildDemo({ children: 10, years: 1, seed: 1, today: '23/11/2026' })).toThrow(expect.objectContaining({ code: 'Invalid' }));
  });

  it('copes with every time of year and tiny cohorts', () => {
    for (const today of ['2026-09-01', '2026-09-04', '2026-12-25', '2027-02-14', '2027-04-01', '2027-07-23', '2027-08-31']) {
      for (const children of [1, 3, 12]) {
        const d = buildDemo({ children, years: 2, seed: 7, today });
        expect(d.children).toHaveLength(children);
        for (const c of d.children) {
          const child = c.child;
          expect(isValidUpn(child.upn!)).toBe(true);
          if (child.leaving_date) expect(child.leaving_date >= child.date_joined_school).toBe(true);
          for (const p of c.placements) if (p.end_date) expect(p.end_date >= p.start_date).toBe(true);
          for (const a of c.attendance) expect(a.period_end <= today).toBe(true);
          for (const v of c.voice) expect(v.held_on < today).toBe(true);
        }
      }
    }
  });

  it('is fast enough for benchmark-sized registers', () => {
    const t = performance.now();
    const d = buildDemo({ children: 1000, years: 5, seed: 11, today: TODAY });
    expect(d.children).toHaveLength(1000);
    expect(performance.now() - t).toBeLessThan(10_000);
  });
});
