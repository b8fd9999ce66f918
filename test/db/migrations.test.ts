// Migrations: a version-1 register is upgraded on unlock, keeping every row, after a backup;
// a register from a newer app is refused and left untouched.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../db/audit.ts';
import { readBackup, restoreBackup } from '../../db/backup.ts';
import { openEncrypted, type SqliteDb } from '../../db/connection.ts';
import { readKeyring, unlockWithPassphrase } from '../../db/keyring.ts';
import { LATEST_VERSION, migrate, MIGRATIONS, schemaVersion } from '../../db/migrations/index.ts';
import { registerFiles } from '../../db/paths.ts';
import { qb } from '../../db/query.ts';
import { Register } from '../../db/register.ts';
import {
  cleanupTempDirs, createRegister, dumpTables, expectRegisterError, sha256File, STAFF, tableNames, tempDir, unlockAs,
} from '../helpers/db.ts';
import { buildV1Register, V1_TABLES } from '../helpers/v1-register.ts';

afterAll(cleanupTempDirs);

/** Every table, index and trigger definition, by name. */
function schemaSql(db: SqliteDb): Record<string, string> {
  const rows = db.prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as
    { type: string; name: string; sql: string }[];
  return Object.fromEntries(rows.map((r) => [`${r.type} ${r.name}`, r.sql]));
}

async function schemaOf(p: string): Promise<Record<string, string>> {
  const db = await rawOpen(p);
  try {
    return schemaSql(db);
  } finally {
    db.close();
  }
}

async function rawOpen(p: string, readonly = true) {
  const { dataKey } = await unlockWithPassphrase(readKeyring(p), readKeyring(p).users[0]!.id, STAFF.dt.passphrase);
  return openEncrypted(p, dataKey, { readonly });
}

describe('migration list', () => {
  it('is numbered from 1, strictly increasing, and LATEST_VERSION is the last', () => {
    const versions = MIGRATIONS.map((m) => m.version);
    expect(versions[0]).toBe(1);
    for (let i = 1; i < versions.length; i++) expect(versions[i]!, `after ${versions[i - 1]}`).toBeGreaterThan(versions[i - 1]!);
    for (const v of versions) expect(Number.isInteger(v)).toBe(true);
    expect(LATEST_VERSION).toBe(versions.at(-1));
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
  });

  it('migrate() is idempotent and stops at the target', async () => {
    const dir = tempDir('mig');
    const v1 = await buildV1Register(dir);
    const db = await rawOpen(v1.path, false);
    try {
      expect(schemaVersion(db)).toBe(1);
      expect(migrate(db, 1)).toEqual([]);
      expect(migrate(db)).toEqual(MIGRATIONS.slice(1).map((m) => m.version));
      expect(migrate(db)).toEqual([]);
      expect(schemaVersion(db)).toBe(LATEST_VERSION);
    } finally {
      db.close();
    }
  });

  it('a migration that fails leaves the schema and version as they were', async () => {
    const dir = tempDir('mig');
    const v1 = await buildV1Register(dir);
    const db = await rawOpen(v1.path, false);
    try {
      // Make migration 2 collide with an existing object: its CREATE TABLE fails midway.
      db.exec('CREATE TABLE voice_log (id INTEGER PRIMARY KEY)');
      const tablesBefore = tableNames(db);
      expect(() => migrate(db)).toThrow();
      expect(schemaVersion(db)).toBe(1);
      expect(tableNames(db)).toEqual(tablesBefore);
    } finally {
      db.close();
    }
  });
});

