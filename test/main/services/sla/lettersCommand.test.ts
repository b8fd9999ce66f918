// The `letters` CLI command (main/cli/commands/letters.ts), run in-process with the passphrase in
// CIC_PASSPHRASE: exit 0 with the PDF written and the chases recorded; exit 5 for a bad date.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegisterError } from '../../../../db/errors.ts';
import { Register } from '../../../../db/register.ts';
import type { CliContext } from '../../../../main/cli/command.ts';
import { letters } from '../../../../main/cli/commands/letters.ts';
import { exitCodeFor } from '../../../../main/cli/index.ts';
import { requestReturns } from '../../../../main/services/progress/index.ts';
import { cleanupTempDirs, STAFF as USERS } from '../../../helpers/db.ts';
import { pdfText } from '../../../helpers/pdf.ts';
import { type Fixture, progressFixture } from '../progress/fixture.ts';

let f: Fixture;
let output: string[];

const ctx = (): CliContext => ({
  env: { CIC_PASSPHRASE: USERS.dt.passphrase },
  stdin: process.stdin,
  out: (t) => void output.push(t),
  err: (t) => void output.push(t),
});

async function run(values: Record<string, string>): Promise<number> {
  output = [];
  try {
    return await letters.run(values, ctx());
  } catch (e) {
    if (e instanceof RegisterError) return exitCodeFor(e);
    throw e;
  }
}

beforeAll(async () => {
  f = await progressFixture();
  requestReturns(f.register, f.windowId, '2025-12-01');
  f.register.close();
});

afterAll(() => {
  cleanupTempDirs();
});

const chases = async () => {
  const r = await Register.unlock(f.path, { userId: f.dtId, passphrase: USERS.dt.passphrase });
  try {
    return r.sqlite.prepare('SELECT COUNT(*) FROM chases').pluck().get() as number;
  } finally {
    r.close();
  }
};

describe('letters command', () => {
  it('writes one PDF with a letter per teacher and records the chases', async () => {
    const out = path.join(f.dir, 'letters.pdf');
    expect(await run({ register: f.path, 'as-of': '15/12/2025', out })).toBe(0);
    expect(output.join('')).toMatch(/^2 letters \(7 overdue items\) as of 15\/12\/2025 written to .*letters\.pdf\n7 chases recorded\.\n$/);
    const text = pdfText(fs.readFileSync(out));
    expect(text.split('Dear ').length - 1).toBe(2);
    expect(text).toContain('Reminder: progress returns overdue');
    expect(await chases()).toBe(7);
    // Again the same day: the file is rewritten, nothing new is recorded.
    expect(await run({ register: f.path, 'as-of': '15/12/2025', out })).toBe(0);
    expect(output.join('')).toContain('0 chases recorded (7 already chased that day).');
    expect(await chases()).toBe(7);
  });

  it('says so when nothing is overdue', async () => {
    expect(await run({ register: f.path, 'as-of': '01/12/2025', out: path.join(f.dir, 'none.pdf') })).toBe(0);
    expect(output.join('')).toBe('Nothing is overdue as of 01/12/2025: no letters written.\n');
    expect(fs.existsSync(path.join(f.dir, 'none.pdf'))).toBe(false);
  });

  it('exits 5 for a bad date or a missing folder, before asking for the passphrase, and records nothing', async () => {
    for (const bad of ['31/02/2026', '2025-12-15', 'tomorrow']) {
      expect(await run({ register: f.path, 'as-of': bad, out: path.join(f.dir, 'x.pdf') })).toBe(5);
    }
    expect(await run({ register: f.path, out: path.join(f.dir, 'no-such-folder', 'x.pdf') })).toBe(5);
    expect(await chases()).toBe(7);
  });

  it('records nothing when the PDF cannot be saved', async () => {
    const blocked = path.join(f.dir, 'blocked.pdf');
    fs.mkdirSync(blocked);
    fs.writeFileSync(path.join(blocked, 'keep'), 'x');
    const code = await run({ register: f.path, 'as-of': '16/12/2025', out: blocked });
    expect(code).toBe(1);
    expect(await chases()).toBe(7);
  });
});
