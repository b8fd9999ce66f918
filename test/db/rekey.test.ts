// An interrupted rekey (removing a user) must never lock anyone out. removeUser does:
//   1. keyring := withPendingKey(...)   (new key sealed for everyone staying, as `pending`)
//   2. PRAGMA rekey                      (database now under the new key)
//   3. keyring := promotePendingKey(...)
// We reproduce a crash after step 1 and after step 2, both with the database closed cleanly and
// with its WAL left un-checkpointed (files copied while the connection is still open, as a power
// cut would leave them), and check every remaining user and the recovery key still open it.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../db/audit.ts';
import { KeyDoesNotFit, openEncrypted } from '../../db/connection.ts';
import {
  dropPendingKey, keyringPath, promotePendingKey, readKeyring, unlockWithPassphrase, withPendingKey, writeKeyring,
} from '../../db/keyring.ts';
import { qb } from '../../db/query.ts';
import { Register } from '../../db/register.ts';
import {
  cleanupTempDirs, createRegister, DEMO_CHILDREN, dumpTables, expectRegisterError, insertChildren, STAFF, tempDir, unlockAs,
} from '../helpers/db.ts';

afterAll(cleanupTempDirs);

interface Setup {
  register: Register;
  path: string;
  dtId: string;
  removedId: string;
  stayingDeputyId: string;
  recoveryKey: string;
}

async function setup(): Promise<Setup> {
  const made = await createRegister();
  const removed = await made.register.addUser({ name: STAFF.deputy.name, role: 'deputy', passphrase: STAFF.deputy.passphrase });
  const staying = await made.register.addUser({ name: STAFF.deputy2.name, role: 'deputy', passphrase: STAFF.deputy2.passphrase });
  insertChildren(made.register);
  return { register: made.register, path: made.path, dtId: made.dtId, removedId: removed.id, stayingDeputyId: staying.id, recoveryKey: made.recoveryKey };
}

/** Copies the register file, its WAL and keyring as they are on disk right now (no checkpoint). */
function crashCopy(p: string): string {
  const dir = tempDir('crash-copy');
  const copy = path.join(dir, path.basename(p));
  for (const suffix of ['', '-wal', '.keyring']) {
    if (fs.existsSync(p + suffix)) fs.copyFileSync(p + suffix, copy + suffix);
  }
  return copy;
}

/** Everyone who should still get in, gets in, and sees all the data. */
async function expectEveryoneStillOpens(p: string, s: Setup, expectedChildren = DEMO_CHILDREN.map((c) => c.first)): Promise<void> {
  for (const [id, pass] of [[s.dtId, STAFF.dt.passphrase], [s.stayingDeputyId, STAFF.deputy2.passphrase]] as const) {
    const r = await unlockAs(p, id, pass);
    try {
      expect(r.all(qb.selectFrom('children').select('legal_first_name').orderBy('id')).map((c) => c.legal_first_name)).toEqual(expectedChildren);
      expect(r.integrity()).toEqual({ ok: true, problems: [] });
      expect(verifyAudit(r.sqlite).ok).toBe(true);
    } finally {
      r.close();
    }
  }
  const rec = await Register.unlock(p, { recoveryKey: s.recoveryKey });
  expect(rec.all(qb.selectFrom('children').select('id'))).toHaveLength(expectedChildren.length);
  rec.close();
}

