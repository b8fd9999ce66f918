// The audit log: append-only (triggers), hash-chained (verifyAudit finds the first broken row),
// and the head in meta shows rows cut off the end.

import crypto from 'node:crypto';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, verifyAudit } from '../../db/audit.ts';
import type { SqliteDb } from '../../db/connection.ts';
import { qb } from '../../db/query.ts';
import type { Register } from '../../db/register.ts';
import { cleanupTempDirs, createRegister, insertChildren, STAFF, unlockAs } from '../helpers/db.ts';

afterAll(cleanupTempDirs);

/** Runs raw SQL with the append-only triggers dropped, then puts them back exactly as they were. */
function withoutTriggers(db: SqliteDb, fn: () => void): void {
  const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'").all() as { name: string; sql: string }[];
  expect(triggers.map((t) => t.name).sort()).toEqual(['audit_log_no_delete', 'audit_log_no_update']);
  for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
  try {
    fn();
  } finally {
    for (const t of triggers) db.exec(t.sql);
  }
}

const ids = (db: SqliteDb): number[] => db.prepare('SELECT id FROM audit_log ORDER BY id').pluck().all() as number[];

let register: Register;
let path: string;
let dtId: string;

/** A register with a long, varied history: users, children, locks/unlocks, backups, settings. */
async function busyRegister(): Promise<void> {
  const made = await createRegister();
  ({ path, dtId } = made);
  let r = made.register;
  const deputy = await r.addUser({ name: STAFF.deputy.name, role: 'deputy', passphrase: STAFF.deputy.passphrase });
  for (let round = 0; round < 4; round++) {
    insertChildren(r, [{ first: `Zephyrine${round}`, last: 'Quarrington' }, { first: `Barnaby${round}`, last: 'Fennimore-Clough' }]);
    r.transaction(() => {
      r.run(qb.updateTable('children').set({ preferred_name: `Z${round}` }).where('legal_first_name', '=', `Zephyrine${round}`));
      r.audit({ action: 'update', recordType: 'child', recordId: 1 });
    });
    r.transaction(() => {
      for (let i = 0; i < 40; i++) r.audit({ action: 'export', recordType: 'child', recordId: i });
    });
    r.lock();
    r = round % 2 ? await unlockAs(path, dtId, STAFF.dt.passphrase) : await unlockAs(path, deputy.id, STAFF.deputy.passphrase);
  }
  register = r;
}

beforeEach(async () => {
  await busyRegister();
  return () => register.close();
});

