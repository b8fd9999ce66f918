// Backups (DESIGN.md "Reliability"): one encrypted file holding the database (copied with
// VACUUM INTO, which keeps the SQLCipher encryption; never `cp` a live file) and the keyring as it
// was, so any user's passphrase at the time, or the recovery key, restores it. Every backup is
// verified by reading it back from disk, reopening the database and running the integrity check.
//
// Layout: "CICREGBK" | u32 format version | u32 header length | header JSON | database bytes.

import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkIntegrity, KeyDoesNotFit, openEncrypted, type SqliteDb } from './connection.ts';
import { ConflictError, IoError, NotARegisterError, RegisterError, WrongPassphraseError } from './errors.ts';
import {
  type Keyring, parseKeyring, unlockWithPassphrase, unlockWithRecoveryKey, writeFileAtomic, writeKeyring,
} from './keyring.ts';
import { registerFiles } from './paths.ts';

const MAGIC = Buffer.from('CICREGBK', 'latin1');
const FORMAT_VERSION = 1;

interface BackupHeader {
  format: 'cic-register-backup';
  createdAt: string;
  schemaVersion: number;
  registerId: string;
  dbBytes: number;
  dbSha256: string;
  keyring: Keyring;
}

export interface BackupResult {
  file: string;
  bytes: number;
  createdAt: string;
  verified: true;
}

function tempPath(label: string): string {
  return path.join(os.tmpdir(), `cic-${label}-${process.pid}-${crypto.randomBytes(6).toString('hex')}.db`);
}

function ioMessage(e: unknown, what: string): IoError {
  const code = (e as { code?: string }).code ?? '';
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return new IoError(`The disk is full: the ${what} was not written. Free some space and try again.`);
  if (code === 'EACCES' || code === 'EPERM') return new IoError(`Permission denied: the ${what} could not be written there.`);
  return new IoError(`The ${what} could not be written (${code || 'error'}).`);
}

const CHUNK = 1024 * 1024;

/** Copies `length` bytes from `fd` at `offset` into `out` (an open fd), a chunk at a time. */
function copyRange(fd: number, offset: number, length: number, out: number, hash?: crypto.Hash): void {
  const buf = Buffer.alloc(Math.min(CHUNK, Math.max(length, 1)));
  for (let done = 0; done < length;) {
    const n = fs.readSync(fd, buf, 0, Math.min(buf.length, length - done), offset + done);
    if (n <= 0) throw new NotARegisterError('The backup file is incomplete.');
    hash?.update(buf.subarray(0, n));
    if (out >= 0) fs.writeSync(out, buf, 0, n);
    done += n;
  }
}

function sha256OfFile(file: string): { bytes: number; sha256: string } {
  const fd = fs.openSync(file, 'r');
  try {
    const bytes = fs.fstatSync(fd).size;
    const hash = crypto.createHash('sha256');
    copyRange(fd, 0, bytes, -1, hash);
    return { bytes, sha256: hash.digest('hex') };
  } finally {
    fs.closeSync(fd);
  }
}