describe('interrupted rekey', () => {
  it('crash after the pending keyring write, before the database rekey: the next unlock finishes the rekey', async () => {
    const s = await setup();
    const before = dumpTables(s.register.sqlite);
    const oldKeyring = readKeyring(s.path);
    const oldKey = (await unlockWithPassphrase(oldKeyring, s.dtId, STAFF.dt.passphrase)).dataKey;
    const newKey = crypto.randomBytes(32);
    writeKeyring(s.path, withPendingKey(oldKeyring, newKey, s.removedId));
    // Crash now: the database still has the old key (WAL copy and cleanly closed copy).
    const walCopy = crashCopy(s.path);
    s.register.close();
    const closedCopy = crashCopy(s.path);

    for (const p of [walCopy, closedCopy, s.path]) {
      // Before anyone unlocks, the file is still under the old key.
      openEncrypted(p, oldKey, { readonly: true }).close();
      await expectEveryoneStillOpens(p, s);
      // The first unlock rolled the removal forward: new key current, pending promoted ...
      const k = readKeyring(p);
      expect(k.users.map((u) => u.id)).toEqual([s.dtId, s.stayingDeputyId]);
      expect(k.users.every((u) => !u.pendingSealed) && !k.recovery.pendingSealed).toBe(true);
      expect((await unlockWithPassphrase(k, s.stayingDeputyId, STAFF.deputy2.passphrase)).dataKey.equals(newKey)).toBe(true);
      expect(() => openEncrypted(p, oldKey, { readonly: true })).toThrow(KeyDoesNotFit);
      // ... so a keyring saved before the removal no longer opens the file for the removed user.
      await expectRegisterError(() => unlockAs(p, s.removedId, STAFF.deputy.passphrase), 'NotFound');
      const current = fs.readFileSync(keyringPath(p), 'utf8');
      writeKeyring(p, oldKeyring);
      expect((await unlockWithPassphrase(oldKeyring, s.removedId, STAFF.deputy.passphrase)).dataKey.equals(oldKey)).toBe(true);
      await expectRegisterError(() => unlockAs(p, s.removedId, STAFF.deputy.passphrase), 'NotARegister');
      fs.writeFileSync(keyringPath(p), current);
      // The data is unchanged (apart from the audit rows of the unlocks).
      const db = openEncrypted(p, newKey, { readonly: true });
      const after = dumpTables(db);
      db.close();
      for (const t of Object.keys(before)) if (t !== 'audit_log' && t !== 'meta' && t !== 'users') expect(after[t], t).toEqual(before[t]);
      // The users table is reconciled with the keyring at unlock: the removed user is marked removed.
      const users = after.users as { id: string; removed_at: string | null }[];
      expect(users.find((u) => u.id === s.removedId)?.removed_at).not.toBeNull();
      expect(users.filter((u) => u.id !== s.removedId)).toEqual((before.users as { id: string }[]).filter((u) => u.id !== s.removedId));
    }
    // And the register goes on working normally: another removal completes.
    const r = await unlockAs(s.path, s.dtId, STAFF.dt.passphrase);
    r.removeUser(s.stayingDeputyId);
    r.close();
    const k = readKeyring(s.path);
    expect(k.users.map((u) => u.id)).toEqual([s.dtId]);
    expect(k.users.every((u) => !u.pendingSealed) && !k.recovery.pendingSealed).toBe(true);
    (await unlockAs(s.path, s.dtId, STAFF.dt.passphrase)).close();
    (await Register.unlock(s.path, { recoveryKey: s.recoveryKey })).close();
  });

  it('crash after the database rekey, before the keyring promotion', async () => {
    const s = await setup();
    const oldKeyring = readKeyring(s.path);
    const oldKey = (await unlockWithPassphrase(oldKeyring, s.dtId, STAFF.dt.passphrase)).dataKey;
    const newKey = crypto.randomBytes(32);
    const pending = withPendingKey(oldKeyring, newKey, s.removedId);
    writeKeyring(s.path, pending);
    s.register.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    s.register.sqlite.pragma(`rekey="x'${newKey.toString('hex')}'"`);
    // Crash now, before promotion. The rekeyed pages may still be only in the WAL.
    const walCopy = crashCopy(s.path);
    expect(fs.statSync(`${walCopy}-wal`).size).toBeGreaterThan(0);
    s.register.close();
    const closedCopy = crashCopy(s.path);

    for (const p of [walCopy, closedCopy, s.path]) {
      expect(() => openEncrypted(p, oldKey, { readonly: true }), p).toThrow(KeyDoesNotFit);
      expect(readKeyring(p).users.every((u) => u.pendingSealed)).toBe(true);
      // The first unlock finds the old key no longer fits, uses the pending key and promotes it.
      await expectEveryoneStillOpens(p, s);
      const k = readKeyring(p);
      expect(k.users.map((u) => u.id)).toEqual([s.dtId, s.stayingDeputyId]);
      expect(k.users.every((u) => !u.pendingSealed) && !k.recovery.pendingSealed).toBe(true);
      const current = (await unlockWithPassphrase(k, s.dtId, STAFF.dt.passphrase)).dataKey;
      expect(current.equals(newKey)).toBe(true);
      // The removed user cannot get in, even with a keyring saved before the removal.
      await expectRegisterError(() => unlockAs(p, s.removedId, STAFF.deputy.passphrase), 'NotFound');
      const saved = fs.readFileSync(keyringPath(p), 'utf8');
      writeKeyring(p, oldKeyring);
      await expectRegisterError(() => unlockAs(p, s.removedId, STAFF.deputy.passphrase), 'NotARegister');
      fs.writeFileSync(keyringPath(p), saved);
    }
  });

  it('crash after the database rekey, opened with the recovery key first', async () => {
    const s = await setup();
    const newKey = crypto.randomBytes(32);
    const pending = withPendingKey(readKeyring(s.path), newKey, s.removedId);
    writeKeyring(s.path, pending);
    s.register.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    s.register.sqlite.pragma(`rekey="x'${newKey.toString('hex')}'"`);
    const copy = crashCopy(s.path);
    s.register.close();
    const rec = await Register.unlock(copy, { recoveryKey: s.recoveryKey });
    rec.close();
    expect(readKeyring(copy).recovery.pendingSealed).toBeUndefined();
    await expectEveryoneStillOpens(copy, s);
  });

  it('a rekey that failed and was rolled back (dropPendingKey) leaves the old key current', async () => {
    const s = await setup();
    const k = readKeyring(s.path);
    writeKeyring(s.path, withPendingKey(k, crypto.randomBytes(32), s.removedId));
    // removeUser's failure path restores the keyring *with* the user and without pending seals.
    writeKeyring(s.path, dropPendingKey(k));
    s.register.close();
    const back = readKeyring(s.path);
    expect(back.users.map((u) => u.id)).toEqual(k.users.map((u) => u.id));
    expect(back.users.every((u) => !u.pendingSealed)).toBe(true);
    await expectEveryoneStillOpens(s.path, s);
    (await unlockAs(s.path, s.removedId, STAFF.deputy.passphrase)).close();
  });

  it('promotePendingKey is a no-op without a pending key, and keeps every entry openable', async () => {
    const s = await setup();
    s.register.close();
    const k = readKeyring(s.path);
    expect(promotePendingKey(k)).toEqual(k);
    expect(dropPendingKey(k)).toEqual(k);
  });

  it('a completed removal followed by more writes and a reopen keeps every row', async () => {
    const s = await setup();
    s.register.removeUser(s.removedId);
    insertChildren(s.register, [{ first: 'Cosima', last: 'Pettigrew-Lark' }]);
    // Crash right after: WAL not checkpointed, under the new key.
    const copy = crashCopy(s.path);
    s.register.close();
    for (const p of [copy, s.path]) await expectEveryoneStillOpens(p, s, [...DEMO_CHILDREN.map((c) => c.first), 'Cosima']);
  });
});
