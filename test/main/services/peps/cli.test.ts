// The `pep` CLI command (main/cli/commands/pep.ts), run in-process with the passphrase in
// CIC_PASSPHRASE: the term's PEP, else the latest; with none, a draft built from the register and
// not saved (and it says so); the PDF's password from CIC_PDF_PASSWORD; bad options refused.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegisterError } from '../../../../db/errors.ts';
import { Register } from '../../../../db/register.ts';
import type { CliContext } from '../../../../main/cli/command.ts';
import { pep } from '../../../../main/cli/commands/pep.ts';
import { COMMANDS, exitCodeFor, usage } from '../../../../main/cli/index.ts';
import { createPep, updatePep } from '../../../../main/services/peps/index.ts';
import { cleanupTempDirs, STAFF } from '../../../helpers/db.ts';
import { pdfText } from '../../../helpers/pdf.ts';
import { type PepFixture, pepFixture, TODAY } from './fixture.ts';

let f: PepFixture;
let output: string[];

async function run(values: Record<string, string>, env: Record<string, string> = {}): Promise<number> {
  output = [];
  const ctx: CliContext = { env: { CIC_PASSPHRASE: STAFF.dt.passphrase, ...env }, stdin: process.stdin, out: (t) => void output.push(t), err: (t) => void output.push(t) };
  try {
    return await pep.run(values, ctx);
  } catch (e) {
    if (e instanceof RegisterError) {
      output.push(e.message);
      return exitCodeFor(e);
    }
    throw e;
  }
}

const pepCount = async (): Promise<number> => {
  const r = await Register.unlock(f.path, { userId: f.dtId, passphrase: STAFF.dt.passphrase });
  try {
    return r.sqlite.prepare('SELECT COUNT(*) FROM peps').pluck().get() as number;
  } finally {
    r.close();
  }
};

beforeAll(async () => {
  f = await pepFixture('pep-cli');
  createPep(f.register, { childId: f.children.zq, academicYear: '2025-26', term: 'Autumn', kind: null }, TODAY);
  const spring = createPep(f.register, { childId: f.children.zq, academicYear: '2025-26', term: 'Spring', kind: null }, TODAY);
  updatePep(f.register, spring, { strengths: 'Robotics and design.' }, TODAY);
  f.register.close();
});

afterAll(() => {
  cleanupTempDirs();
});

describe('pep command', () => {
  it('is listed in the CLI usage', () => {
    expect(COMMANDS).toContain(pep);
    expect(usage()).toMatch(/\bpep +--register PATH --child ID \[--term 2025-26-Autumn\] --out FILE\.pdf/);
  });

  it('writes the latest PEP when no term is given', async () => {
    const out = path.join(f.dir, 'latest.pdf');
    expect(await run({ register: f.path, child: String(f.children.zq), out })).toBe(0);
    expect(output.join('')).toBe(`PEP for the Spring term 2025-26 (draft) written to ${out}\n`);
    const text = pdfText(fs.readFileSync(out));
    expect(text).toContain('Spring term 2025-26');
    expect(text).toContain('Robotics and design.');
    expect((fs.statSync(out).mode & 0o777).toString(8)).toBe('600');
  });

  it("writes the given term's PEP", async () => {
    const out = path.join(f.dir, 'autumn.pdf');
    expect(await run({ register: f.path, child: String(f.children.zq), term: '2025-26-autumn', out })).toBe(0);
    expect(output.join('')).toMatch(/^PEP for the Autumn term 2025-26 \(draft\) written to /);
    expect(pdfText(fs.readFileSync(out))).toContain('Autumn term 2025-26');
  });

  it('with no PEP for the term, writes a draft built from the register without saving it, and says so', async () => {
    const before = await pepCount();
    const out = path.join(f.dir, 'summer.pdf');
    expect(await run({ register: f.path, child: String(f.children.zq), term: '2025-26-Summer', out })).toBe(0);
    expect(output.join('')).toBe(`No PEP is recorded for this child for the Summer term 2025-26: wrote a draft for the Summer term 2025-26 built from the register, not saved in it, to ${out}\n`);
    const text = pdfText(fs.readFileSync(out));
    expect(text).toContain('Draft built from the register on request: not saved in the register');
    // The previous (spring) PEP's targets would be reviewed at this one.
    expect(text).toContain('Review of previous targets');
    expect(await pepCount()).toBe(before);
  });

  it('with no PEP at all, drafts the current term (the PLAC child gets the optional plan)', async () => {
    const out = path.join(f.dir, 'plac.pdf');
    expect(await run({ register: f.path, child: String(f.children.plac), out })).toBe(0);
    expect(output.join('')).toMatch(/^No PEP is recorded for this child: wrote a draft for the (Autumn|Spring|Summer) term \d{4}-\d{2} built from the register/);
    expect(pdfText(fs.readFileSync(out))).toContain('Personal Education Plan (previously looked-after child)');
  });

  it('protects the PDF with CIC_PDF_PASSWORD (never a command-line option)', async () => {
    const out = path.join(f.dir, 'locked.pdf');
    expect(await run({ register: f.path, child: String(f.children.zq), out }, { CIC_PDF_PASSWORD: 'fictional-pdf-pass' })).toBe(0);
    expect(output.join('')).toContain('(password-protected)');
    expect(() => execFileSync('pdftotext', [out, '-'], { stdio: 'pipe' })).toThrow();
    expect(execFileSync('pdftotext', ['-upw', 'fictional-pdf-pass', out, '-'], { encoding: 'utf8' })).toContain('Personal Education Plan');
    expect(await run({ register: f.path, child: String(f.children.zq), out }, { CIC_PDF_PASSWORD: 'short' })).toBe(5);
  });

  it('refuses a bad term, child or folder with exit 5 and writes nothing', async () => {
    const out = path.join(f.dir, 'bad.pdf');
    expect(await run({ register: f.path, child: String(f.children.zq), term: 'Autumn 2025', out })).toBe(5);
    expect(output.join('')).toMatch(/written like 2025-26-Autumn/);
    expect(await run({ register: f.path, child: String(f.children.zq), term: '2025-27-Autumn', out })).toBe(5);
    expect(await run({ register: f.path, child: '0', out })).toBe(5);
    expect(await run({ register: f.path, child: String(f.children.zq), out: path.join(f.dir, 'missing', 'x.pdf') })).toBe(5);
    expect(await run({ register: f.path, child: '99999', out })).toBe(1);
    expect(output.join('')).toBe('That child was not found. It may have been deleted.');
    expect(fs.existsSync(out)).toBe(false);
  });

  it('audits every export against the child', async () => {
    const r = await Register.unlock(f.path, { userId: f.dtId, passphrase: STAFF.dt.passphrase });
    try {
      const rows = r.sqlite.prepare("SELECT record_id FROM audit_log WHERE action = 'export' AND record_type = 'child.PEP'").pluck().all() as string[];
      expect(rows.length).toBe(5);
      expect(rows.every((id) => id.startsWith(`${f.children.zq}:`) || id === String(f.children.zq) || id === String(f.children.plac))).toBe(true);
    } finally {
      r.close();
    }
  });
});
