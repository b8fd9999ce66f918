// Damaged or foreign files: each gives a clear RegisterError (never a raw SQLite error or a crash),
// and messages name no folder, person or child (a file's basename is fine).

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegisterError } from '../../db/errors.ts';
import { keyringPath } from '../../db/keyring.ts';
import { Register } from '../../db/register.ts';
import {
  cleanupTempDirs, createRegister, DEMO_CHILDREN, expectNoPersonalData, expectRegisterError, insertChildren, STAFF,
  tempDir, unlockAs,
} from '../helpers/db.ts';

const FILE = 'hollowmere.cicregister';
let pristine: Buffer;
let keyringText: string;
let dtId: string;
let recoveryKey: string;
let pageSize: number;

beforeAll(async () => {
  const made = await createRegister();
  // Enough rows for a few dozen pages, so damage can land in tables, indexes and free space.
  for (let i = 0; i < 8; i++) {
    insertChildren(made.register, DEMO_CHILDREN.map((c, j) => ({ ...c, upn: `Z${i}${j}00000000000`, notes: 'x'.repeat(900) })));
  }
  pageSize = made.register.sqlite.pragma('page_size', { simple: true }) as number;
  made.register.close();
  pristine = fs.readFileSync(made.path);
  keyringText = fs.readFileSync(keyringPath(made.path), 'utf8');
  dtId = made.dtId;
  recoveryKey = made.recoveryKey;
  expect(pristine.length % pageSize).toBe(0);
  expect(pristine.length / pageSize).toBeGreaterThan(10);
});

afterAll(cleanupTempDirs);

/** A folder holding `db` as the register file and (unless told otherwise) its real keyring. */
function placed(db: Buffer | null, keyring: string | null = keyringText): { p: string; dir: string } {
  const dir = tempDir('damaged');
  const p = path.join(dir, FILE);
  if (db) fs.writeFileSync(p, db);
  if (keyring !== null) fs.writeFileSync(keyringPath(p), keyring);
  return { p, dir };
}

async function expectNotARegister(p: string, dir: string): Promise<RegisterError> {
  const e = await expectRegisterError(() => unlockAs(p, dtId, STAFF.dt.passphrase), 'NotARegister');
  expectNoPersonalData(e.message, dir);
  expect(e.message).toMatch(/[A-Za-z]/);
  return e;
}

describe('sanity', () => {
  it('the pristine copy opens', async () => {
    const { p } = placed(pristine);
    const r = await unlockAs(p, dtId, STAFF.dt.passphrase);
    expect(r.integrity()).toEqual({ ok: true, problems: [] });
    r.close();
  });
});

describe('truncated files', () => {
  const cuts: [string, (n: number) => number][] = [
    ['to zero bytes', () => 0],
    ['to 100 bytes', () => 100],
    ['mid-page', (n) => Math.floor(n / 2) + 1234],
    ['to half, on a page boundary', (n) => Math.floor(n / 2 / pageSize) * pageSize],
    ['by one page', (n) => n - pageSize],
    ['to the first page only', () => pageSize],
    ['by one byte', (n) => n - 1],
  ];
  it.each(cuts)('%s: NotARegister', async (_label, cut) => {
    const bytes = pristine.subarray(0, cut(pristine.length));
    const { p, dir } = placed(Buffer.from(bytes));
    await expectNotARegister(p, dir);
    // The recovery key route reports the same.
    await expectRegisterError(() => Register.unlock(p, { recoveryKey }), 'NotARegister');
    // Nothing was written to the damaged file.
    expect(fs.readFileSync(p).equals(bytes)).toBe(true);
  });
});

describe('flipped bytes', () => {
  it('in any page: NotARegister at unlock, or problems reported by integrity(); never anything else', async () => {
    const pages = pristine.length / pageSize;
    const outcomes = { refused: 0, integrityProblems: 0 };
    for (let page = 0; page < pages; page++) {
      const bytes = Buffer.from(pristine);
      bytes[page * pageSize + Math.floor(pageSize / 2)]! ^= 0x5a;
      const { p, dir } = placed(bytes);
      let r: Register;
      try {
        r = await unlockAs(p, dtId, STAFF.dt.passphrase);
      } catch (e) {
        expect(e, `page ${page}: ${String(e)}`).toBeInstanceOf(RegisterError);
        expect((e as RegisterError).code, `page ${page}: ${(e as Error).message}`).toBe('NotARegister');
        expectNoPersonalData((e as Error).message, dir);
        outcomes.refused++;
        continue;
      }
      try {
        const report = r.integrity();
        expect(report.ok, `page ${page} was damaged but the integrity check passed`).toBe(false);
        expect(report.problems.length).toBeGreaterThan(0);
        for (const m of report.problems) expectNoPersonalData(m, dir);
        outcomes.integrityProblems++;
      } finally {
        r.close();
      }
    }
    expect(outcomes.refused + outcomes.integrityProblems).toBe(pages);
    // The first page (salt, header) must be refused outright.
    expect(outcomes.refused).toBeGreaterThan(0);
    // ... and damage to table pages is found by the integrity check (both branches are exercised).
    expect(outcomes.integrityProblems).toBeGreaterThan(0);
  });

  it('several flipped bytes in the middle of the file are detected', async () => {
    const bytes = Buffer.from(pristine);
    const mid = Math.floor(bytes.length / 2);
    for (let i = 0; i < 64; i++) bytes[mid + i * 97]! ^= 0xff;
    const { p, dir } = placed(bytes);
    try {
      const r = await unlockAs(p, dtId, STAFF.dt.passphrase);
      const report = r.integrity();
      r.close();
      expect(report.ok).toBe(false);
    } catch (e) {
      expect(e).toBeInstanceOf(RegisterError);
      expect((e as RegisterError).code).toBe('NotARegister');
      expectNoPersonalData((e as Error).message, dir);
    }
  });
});

