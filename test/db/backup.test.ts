// Backups: encrypted single files, verified; restore round-trips every row of every table, never
// over an existing register, refuses damaged files; rolling automatic backups are pruned.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../db/audit.ts';
import { readBackup, restoreBackup } from '../../db/backup.ts';
import { openEncrypted, type SqliteDb } from '../../db/connection.ts';
import { keyringPath, readKeyring, unlockWithPassphrase } from '../../db/keyring.ts';
import { registerFiles } from '../../db/paths.ts';
import { qb } from '../../db/query.ts';
import { Register } from '../../db/register.ts';
import {
  cleanupTempDirs, createRegister, dumpTables, expectNoPersonalData, expectRegisterError, STAFF, tableNames, tempDir,
  type TestRegister, unlockAs,
} from '../helpers/db.ts';
import { fillV1Tables, V1_TABLES } from '../helpers/v1-register.ts';

/** Rows in the tables migration 002 added. */
function fillV2Tables(db: SqliteDb): void {
  db.transaction(() => {
    const child = db.prepare("SELECT id FROM children WHERE legal_first_name = 'Zephyrine'").pluck().get() as number;
    db.prepare(`INSERT INTO attendance_periods (child_id, period_start, period_end, possible_sessions, present_sessions, authorised_absence, unauthorised_absence)
      VALUES (?, '2024-09-02', '2024-10-25', 76, 70, 4, 2), (?, '2024-10-28', '2024-12-20', 66, 66, 0, 0)`).run(child, child);
    db.prepare(`INSERT INTO exclusions (child_id, kind, start_date, end_date, school_days, reason, vs_informed_on)
      VALUES (?, 'SUSP', '2024-11-12', '2024-11-13', 1.5, 'Fictitious reason', '2024-11-12')`).run(child);
    db.prepare(`INSERT INTO voice_log (child_id, held_on, kind, staff_name, wishes_feelings, concerns, actions)
      VALUES (?, '2024-10-03', 'esw_session', 'Esme Whitlock', 'Wants to join the choir', NULL, 'Ask music dept')`).run(child);
  }).immediate();
}

let reg: TestRegister;
let deputyId: string;

beforeAll(async () => {
  reg = await createRegister();
  const deputy = await reg.register.addUser({ name: STAFF.deputy.name, role: 'deputy', passphrase: STAFF.deputy.passphrase });
  deputyId = deputy.id;
  fillV1Tables(reg.register.sqlite, reg.dtId);
  fillV2Tables(reg.register.sqlite);
  // Every table these fixtures know about has rows, so the round trip below covers real data in
  // each (tables added by later migrations are compared too, with whatever they hold).
  const dump = dumpTables(reg.register.sqlite);
  for (const t of [...V1_TABLES, 'attendance_periods', 'exclusions', 'voice_log']) expect(dump[t]?.length, t).toBeGreaterThan(0);
});

afterAll(() => {
  reg.register.close();
  cleanupTempDirs();
});

/** Open a register's file directly (no unlock bookkeeping), to compare contents exactly. */
async function rawDump(p: string, userId: string, passphrase: string) {
  const { dataKey } = await unlockWithPassphrase(readKeyring(p), userId, passphrase);
  const db = openEncrypted(p, dataKey, { readonly: true });
  try {
    return { dump: dumpTables(db), version: db.pragma('user_version', { simple: true }) as number };
  } finally {
    db.close();
  }
}

function flipByte(file: string, at: number): void {
  const b = fs.readFileSync(file);
  b[at]! ^= 0x01;
  fs.writeFileSync(file, b);
}