export function writeBackup(db: SqliteDb, dataKey: Uint8Array, keyring: Keyring, file: string): BackupResult {
  const tmp = tempPath('backup');
  const createdAt = new Date().toISOString();
  try {
    try {
      db.prepare('VACUUM INTO ?').run(tmp);
    } catch (e) {
      throw ioMessage(e, 'backup');
    }
    // Streamed in chunks: memory stays flat however large the register grows.
    const { bytes, sha256 } = sha256OfFile(tmp);
    const header: BackupHeader = {
      format: 'cic-register-backup',
      createdAt,
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      registerId: keyring.registerId,
      dbBytes: bytes,
      dbSha256: sha256,
      keyring,
    };
    const written = writeBackupFile(file, header, tmp, 0);
    verifyBackupFile(file, dataKey);
    return { file, bytes: written, createdAt, verified: true };
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/**
 * Writes a backup file atomically: the header, then the database bytes copied from `source` at
 * `offset`, checked against the header's checksum before the file takes its name. Returns its size.
 */
function writeBackupFile(file: string, header: BackupHeader, source: string, offset: number): number {
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(16);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt32LE(FORMAT_VERSION, 8);
  prefix.writeUInt32LE(headerBytes.length, 12);
  writeFileAtomic(file, (out) => {
    fs.writeSync(out, prefix);
    fs.writeSync(out, headerBytes);
    const src = fs.openSync(source, 'r');
    const hash = crypto.createHash('sha256');
    try {
      copyRange(src, offset, header.dbBytes, out, hash);
    } finally {
      fs.closeSync(src);
    }
    if (hash.digest('hex') !== header.dbSha256) throw new Error('the database changed while it was copied');
  });
  return 16 + headerBytes.length + header.dbBytes;
}

/**
 * A removed user loses their way into the backups in the register's own backups folder too: their
 * keyring entry is taken out of each backup's header (the database inside, and everyone else's
 * entries, are unchanged). Copies kept elsewhere cannot be reached. Best effort, file by file, each
 * replaced atomically: a backup that cannot be read or rewritten is left exactly as it was.
 */
export function withdrawUserFromBackups(dir: string, registerId: string, userId: string): { changed: number; unchanged: number; failed: number } {
  const out = { changed: 0, unchanged: 0, failed: 0 };
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.cicbackup')) : [];
  for (const f of files) {
    const file = path.join(dir, f);
    try {
      const { header, dbOffset } = readBackup(file);
      if (header.registerId !== registerId || !header.keyring.users.some((u) => u.id === userId)) {
        out.unchanged++;
        continue;
      }
      const keyring = { ...header.keyring, users: header.keyring.users.filter((u) => u.id !== userId) };
      writeBackupFile(file, { ...header, keyring }, file, dbOffset);
      out.changed++;
    } catch {
      out.failed++;
    }
  }
  return out;
}

/** Reads and checks a backup's header and checksum (streamed); the database stays on disk. */
export function readBackup(file: string): { header: BackupHeader; dbOffset: number } {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    throw new NotARegisterError('The backup file could not be read.');
  }
  try {
    const size = fs.fstatSync(fd).size;
    const prefix = Buffer.alloc(16);
    if (size < 16 || fs.readSync(fd, prefix, 0, 16, 0) < 16 || !prefix.subarray(0, 8).equals(MAGIC)) {
      throw new NotARegisterError('That file is not a CiC Register backup.');
    }
    if (prefix.readUInt32LE(8) !== FORMAT_VERSION) throw new NotARegisterError('That backup was made by a newer version of CiC Register.');
    const headerLen = prefix.readUInt32LE(12);
    if (headerLen > 16 * 1024 * 1024 || 16 + headerLen > size) throw new NotARegisterError('The backup file is damaged (its header cannot be read).');
    let header: BackupHeader;
    try {
      const raw = Buffer.alloc(headerLen);
      fs.readSync(fd, raw, 0, headerLen, 16);
      header = JSON.parse(raw.toString('utf8')) as BackupHeader;
      header.keyring = parseKeyring(JSON.stringify(header.keyring));
    } catch {
      throw new NotARegisterError('The backup file is damaged (its header cannot be read).');
    }
    const dbOffset = 16 + headerLen;
    const hash = crypto.createHash('sha256');
    if (size - dbOffset !== header.dbBytes) throw new NotARegisterError('The backup file is damaged or incomplete (its checksum does not match).');
    copyRange(fd, dbOffset, header.dbBytes, -1, hash);
    if (hash.digest('hex') !== header.dbSha256) throw new NotARegisterError('The backup file is damaged or incomplete (its checksum does not match).');
    return { header, dbOffset };
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes the database inside a backup to `dest` (owner-only), in chunks. */
function extractDatabase(file: string, dbOffset: number, dbBytes: number, dest: string): void {
  const src = fs.openSync(file, 'r');
  try {
    const out = fs.openSync(dest, 'w', 0o600);
    try {
      copyRange(src, dbOffset, dbBytes, out);
      fs.fsyncSync(out);
    } finally {
      fs.closeSync(out);
    }
  } finally {
    fs.closeSync(src);
  }
}

/** Reopens the copy inside a backup and runs the integrity check. Throws if anything is wrong. */
export function verifyBackupFile(file: string, dataKey: Uint8Array): void {
  const { header, dbOffset } = readBackup(file);
  const tmp = tempPath('verify');
  try {
    extractDatabase(file, dbOffset, header.dbBytes, tmp);
    let copy: SqliteDb;
    try {
      copy = openEncrypted(tmp, dataKey, { readonly: true });
    } catch (e) {
      if (e instanceof KeyDoesNotFit) throw new NotARegisterError('The backup could not be reopened with the register key.');
      throw e;
    }
    try {
      const report = checkIntegrity(copy);
      if (!report.ok) throw new NotARegisterError(`The backup failed its integrity check: ${report.problems.join('; ')}.`);
    } finally {
      copy.close();
    }
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

export type RestoreCredential = { passphrase: string; userId?: string } | { recoveryKey: string };

/** The data key of a backup's keyring, or WrongPassphrase. With no user given, each is tried. */
async function backupKey(keyring: Keyring, credential: RestoreCredential): Promise<Buffer> {
  if ('recoveryKey' in credential) return unlockWithRecoveryKey(keyring, credential.recoveryKey).dataKey;
  const candidates = credential.userId ? keyring.users.filter((u) => u.id === credential.userId) : keyring.users;
  for (const u of candidates) {
    try {
      return (await unlockWithPassphrase(keyring, u.id, credential.passphrase)).dataKey;
    } catch (e) {
      if (!(e instanceof WrongPassphraseError)) throw e;
    }
  }
  throw new WrongPassphraseError('That passphrase does not open this backup for any of its users.');
}

/** Checks a backup and the credential for it without changing anything (before a restore locks). */
export async function checkBackupCredential(file: string, credential: RestoreCredential): Promise<void> {
  (await backupKey(readBackup(file).header.keyring, credential)).fill(0);
}

/**
 * Restores a backup into a new register path (never over an existing file). With a passphrase and
 * no user, each user in the backup's keyring is tried in turn (there are only a few).
 */
export async function restoreBackup(file: string, registerPath: string, credential: RestoreCredential): Promise<{ registerId: string }> {
  const files = registerFiles(registerPath);
  if (fs.existsSync(files.db) || fs.existsSync(files.keyring)) {
    throw new ConflictError('A register already exists at that path. Restore into a new file name.');
  }
  const { header, dbOffset } = readBackup(file);
  const keyring = header.keyring;
  const dataKey = await backupKey(keyring, credential);
  const staging = `${files.db}.restoring`;
  try {
    extractDatabase(file, dbOffset, header.dbBytes, staging);
    const copy = openEncrypted(staging, dataKey, { readonly: true });
    try {
      const report = checkIntegrity(copy);
      if (!report.ok) throw new NotARegisterError(`The backup failed its integrity check: ${report.problems.join('; ')}.`);
    } finally {
      copy.close();
    }
    fs.renameSync(staging, files.db);
    writeKeyring(files.db, keyring);
  } catch (e) {
    fs.rmSync(staging, { force: true });
    // A database without its keyring is unusable: never leave one half-restored.
    if (fs.existsSync(files.db) && !fs.existsSync(files.keyring)) fs.rmSync(files.db, { force: true });
    if (e instanceof KeyDoesNotFit) throw new NotARegisterError('The backup is damaged: its database does not match its keyring.');
    if (e instanceof RegisterError) throw e;
    throw ioMessage(e, 'restored register');
  } finally {
    dataKey.fill(0);
  }
  return { registerId: header.registerId };
}

/** Rolling automatic backups: write a new one into the backups folder and keep the newest `keep`. */
export function pruneBackups(dir: string, keep: number): string[] {
  const autos = fs.existsSync(dir)
    ? fs.readdirSync(dir).filter((f) => /^auto-.*\.cicbackup$/.test(f)).sort()
    : [];
  const remove = autos.slice(0, Math.max(0, autos.length - keep));
  for (const f of remove) fs.rmSync(path.join(dir, f), { force: true });
  return remove;
}
