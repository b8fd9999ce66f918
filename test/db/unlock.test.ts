// Wrong passphrases: rejected with WrongPassphrase, the database untouched, and each attempt
// recorded in the audit log at the next successful unlock.

import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../db/audit.ts';
import { keyringPath } from '../../db/keyring.ts';
import { registerFiles } from '../../db/paths.ts';
import { qb } from '../../db/query.ts';
import { Register } from '../../db/register.ts';
import {
  cleanupTempDirs, createRegister, expectNoPersonalData, expectRegisterError, insertChildren, sha256File, STAFF, unlockAs,
} from '../helpers/db.ts';

afterAll(cleanupTempDirs);

const WRONG: [string, string][] = [
  ['empty', ''],
  ['unicode', 'pässwörd-日本語-🙂'],
  ['very long (100k characters)', 'Ω'.repeat(50_000) + 'x'.repeat(50_000)],
  ['the right one with a trailing space', `${STAFF.dt.passphrase} `],
  ['the right one in upper case', STAFF.dt.passphrase.toUpperCase()],
];

describe('wrong passphrase', () => {
  it.each(WRONG)('%s: rejected with WrongPassphrase, database byte-identical', async (_label, passphrase) => {
    const { register, path: p, dtId, dir } = await createRegister();
    insertChildren(register);
    register.close();
    const files = registerFiles(p);
    const dbHash = sha256File(p);
    const keyringHash = sha256File(keyringPath(p));
    const listing = fs.readdirSync(dir).sort();

    const e = await expectRegisterError(() => unlockAs(p, dtId, passphrase), 'WrongPassphrase');
    expectNoPersonalData(e.message, dir);
    expect(e.message).not.toContain(passphrase || '\u0000');

    expect(sha256File(p)).toBe(dbHash);
    expect(sha256File(keyringPath(p))).toBe(keyringHash);
    // Only the failed-unlock note was added; no WAL or journal appeared.
    expect(fs.readdirSync(dir).sort()).toEqual([...listing, `${p.split('/').pop()}.failed-unlocks`].sort());
    expect(fs.readFileSync(files.failedUnlocks, 'utf8')).not.toContain(passphrase || '\u0000');

    // The right passphrase still works, and the failure is now in the audit log.
    const r = await unlockAs(p, dtId, STAFF.dt.passphrase);
    try {
      const tail = r.all(qb.selectFrom('audit_log').select(['action', 'user_id', 'at']).orderBy('id', 'desc').limit(2)).reverse();
      expect(tail.map((x) => [x.action, x.user_id])).toEqual([['unlock.failed', dtId], ['unlock', dtId]]);
      expect(tail[0]!.at <= tail[1]!.at).toBe(true);
      expect(verifyAudit(r.sqlite).ok).toBe(true);
    } finally {
      r.close();
    }
    expect(fs.existsSync(files.failedUnlocks)).toBe(false);
  });

  it('records every failed attempt (users and recovery key) at the next successful unlock, once', async () => {
    const { register, path: p, dtId } = await createRegister();
    const deputy = await register.addUser({ name: STAFF.deputy.name, role: 'deputy', passphrase: STAFF.deputy.passphrase });
    register.close();
    const dbHash = sha256File(p);

    for (const [, wrong] of WRONG) await expectRegisterError(() => unlockAs(p, dtId, wrong), 'WrongPassphrase');
    await expectRegisterError(() => unlockAs(p, deputy.id, STAFF.dt.passphrase), 'WrongPassphrase');
    await expectRegisterError(() => Register.unlock(p, { recoveryKey: '0000-0000-0000-0000-0000-0000-0000-0000' }), 'WrongPassphrase');
    await expectRegisterError(() => Register.unlock(p, { recoveryKey: 'not a key' }), 'WrongPassphrase');
    expect(sha256File(p)).toBe(dbHash);
    // A torn last line (crash while noting a failure) is skipped, not fatal.
    fs.appendFileSync(registerFiles(p).failedUnlocks, '{"at":"2025-0');

    const r = await unlockAs(p, deputy.id, STAFF.deputy.passphrase);
    const failed = r.all(qb.selectFrom('audit_log').select(['user_id', 'at']).where('action', '=', 'unlock.failed').orderBy('id'));
    expect(failed.map((f) => f.user_id)).toEqual([...WRONG.map(() => dtId), deputy.id, null, null]);
    const ats = failed.map((f) => f.at);
    expect([...ats].sort()).toEqual(ats);
    expect(verifyAudit(r.sqlite).ok).toBe(true);
    r.close();

    // Recorded once: a further unlock adds no more unlock.failed entries.
    const r2 = await unlockAs(p, dtId, STAFF.dt.passphrase);
    expect(r2.all(qb.selectFrom('audit_log').select('id').where('action', '=', 'unlock.failed'))).toHaveLength(WRONG.length + 3);
    expect(r2.all(qb.selectFrom('audit_log').select('action').where('action', 'like', 'unlock%').orderBy('id', 'desc').limit(2))
      .map((x) => x.action)).toEqual(['unlock', 'unlock']);
    r2.close();
  });

  it('a recovery-key unlock is recorded as unlock.recovery', async () => {
    const { register, path: p, recoveryKey } = await createRegister();
    register.close();
    const r = await Register.unlock(p, { recoveryKey });
    const last = r.one(qb.selectFrom('audit_log').select(['action', 'user_id']).orderBy('id', 'desc').limit(1));
    expect(last).toEqual({ action: 'unlock.recovery', user_id: null });
    r.close();
  });
});
