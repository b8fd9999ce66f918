// An unlocked register: the open database, the data key, who is signed in, and the operations
// that touch both the database and the keyring (users, rekey). Plain Node; never imports electron.

import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Compilable } from 'kysely';
import { appendAudit, type AuditEntry } from './audit.ts';
import { checkIntegrity, KeyDoesNotFit, openEncrypted, type SqliteDb } from './connection.ts';
import {
  ConflictError, ForbiddenError, InvalidError, IoError, LockedError, NewerVersionError, NotARegisterError, WrongPassphraseError,
} from './errors.ts';
import {
  addUserEntry, changePassphraseEntry, createKeyring, dropPendingKey, findUser, type KdfParams, type Keyring,
  promotePendingKey, publicUsers, readKeyring, replaceRecoveryEntry, resetPassphraseEntry, type Role, type UnlockedKeys,
  unlockWithPassphrase, unlockWithRecoveryKey, withPendingKey, writeKeyring, type PublicUser,
} from './keyring.ts';
import { LATEST_VERSION, migrate, schemaVersion } from './migrations/index.ts';
import { registerFiles } from './paths.ts';
import { all, one, run } from './query.ts';
import { pruneBackups, withdrawUserFromBackups, writeBackup } from './backup.ts';

export type Credential =
  | { userId: string; passphrase: string }
  | { recoveryKey: string };

export interface Session {
  /** null when unlocked with the recovery key (only a passphrase reset is then allowed). */
  userId: string | null;
  role: Role | null;
  name: string;
  via: 'passphrase' | 'recovery';
}

export interface OpenOptions {
  /** Clock for the pre-migration backup's file name (tests). */
  now?: () => Date;
}

export class Register {
  private closed = false;

  private constructor(
    readonly path: string,
    private readonly sqliteDb: SqliteDb,
    private dataKey: Buffer,
    readonly session: Session,
  ) {}

  // ---- lifecycle ---------------------------------------------------------------------------

  static async create(opts: {
    path: string; schoolName: string; userName: string; role?: Role; passphrase: string; kdf?: KdfParams;
  }): Promise<{ register: Register; recoveryKey: string }> {
    const files = registerFiles(opts.path);
    const schoolName = opts.schoolName.trim();
    if (!schoolName || schoolName.length > 200) throw InvalidError.field('schoolName', 'School name must be between 1 and 200 characters.');
    for (const f of [files.db, files.keyring]) {
      if (fs.existsSync(f)) throw new ConflictError('A register already exists at that path. Choose another file name.');
    }
    if (!fs.existsSync(files.db.replace(/[^/\\]+$/, ''))) throw InvalidError.field('path', 'The folder for the register does not exist.');
    const role = opts.role ?? 'dt';
    const made = await createKeyring({ name: opts.userName, role, passphrase: opts.passphrase, ...(opts.kdf ? { kdf: opts.kdf } : {}) });
    let sqlite: SqliteDb | null = null;
    try {
      sqlite = openEncrypted(files.db, made.dataKey, { create: true });
      // Encrypted, but still nobody else's business: owner-only like the keyring and backups.
      fs.chmodSync(files.db, 0o600);
      migrate(sqlite);
      const now = new Date().toISOString();
      const user = made.keyring.users[0]!;
      sqlite.transaction(() => {
        sqlite!.prepare("INSERT INTO meta (key, value) VALUES ('register_id', ?), ('created_at', ?)").run(made.keyring.registerId, now);
        sqlite!.prepare('INSERT INTO school (id, name, dt_name, updated_at) VALUES (1, ?, ?, ?)').run(schoolName, role === 'dt' ? user.name : null, now);
        sqlite!.prepare('INSERT INTO users (id, name, role, created_at) VALUES (?, ?, ?, ?)').run(user.id, user.name, user.role, now);
        appendAudit(sqlite!, { action: 'register.create', userId: user.id });
      }).immediate();
      writeKeyring(files.db, made.keyring);
    } catch (e) {
      // Nothing half-made is left behind: a register without its keyring is unusable.
      sqlite?.close();
      for (const f of [files.db, `${files.db}-wal`, `${files.db}-shm`]) fs.rmSync(f, { force: true });
      throw e;
    }
    const session: Session = { userId: made.userId, role, name: made.keyring.users[0]!.name, via: 'passphrase' };
    return { register: new Register(files.db, sqlite, made.dataKey, session), recoveryKey: made.recoveryKey };
  }

  static users(path: string): PublicUser[] {
    return publicUsers(readKeyring(path));
  }

