// Demo data for progress returns: fictitious, reproducible from its seed, and with windows in
// which some returns are late and chased, so every status and every stage of letter shows.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../../main/services/demo/index.ts';
import { FAST_TEST_KDF } from '../../../../db/keyring.ts';
import { Register } from '../../../../db/register.ts';
import { getReturnsGrid, listAssessmentWindows, listTeachers, seedDemoProgress } from '../../../../main/services/progress/index.ts';
import { buildChaseQueue, generateChaseLetters } from '../../../../main/services/sla/chase.ts';
import { pdfText } from '../../../helpers/pdf.ts';
import { cleanupTempDirs, tempDir } from '../../../helpers/db.ts';

const TODAY = '2026-11-23';
const TABLES = ['subjects', 'teachers', 'timetable', 'sla_settings', 'providers', 'provider_reports', 'assessment_windows', 'assessment_window_scales', 'progress_returns', 'chases'];
let n = 0;
const dir = tempDir('demo-progress');

async function demo(seed: number): Promise<Register> {
  const { register } = await Register.create({
    path: path.join(dir, `demo-${n++}.cicreg`), schoolName: 'Demo Academy (fictitious)', userName: 'Demo DT', passphrase: 'fictitious demo register only', kdf: FAST_TEST_KDF,
  });
  // generateDemo seeds the progress data too (seedDemoProgress, in the same transaction).
  generateDemo(register, { children: 24, years: 2, seed, today: TODAY });
  return register;
}

const dump = (r: Register) => Object.fromEntries(TABLES.map((t) => [t, r.sqlite.prepare(`SELECT * FROM ${t} ORDER BY id`).all()]));

let register: Register;

beforeAll(async () => {
  register = await demo(1);
});

afterAll(() => {
  register.close();
  cleanupTempDirs();
});

describe('seedDemoProgress', () => {
  it('adds subjects, teachers, a timetable, windows and returns, with some late and chased', () => {
    const count = (t: string) => register.sqlite.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get() as number;
    expect(count('subjects')).toBe(8);
    expect(listTeachers(register).length).toBeGreaterThanOrEqual(10);
    expect(count('timetable')).toBeGreaterThan(40);
    expect(count('progress_returns')).toBeGreaterThan(100);
    expect(count('chases')).toBeGreaterThan(5);
    expect(count('provider_reports')).toBeGreaterThan(10);
    const windows = listAssessmentWindows(register);
    expect(windows.length).toBe(6);
    // The current term's window is part-way through: some in, some outstanding and chased.
    const current = windows.find((w) => w.requested && w.closeDate <= TODAY)!;
    const grid = getReturnsGrid(register, current.id, TODAY);
    const statuses = new Set(grid.rows.flatMap((r) => r.cells.map((c) => c.status)));
    for (const s of ['returned', 'late', 'not_requested'] as const) expect(statuses.has(s), s).toBe(true);
    expect([...statuses].some((s) => s.startsWith('chased_'))).toBe(true);
    expect(grid.completion.rate).toBeGreaterThan(0.4);
    expect(grid.completion.rate).toBeLessThan(0.9);
  });

  it('gives letters at more than one stage of the ladder today', () => {
    const q = buildChaseQueue(register, TODAY);
    expect(q.letters.length).toBeGreaterThan(3);
    expect(new Set(q.letters.map((l) => l.stage)).size).toBeGreaterThanOrEqual(2);
    expect(q.letters.some((l) => l.recipientKind === 'provider')).toBe(true);
  });

  it('uses fictitious contacts only', () => {
    const emails = register.sqlite.prepare("SELECT email FROM teachers UNION SELECT leader_email FROM subjects UNION SELECT email FROM providers UNION SELECT senior_leader_email FROM sla_settings").pluck().all() as (string | null)[];
    expect(emails.filter((e) => e !== null).every((e) => e!.endsWith('@example.org'))).toBe(true);
  });

  it('is reproducible from its seed, and refuses to run twice', async () => {
    const again = await demo(1);
    try {
      expect(dump(again)).toEqual(dump(register));
      expect(() => seedDemoProgress(again, { seed: 1, today: TODAY })).toThrow(/without subjects/);
    } finally {
      again.close();
    }
  });

  it('letters for the whole demo name no child, and give no DOB or UPN', async () => {
    const r = await generateChaseLetters(register, { asOf: TODAY });
    const text = pdfText(Buffer.from(r.files[0]!.base64, 'base64')).replace(/\s+/g, ' ');
    const children = register.sqlite.prepare('SELECT legal_first_name f, legal_last_name l, preferred_name p, date_of_birth d, upn u FROM children').all() as
      { f: string; l: string; p: string | null; d: string; u: string | null }[];
    for (const c of children) {
      expect(text).not.toContain(`${c.f} ${c.l}`);
      expect(text).not.toMatch(new RegExp(`\\b${c.l.replace(/[^\p{L}]/gu, '.')}\\b`, 'u'));
      if (c.p) expect(text).not.toContain(`${c.p} ${c.l}`);
      expect(text).not.toContain(c.d.split('-').reverse().join('/'));
      if (c.u) expect(text).not.toContain(c.u);
    }
    expect(r.letters).toBeGreaterThan(3);
  });
});

describe('chase letters on the demo register', () => {
  it('never copy a letter to its own addressee (a teacher who also leads the subject)', () => {
    const queue = buildChaseQueue(register, TODAY);
    expect(queue.letters.length).toBeGreaterThan(0);
    const key = (p: { name: string; email: string | null }) => `${p.name.toLowerCase()}|${(p.email ?? '').toLowerCase()}`;
    for (const l of queue.letters) expect(l.cc.map(key)).not.toContain(key(l.to));
  });
});