describe('backup and restore', () => {
  it('round-trips every row of every table', async () => {
    const before = dumpTables(reg.register.sqlite);
    const version = reg.register.sqlite.pragma('user_version', { simple: true });
    const file = path.join(tempDir('bk'), 'round-trip.cicbackup');
    const result = reg.register.backupTo(file);
    expect(result).toMatchObject({ file, verified: true, bytes: fs.statSync(file).size });
    expect(reg.register.lastBackupAt()).toBe(result.createdAt);
    expect(reg.register.one(qb.selectFrom('audit_log').select('action').orderBy('id', 'desc').limit(1))?.action).toBe('backup');

    const { header } = readBackup(file);
    expect(header).toMatchObject({ format: 'cic-register-backup', schemaVersion: version, registerId: readKeyring(reg.path).registerId });

    const target = path.join(tempDir('restore'), 'restored.cicregister');
    expect(await restoreBackup(file, target, { passphrase: STAFF.dt.passphrase })).toEqual({ registerId: header.registerId });
    const restored = await rawDump(target, reg.dtId, STAFF.dt.passphrase);
    expect(restored.version).toBe(version);
    expect(Object.keys(restored.dump)).toEqual(tableNames(reg.register.sqlite));
    expect(restored.dump).toEqual(before);
    expect(fs.readdirSync(path.dirname(target)).sort()).toEqual(['restored.cicregister', 'restored.cicregister.keyring']);

    // The restored register is a working register for every user.
    const r = await unlockAs(target, deputyId, STAFF.deputy.passphrase);
    expect(r.integrity()).toEqual({ ok: true, problems: [] });
    expect(verifyAudit(r.sqlite).ok).toBe(true);
    r.close();
  });

  it('restores with the recovery key (any case, no dashes) and with the deputy passphrase', async () => {
    const before = dumpTables(reg.register.sqlite);
    const file = path.join(tempDir('bk'), 'recovery.cicbackup');
    reg.register.backupTo(file);

    const t1 = path.join(tempDir('restore'), 'by-recovery.cicregister');
    await restoreBackup(file, t1, { recoveryKey: reg.recoveryKey.replace(/-/g, '').toLowerCase() });
    expect((await rawDump(t1, reg.dtId, STAFF.dt.passphrase)).dump).toEqual(before);
    const r = await Register.unlock(t1, { recoveryKey: reg.recoveryKey });
    r.close();

    const t2 = path.join(tempDir('restore'), 'by-deputy.cicregister');
    await restoreBackup(file, t2, { passphrase: STAFF.deputy.passphrase });
    expect((await rawDump(t2, deputyId, STAFF.deputy.passphrase)).dump).toEqual(before);

    const t3 = path.join(tempDir('restore'), 'by-user-id.cicregister');
    await restoreBackup(file, t3, { passphrase: STAFF.deputy.passphrase, userId: deputyId });
    // The named user's passphrase only: the DT's passphrase with the deputy's id is refused.
    const t4 = path.join(tempDir('restore'), 'mismatch.cicregister');
    await expectRegisterError(() => restoreBackup(file, t4, { passphrase: STAFF.dt.passphrase, userId: deputyId }), 'WrongPassphrase');
    expect(fs.readdirSync(path.dirname(t4))).toEqual([]);
  });

  it('refuses a wrong passphrase or recovery key, leaving nothing behind', async () => {
    const file = path.join(tempDir('bk'), 'wrong.cicbackup');
    reg.register.backupTo(file);
    const dir = tempDir('restore');
    const target = path.join(dir, 'x.cicregister');
    const e = await expectRegisterError(() => restoreBackup(file, target, { passphrase: 'entirely wrong passphrase 1' }), 'WrongPassphrase');
    expectNoPersonalData(e.message, dir);
    await expectRegisterError(() => restoreBackup(file, target, { recoveryKey: '0000-0000-0000-0000-0000-0000-0000-0000' }), 'WrongPassphrase');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses to restore over an existing register or keyring (Conflict), changing nothing', async () => {
    const file = path.join(tempDir('bk'), 'conflict.cicbackup');
    reg.register.backupTo(file);
    const other = await createRegister(tempDir('existing'));
    other.register.close();
    const dbBefore = fs.readFileSync(other.path);
    const keyringBefore = fs.readFileSync(keyringPath(other.path));
    await expectRegisterError(() => restoreBackup(file, other.path, { passphrase: STAFF.dt.passphrase }), 'Conflict');
    expect(fs.readFileSync(other.path).equals(dbBefore)).toBe(true);
    expect(fs.readFileSync(keyringPath(other.path)).equals(keyringBefore)).toBe(true);

    // A keyring alone at the target also counts.
    const dir = tempDir('existing');
    const target = path.join(dir, 'only-keyring.cicregister');
    fs.writeFileSync(keyringPath(target), 'placeholder');
    await expectRegisterError(() => restoreBackup(file, target, { passphrase: STAFF.dt.passphrase }), 'Conflict');
    expect(fs.readdirSync(dir)).toEqual(['only-keyring.cicregister.keyring']);
    expect(fs.readFileSync(keyringPath(target), 'utf8')).toBe('placeholder');
    // And so does the live register itself.
    await expectRegisterError(() => restoreBackup(file, reg.path, { passphrase: STAFF.dt.passphrase }), 'Conflict');
  });

  it('refuses a corrupted backup with NotARegister, leaving nothing behind', async () => {
    const file = path.join(tempDir('bk'), 'corrupt.cicbackup');
    reg.register.backupTo(file);
    const pristine = fs.readFileSync(file);
    const headerLen = pristine.readUInt32LE(12);
    const positions: [string, number][] = [
      ['middle of the database', 16 + headerLen + Math.floor((pristine.length - 16 - headerLen) / 2)],
      ['last byte', pristine.length - 1],
      ['first database byte', 16 + headerLen],
      ['magic', 0],
      ['format version', 8],
      ['header length', 12],
      ['header JSON brace', 16],
    ];
    for (const [label, at] of positions) {
      fs.writeFileSync(file, pristine);
      flipByte(file, at);
      const dir = tempDir('restore');
      const target = path.join(dir, 'x.cicregister');
      const e = await expectRegisterError(() => restoreBackup(file, target, { passphrase: STAFF.dt.passphrase }), 'NotARegister');
      expectNoPersonalData(e.message, dir);
      expect(fs.readdirSync(dir), label).toEqual([]);
    }
    // The checksum layer alone (before any reopen) already catches a flipped database byte.
    fs.writeFileSync(file, pristine);
    flipByte(file, positions[0]![1]);
    const sum = await expectRegisterError(() => readBackup(file), 'NotARegister');
    expect(sum.message).toMatch(/checksum/);
    // Truncated, empty and foreign files too.
    for (const bytes of [pristine.subarray(0, pristine.length - 4096), pristine.subarray(0, 10), Buffer.alloc(0), crypto.randomBytes(5000)]) {
      fs.writeFileSync(file, bytes);
      const dir = tempDir('restore');
      await expectRegisterError(() => restoreBackup(file, path.join(dir, 'x.cicregister'), { passphrase: STAFF.dt.passphrase }), 'NotARegister');
      expect(fs.readdirSync(dir)).toEqual([]);
    }
    await expectRegisterError(() => restoreBackup(path.join(tempDir('restore'), 'missing.cicbackup'), path.join(tempDir('restore'), 'x.cicregister'), { passphrase: STAFF.dt.passphrase }), 'NotARegister');
  });

  it('a backup whose database bytes were altered consistently (checksum rewritten) fails the reopen check', async () => {
    const file = path.join(tempDir('bk'), 'forged.cicbackup');
    reg.register.backupTo(file);
    const buf = fs.readFileSync(file);
    const headerLen = buf.readUInt32LE(12);
    const header = JSON.parse(buf.subarray(16, 16 + headerLen).toString('utf8')) as { dbSha256: string };
    const db = Buffer.from(buf.subarray(16 + headerLen));
    db[Math.floor(db.length / 2)]! ^= 0x01;
    const newHeader = Buffer.from(JSON.stringify({ ...header, dbSha256: crypto.createHash('sha256').update(db).digest('hex') }));
    const prefix = Buffer.from(buf.subarray(0, 16));
    prefix.writeUInt32LE(newHeader.length, 12);
    fs.writeFileSync(file, Buffer.concat([prefix, newHeader, db]));
    const dir = tempDir('restore');
    await expectRegisterError(() => restoreBackup(file, path.join(dir, 'x.cicregister'), { passphrase: STAFF.dt.passphrase }), 'NotARegister');
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});

describe('automatic backups', () => {
  it('prune to backup_keep, newest kept, other files left alone', async () => {
    const { register, path: p } = await createRegister();
    try {
      register.transaction(() => {
        register.run(qb.updateTable('school').set({ backup_keep: 3 }).where('id', '=', 1));
        register.audit({ action: 'settings.update', recordType: 'school', recordId: 1 });
      });
      const dir = registerFiles(p).backupsDir;
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'pre-migration-v1-2020-01-01T00-00-00-000Z.cicbackup'), 'keep me');
      fs.writeFileSync(path.join(dir, 'notes.txt'), 'keep me too');

      const stamps = ['2025-01-01T10:00:00.000Z', '2025-01-02T10:00:00.000Z', '2025-01-03T10:00:00.000Z', '2025-01-04T10:00:00.000Z', '2025-01-05T10:00:00.000Z'];
      const name = (s: string) => `auto-${s.replace(/[:.]/g, '-')}.cicbackup`;
      const removedAll: string[] = [];
      for (const s of stamps) {
        const res = register.autoBackup(new Date(s));
        expect(res.verified).toBe(true);
        expect(path.basename(res.file)).toBe(name(s));
        removedAll.push(...res.removed);
      }
      expect(removedAll).toEqual([name(stamps[0]!), name(stamps[1]!)]);
      expect(fs.readdirSync(dir).sort()).toEqual([
        ...stamps.slice(2).map(name), 'notes.txt', 'pre-migration-v1-2020-01-01T00-00-00-000Z.cicbackup',
      ].sort());
      // Each kept backup is a whole, readable backup.
      for (const s of stamps.slice(2)) expect(readBackup(path.join(dir, name(s))).header.registerId).toBe(readKeyring(p).registerId);
      expect(register.all(qb.selectFrom('audit_log').select('id').where('action', '=', 'backup'))).toHaveLength(stamps.length);
    } finally {
      register.close();
    }
  });

  it('with the default backup_keep (10), keeps ten', async () => {
    const { register, path: p } = await createRegister();
    try {
      for (let i = 0; i < 12; i++) register.autoBackup(new Date(Date.UTC(2025, 0, 1, i)));
      const autos = fs.readdirSync(registerFiles(p).backupsDir).filter((f) => f.startsWith('auto-')).sort();
      expect(autos).toHaveLength(10);
      expect(autos[0]).toBe('auto-2025-01-01T02-00-00-000Z.cicbackup');
    } finally {
      register.close();
    }
  });
});

