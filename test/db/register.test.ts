// Register lifecycle and users: create/reopen, per-user passphrases, change/reset, recovery key,
// removing a user (rekey), permissions, and passphrase strength.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../db/audit.ts';
import { KeyDoesNotFit, openEncrypted } from '../../db/connection.ts';
import {
  FAST_TEST_KDF, keyringPath, parseKeyring, readKeyring, unlockWithPassphrase, unlockWithRecoveryKey,
} from '../../db/keyring.ts';
import { LATEST_VERSION } from '../../db/migrations/index.ts';
import { registerFiles } from '../../db/paths.ts';
import { qb } from '../../db/query.ts';
import { Register } from '../../db/register.ts';
import {
  cleanupTempDirs, createRegister, DEMO_CHILDREN, dumpTables, expectRegisterError, insertChildren, SCHOOL_NAME, STAFF,
  tempDir, unlockAs,
} from '../helpers/db.ts';

afterAll(cleanupTempDirs);

const auditActions = (r: Register): string[] =>
  r.all(qb.selectFrom('audit_log').select('action').orderBy('id')).map((x) => x.action);

describe('create, close, reopen', () => {
  it('keeps every row across close and reopen', async () => {
    const { register, path: p, dtId } = await createRegister();
    expect(register.session).toEqual({ userId: dtId, role: 'dt', name: STAFF.dt.name, via: 'passphrase' });
    const ids = insertChildren(register);
    expect(ids).toHaveLength(DEMO_CHILDREN.length);
    const before = dumpTables(register.sqlite);
    register.close();
    expect(register.isOpen).toBe(false);

    const again = await unlockAs(p, dtId, STAFF.dt.passphrase);
    try {
      const children = again.all(qb.selectFrom('children').selectAll().orderBy('id'));
      expect(children.map((c) => [c.id, c.legal_first_name, c.legal_last_name, c.date_of_birth, c.upn, c.transition_notes]))
        .toEqual(DEMO_CHILDREN.map((c, i) => [ids[i], c.first, c.last, c.dob, c.upn ?? null, c.notes ?? null]));
      const after = dumpTables(again.sqlite);
      // Everything is as it was, except the audit log (and its head) which gained the unlock.
      for (const t of Object.keys(before)) {
        if (t === 'audit_log' || t === 'meta') continue;
        expect(after[t], t).toEqual(before[t]);
      }
      expect(after.audit_log!.slice(0, before.audit_log!.length)).toEqual(before.audit_log);
      expect(after.audit_log!.slice(before.audit_log!.length).map((r) => r.action)).toEqual(['unlock']);
      expect(again.one(qb.selectFrom('school').select(['name', 'dt_name']))).toEqual({ name: SCHOOL_NAME, dt_name: STAFF.dt.name });
      expect(again.one(qb.selectFrom('meta').select('value').where('key', '=', 'register_id'))?.value).toBe(readKeyring(p).registerId);
      expect(again.sqlite.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(again.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(again.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(again.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(auditActions(again)).toEqual(['register.create', ...DEMO_CHILDREN.map(() => 'create'), 'unlock']);
      expect(verifyAudit(again.sqlite).ok).toBe(true);
    } finally {
      again.close();
    }
  });

  it('a rolled-back transaction leaves no row and no audit entry', async () => {
    const { register } = await createRegister();
    try {
      expect(() => register.transaction(() => {
        insertChildren(register, [{ first: 'Ottilie', last: 'Rollbackson' }]);
        throw new Error('simulated failure');
      })).toThrow('simulated failure');
      expect(register.all(qb.selectFrom('children').select('id'))).toEqual([]);
      expect(auditActions(register)).toEqual(['register.create']);
      expect(verifyAudit(register.sqlite).ok).toBe(true);
    } finally {
      register.close();
    }
  });

  it('lock() records a lock, closes, and further access is refused with Locked', async () => {
    const { register, path: p, dtId } = await createRegister();
    register.lock();
    expect(register.isOpen).toBe(false);
    await expectRegisterError(() => register.sqlite, 'Locked');
    await expectRegisterError(() => register.all(qb.selectFrom('children').selectAll()), 'Locked');
    register.lock(); // twice is harmless
    register.close();
    const again = await unlockAs(p, dtId, STAFF.dt.passphrase);
    try {
      expect(auditActions(again)).toEqual(['register.create', 'lock', 'unlock']);
    } finally {
      again.close();
    }
  });

  it('refuses to create over an existing register or keyring, and in a missing folder', async () => {
    const { register, path: p, dir } = await createRegister();
    register.close();
    const dbBytes = fs.readFileSync(p);
    const create = (file: string) => Register.create({
      path: file, schoolName: SCHOOL_NAME, userName: STAFF.dt.name, passphrase: STAFF.dt.passphrase, kdf: FAST_TEST_KDF,
    });
    await expectRegisterError(() => create(p), 'Conflict');
    expect(fs.readFileSync(p).equals(dbBytes)).toBe(true);
    // Only a keyring left at the target still counts as "exists".
    const other = path.join(dir, 'other.cicregister');
    fs.writeFileSync(keyringPath(other), '{}');
    await expectRegisterError(() => create(other), 'Conflict');
    const e = await expectRegisterError(() => create(path.join(dir, 'no-such-folder', 'x.cicregister')), 'Invalid');
    expect(e.issues[0]?.path).toEqual(['path']);
    const e2 = await expectRegisterError(() => Register.create({
      path: path.join(dir, 'blank.cicregister'), schoolName: '   ', userName: STAFF.dt.name, passphrase: STAFF.dt.passphrase, kdf: FAST_TEST_KDF,
    }), 'Invalid');
    expect(e2.issues[0]?.path).toEqual(['schoolName']);
    expect(fs.existsSync(path.join(dir, 'blank.cicregister'))).toBe(false);
  });
});

describe('users, passphrases and the recovery key', () => {
  it('each user unlocks with their own passphrase and gets their own role', async () => {
    const { register, path: p, dtId } = await createRegister();
    const deputy = await register.addUser({ name: STAFF.deputy.name, role: 'deputy', passphrase: STAFF.deputy.passphrase });
    expect(deputy).toMatchObject({ name: STAFF.deputy.name, role: 'deputy' });
    // addUser inherits the register's KDF (here the fast test one) when none is given.
    expect(readKeyring(p).users.find((u) => u.id === deputy.id)?.kdf).toEqual(FAST_TEST_KDF);
    expect(register.all(qb.selectFrom('users').select(['id', 'name', 'role', 'removed_at']).orderBy('created_at')))
      .toEqual(expect.arrayContaining([
        { id: dtId, name: STAFF.dt.name, role: 'dt', removed_at: null },
        { id: deputy.id, name: STAFF.deputy.name, role: 'deputy', removed_at: null },
      ]));
    register.close();

    expect(Register.users(p)).toEqual([
      { id: dtId, name: STAFF.dt.name, role: 'dt' },
      { id: deputy.id, name: STAFF.deputy.name, role: 'deputy' },
    ]);

    const asDt = await unlockAs(p, dtId, STAFF.dt.passphrase);
    expect(asDt.session).toEqual({ userId: dtId, role: 'dt', name: STAFF.dt.name, via: 'passphrase' });
    asDt.close();
    const asDeputy = await unlockAs(p, deputy.id, STAFF.deputy.passphrase);
    expect(asDeputy.session).toEqual({ userId: deputy.id, role: 'deputy', name: STAFF.deputy.name, via: 'passphrase' });
    const lastUnlock = asDeputy.one(qb.selectFrom('audit_log').select(['action', 'user_id']).orderBy('id', 'desc').limit(1));
    expect(lastUnlock).toEqual({ action: 'unlock', user_id: deputy.id });
    asDeputy.close();

    // Each passphrase is bound to its own user: the DT's does not open the deputy's wrap.
    await expectRegisterError(() => unlockAs(p, deputy.id, STAFF.dt.passphrase), 'WrongPassphrase');
    await expectRegisterError(() => unlockAs(p, dtId, STAFF.deputy.passphrase), 'WrongPassphrase');
    // An unknown user id.
    await expectRegisterError(() => unlockAs(p, '00000000-0000-4000-8000-000000000000', STAFF.dt.passphrase), 'NotFound');
  });

  it('refuses a second user with the same name (any case)', async () => {
    const { register } = await createRegister();
    try {
      const e = await expectRegisterError(
        () => register.addUser({ name: STAFF.dt.name.toUpperCase(), role: 'deputy', passphrase: STAFF.deputy.passphrase }), 'Invalid');
      expect(e.issues[0]?.path).toEqual(['name']);
      await expectRegisterError(() => register.addUser({ name: '  ', role: 'deputy', passphrase: STAFF.deputy.passphrase }), 'Invalid');
      expect(register.users()).toHaveLength(1);
    } finally {
      register.close();
    }
  });

  it('changing a passphrase: the new one works, the old one no longer does', async () => {
    const { register, path: p, dtId } = await createRegister();
    const deputy = await register.addUser({ name: STAFF.deputy.name, role: 'deputy', passphrase: STAFF.deputy.passphrase });
    register.close();

    const asDeputy = await unlockAs(p, deputy.id, STAFF.deputy.passphrase);
    await expectRegisterError(() => asDeputy.changePassphrase('not the old one at all 77', 'violet harbour engines 3'), 'WrongPassphrase');
    await asDeputy.changePassphrase(STAFF.deputy.passphrase, 'violet harbour engines 3');
    expect(auditActions(asDeputy).at(-1)).toBe('user.passphrase');
    asDeputy.close();

    await expectRegisterError(() => unlockAs(p, deputy.id, STAFF.deputy.passphrase), 'WrongPassphrase');
    const again = await unlockAs(p, deputy.id, 'violet harbour engines 3');
    again.close();
    // The other user is untouched.
    (await unlockAs(p, dtId, STAFF.dt.passphrase)).close();
  });

  it('the recovery key unlocks in any case, with or without dashes, then resets a passphrase', async () => {
    const { register, path: p, dtId, recoveryKey } = await createRegister();
    insertChildren(register);
    register.close();
    expect(recoveryKey).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){7}$/);

    const variants = [
      recoveryKey,
      recoveryKey.toLowerCase(),
      recoveryKey.replace(/-/g, ''),
      recoveryKey.replace(/-/g, '').toLowerCase(),
      ` ${recoveryKey.replace(/-/g, ' ')} `,
    ];
    for (const v of variants) {
      const r = await Register.unlock(p, { recoveryKey: v });
      expect(r.session).toEqual({ userId: null, role: null, name: 'Recovery key', via: 'recovery' });
      expect(r.all(qb.selectFrom('children').select('legal_first_name').orderBy('id')).map((c) => c.legal_first_name))
        .toEqual(DEMO_CHILDREN.map((c) => c.first));
      r.close();
    }

    // A wrong or malformed recovery key.
    const flipped = (recoveryKey[0] === '0' ? '1' : '0') + recoveryKey.slice(1);
    await expectRegisterError(() => Register.unlock(p, { recoveryKey: flipped }), 'WrongPassphrase');
    await expectRegisterError(() => Register.unlock(p, { recoveryKey: 'ABCD-EFGH' }), 'WrongPassphrase');

    const rec = await Register.unlock(p, { recoveryKey: recoveryKey.toLowerCase() });
    // With the recovery key only a reset is allowed.
    await expectRegisterError(() => rec.requireUser(), 'Forbidden');
    await expectRegisterError(() => rec.addUser({ name: STAFF.deputy.name, role: 'deputy', passphrase: STAFF.deputy.passphrase }), 'Forbidden');
    await expectRegisterError(() => rec.removeUser(dtId), 'Forbidden');
    await expectRegisterError(() => rec.changePassphrase(STAFF.dt.passphrase, 'sailing past the lighthouse 5'), 'Forbidden');
    const weak = await expectRegisterError(() => rec.resetPassphrase(dtId, 'short'), 'Invalid');
    expect(weak.issues[0]?.path).toEqual(['passphrase']);

    await rec.resetPassphrase(dtId, 'sailing past the lighthouse 5');
    expect(rec.session).toEqual({ userId: dtId, role: 'dt', name: STAFF.dt.name, via: 'passphrase' });
    const reset = rec.one(qb.selectFrom('audit_log').select(['action', 'user_id', 'record_id']).orderBy('id', 'desc').limit(1));
    expect(reset).toEqual({ action: 'user.reset', user_id: null, record_id: dtId });
    // Now signed in as the DT: DT-only actions work again.
    expect(rec.requireDt()).toBe(dtId);
    rec.close();

    await expectRegisterError(() => unlockAs(p, dtId, STAFF.dt.passphrase), 'WrongPassphrase');
    const asDt = await unlockAs(p, dtId, 'sailing past the lighthouse 5');
    // A reset is only possible after a recovery-key unlock.
    await expectRegisterError(() => asDt.resetPassphrase(dtId, 'another quiet evening 12'), 'Forbidden');
    expect(verifyAudit(asDt.sqlite).ok).toBe(true);
    asDt.close();
    // The recovery key keeps working after the reset.
    (await Register.unlock(p, { recoveryKey })).close();
  });

  it('removing a user rekeys: their passphrase and an old keyring copy no longer open the register', async () => {
    const { register, path: p, dtId, recoveryKey } = await createRegister();
    const deputy = await register.addUser({ name: STAFF.deputy.name, role: 'deputy', passphrase: STAFF.deputy.passphrase });
    const deputy2 = await register.addUser({ name: STAFF.deputy2.name, role: 'deputy', passphrase: STAFF.deputy2.passphrase });
    insertChildren(register);
    const oldKeyringText = fs.readFileSync(keyringPath(p), 'utf8');
    const oldKeyring = parseKeyring(oldKeyringText);
    const oldKey = (await unlockWithPassphrase(oldKeyring, deputy.id, STAFF.deputy.passphrase)).dataKey;

    register.removeUser(deputy.id);
    const removedRow = register.one(qb.selectFrom('users').select('removed_at').where('id', '=', deputy.id));
    expect(removedRow?.removed_at).toEqual(expect.any(String));
    expect(auditActions(register).at(-1)).toBe('user.remove');
    expect(register.users().map((u) => u.id)).toEqual([dtId, deputy2.id]);
    const keyringNow = readKeyring(p);
    expect(keyringNow.users.every((u) => !u.pendingSealed) && !keyringNow.recovery.pendingSealed).toBe(true);
    // Data written after the rekey is fine too.
    insertChildren(register, [{ first: 'Cosima', last: 'Pettigrew-Lark' }]);
    register.close();

    // The removed user is gone from the keyring.
    await expectRegisterError(() => unlockAs(p, deputy.id, STAFF.deputy.passphrase), 'NotFound');

    // The old keyring still unwraps their copy of the OLD data key, but that key no longer fits the file.
    const newKey = (await unlockWithPassphrase(readKeyring(p), dtId, STAFF.dt.passphrase)).dataKey;
    expect(newKey.equals(oldKey)).toBe(false);
    expect(() => openEncrypted(p, oldKey)).toThrow(KeyDoesNotFit);
    // Through the normal unlock path, with the old keyring file put back: NotARegister.
    const currentText = fs.readFileSync(keyringPath(p), 'utf8');
    const dbBefore = fs.readFileSync(p);
    fs.writeFileSync(keyringPath(p), oldKeyringText);
    await expectRegisterError(() => unlockAs(p, deputy.id, STAFF.deputy.passphrase), 'NotARegister');
    expect(fs.readFileSync(p).equals(dbBefore)).toBe(true);
    // ... and on a copy of the folder too (the file moved elsewhere with the old keyring).
    const copyDir = tempDir('stolen');
    const copy = path.join(copyDir, path.basename(p));
    fs.copyFileSync(p, copy);
    fs.writeFileSync(keyringPath(copy), oldKeyringText);
    await expectRegisterError(() => unlockAs(copy, deputy.id, STAFF.deputy.passphrase), 'NotARegister');
    fs.writeFileSync(keyringPath(p), currentText);

    // Everyone who remains, and the recovery key, still open it with all the data.
    for (const [id, pass] of [[dtId, STAFF.dt.passphrase], [deputy2.id, STAFF.deputy2.passphrase]] as const) {
      const r = await unlockAs(p, id, pass);
      expect(r.all(qb.selectFrom('children').select('legal_first_name').orderBy('id')).map((c) => c.legal_first_name))
        .toEqual([...DEMO_CHILDREN.map((c) => c.first), 'Cosima']);
      expect(r.integrity()).toEqual({ ok: true, problems: [] });
      expect(verifyAudit(r.sqlite).ok).toBe(true);
      r.close();
    }
    const rec = await Register.unlock(p, { recoveryKey });
    rec.close();
    expect(unlockWithRecoveryKey(readKeyring(p), recoveryKey).dataKey.equals(newKey)).toBe(true);
  });

  it('you cannot remove yourself; a deputy cannot add or remove users', async () => {
    const { register, path: p, dtId } = await createRegister();
    const deputy = await register.addUser({ name: STAFF.deputy.name, role: 'deputy', passphrase: STAFF.deputy.passphrase });
    await expectRegisterError(() => register.removeUser(dtId), 'Conflict');
    await expectRegisterError(() => register.removeUser('00000000-0000-4000-8000-000000000000'), 'NotFound');
    register.close();
    const keyringBefore = fs.readFileSync(keyringPath(p), 'utf8');

    const asDeputy = await unlockAs(p, deputy.id, STAFF.deputy.passphrase);
    try {
      await expectRegisterError(() => asDeputy.addUser({ name: STAFF.deputy2.name, role: 'dt', passphrase: STAFF.deputy2.passphrase }), 'Forbidden');
      await expectRegisterError(() => asDeputy.removeUser(dtId), 'Forbidden');
      await expectRegisterError(() => asDeputy.removeUser(deputy.id), 'Forbidden');
      expect(fs.readFileSync(keyringPath(p), 'utf8')).toBe(keyringBefore);
      expect(asDeputy.all(qb.selectFrom('users').select('removed_at')).every((u) => u.removed_at === null)).toBe(true);
    } finally {
      asDeputy.close();
    }
  });
});

describe('weak passphrases are refused', () => {
  const weak: [string, string][] = [
    ['too short', 'Tr0ub4dor&3'],
    ['one character repeated', 'aaaaaaaaaaaaaaaaaaaa'],
    ['too few different characters', 'abababababababab'],
    ['a common password', 'password12345'],
    ['a common password in other case', 'Sunshine!2024'],
    ['a keyboard sequence', 'qwertyuiop[]'],
    ['empty', ''],
    ['longer than 1,024 characters', 'correct horse battery staple '.repeat(40)],
  ];

  it.each(weak)('at create: %s', async (_why, passphrase) => {
    const dir = tempDir('weak');
    const p = path.join(dir, 'weak.cicregister');
    const e = await expectRegisterError(() => Register.create({
      path: p, schoolName: SCHOOL_NAME, userName: STAFF.dt.name, passphrase, kdf: FAST_TEST_KDF,
    }), 'Invalid');
    expect(e.issues.map((i) => i.path)).toEqual([['passphrase']]);
    expect(e.message.length).toBeGreaterThan(10);
    // Nothing half-made is left behind.
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('when adding a user, changing or resetting a passphrase', async () => {
    const { register, path: p, dtId, recoveryKey } = await createRegister();
    const keyringBefore = fs.readFileSync(keyringPath(p), 'utf8');
    for (const [, passphrase] of weak) {
      const add = await expectRegisterError(() => register.addUser({ name: STAFF.deputy.name, role: 'deputy', passphrase }), 'Invalid');
      expect(add.issues[0]?.path).toEqual(['passphrase']);
      const change = await expectRegisterError(() => register.changePassphrase(STAFF.dt.passphrase, passphrase), 'Invalid');
      expect(change.issues[0]?.path).toEqual(['passphrase']);
    }
    register.close();
    const rec = await Register.unlock(p, { recoveryKey });
    for (const [, passphrase] of weak) {
      const reset = await expectRegisterError(() => rec.resetPassphrase(dtId, passphrase), 'Invalid');
      expect(reset.issues[0]?.path).toEqual(['passphrase']);
    }
    rec.close();
    expect(fs.readFileSync(keyringPath(p), 'utf8')).toBe(keyringBefore);
    expect(fs.existsSync(registerFiles(p).failedUnlocks)).toBe(false);
  });

  it('accepts a long passphrase-style phrase and unicode', async () => {
    const dir = tempDir('strong');
    const p = path.join(dir, 'strong.cicregister');
    const passphrase = 'Grüße aus dem Zauberwald, 日本語も 🙂';
    const { register } = await Register.create({ path: p, schoolName: SCHOOL_NAME, userName: STAFF.dt.name, passphrase, kdf: FAST_TEST_KDF });
    const id = register.session.userId!;
    register.close();
    (await unlockAs(p, id, passphrase)).close();
    // NFC normalisation: the same text typed in decomposed form (NFD) opens it too.
    (await unlockAs(p, id, passphrase.normalize('NFD'))).close();
  });
});
