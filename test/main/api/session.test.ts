// Session-level behaviour through the API: restore checks the passphrase before locking, a new
// recovery key replaces the old one, the lock reason is reported, a failed demo leaves no trace.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAST_TEST_KDF } from '../../../db/keyring.ts';
import { AppContext } from '../../../main/api/context.ts';
import type { AppStatus } from '../../../main/api/contract.ts';
import { dispatch } from '../../../main/api/dispatch.ts';

const PASS = 'correct horse battery staple';
let dir: string;
let ctx: AppContext;

async function ok<T>(name: string, input: unknown = {}): Promise<T> {
  const r = await dispatch(ctx, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cic-session-'));
  ctx = new AppContext({ registerPath: path.join(dir, 'r.cicdb'), demoPath: path.join(dir, 'no-such-folder', 'demo.cicdb'), kdf: FAST_TEST_KDF });
  await ok('createRegister', { schoolName: 'Fictional School', userName: 'A Teacher', role: 'dt', passphrase: PASS });
});

afterEach(() => {
  ctx.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('session operations', () => {
  it('restore with a wrong passphrase says so and leaves the register unlocked', async () => {
    const backup = await ok<{ name: string }>('backupNow');
    const r = await dispatch(ctx, 'restoreBackup', { name: backup.name, passphrase: 'not the passphrase at all' });
    expect(r).toMatchObject({ ok: false, error: { code: 'WrongPassphrase' } });
    expect((await ok<AppStatus>('getStatus')).state).toBe('unlocked');
  });

  it('restore with the right passphrase puts back the backed-up data and locks', async () => {
    const backup = await ok<{ name: string }>('backupNow');
    await ok('saveLocalAuthority', { name: 'Added After Backup Council', initialPepSchoolDays: 20, newSchoolPepSchoolDays: 20, ppplusPencePerYear: 0, ppplusPayment: 'termly', contacts: [] });
    const res = await ok<{ status: AppStatus }>('restoreBackup', { name: backup.name, passphrase: PASS });
    expect(res.status).toMatchObject({ state: 'locked', lockedBecause: 'manual' });
    const user = res.status.users[0]!;
    await ok('unlock', { userId: user.id, passphrase: PASS });
    expect(await ok<unknown[]>('listLocalAuthorities')).toEqual([]);
  });

  it('a new recovery key needs the passphrase, works, and retires the old key', async () => {
    expect(await dispatch(ctx, 'newRecoveryKey', { passphrase: 'wrong passphrase entirely' })).toMatchObject({ ok: false, error: { code: 'WrongPassphrase' } });
    const { recoveryKey } = await ok<{ recoveryKey: string }>('newRecoveryKey', { passphrase: PASS });
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    await ok('lock');
    expect((await ok<AppStatus>('unlockWithRecoveryKey', { recoveryKey })).session?.via).toBe('recovery');
  });

  it('the deputy cannot issue a recovery key', async () => {
    const deputy = await ok<{ id: string }>('addUser', { name: 'B Deputy', role: 'deputy', passphrase: 'another long passphrase 42' });
    await ok('lock');
    await ok('unlock', { userId: deputy.id, passphrase: 'another long passphrase 42' });
    expect(await dispatch(ctx, 'newRecoveryKey', { passphrase: 'another long passphrase 42' })).toMatchObject({ ok: false, error: { code: 'Forbidden' } });
  });

  it('reports why the register locked: manual, then idle', async () => {
    expect((await ok<AppStatus>('lock')).lockedBecause).toBe('manual');
    const status = await ok<AppStatus>('getStatus');
    await ok('unlock', { userId: status.users[0]!.id, passphrase: PASS });
    expect((await ok<AppStatus>('getStatus')).lockedBecause).toBeNull();
    ctx.idle.setTimeout(30);
    ctx.idle.touch();
    await new Promise((r) => setTimeout(r, 120));
    expect(await ok<AppStatus>('getStatus')).toMatchObject({ state: 'locked', lockedBecause: 'idle' });
  });

  it('a demo register that cannot be made leaves the app on the DT register', async () => {
    const r = await dispatch(ctx, 'openDemoRegister', {});
    expect(r.ok).toBe(false);
    const status = await ok<AppStatus>('getStatus');
    expect(status.registerName).toBe('r.cicdb');
    expect(status.isDemo).toBe(false);
  });
});