  static async unlock(path: string, credential: Credential, opts: OpenOptions = {}): Promise<Register> {
    const files = registerFiles(path);
    if (!fs.existsSync(files.db)) throw new NotARegisterError('The register file was not found at that path.');
    const keyring = readKeyring(files.db);
    let keys: UnlockedKeys;
    let session: Session;
    try {
      if ('recoveryKey' in credential) {
        keys = unlockWithRecoveryKey(keyring, credential.recoveryKey);
        session = { userId: null, role: null, name: 'Recovery key', via: 'recovery' };
      } else {
        const user = findUser(keyring, credential.userId);
        keys = await unlockWithPassphrase(keyring, credential.userId, credential.passphrase);
        session = { userId: user.id, role: user.role, name: user.name, via: 'passphrase' };
      }
    } catch (e) {
      if (e instanceof WrongPassphraseError) noteFailedUnlock(files.failedUnlocks, 'userId' in credential ? credential.userId : null);
      throw e;
    }
    const { sqlite, key } = openWithKeys(files.db, keyring, keys);
    const register = new Register(files.db, sqlite, key, session);
    try {
      if (sqlite.prepare("SELECT value FROM meta WHERE key = 'register_id'").pluck().get() !== keyring.registerId) {
        throw new NotARegisterError('The keyring beside this file belongs to a different register.');
      }
      register.migrateIfNeeded(opts.now?.() ?? new Date());
      register.recordUnlock(files.failedUnlocks);
    } catch (e) {
      register.close();
      // A damaged page past the first one only shows when it is read: report it like any damage.
      const code = (e as { code?: unknown }).code;
      if (typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code)) {
        throw new NotARegisterError('The register file is damaged and cannot be read. Restore it from a backup.');
      }
      // Unlocking writes to the audit log (and may migrate), so a full disk stops it; nothing is lost.
      if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
        throw new IoError('The disk is full, so the register could not be opened (opening it is recorded in the audit log). Nothing was lost: free some space and unlock again.');
      }
      throw e;
    }
    return register;
  }

  /** Closes the database and zeroes the key. Safe to call twice. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.sqliteDb.close();
    } finally {
      this.dataKey.fill(0);
    }
  }

  lock(): void {
    if (this.closed) return;
    try {
      this.transaction(() => this.audit({ action: 'lock', userId: this.session.userId }));
    } finally {
      this.close();
    }
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  // ---- data access -------------------------------------------------------------------------

  get sqlite(): SqliteDb {
    if (this.closed) throw new LockedError();
    return this.sqliteDb;
  }

  all<R>(q: Compilable<R>): R[] { return all(this.sqlite, q); }
  one<R>(q: Compilable<R>): R | undefined { return one(this.sqlite, q); }
  run(q: Compilable<unknown>): { changes: number; lastInsertRowid: number } { return run(this.sqlite, q); }

  /** One transaction per user action. BEGIN IMMEDIATE so a second process waits rather than fails midway. */
  transaction<T>(fn: () => T): T {
    return this.sqlite.transaction(fn).immediate();
  }

  /** Appends to the audit log; call inside the transaction of the change it records. */
  audit(entry: Omit<AuditEntry, 'userId'> & { userId?: string | null }): void {
    appendAudit(this.sqlite, { userId: this.session.userId, ...entry });
  }

  requireUser(): string {
    if (!this.session.userId) throw new ForbiddenError('Signed in with the recovery key: set a new passphrase first.');
    return this.session.userId;
  }

  requireDt(): string {
    const id = this.requireUser();
    if (this.session.role !== 'dt') throw new ForbiddenError('Only the Designated Teacher can do that.');
    return id;
  }

  // ---- users and keys ----------------------------------------------------------------------

  users(): PublicUser[] {
    return Register.users(this.path);
  }

  async addUser(opts: { name: string; role: Role; passphrase: string; kdf?: KdfParams }): Promise<PublicUser> {
    this.requireDt();
    const keyring = readKeyring(this.path);
    const kdf = opts.kdf ?? keyring.users[0]?.kdf;
    const { keyring: next, userId } = await addUserEntry(keyring, this.dataKey, { ...opts, ...(kdf ? { kdf } : {}) });
    const user = findUser(next, userId);
    // Keyring written inside the transaction: if it fails, the user row rolls back too.
    this.transaction(() => {
      this.sqlite.prepare('INSERT INTO users (id, name, role, created_at) VALUES (?, ?, ?, ?)').run(userId, user.name, user.role, new Date().toISOString());
      this.audit({ action: 'user.add', recordType: 'user', recordId: userId });
      writeKeyring(this.path, next);
    });
    return { id: userId, name: user.name, role: user.role };
  }

  async changePassphrase(oldPassphrase: string, newPassphrase: string): Promise<void> {
    const userId = this.requireUser();
    const next = await changePassphraseEntry(readKeyring(this.path), userId, oldPassphrase, newPassphrase);
    this.transaction(() => {
      this.audit({ action: 'user.passphrase', recordType: 'user', recordId: userId });
      writeKeyring(this.path, next);
    });
  }

  /** After a recovery-key unlock: give a user a new passphrase; the session becomes theirs. */
  async resetPassphrase(userId: string, newPassphrase: string): Promise<void> {
    if (this.session.via !== 'recovery') throw new ForbiddenError('A passphrase can only be reset after unlocking with the recovery key.');
    const next = await resetPassphraseEntry(readKeyring(this.path), this.dataKey, userId, newPassphrase);
    const user = findUser(next, userId);
    this.transaction(() => {
      this.audit({ action: 'user.reset', recordType: 'user', recordId: userId, userId: null });
      writeKeyring(this.path, next);
    });
    Object.assign(this.session, { userId, role: user.role, name: user.name, via: 'passphrase' } satisfies Session);
  }

  /**
   * Issues a new recovery key (the DT re-enters their passphrase first): the old key stops working.
   * Returned once, to be printed and kept in the school safe; never stored.
   */
  async newRecoveryKey(passphrase: string): Promise<string> {
    const userId = this.requireDt();
    const keyring = readKeyring(this.path);
    (await unlockWithPassphrase(keyring, userId, passphrase)).dataKey.fill(0);
    const { keyring: next, recoveryKey } = replaceRecoveryEntry(keyring, this.dataKey);
    this.transaction(() => {
      this.audit({ action: 'recovery.replace', recordType: 'user', recordId: userId });
      writeKeyring(this.path, next);
    });
    return recoveryKey;
  }

  /** Removes a user's access and rekeys the database, so an old copy of their wrap is useless. */
  removeUser(userId: string): void {
    const me = this.requireDt();
    if (userId === me) throw new ConflictError('You cannot remove yourself. Another DT must do it.');
    const keyring = readKeyring(this.path);
    findUser(keyring, userId);
    if (!keyring.users.some((u) => u.id !== userId && u.role === 'dt')) {
      throw new ConflictError('The register must keep at least one Designated Teacher.');
    }
    const newKey = crypto.randomBytes(32);
    // 1. Seal the new key for everyone who stays, as pending (crash here: old key still current).
    const pending = withPendingKey(keyring, newKey, userId);
    writeKeyring(this.path, pending);
    // 2. Rekey the database (crash here: the opener tries the pending key).
    try {
      this.sqlite.pragma('wal_checkpoint(TRUNCATE)');
      this.sqlite.pragma(`rekey="x'${newKey.toString('hex')}'"`);
    } catch (e) {
      writeKeyring(this.path, dropPendingKey(keyring));
      throw e;
    }
    this.dataKey.fill(0);
    this.dataKey = newKey;
    // 3. The pending key becomes current.
    writeKeyring(this.path, promotePendingKey(pending));
    this.transaction(() => {
      this.sqlite.prepare('UPDATE users SET removed_at = ? WHERE id = ?').run(new Date().toISOString(), userId);
      this.audit({ action: 'user.remove', recordType: 'user', recordId: userId });
    });
    // The backups in the register's own folder were sealed under the old key with the old keyring:
    // take the removed user's entry out of them too (best effort; the removal above is complete).
    withdrawUserFromBackups(registerFiles(this.path).backupsDir, keyring.registerId, userId);
  }

  // ---- internals ---------------------------------------------------------------------------

  /** For backups: the data key never leaves db/. */
  backupTo(file: string): ReturnType<typeof writeBackup> {
    const result = writeBackup(this.sqlite, this.dataKey, readKeyring(this.path), file);
    this.transaction(() => {
      this.sqlite.prepare("INSERT INTO meta (key, value) VALUES ('last_backup_at', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(result.createdAt);
      this.audit({ action: 'backup' });
    });
    return result;
  }

  /** Rolling automatic backup into the backups folder, keeping the newest `backup_keep`. */
  autoBackup(now = new Date()): ReturnType<typeof writeBackup> & { removed: string[] } {
    const dir = registerFiles(this.path).backupsDir;
    fs.mkdirSync(dir, { recursive: true });
    const stamp = now.toISOString().replace(/[:.]/g, '-');
    const result = this.backupTo(`${dir}/auto-${stamp}.cicbackup`);
    const keep = this.sqlite.prepare('SELECT backup_keep FROM school WHERE id = 1').pluck().get() as number | undefined;
    return { ...result, removed: pruneBackups(dir, keep ?? 10) };
  }

  lastBackupAt(): string | null {
    return (this.sqlite.prepare("SELECT value FROM meta WHERE key = 'last_backup_at'").pluck().get() as string | undefined) ?? null;
  }

  integrity(): ReturnType<typeof checkIntegrity> {
    return checkIntegrity(this.sqlite);
  }

  private migrateIfNeeded(now: Date): void {
    const version = schemaVersion(this.sqliteDb);
    if (version > LATEST_VERSION) throw new NewerVersionError(version, LATEST_VERSION);
    if (version === LATEST_VERSION) return;
    const stamp = now.toISOString().replace(/[:.]/g, '-');
    const files = registerFiles(this.path);
    fs.mkdirSync(files.backupsDir, { recursive: true });
    this.backupTo(`${files.backupsDir}/pre-migration-v${version}-${stamp}.cicbackup`);
    migrate(this.sqliteDb, LATEST_VERSION, (v) => this.audit({ action: 'migrate', recordType: 'schema', recordId: v }));
  }

  private recordUnlock(failedFile: string): void {
    const failures = readFailedUnlocks(failedFile);
    // The keyring is the truth about who can unlock: a removal interrupted after the rekey but
    // before the users table was updated is finished here.
    const active = new Set(readKeyring(this.path).users.map((u) => u.id));
    this.transaction(() => {
      const stale = (this.sqliteDb.prepare('SELECT id FROM users WHERE removed_at IS NULL').pluck().all() as string[]).filter((id) => !active.has(id));
      for (const id of stale) {
        this.sqliteDb.prepare('UPDATE users SET removed_at = ? WHERE id = ?').run(new Date().toISOString(), id);
        this.audit({ action: 'user.remove', recordType: 'user', recordId: id, userId: null });
      }
      for (const f of failures) this.audit({ action: 'unlock.failed', userId: f.userId, at: f.at });
      this.audit({ action: this.session.via === 'recovery' ? 'unlock.recovery' : 'unlock' });
    });
    if (failures.length) fs.rmSync(failedFile, { force: true });
  }
}

