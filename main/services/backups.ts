// Backups from the app: manual and automatic backups into the register's backups folder, and a
// restore that replaces the register in place while keeping the replaced files as a safety copy.

import fs from 'node:fs';
import path from 'node:path';
import { readBackup, restoreBackup, type RestoreCredential } from '../../db/backup.ts';
import { NotFoundError } from '../../db/errors.ts';
import { registerFiles } from '../../db/paths.ts';
import type { Register } from '../../db/register.ts';
import type { BackupInfo } from '../api/contract.ts';

const stamp = (d: Date) => d.toISOString().replace(/[:.]/g, '-');

export function listBackups(registerPath: string): BackupInfo[] {
  const dir = registerFiles(registerPath).backupsDir;
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir)
    .filter((f) => f.endsWith('.cicbackup'))
    .map((name) => {
      const st = fs.statSync(path.join(dir, name));
      return { name, createdAt: st.mtime.toISOString(), bytes: st.size, automatic: name.startsWith('auto-') };
    })
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export function manualBackup(register: Register, file?: string): BackupInfo {
  const dir = registerFiles(register.path).backupsDir;
  fs.mkdirSync(dir, { recursive: true });
  const target = file ?? path.join(dir, `manual-${stamp(new Date())}.cicbackup`);
  const r = register.backupTo(target);
  return { name: path.basename(r.file), createdAt: r.createdAt, bytes: r.bytes, automatic: false };
}

/** True when an automatic backup is due (none yet, or the last is older than the interval). */
export function autoBackupDue(register: Register, now = new Date()): boolean {
  const last = register.lastBackupAt();
  const hours = register.sqlite.prepare('SELECT backup_every_hours FROM school WHERE id = 1').pluck().get() as number;
  return !last || now.getTime() - Date.parse(last) >= hours * 3_600_000;
}

/** A backup in the register's backups folder, by file name only (never a path from the caller). */
export function backupPath(registerPath: string, backupName: string): string {
  const file = path.join(registerFiles(registerPath).backupsDir, path.basename(backupName));
  if (!fs.existsSync(file)) throw new NotFoundError('That backup');
  return file;
}

/**
 * Replaces the (locked) register at `registerPath` with a backup from its backups folder. The
 * current files are first renamed aside, and put back if the restore fails: nothing is lost.
 */
export async function restoreReplacing(registerPath: string, backupName: string, credential: RestoreCredential): Promise<string> {
  const files = registerFiles(registerPath);
  const backupFile = backupPath(registerPath, backupName);
  readBackup(backupFile); // refuse a damaged backup before touching anything
  const aside = `${files.db}.before-restore-${stamp(new Date())}`;
  const moved: [string, string][] = [];
  for (const f of [files.db, `${files.db}-wal`, `${files.db}-shm`, files.keyring]) {
    if (fs.existsSync(f)) {
      const to = f.replace(files.db, aside);
      fs.renameSync(f, to);
      moved.push([f, to]);
    }
  }
  try {
    await restoreBackup(backupFile, files.db, credential);
  } catch (e) {
    for (const [from, to] of moved) fs.renameSync(to, from);
    throw e;
  }
  return path.basename(aside);
}