describe('removing a user', () => {
  it("takes their entry out of the backups folder's backups; the others, and a copy kept elsewhere, are left as they were", async () => {
    const made = await createRegister();
    const { register, path: p } = made;
    const leaver = await register.addUser({ name: STAFF.deputy.name, role: 'deputy', passphrase: STAFF.deputy.passphrase });
    const stays = await register.addUser({ name: STAFF.deputy2.name, role: 'deputy', passphrase: STAFF.deputy2.passphrase });
    const before = dumpTables(register.sqlite);
    const inFolder = register.autoBackup(new Date(Date.UTC(2026, 10, 1))).file;
    const elsewhere = path.join(tempDir('usb'), 'copy.cicbackup');
    register.backupTo(elsewhere);
    // A damaged file in the folder is left exactly as it is, and does not stop the removal.
    const damaged = path.join(registerFiles(p).backupsDir, 'damaged.cicbackup');
    fs.writeFileSync(damaged, 'not a backup');
    try {
      register.removeUser(leaver.id);
    } finally {
      register.close();
    }
    expect(readBackup(inFolder).header.keyring.users.map((u) => u.id).sort()).toEqual([made.dtId, stays.id].sort());
    expect(readBackup(elsewhere).header.keyring.users.map((u) => u.id)).toContain(leaver.id);
    expect(fs.readFileSync(damaged, 'utf8')).toBe('not a backup');
    expect(fs.readdirSync(registerFiles(p).backupsDir).sort()).toEqual([path.basename(inFolder), 'damaged.cicbackup'].sort());

    // The leaver's passphrase no longer restores the folder's backup; everyone else's still does, whole.
    const t1 = path.join(tempDir('restore'), 'by-leaver.cicregister');
    await expectRegisterError(() => restoreBackup(inFolder, t1, { passphrase: STAFF.deputy.passphrase }), 'WrongPassphrase');
    const t2 = path.join(tempDir('restore'), 'by-deputy.cicregister');
    await restoreBackup(inFolder, t2, { passphrase: STAFF.deputy2.passphrase });
    expect((await rawDump(t2, stays.id, STAFF.deputy2.passphrase)).dump).toEqual(before);
    const t3 = path.join(tempDir('restore'), 'by-recovery.cicregister');
    await restoreBackup(inFolder, t3, { recoveryKey: made.recoveryKey });
    expect((await rawDump(t3, made.dtId, STAFF.dt.passphrase)).dump).toEqual(before);
  });
});
