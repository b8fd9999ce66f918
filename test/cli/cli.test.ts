// The real CLI, spawned as a user or script would run it, against registers in a temp folder.
// CIC_KDF=fast keeps key derivation cheap; everything else is the production path.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isValidUpn } from '../../main/api/contract/upn.ts';
import { Register } from '../../db/register.ts';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PASS = 'correct horse battery staple 42';

interface Result { code: number | null; stdout: string; stderr: string }

function cli(args: string[], opts: { env?: Record<string, string | undefined>; input?: string } = {}): Promise<Result> {
  const env: NodeJS.ProcessEnv = { ...process.env, CIC_KDF: 'fast', CIC_PASSPHRASE: PASS, ...opts.env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', ...args], { cwd: repo, env, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d.toString('utf8'); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString('utf8'); });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.on('error', () => { /* the CLI may stop reading after the first line */ });
    child.stdin.end(opts.input ?? '');
  });
}

const lines = (text: string): string[] => text.split('\n').filter((l) => l.trim() !== '');

let dir: string;
let demo: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cic-cli-test-'));
  demo = path.join(dir, 'demo.cicreg');
  const r = await cli(['demo', '--register', demo, '--children', '40', '--years', '3']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('40 fictitious children, 3 academic years');
  expect(r.stdout).toMatch(/RECOVERY KEY.*[0-9A-Z]{4}(-[0-9A-Z]{4}){7}/);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('cli: demo, verify, children', () => {
  it('verify prints a summary and exits 0', async () => {
    const r = await cli(['verify', '--register', demo]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Schema version: \d+/);
    expect(r.stdout).toMatch(/Integrity:\s+ok/);
    expect(r.stdout).toMatch(/Audit chain:\s+\d+ entries, ok/);
    expect(r.stdout).toMatch(/Children:\s+40 /);
    expect(r.stdout).toMatch(/Users:\s+1/);
  });

  it('children --json prints only JSON, one entry per child', async () => {
    const r = await cli(['children', '--register', demo, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const list = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(list).toHaveLength(40);
    for (const c of list) {
      expect(Object.keys(c).sort()).toEqual(['dateOfBirth', 'firstName', 'id', 'lastName', 'leavingDate', 'responsibleLa', 'status', 'upn', 'yearGroup'].sort());
      expect(isValidUpn(c.upn as string)).toBe(true);
      expect(c.dateOfBirth).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(['CLA', 'PLAC']).toContain(c.status);
      expect(typeof c.responsibleLa).toBe('string');
      expect(c.yearGroup).toBeGreaterThanOrEqual(2);
      expect(c.yearGroup).toBeLessThanOrEqual(13);
    }
    expect(list.some((c) => c.leavingDate !== null)).toBe(true);
  });

  it('children without --json prints a table', async () => {
    const r = await cli(['children', '--register', demo]);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)[0]).toMatch(/^ID\s+Name\s+UPN/);
    expect(r.stdout).toContain('40 children');
  });

  it('reads the passphrase from the first line of standard input when CIC_PASSPHRASE is unset', async () => {
    const r = await cli(['verify', '--register', demo], { env: { CIC_PASSPHRASE: undefined }, input: `${PASS}\nnot read\n` });
    expect(r.code).toBe(0);
    const crlf = await cli(['verify', '--register', demo], { env: { CIC_PASSPHRASE: undefined }, input: `${PASS}\r\n` });
    expect(crlf.code).toBe(0);
    const noNewline = await cli(['verify', '--register', demo], { env: { CIC_PASSPHRASE: undefined }, input: PASS });
    expect(noNewline.code).toBe(0);
  });

  it('with no passphrase at all, exits 2 and says how to give one', async () => {
    const r = await cli(['verify', '--register', demo], { env: { CIC_PASSPHRASE: undefined } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('CIC_PASSPHRASE');
  });

  it('refuses to add demo data to a register that has data (exit 5)', async () => {
    const r = await cli(['demo', '--register', demo, '--children', '3']);
    expect(r.code).toBe(5);
    expect(lines(r.stderr)).toHaveLength(1);
  });
});

describe('cli: errors and exit codes', () => {
  it('wrong passphrase: exit 3 and one plain line on stderr', async () => {
    const r = await cli(['children', '--register', demo, '--json'], { env: { CIC_PASSPHRASE: 'not the right passphrase 7' } });
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^cic-register: .*passphrase/i);
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
  });

  it('missing --register: exit 2 with usage on stderr', async () => {
    const r = await cli(['verify']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Missing --register');
    expect(r.stderr).toContain('Usage:');
    expect(r.stdout).toBe('');
  });

  it('unknown command, unknown option, stray argument, no command: exit 2', async () => {
    for (const args of [['frobnicate'], ['verify', '--register', demo, '--passphrase', 'x'], ['verify', '--register', demo, 'extra'], [], ['demo', '--register', demo, '--children', 'lots']]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('Usage:');
    }
  });

  it('help: usage on stdout, exit 0, says CIC_KDF is for tests only', async () => {
    const r = await cli(['help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/CIC_KDF=fast\s+TEST SUITES ONLY/);
  });

  it('a file that is not a register: exit 4', async () => {
    const notRegister = path.join(dir, 'notes.txt');
    fs.writeFileSync(notRegister, 'just some text, not a register\n');
    const r = await cli(['verify', '--register', notRegister]);
    expect(r.code).toBe(4);
    expect(lines(r.stderr)).toHaveLength(1);
    const missing = await cli(['verify', '--register', path.join(dir, 'nothing-here.cicreg')]);
    expect(missing.code).toBe(4);
  });

  it('a register whose audit chain was tampered with: verify exits 4', async () => {
    const copy = path.join(dir, 'tampered.cicreg');
    expect((await cli(['init', '--register', copy, '--user', 'Ms Test DT'])).code).toBe(0);
    const users = Register.users(copy);
    const register = await Register.unlock(copy, { userId: users[0]!.id, passphrase: PASS });
    register.sqlite.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET action = 'tampered' WHERE id = 1;");
    register.close();
    const r = await cli(['verify', '--register', copy]);
    expect(r.code).toBe(4);
    expect(r.stdout).toMatch(/Audit chain:.*BROKEN at entry 1/);
    expect(lines(r.stderr)).toHaveLength(1);
  });

  it('a weak passphrase at init: exit 5, nothing created', async () => {
    const file = path.join(dir, 'weak.cicreg');
    const r = await cli(['init', '--register', file, '--user', 'Ms Test DT'], { env: { CIC_PASSPHRASE: 'short' } });
    expect(r.code).toBe(5);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('a demo size out of range: exit 5, nothing created', async () => {
    const file = path.join(dir, 'too-big.cicreg');
    const r = await cli(['demo', '--register', file, '--children', '0']);
    expect(r.code).toBe(5);
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe('cli: init and users', () => {
  it('init prints the recovery key once with the instruction to keep it in the school safe', async () => {
    const file = path.join(dir, 'new.cicreg');
    const r = await cli(['init', '--register', file, '--user', 'Ms Test DT', '--school', 'Test School (fictitious)']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/RECOVERY KEY/);
    expect(r.stdout).toMatch(/school safe/);
    expect((await cli(['init', '--register', file, '--user', 'Ms Test DT'])).code).toBe(5); // exists already
    const recoveryKey = /([0-9A-Z]{4}(?:-[0-9A-Z]{4}){7})/.exec(r.stdout)![1]!;
    const viaRecovery = await Register.unlock(file, { recoveryKey });
    viaRecovery.close();
  });

  it('without --user tries each user, and a match does not log a failed unlock for the others', async () => {
    const file = path.join(dir, 'two-users.cicreg');
    expect((await cli(['init', '--register', file, '--user', 'Ms Test DT'])).code).toBe(0);
    const dt = Register.users(file)[0]!;
    const register = await Register.unlock(file, { userId: dt.id, passphrase: PASS });
    const deputyPass = 'deputy owns a different passphrase 9';
    await register.addUser({ name: 'Mr Test Deputy', role: 'deputy', passphrase: deputyPass });
    register.close();

    expect((await cli(['verify', '--register', file], { env: { CIC_PASSPHRASE: deputyPass } })).code).toBe(0);
    expect((await cli(['verify', '--register', file, '--user', 'mr test deputy'], { env: { CIC_PASSPHRASE: deputyPass } })).code).toBe(0);
    expect((await cli(['verify', '--register', file, '--user', 'Ms Test DT'], { env: { CIC_PASSPHRASE: deputyPass } })).code).toBe(3);
    expect((await cli(['verify', '--register', file, '--user', 'Nobody'])).code).toBe(5);

    const check = await Register.unlock(file, { userId: dt.id, passphrase: PASS });
    const failed = check.sqlite.prepare("SELECT user_id FROM audit_log WHERE action = 'unlock.failed'").all() as { user_id: string }[];
    check.close();
    // Only the deliberate --user 'Ms Test DT' attempt failed.
    expect(failed).toEqual([{ user_id: dt.id }]);
  });
});

describe('cli: backup and restore', () => {
  it('backup, restore to a new path, and the children match', async () => {
    const out = path.join(dir, 'demo.cicbackup');
    const b = await cli(['backup', '--register', demo, '--out', out]);
    expect(b.code).toBe(0);
    expect(b.stdout).toMatch(/verified/);
    expect((await cli(['backup', '--register', demo, '--out', out])).code).toBe(5); // never overwrites

    const restored = path.join(dir, 'restored.cicreg');
    const r = await cli(['restore', '--backup', out, '--register', restored]);
    expect(r.code).toBe(0);
    expect((await cli(['restore', '--backup', out, '--register', restored])).code).toBe(5); // never over a register

    const before = await cli(['children', '--register', demo, '--json']);
    const after = await cli(['children', '--register', restored, '--json']);
    expect(after.code).toBe(0);
    expect(JSON.parse(after.stdout)).toEqual(JSON.parse(before.stdout));
    expect((await cli(['verify', '--register', restored])).code).toBe(0);
  });

  it('restore with the wrong passphrase exits 3; from a file that is not a backup exits 4', async () => {
    const out = path.join(dir, 'demo2.cicbackup');
    expect((await cli(['backup', '--register', demo, '--out', out])).code).toBe(0);
    const wrong = await cli(['restore', '--backup', out, '--register', path.join(dir, 'r2.cicreg')], { env: { CIC_PASSPHRASE: 'not the right passphrase 7' } });
    expect(wrong.code).toBe(3);
    expect(fs.existsSync(path.join(dir, 'r2.cicreg'))).toBe(false);
    const notBackup = path.join(dir, 'not-a-backup.bin');
    fs.writeFileSync(notBackup, 'nope');
    expect((await cli(['restore', '--backup', notBackup, '--register', path.join(dir, 'r3.cicreg')])).code).toBe(4);
  });
});