describe('audit chain', () => {
  it('verifies after many actions, and every entry has who/when/what but no content', () => {
    const report = verifyAudit(register.sqlite);
    const count = register.sqlite.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    expect(count).toBeGreaterThan(150);
    expect(report).toEqual({ ok: true, entries: count, brokenAt: null, problem: null });
    const rows = register.all(qb.selectFrom('audit_log').selectAll().orderBy('id'));
    const actions = new Set(rows.map((r) => r.action));
    for (const a of ['register.create', 'user.add', 'create', 'update', 'export', 'lock', 'unlock']) expect(actions.has(a), a).toBe(true);
    for (const r of rows) {
      expect(Number.isNaN(Date.parse(r.at))).toBe(false);
      expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
    }
    // Never the content: no child's name appears anywhere in the log.
    const text = JSON.stringify(rows);
    expect(text).not.toMatch(/Zephyrine|Quarrington|Barnaby|Fennimore/);
    // The chain: each row points at the previous row's hash.
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
    expect(register.one(qb.selectFrom('meta').select('value').where('key', '=', 'audit_head'))?.value)
      .toBe(`${rows.at(-1)!.id}:${rows.at(-1)!.hash}`);
  });

  it('the append-only triggers block UPDATE and DELETE', () => {
    const db = register.sqlite;
    const before = db.prepare('SELECT * FROM audit_log ORDER BY id').all();
    expect(() => db.prepare("UPDATE audit_log SET action = 'export' WHERE id = 3").run()).toThrow(/append-only/);
    expect(() => db.prepare('UPDATE audit_log SET at = at').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE id = 3').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT * FROM audit_log ORDER BY id').all()).toEqual(before);
    expect(verifyAudit(db).ok).toBe(true);
  });

  it.each([
    ['action', "action = 'delete'"],
    ['user', "user_id = 'someone-else'"],
    ['time', "at = '2001-01-01T00:00:00.000Z'"],
    ['record id', "record_id = 'tampered-999'"],
    ['record type', "record_type = 'tampered'"],
  ])('tampering with one row (%s) is detected at that row', (_what, set) => {
    const db = register.sqlite;
    const all = ids(db);
    const target = all[Math.floor(all.length / 2)]!;
    const before = db.prepare('SELECT * FROM audit_log WHERE id = ?').get(target);
    withoutTriggers(db, () => {
      expect(db.prepare(`UPDATE audit_log SET ${set} WHERE id = ?`).run(target).changes).toBe(1);
    });
    expect(db.prepare('SELECT * FROM audit_log WHERE id = ?').get(target)).not.toEqual(before);
    const report = verifyAudit(db);
    expect(report.ok).toBe(false);
    expect(report.brokenAt).toBe(target);
    expect(report.problem).toMatch(/changed/);
    // The triggers are back.
    expect(() => db.prepare('DELETE FROM audit_log WHERE id = ?').run(target)).toThrow(/append-only/);
  });

  it('tampering with the first row is detected at the first row', () => {
    const db = register.sqlite;
    expect(db.prepare('SELECT user_id FROM audit_log WHERE id = 1').pluck().get()).toBe(dtId);
    withoutTriggers(db, () => db.prepare("UPDATE audit_log SET user_id = NULL WHERE id = 1").run());
    expect(verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 1 });
  });

  it('a tampered row with a re-computed hash still breaks the chain at the next row', () => {
    const db = register.sqlite;
    const all = ids(db);
    const target = all[10]!;
    const row = db.prepare('SELECT * FROM audit_log WHERE id = ?').get(target) as Record<string, string | null>;
    expect(row.action).not.toBe('delete');
    // Same formula as db/audit.ts, re-implemented here so a change to it is noticed.
    const forged = crypto.createHash('sha256')
      .update(JSON.stringify([row.prev_hash, row.at, row.user_id, 'delete', row.record_type, row.record_id])).digest('hex');
    withoutTriggers(db, () => {
      db.prepare("UPDATE audit_log SET action = 'delete', hash = ? WHERE id = ?").run(forged, target);
    });
    expect(verifyAudit(db)).toMatchObject({ ok: false, brokenAt: all[11], problem: expect.stringMatching(/removed or changed/) });
  });

  it('deleting a row in the middle is detected at the row after it', () => {
    const db = register.sqlite;
    const all = ids(db);
    const target = all[20]!;
    withoutTriggers(db, () => db.prepare('DELETE FROM audit_log WHERE id = ?').run(target));
    expect(verifyAudit(db)).toMatchObject({ ok: false, brokenAt: all[21], problem: expect.stringMatching(/removed or changed/) });
  });

  it('deleting the last row (or several) is detected', () => {
    const db = register.sqlite;
    const all = ids(db);
    withoutTriggers(db, () => db.prepare('DELETE FROM audit_log WHERE id = ?').run(all.at(-1)));
    const report = verifyAudit(db);
    expect(report.ok).toBe(false);
    expect(report.brokenAt).toBe(all.at(-2));
    expect(report.problem).toMatch(/removed from the end/);
    expect(report.entries).toBe(all.length - 1);

    withoutTriggers(db, () => db.prepare('DELETE FROM audit_log WHERE id > ?').run(all[5]));
    expect(verifyAudit(db)).toMatchObject({ ok: false, brokenAt: all[5] });
  });

  it('emptying the whole log is detected', () => {
    const db = register.sqlite;
    withoutTriggers(db, () => db.prepare('DELETE FROM audit_log').run());
    expect(verifyAudit(db)).toMatchObject({ ok: false, entries: 0 });
  });

  it('refuses a rewrite through INSERT OR REPLACE (recursive triggers fire on its implicit delete)', () => {
    const db = register.sqlite;
    const all = ids(db);
    const target = all[7]!;
    const row = db.prepare('SELECT * FROM audit_log WHERE id = ?').get(target) as Record<string, unknown>;
    expect(() => db.prepare('INSERT OR REPLACE INTO audit_log (id, at, user_id, action, record_type, record_id, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(target, row.at, row.user_id, 'delete', row.record_type, row.record_id, row.prev_hash, row.hash)).toThrow(/append-only/);
    expect(db.prepare('SELECT * FROM audit_log WHERE id = ?').get(target)).toEqual(row);
    expect(verifyAudit(db).ok).toBe(true);
  });

  it('a rewrite made with recursive triggers switched off is still caught by the chain', () => {
    const db = register.sqlite;
    const target = ids(db)[7]!;
    const row = db.prepare('SELECT * FROM audit_log WHERE id = ?').get(target) as Record<string, unknown>;
    db.pragma('recursive_triggers = OFF');
    try {
      db.prepare('INSERT OR REPLACE INTO audit_log (id, at, user_id, action, record_type, record_id, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(target, row.at, row.user_id, 'delete', row.record_type, row.record_id, row.prev_hash, row.hash);
    } finally {
      db.pragma('recursive_triggers = ON');
    }
    expect(db.prepare('SELECT action FROM audit_log WHERE id = ?').pluck().get(target)).toBe('delete');
    expect(verifyAudit(db)).toMatchObject({ ok: false, brokenAt: target });
  });

  it('appending after a verified chain keeps it valid; appendAudit links to the last row', () => {
    const db = register.sqlite;
    const lastHash = db.prepare('SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1').pluck().get();
    register.transaction(() => appendAudit(db, { action: 'export', userId: dtId, recordType: 'report', recordId: 'governors-2025' }));
    const last = db.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT 1').get() as { prev_hash: string; record_id: string };
    expect(last.prev_hash).toBe(lastHash);
    expect(last.record_id).toBe('governors-2025');
    expect(verifyAudit(db).ok).toBe(true);
  });
});
