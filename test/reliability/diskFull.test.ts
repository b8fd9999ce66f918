// Disk full (issues 2 and 9): a write or a backup that runs out of space fails with a clear
// message, leaves no partial file behind, and the register stays intact with every committed row.
// Uses a small tmpfs (root on the CI machine, as on every machine of this project).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppContext } from '../../main/api/context.ts';
import { dispatch } from '../../main/api/dispatch.ts';
import { verifyAudit } from '../../db/audit.ts';
import { qb } from '../../db/query.ts';
import { Register } from '../../db/register.ts';
import { FAST_TEST_KDF } from '../../db/keyring.ts';
import { RegisterError } from '../../db/errors.ts';
import { recordCounts } from '../helpers/reliability.ts';

let mountPoint: string;
let outside: string;

beforeAll(() => {
  mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'cic-full-'));
  outside = fs.mkdtempSync(path.join(os.tmpdir(), 'cic-full-out-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1200k', 'tmpfs', mountPoint]);
});

afterAll(() => {
  try { execFileSync('umount', [mountPoint]); } catch { /* already gone */ }
  fs.rmSync(mountPoint, { recursive: true, force: true });
  fs.rmSync(outside, { recursive: true, force: true });
});

function addChild(r: Register, n: number): void {
  r.transaction(() => {
    const id = r.run(qb.insertInto('children').values({
      legal_first_name: `Fictional${n}`, legal_last_name: 'Pupil'.padEnd(2000, 'x'), date_of_birth: '2012-05-01', gender: 'F',
      status: 'CLA', date_joined_school: '2023-09-01', created_at: '2026-01-01', updated_at: '2026-01-01',
      transition_notes: 'n'.repeat(3000),
    })).lastInsertRowid;
    r.audit({ action: 'create', recordType: 'child', recordId: id });
  });
}

describe('disk full', () => {
  it('a write that fills the disk fails clearly and loses no committed row', async () => {
    const file = path.join(mountPoint, 'r.cicdb');
    const { register } = await Register.create({ path: file, schoolName: 'Fictional School', userName: 'A Teacher', passphrase: 'correct horse battery staple', kdf: FAST_TEST_KDF });
    const userId = register.session.userId!;
    let committed = 0;
    let failure: unknown = null;
    for (let i = 0; i < 5000 && !failure; i++) {
      try {
        addChild(register, i);
        committed++;
      } catch (e) {
        failure = e;
      }
    }
    expect(committed).toBeGreaterThan(5);
    expect((failure as { code?: string }).code).toMatch(/SQLITE_FULL|SQLITE_IOERR/);
    register.close();

    // Unlocking writes an audit entry, so on the full disk it may be refused: clearly, as Io. The
    // DT frees some space (the tmpfs grows) and unlocks again.
    const unlock = () => Register.unlock(file, { userId, passphrase: 'correct horse battery staple' });
    let refusedFirst = false;
    const reopened = await unlock().catch(async (e: unknown) => {
      refusedFirst = true;
      expect(e).toBeInstanceOf(RegisterError);
      expect((e as RegisterError).code).toBe('Io');
      expect((e as Error).message).toMatch(/disk is full.*Nothing was lost/);
      execFileSync('mount', ['-o', 'remount,size=4m', mountPoint]);
      return unlock();
    });
    try {
      const kept = reopened.sqlite.prepare('SELECT count(*) FROM children').pluck().get() as number;
      const intact = reopened.integrity().ok && verifyAudit(reopened.sqlite).ok;
      recordCounts('disk-full-write', { cases: committed + 1, failures: intact ? 0 : 1, dataLost: committed - kept, note: `writes until the disk filled, then reopen${refusedFirst ? ' (refused clearly while full; opened once space was freed)' : ''}` });
      expect(intact).toBe(true);
      expect(kept).toBe(committed);
    } finally {
      reopened.close();
    }
  });

  it('a backup onto a full disk fails with a clear message and leaves nothing half-written', async () => {
    const dir = fs.mkdtempSync(path.join(outside, 'reg-'));
    const ctx = new AppContext({ registerPath: path.join(dir, 'r.cicdb'), demoPath: null, kdf: FAST_TEST_KDF });
    try {
      expect((await dispatch(ctx, 'createRegister', { schoolName: 'Fictional School', userName: 'A Teacher', role: 'dt', passphrase: 'correct horse battery staple' })).ok).toBe(true);
      const register = ctx.requireRegister();
      for (let i = 0; i < 150; i++) addChild(register, i);
      // Fill the small disk almost completely, then back up onto it.
      const filler = path.join(mountPoint, 'filler.bin');
      for (const f of fs.readdirSync(mountPoint)) fs.rmSync(path.join(mountPoint, f), { recursive: true, force: true });
      execFileSync('mount', ['-o', 'remount,size=1200k', mountPoint]);
      try { fs.writeFileSync(filler, Buffer.alloc(1100 * 1024)); } catch { /* filled */ }
      const before = fs.readdirSync(mountPoint).sort();
      const target = path.join(mountPoint, 'backup.cicbackup');
      expect(() => register.backupTo(target)).toThrow(/disk is full|could not be written/i);
      const leftOver = fs.readdirSync(mountPoint).sort().join() !== before.join();
      const kept = register.sqlite.prepare('SELECT count(*) FROM children').pluck().get() as number;
      recordCounts('disk-full-backup', { cases: 1, failures: leftOver || !register.integrity().ok ? 1 : 0, dataLost: 150 - kept });
      expect(leftOver).toBe(false);
      expect(register.integrity().ok).toBe(true);
      expect(kept).toBe(150);
      fs.rmSync(filler, { force: true });
    } finally {
      ctx.dispose();
    }
  });
});
