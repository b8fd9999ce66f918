// Encryption at rest: no plaintext header, and no child's name in the raw bytes of the database,
// its WAL (while open), a backup or the keyring. Plus the default KDF cost.

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_KDF, keyringPath, readKeyring } from '../../db/keyring.ts';
import { registerFiles } from '../../db/paths.ts';
import { Register } from '../../db/register.ts';
import {
  cleanupTempDirs, createRegister, DEMO_CHILDREN, insertChildren, SCHOOL_NAME, STAFF, tempDir, unlockAs,
} from '../helpers/db.ts';

afterAll(cleanupTempDirs);

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Every way a name could sit in the file: UTF-8, UTF-16LE/BE (SQLite can store either), any case. */
function needles(): Buffer[] {
  const out: Buffer[] = [];
  for (const c of DEMO_CHILDREN) {
    for (const s of [c.first, c.last, c.upn ?? undefined, c.notes ?? undefined]) {
      if (!s) continue;
      for (const v of [s, s.toUpperCase(), s.toLowerCase()]) {
        out.push(Buffer.from(v, 'utf8'), Buffer.from(v, 'utf16le'), Buffer.from(v, 'utf16le').swap16());
      }
    }
  }
  return out;
}

function leaks(bytes: Buffer): string[] {
  return needles().filter((n) => bytes.includes(n)).map((n) => n.toString('utf8'));
}

describe('encryption at rest', () => {
  it('positive control: the same rows in a plaintext SQLite file are found by the byte search', () => {
    const dir = tempDir('plain');
    const p = path.join(dir, 'plain.db');
    const db = new Database(p);
    db.exec('CREATE TABLE c (first TEXT, last TEXT, upn TEXT, notes TEXT)');
    for (const c of DEMO_CHILDREN) db.prepare('INSERT INTO c VALUES (?, ?, ?, ?)').run(c.first, c.last, c.upn ?? null, c.notes ?? null);
    db.close();
    const bytes = fs.readFileSync(p);
    expect(bytes.subarray(0, 16).equals(SQLITE_HEADER)).toBe(true);
    expect(leaks(bytes)).toEqual(expect.arrayContaining(DEMO_CHILDREN.map((c) => c.first)));
  });

  it('the database file, its WAL while open, a backup and the keyring hold no plaintext', async () => {
    const { register, path: p, dtId, dir } = await createRegister();
    const files = registerFiles(p);
    insertChildren(register);
    // Written and committed, not yet checkpointed: the rows are in the WAL right now.
    const wal = fs.readFileSync(`${p}-wal`);
    expect(wal.length).toBeGreaterThan(4096);
    expect(leaks(wal)).toEqual([]);
    expect(leaks(fs.readFileSync(p))).toEqual([]);

    const backupFile = path.join(dir, 'manual.cicbackup');
    const result = register.backupTo(backupFile);
    expect(result.verified).toBe(true);
    const backup = fs.readFileSync(backupFile);
    expect(backup.length).toBe(result.bytes);
    expect(leaks(backup)).toEqual([]);
    expect(backup.includes(SQLITE_HEADER)).toBe(false);
    // School name is also personal-ish data the backup header must not carry in clear.
    expect(backup.includes(Buffer.from(SCHOOL_NAME))).toBe(false);

    // A full checkpoint moves everything into the main file; still no plaintext there.
    register.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(leaks(fs.readFileSync(p))).toEqual([]);
    register.close();

    const bytes = fs.readFileSync(p);
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes.subarray(0, 16).equals(SQLITE_HEADER)).toBe(false);
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(leaks(bytes)).toEqual([]);
    expect(bytes.includes(Buffer.from(SCHOOL_NAME))).toBe(false);
    expect(fs.existsSync(`${p}-wal`)).toBe(false);

    // The keyring names the staff (needed before unlock to pick a user) but never a child.
    const keyringText = fs.readFileSync(keyringPath(p));
    expect(leaks(keyringText)).toEqual([]);
    expect(keyringText.includes(Buffer.from(SCHOOL_NAME))).toBe(false);
    expect(keyringText.includes(Buffer.from(STAFF.dt.passphrase))).toBe(false);

    // Reopened, the data is all there (so the search above was over real content).
    const again = await unlockAs(p, dtId, STAFF.dt.passphrase);
    expect(again.sqlite.prepare('SELECT legal_first_name FROM children ORDER BY id').pluck().all())
      .toEqual(DEMO_CHILDREN.map((c) => c.first));
    again.close();
    expect(fs.existsSync(files.failedUnlocks)).toBe(false);
  });

  it('register, keyring and backup files are not readable by other users (POSIX)', async () => {
    if (process.platform === 'win32') return;
    const { register, path: p, dir } = await createRegister();
    const backupFile = path.join(dir, 'b.cicbackup');
    register.backupTo(backupFile);
    register.close();
    expect(fs.statSync(keyringPath(p)).mode & 0o077).toBe(0);
    expect(fs.statSync(backupFile).mode & 0o077).toBe(0);
  });
});

describe('key derivation', () => {
  it('by default uses Argon2id with at least 64 MiB of memory', async () => {
    expect(DEFAULT_KDF.alg).toBe('argon2id');
    expect(DEFAULT_KDF.memoryKiB).toBeGreaterThanOrEqual(64 * 1024);
    expect(DEFAULT_KDF.iterations).toBeGreaterThanOrEqual(1);

    const dir = tempDir('kdf');
    const p = path.join(dir, 'default-kdf.cicregister');
    // No kdf option: the real default cost, as in production.
    const { register } = await Register.create({ path: p, schoolName: SCHOOL_NAME, userName: STAFF.dt.name, passphrase: STAFF.dt.passphrase });
    const id = register.session.userId!;
    const deputy = await register.addUser({ name: STAFF.deputy.name, role: 'deputy', passphrase: STAFF.deputy.passphrase });
    register.close();
    const keyring = readKeyring(p);
    for (const u of keyring.users) {
      expect(u.kdf.alg).toBe('argon2id');
      expect(u.kdf.memoryKiB).toBeGreaterThanOrEqual(64 * 1024);
    }
    expect(keyring.users.map((u) => u.id)).toEqual([id, deputy.id]);
    (await unlockAs(p, id, STAFF.dt.passphrase)).close();
  });
});
