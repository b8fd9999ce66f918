// Shared helpers for suites that need a real encrypted register on disk.
// Everything here uses FAST_TEST_KDF (same algorithm, minimal cost) and fictitious people only.

import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { RegisterError, type ErrorCode } from '../../db/errors.ts';
import type { SqliteDb } from '../../db/connection.ts';
import { FAST_TEST_KDF } from '../../db/keyring.ts';
import { qb } from '../../db/query.ts';
import { Register } from '../../db/register.ts';

/** Fictitious staff and passphrases (each passes the strength rules). */
export const STAFF = {
  dt: { name: 'Ottoline Brackenbury', passphrase: 'marmalade-orbit-kestrel-47' },
  deputy: { name: 'Peregrine Ashdown-Vole', passphrase: 'lanterns under quiet hills 9' },
  deputy2: { name: 'Wilhelmina Thistlecombe', passphrase: 'copper kettle saffron drift' },
} as const;

export const SCHOOL_NAME = 'Hollowmere Academy (fictitious)';

// ---- temp dirs -------------------------------------------------------------------------------

const made: string[] = [];

/** A fresh folder under the OS temp dir; removed by cleanupTempDirs(). */
export function tempDir(label = 'db'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `cic-test-${label}-`));
  made.push(dir);
  return dir;
}

export function cleanupTempDirs(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

// ---- registers -------------------------------------------------------------------------------

export interface TestRegister {
  register: Register;
  recoveryKey: string;
  path: string;
  dir: string;
  dtId: string;
}

export async function createRegister(dir = tempDir(), file = 'hollowmere.cicregister'): Promise<TestRegister> {
  const p = path.join(dir, file);
  const { register, recoveryKey } = await Register.create({
    path: p, schoolName: SCHOOL_NAME, userName: STAFF.dt.name, passphrase: STAFF.dt.passphrase, kdf: FAST_TEST_KDF,
  });
  return { register, recoveryKey, path: p, dir, dtId: register.session.userId! };
}

export function unlockAs(p: string, userId: string, passphrase: string): Promise<Register> {
  return Register.unlock(p, { userId, passphrase });
}

export const now = (): string => new Date().toISOString();

export interface ChildInput {
  first: string;
  last: string;
  dob?: string;
  upn?: string | null;
  notes?: string | null;
}

/** Fictitious children used across suites; distinctive names so a raw-byte search is meaningful. */
export const DEMO_CHILDREN: ChildInput[] = [
  { first: 'Zephyrine', last: 'Quarrington', dob: '2011-02-14', upn: 'A123456789012' },
  { first: 'Barnaby', last: 'Fennimore-Clough', dob: '2012-07-30', upn: 'B123456789012' },
  { first: 'Isolde', last: 'Marchbanks', dob: '2013-11-03', upn: null, notes: 'Likes chess club; transition plan in draft.' },
];

/** Inserts children with the query builder, one transaction with an audit entry each. Returns ids. */
export function insertChildren(register: Register, children: ChildInput[] = DEMO_CHILDREN): number[] {
  return register.transaction(() => children.map((c) => {
    const ts = now();
    const { lastInsertRowid } = register.run(qb.insertInto('children').values({
      legal_first_name: c.first,
      legal_last_name: c.last,
      date_of_birth: c.dob ?? '2012-01-01',
      gender: 'X',
      status: 'CLA',
      upn: c.upn ?? null,
      transition_notes: c.notes ?? null,
      date_joined_school: '2022-09-05',
      created_at: ts,
      updated_at: ts,
    }));
    register.audit({ action: 'create', recordType: 'child', recordId: lastInsertRowid });
    return lastInsertRowid;
  }));
}

// ---- table contents --------------------------------------------------------------------------

export function tableNames(db: SqliteDb): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]);
}

/** Every row of every table, in a stable order (rowid, or primary key for WITHOUT ROWID tables). */
export function dumpTables(db: SqliteDb, tables = tableNames(db)): Record<string, Record<string, unknown>[]> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const t of tables) {
    out[t] = db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all() as Record<string, unknown>[];
  }
  return out;
}

export function sha256File(file: string): string {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

// ---- errors ----------------------------------------------------------------------------------

/** Runs fn (sync or async) and asserts it fails with a RegisterError of the given code. */
export async function expectRegisterError(fn: () => unknown, code: ErrorCode): Promise<RegisterError> {
  let caught: unknown = undefined;
  let threw = false;
  try {
    await fn();
  } catch (e) {
    threw = true;
    caught = e;
  }
  expect(threw, `expected a ${code} error, but nothing was thrown`).toBe(true);
  expect(caught, `expected a RegisterError, got ${String(caught)}`).toBeInstanceOf(RegisterError);
  expect((caught as RegisterError).code, (caught as RegisterError).message).toBe(code);
  return caught as RegisterError;
}

/** Error messages may name a file by its basename, never a folder path or a person. */
export function expectNoPersonalData(message: string, dir: string): void {
  expect(message).not.toContain(dir);
  expect(message).not.toContain(os.tmpdir());
  for (const who of [STAFF.dt.name, STAFF.deputy.name, STAFF.deputy2.name, SCHOOL_NAME]) expect(message).not.toContain(who);
  for (const c of DEMO_CHILDREN) {
    expect(message).not.toContain(c.first);
    expect(message).not.toContain(c.last);
  }
}