describe('upgrading a version-1 register', () => {
  it('keeps every row of every v1 table, backs up first, and ends at LATEST_VERSION', async () => {
    const dir = tempDir('mig');
    const v1 = await buildV1Register(dir);
    const files = registerFiles(v1.path);

    // The fixture covers exactly the tables migration 001 creates, and every one has rows.
    const before = await (async () => {
      const db = await rawOpen(v1.path);
      try {
        expect(schemaVersion(db)).toBe(1);
        expect(tableNames(db)).toEqual([...V1_TABLES].sort());
        const dump = dumpTables(db);
        for (const t of V1_TABLES) expect(dump[t]!.length, `fixture rows in ${t}`).toBeGreaterThan(0);
        return dump;
      } finally {
        db.close();
      }
    })();
    expect(fs.existsSync(files.backupsDir)).toBe(false);

    const when = new Date('2025-01-02T03:04:05.678Z');
    const r = await Register.unlock(v1.path, { userId: v1.userId, passphrase: STAFF.dt.passphrase }, { now: () => when });
    let after: Record<string, Record<string, unknown>[]>;
    try {
      expect(r.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      after = dumpTables(r.sqlite);
      expect(r.integrity()).toEqual({ ok: true, problems: [] });
      expect(verifyAudit(r.sqlite)).toMatchObject({ ok: true, brokenAt: null });
      // The migration is in the audit log, one entry per version applied, after the backup.
      const tail = r.all(qb.selectFrom('audit_log').select(['action', 'record_type', 'record_id']).where('id', '>', before.audit_log!.length).orderBy('id'));
      expect(tail).toEqual([
        { action: 'backup', record_type: null, record_id: null },
        ...MIGRATIONS.slice(1).map((m) => ({ action: 'migrate', record_type: 'schema', record_id: String(m.version) })),
        { action: 'unlock', record_type: null, record_id: null },
      ]);
    } finally {
      r.close();
    }

    for (const t of V1_TABLES) {
      if (t === 'audit_log') {
        // Append-only: every old row is still there, unchanged, and the new ones follow.
        expect(after[t]!.slice(0, before[t]!.length), t).toEqual(before[t]);
      } else if (t === 'meta') {
        // Checked key by key below: audit_head and last_backup_at legitimately move on.
        expect(after[t]!.length).toBeGreaterThanOrEqual(before[t]!.length);
      } else {
        expect(after[t], t).toEqual(before[t]);
      }
    }
    const metaAfter = new Map(after.meta!.map((m) => [m.key, m.value]));
    for (const m of before.meta!) {
      if (m.key !== 'audit_head') expect(metaAfter.get(m.key), String(m.key)).toBe(m.value);
    }
    expect([...metaAfter.keys()].sort()).toEqual([...before.meta!.map((m) => m.key), 'last_backup_at'].sort());
    // The upgraded file has exactly the schema of a register created fresh by this version.
    expect(Object.keys(after).length).toBeGreaterThan(V1_TABLES.length);
    const fresh = await createRegister();
    try {
      expect(await schemaOf(v1.path)).toEqual(schemaSql(fresh.register.sqlite));
    } finally {
      fresh.register.close();
    }

    // The pre-migration backup exists, is at version 1, and restores to the exact pre-migration rows.
    const expectedName = 'pre-migration-v1-2025-01-02T03-04-05-678Z.cicbackup';
    expect(fs.readdirSync(files.backupsDir)).toEqual([expectedName]);
    const backupFile = path.join(files.backupsDir, expectedName);
    expect(readBackup(backupFile).header.schemaVersion).toBe(1);
    const restoredPath = path.join(tempDir('restored'), 'restored.cicregister');
    await restoreBackup(backupFile, restoredPath, { passphrase: STAFF.dt.passphrase });
    const restored = await rawOpen(restoredPath);
    try {
      expect(schemaVersion(restored)).toBe(1);
      expect(dumpTables(restored)).toEqual(before);
    } finally {
      restored.close();
    }

    // A second unlock does not migrate or back up again.
    const r2 = await unlockAs(v1.path, v1.userId, STAFF.dt.passphrase);
    r2.close();
    expect(fs.readdirSync(files.backupsDir)).toEqual([expectedName]);
  });

  it('the recovery key also upgrades a version-1 register', async () => {
    const v1 = await buildV1Register(tempDir('mig'));
    const r = await Register.unlock(v1.path, { recoveryKey: v1.recoveryKey });
    try {
      expect(r.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(r.all(qb.selectFrom('children').select('legal_first_name').orderBy('id')).map((c) => c.legal_first_name))
        .toEqual(['Zephyrine', 'Barnaby']);
    } finally {
      r.close();
    }
  });
});

describe('a register from a newer version', () => {
  it('is refused with NewerVersion and left byte-identical', async () => {
    const { register, path: p, dtId, recoveryKey, dir } = await createRegister();
    register.close();
    const db = await rawOpen(p, false);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    const hash = sha256File(p);
    const listing = fs.readdirSync(dir).sort();

    const e = await expectRegisterError(() => unlockAs(p, dtId, STAFF.dt.passphrase), 'NewerVersion');
    expect(e.message).toContain(String(LATEST_VERSION + 1));
    expect(e.message).not.toContain(dir);
    await expectRegisterError(() => Register.unlock(p, { recoveryKey }), 'NewerVersion');

    expect(sha256File(p)).toBe(hash);
    expect(fs.readdirSync(dir).sort()).toEqual(listing);
    expect(fs.existsSync(registerFiles(p).backupsDir)).toBe(false);
    const check = await rawOpen(p);
    try {
      expect(schemaVersion(check)).toBe(LATEST_VERSION + 1);
      // Nothing was appended to the audit log either.
      expect(check.prepare('SELECT action FROM audit_log ORDER BY id').pluck().all()).toEqual(['register.create']);
    } finally {
      check.close();
    }
  });
});
