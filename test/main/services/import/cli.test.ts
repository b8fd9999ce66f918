// The `import pupils|attendance` CLI command: counts, rejected rows by number and reason (never
// names or UPNs), exit 5 when anything is rejected, 0 on success, --dry-run writes nothing.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Register } from '../../../../db/register.ts';
import type { CliContext, Values } from '../../../../main/cli/command.ts';
import { importCommand } from '../../../../main/cli/commands/import.ts';
import { cleanupTempDirs, expectRegisterError, STAFF, tempDir } from '../../../helpers/db.ts';
import { freshRegister } from '../children/fixtures.ts';
import { FIXTURES } from './corpus.ts';

let registerPath: string;

beforeAll(async () => {
  const t = await freshRegister('cli');
  registerPath = t.path;
  t.register.close();
});
afterAll(cleanupTempDirs);

async function run(values: Values): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const ctx: CliContext = {
    env: { CIC_PASSPHRASE: STAFF.dt.passphrase },
    stdin: process.stdin,
    out: (t) => { out += t; },
    err: (t) => { err += t; },
  };
  const code = await importCommand.run({ register: registerPath, ...values }, ctx);
  return { code, out, err };
}

async function children(): Promise<number> {
  const users = Register.users(registerPath);
  const r = await Register.unlock(registerPath, { userId: users[0]!.id, passphrase: STAFF.dt.passphrase });
  try {
    return r.sqlite.prepare('SELECT count(*) FROM children').pluck().get() as number;
  } finally {
    r.close();
  }
}

describe('cli: import', () => {
  it('parses `--kind` and the other options with the CLI\'s own parser settings', () => {
    const { values } = parseArgs({
      args: ['--register', 'r', '--file', 'f.csv', '--kind', 'pupils', '--dry-run', '--period-start', '01/09/2025', '--period-end', '2025-10-24'],
      options: importCommand.options, strict: true, allowPositionals: false,
    });
    expect(values).toMatchObject({ register: 'r', file: 'f.csv', kind: 'pupils', 'dry-run': true });
    expect(importCommand.required).toEqual(['register', 'file']);
    expect(importCommand.positional).toBe('kind');
  });

  it('reports rejected rows by number and reason, without names or UPNs, exits 5 and imports nothing', async () => {
    const r = await run({ kind: 'pupils', file: path.join(FIXTURES, 'pupils-two-bad-rows.csv') });
    expect(r.code).toBe(5);
    expect(r.out).toContain('pupils-two-bad-rows.csv (utf-8): 5 rows: 3 new, 0 to update, 0 unchanged, 2 rejected.');
    expect(r.out).toMatch(/^ {2}row 3: UPN: The UPN's check letter does not match/m);
    expect(r.out).toContain('  row 5: Date of birth is not a real date (check the day and month).');
    expect(r.err).toBe('Nothing was imported. Fix the rows above in the file and run the import again.\n');
    const text = fs.readFileSync(path.join(FIXTURES, 'pupils-two-bad-rows.csv'), 'utf8');
    for (const cell of text.split(/[,\r\n]+/).slice(6).filter((c) => c.length > 2)) expect(r.out + r.err).not.toContain(cell);
    expect(await children()).toBe(0);
  });

  it('does a dry run without writing, then imports and exits 0', async () => {
    const file = path.join(FIXTURES, 'pupils-two-bad-rows-fixed.csv');
    let r = await run({ kind: 'pupils', file, 'dry-run': true });
    expect(r.code).toBe(0);
    expect(r.out).toContain('5 rows: 5 new, 0 to update, 0 unchanged, 0 rejected.');
    expect(r.out).toContain('Dry run: nothing was imported.');
    expect(await children()).toBe(0);
    r = await run({ kind: 'pupils', file });
    expect(r.code).toBe(0);
    expect(r.out).toContain('Imported: 5 new, 0 updated, 0 unchanged.');
    expect(await children()).toBe(5);
  });

  it('imports attendance with the period given on the command line', async () => {
    const r = await run({ kind: 'attendance', file: path.join(FIXTURES, 'attendance-percent-only.csv'), 'period-start': '05/01/2026', 'period-end': '13/02/2026' });
    expect(r.out).toContain('2 rows: 2 new');
    expect(r.code).toBe(0);
  });

  it('refuses bad command lines before asking for the passphrase', async () => {
    await expect(run({ file: 'x.csv' })).rejects.toThrow(/pupils or attendance/);
    await expect(run({ kind: 'teachers', file: 'x.csv' })).rejects.toThrow(/Unknown import/);
    await expect(run({ kind: 'pupils', file: path.join(FIXTURES, 'arbor-pupils-utf8-bom.csv'), 'period-start': '2025-09-01', 'period-end': '2025-10-01' })).rejects.toThrow(/attendance files/);
    await expect(run({ kind: 'attendance', file: path.join(FIXTURES, 'attendance-sims.csv'), 'period-start': 'soon', 'period-end': '2025-10-01' })).rejects.toThrow(/must be a date/);
    const e = await expectRegisterError(() => run({ kind: 'pupils', file: path.join(tempDir('cli-missing'), 'nope.csv') }), 'Invalid');
    expect(e.message).toBe('The CSV file was not found.');
  });
});
