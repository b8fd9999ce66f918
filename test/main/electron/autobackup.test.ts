import type { PowerMonitor } from 'electron';
import { EventEmitter } from 'node:events';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { AppContext } from '../../../main/api/context.ts';
import { AUTO_BACKUP_CHECK_MS, backupBeforeLock, backupIfDue, startAutoBackup } from '../../../main/electron/autobackup.ts';
import { wireSystemLock } from '../../../main/electron/autolock.ts';
import { listBackups } from '../../../main/services/backups.ts';
import { cleanupTempDirs, createRegister, expectNoPersonalData, tempDir } from '../../helpers/db.ts';

afterAll(() => cleanupTempDirs());

describe('automatic backups', () => {
  it('does nothing while locked', () => {
    const isDue = vi.fn(() => true);
    expect(backupIfDue({ register: null }, { isDue })).toBe('locked');
    expect(isDue).not.toHaveBeenCalled();
  });

  it('backs up an unlocked register when due, and not again until the interval has passed', async () => {
    const t = await createRegister(tempDir('autobackup'));
    const ctx = { register: t.register };
    expect(backupIfDue(ctx)).toBe('saved');
    expect(listBackups(t.path).filter((b) => b.automatic)).toHaveLength(1);
    expect(backupIfDue(ctx)).toBe('not-due');
    t.register.close();
  });

  it('logs a failure by error class only (no paths, names or content)', async () => {
    const dir = tempDir('autobackup-fail');
    const t = await createRegister(dir);
    const log = vi.fn();
    const register = Object.assign(Object.create(t.register), {
      autoBackup: () => { throw Object.assign(new Error(`cannot write ${dir}/Zephyrine Quarrington`), { code: 'EACCES' }); },
    });
    expect(backupIfDue({ register }, { log, isDue: () => true })).toBe('failed');
    expect(log).toHaveBeenCalledTimes(1);
    const message = log.mock.calls[0]![0] as string;
    expect(message).toContain('EACCES');
    expectNoPersonalData(message, dir);
    t.register.close();
  });

  it('checks every 30 minutes and stops cleanly', () => {
    const timers = { setInterval: vi.fn((_fn: () => void, _ms: number) => 42), clearInterval: vi.fn() };
    const isDue = vi.fn(() => false);
    const stop = startAutoBackup({ register: {} as never }, { timers, isDue });
    expect(timers.setInterval).toHaveBeenCalledWith(expect.any(Function), AUTO_BACKUP_CHECK_MS);
    expect(AUTO_BACKUP_CHECK_MS).toBe(30 * 60_000);
    timers.setInterval.mock.calls[0]![0]();
    expect(isDue).toHaveBeenCalledTimes(1);
    stop();
    expect(timers.clearInterval).toHaveBeenCalledWith(42);
  });

  it('a failed backup never stops the lock', async () => {
    const t = await createRegister(tempDir('autobackup-lock'));
    const ctx = new AppContext({ registerPath: t.path, demoPath: null });
    ctx.setUnlocked(t.register);
    const undo = backupBeforeLock(ctx, { isDue: () => { throw new Error('disk gone'); }, log: () => {} });
    ctx.lock('manual');
    expect(ctx.register).toBeNull();
    expect(t.register.isOpen).toBe(false);
    undo();
  });
});

describe('system lock wiring', () => {
  it("'lock-screen' and 'suspend' lock with reason 'system'; unsubscribing removes both", () => {
    const pm = new EventEmitter();
    const ctx = { lock: vi.fn() };
    const off = wireSystemLock(pm as unknown as PowerMonitor, ctx);
    pm.emit('lock-screen');
    pm.emit('suspend');
    expect(ctx.lock.mock.calls).toEqual([['system'], ['system']]);
    off();
    expect(pm.listenerCount('lock-screen') + pm.listenerCount('suspend')).toBe(0);
  });
});