function openWithKeys(file: string, keyring: Keyring, keys: UnlockedKeys): { sqlite: SqliteDb; key: Buffer } {
  let current: SqliteDb | null = null;
  try {
    current = openEncrypted(file, keys.dataKey);
  } catch (e) {
    if (!(e instanceof KeyDoesNotFit)) throw e;
  }
  if (current && !keys.pendingKey) return { sqlite: current, key: keys.dataKey };
  if (current && keys.pendingKey) {
    // A rekey was interrupted before the database changed key. The removed user's wrap is already
    // gone from the keyring, but an old copy of it would still open the file: finish the rekey now.
    try {
      current.pragma('wal_checkpoint(TRUNCATE)');
      current.pragma(`rekey="x'${keys.pendingKey.toString('hex')}'"`);
      writeKeyring(file, promotePendingKey(keyring));
    } catch (e) {
      current.close();
      throw e;
    }
    keys.dataKey.fill(0);
    return { sqlite: current, key: keys.pendingKey };
  }
  if (keys.pendingKey) {
    // A rekey was interrupted after the database changed key: finish it now.
    let sqlite: SqliteDb | null = null;
    try {
      sqlite = openEncrypted(file, keys.pendingKey);
      writeKeyring(file, promotePendingKey(keyring));
      keys.dataKey.fill(0);
      return { sqlite, key: keys.pendingKey };
    } catch (e) {
      sqlite?.close();
      if (!(e instanceof KeyDoesNotFit)) throw e;
    }
  }
  throw new NotARegisterError('The register file is damaged, or does not match its keyring. Restore it from a backup.');
}

function noteFailedUnlock(file: string, userId: string | null): void {
  try {
    fs.appendFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), userId })}\n`, { mode: 0o600 });
  } catch {
    // Best effort: failing to note a failed attempt must not hide the wrong-passphrase message.
  }
}

function readFailedUnlocks(file: string): { at: string; userId: string | null }[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const out: { at: string; userId: string | null }[] = [];
  for (const line of text.split('\n')) {
    try {
      const v = JSON.parse(line) as { at?: unknown; userId?: unknown };
      if (typeof v.at === 'string' && !Number.isNaN(Date.parse(v.at))) {
        out.push({ at: v.at, userId: typeof v.userId === 'string' ? v.userId : null });
      }
    } catch {
      // A torn last line from a crash: skip it.
    }
  }
  return out;
}

