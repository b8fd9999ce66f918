// Opening the encrypted SQLite file (DESIGN.md "Security model", "Reliability").
// Order matters: cipher settings, then the key, then a read to prove the key, then everything else.

import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { IoError, NotARegisterError } from './errors.ts';

export type SqliteDb = Database.Database;

const SQLITE_PLAINTEXT_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

export function isPlaintextSqlite(file: string): boolean {
  try {
    const fd = fs.openSync(file, 'r');
    try {
      const head = Buffer.alloc(16);
      const n = fs.readSync(fd, head, 0, 16, 0);
      return n === 16 && head.equals(SQLITE_PLAINTEXT_HEADER);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return false;
  }
}

export class KeyDoesNotFit extends Error {}

/**
 * Opens (or creates) the database file with the raw 32-byte data key. A raw key means SQLCipher
 * does no second KDF at open: the passphrase KDF already happened in the keyring.
 * Throws KeyDoesNotFit when the key is wrong for the file, NotARegisterError for files that are
 * not encrypted registers at all.
 */
/** The page cache per connection, in KiB (see applyConnectionSettings). */
export const CACHE_KIB = 16 * 1024;

export function openEncrypted(file: string, key: Uint8Array, opts: { create?: boolean; readonly?: boolean } = {}): SqliteDb {
  if (!opts.create) {
    if (!fs.existsSync(file)) throw new NotARegisterError('The register file was not found at that path.');
    if (isPlaintextSqlite(file)) {
      throw new NotARegisterError('That file is an unencrypted SQLite database, not a CiC register.');
    }
    const size = fs.statSync(file).size;
    if (size === 0 || size % 1024 !== 0) {
      throw new NotARegisterError('The register file is damaged or truncated. Restore it from a backup.');
    }
  }
  let db: SqliteDb;
  try {
    db = new Database(file, { fileMustExist: !opts.create, readonly: opts.readonly ?? false, timeout: 5000 });
  } catch (e) {
    throw new IoError(`The register file could not be opened (${(e as { code?: string }).code ?? 'error'}).`);
  }
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key="x'${Buffer.from(key).toString('hex')}'"`);
    // A wrong key only shows on the first read (SQLITE_NOTADB), so read now.
    db.prepare('SELECT count(*) AS n FROM sqlite_master').get();
  } catch (e) {
    db.close();
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') throw new KeyDoesNotFit();
    throw new NotARegisterError('The register file is damaged and cannot be read. Restore it from a backup.');
  }
  try {
    applyConnectionSettings(db, opts.readonly ?? false);
  } catch (e) {
    db.close();
    throw new NotARegisterError(`The register could not be prepared for use (${(e as { code?: string }).code ?? 'error'}).`);
  }
  return db;
}

/** The settings every connection to a register runs with (the benchmark's plain copy too). */
export function applyConnectionSettings(db: SqliteDb, readonly: boolean): void {
  if (!readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('trusted_schema = OFF');
  // REPLACE's implicit delete must fire the audit log's append-only triggers too.
  db.pragma('recursive_triggers = ON');
  // SQLCipher decrypts a page each time it is read into the cache; with the default 2 MiB cache
  // the dashboard decrypted the same pages on every call. 16 MiB holds a large register's working
  // set (BENCHMARKS.md: 32 MiB was no quicker) within the 300 MB memory target. The cache holds
  // decrypted pages, as SQLite's always does, in this process only.
  db.pragma(`cache_size = -${CACHE_KIB}`);
}

export interface IntegrityReport {
  ok: boolean;
  problems: string[];
}

/** SQLite's own integrity check plus foreign keys; a damaged page under SQLCipher's HMAC fails here. */
export function checkIntegrity(db: SqliteDb): IntegrityReport {
  const problems: string[] = [];
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    for (const r of rows) if (r.integrity_check !== 'ok') problems.push(r.integrity_check);
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length) problems.push(`${fk.length} broken link(s) between records`);
  } catch (e) {
    problems.push(`the file could not be read completely (${(e as { code?: string }).code ?? 'error'})`);
  }
  return { ok: problems.length === 0, problems };
}