describe('files that are not registers', () => {
  it('a plaintext SQLite database: NotARegister, and it is left unencrypted and unchanged', async () => {
    const { p, dir } = placed(null);
    const plain = new Database(p);
    plain.exec("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT); INSERT INTO meta VALUES ('register_id', 'x');");
    plain.close();
    const before = fs.readFileSync(p);
    expect(before.subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    const e = await expectNotARegister(p, dir);
    expect(e.message).toMatch(/unencrypted/i);
    expect(fs.readFileSync(p).equals(before)).toBe(true);
  });

  it.each([
    ['random bytes, page-aligned', () => crypto.randomBytes(16 * 4096)],
    ['random bytes, odd length', () => crypto.randomBytes(12_345)],
    ['zeros', () => Buffer.alloc(8 * 4096)],
    ['a text file', () => Buffer.from('Dear parent, this is a letter about the school trip.\n'.repeat(100))],
  ])('%s: NotARegister', async (_label, make) => {
    const bytes = make();
    const { p, dir } = placed(bytes);
    await expectNotARegister(p, dir);
    expect(fs.readFileSync(p).equals(bytes)).toBe(true);
  });

  it('a missing register file: NotARegister', async () => {
    const { p, dir } = placed(null);
    await expectNotARegister(p, dir);
  });

  it('a missing keyring: NotARegister naming the keyring file by basename only', async () => {
    const { p, dir } = placed(pristine, null);
    const e = await expectNotARegister(p, dir);
    expect(e.message).toContain(`${FILE}.keyring`);
    await expectRegisterError(() => Register.users(p), 'NotARegister');
    await expectRegisterError(() => Register.unlock(p, { recoveryKey }), 'NotARegister');
  });

  it.each([
    ['not JSON', () => '{"format": "cic-register-keyring", '],
    ['JSON of another kind', () => JSON.stringify({ hello: 'world' })],
    ['a newer keyring version', () => keyringText.replace('"version": 1', '"version": 2')],
  ])('a damaged keyring (%s): NotARegister', async (_label, text) => {
    expect(text()).not.toBe(keyringText);
    const { p, dir } = placed(pristine, text());
    await expectNotARegister(p, dir);
    await expectRegisterError(() => Register.users(p), 'NotARegister');
  });

  it('a keyring from another register: NotARegister, and the file is unchanged', async () => {
    const other = await createRegister(tempDir('other'));
    const otherUser = other.register.session.userId!;
    other.register.close();
    const { p, dir } = placed(pristine, fs.readFileSync(keyringPath(other.path), 'utf8'));
    // The user list now shows the other register's users; their passphrase unwraps a key that does not fit.
    expect(Register.users(p).map((u) => u.id)).toEqual([otherUser]);
    const e = await expectRegisterError(() => unlockAs(p, otherUser, STAFF.dt.passphrase), 'NotARegister');
    expectNoPersonalData(e.message, dir);
    await expectRegisterError(() => Register.unlock(p, { recoveryKey: other.recoveryKey }), 'NotARegister');
    // This register's own user is simply not in that keyring.
    await expectRegisterError(() => unlockAs(p, dtId, STAFF.dt.passphrase), 'NotFound');
    expect(fs.readFileSync(p).equals(pristine)).toBe(true);
  });

  it('a keyring with a damaged field: NotARegister before any of it is used (found by the reliability suite)', async () => {
    const spoil: ((k: { users: Record<string, unknown>[]; recovery: Record<string, unknown> }) => void)[] = [
      (k) => { (k.users[0]!.kdf as Record<string, unknown>).iterations = 0; }, // Argon2id threw a raw "time cost is too small"
      (k) => { (k.users[0]!.kdf as Record<string, unknown>).memoryKiB = 2 ** 40; }, // would ask Argon2id for a petabyte
      (k) => { (k.users[0]!.kdf as Record<string, unknown>).alg = 'md5'; },
      (k) => { k.users[0]!.publicKey = 'not a key'; },
      (k) => { (k.users[0]!.sealed as Record<string, unknown>).epk = 42; },
      (k) => { k.users[0]!.role = 'headteacher'; },
      (k) => { delete k.recovery.wrappedPrivateKey; },
    ];
    for (const [i, change] of spoil.entries()) {
      const k = JSON.parse(keyringText) as { users: Record<string, unknown>[]; recovery: Record<string, unknown> };
      change(k);
      const { p, dir } = placed(pristine, JSON.stringify(k));
      const e = await expectRegisterError(() => unlockAs(p, dtId, STAFF.dt.passphrase), 'NotARegister');
      expect(e.message, `change ${i}`).toMatch(/keyring file is damaged/);
      expectNoPersonalData(e.message, dir);
    }
  });
});
