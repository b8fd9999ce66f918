import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, IpcMain } from 'electron';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppContext } from '../../../main/api/context.ts';
import {
  BACKUP_CANCELLED, defaultBackupFileName, FORBIDDEN, registerIpc, saveBackupWithDialog, type IpcDeps,
} from '../../../main/electron/ipc.ts';
import { cleanupTempDirs, createRegister, tempDir } from '../../helpers/db.ts';
import { FakeBrowserWindow, FakeFrame, FakeIpcMain, FakeWebContents, fakeElectron, ipcEvent } from './fakes.ts';

const INDEX_FILE = '/app/out/renderer/index.html';
const loc = { indexFile: INDEX_FILE, devServerUrl: null };

afterAll(() => cleanupTempDirs());

function setup(over: Partial<IpcDeps> = {}) {
  const fx = fakeElectron();
  const win = new FakeBrowserWindow({});
  win.webContents.mainFrame.url = `file://${INDEX_FILE}`;
  const ipcMain = new FakeIpcMain();
  const dispatch = vi.fn(async (_ctx: unknown, name: unknown, input: unknown) => ({ ok: true as const, value: { name, input } }));
  const ctx = { register: {} } as unknown as AppContext;
  const deps: IpcDeps = {
    ipcMain: ipcMain as unknown as IpcMain,
    ctx,
    getWindow: () => win as unknown as BrowserWindow,
    dialog: fx.dialog as unknown as IpcDeps['dialog'],
    defaultBackupDir: () => '/home/dt/Documents',
    renderer: loc,
    dispatch,
    today: () => new Date(2025, 10, 3, 9, 30),
    ...over,
  };
  const remove = registerIpc(deps);
  const call = (name: unknown, input?: unknown, event: unknown = ipcEvent(win.webContents)) => ipcMain.invoke('cic:call', event, name, input);
  return { fx, win, ipcMain, dispatch, ctx, deps, call, remove };
}

describe('IPC sender check', () => {
  it('a call from the main frame of our page reaches dispatch', async () => {
    const { call, dispatch, ctx } = setup();
    await expect(call('getStatus', {})).resolves.toEqual({ ok: true, value: { name: 'getStatus', input: {} } });
    expect(dispatch).toHaveBeenCalledWith(ctx, 'getStatus', {});
  });

  it('accepts the same frame identified by process and routing id (a fresh WebFrameMain wrapper)', async () => {
    const { call, win, dispatch } = setup();
    const same = new FakeFrame(win.webContents.mainFrame.url, win.webContents.mainFrame.processId, win.webContents.mainFrame.routingId);
    await call('getStatus', {}, ipcEvent(win.webContents, same));
    expect(dispatch).toHaveBeenCalledTimes(1);
  });

  it('refuses a sub-frame, another webContents, another page, or a missing frame, without dispatching', async () => {
    const { call, win, dispatch } = setup();
    const subFrame = new FakeFrame(`file://${INDEX_FILE}`, 1, 7);
    subFrame.parent = win.webContents.mainFrame;
    const childOfMain = new FakeFrame(`file://${INDEX_FILE}`, 1, 1);
    childOfMain.parent = new FakeFrame('x');
    const other = new FakeWebContents(`file://${INDEX_FILE}`);
    const cases: [string, unknown][] = [
      ['sub-frame', ipcEvent(win.webContents, subFrame)],
      ['frame with a parent', ipcEvent(win.webContents, childOfMain)],
      ['other webContents', ipcEvent(other)],
      ['no frame', { sender: win.webContents, senderFrame: null }],
    ];
    for (const [label, event] of cases) {
      expect(await call('getStatus', {}, event), label).toEqual({ ok: false, error: FORBIDDEN });
    }
    for (const url of ['https://example.com/', 'file:///tmp/evil.html', 'about:blank', 'http://localhost:5173/']) {
      win.webContents.mainFrame.url = url;
      expect(await call('getStatus', {}), url).toEqual({ ok: false, error: FORBIDDEN });
    }
    expect(dispatch).not.toHaveBeenCalled();
    expect(FORBIDDEN.code).toBe('Forbidden');
  });

  it('refuses everything once the window is gone', async () => {
    const { call, win, dispatch } = setup();
    win.destroyed = true;
    expect(await call('getStatus', {})).toEqual({ ok: false, error: FORBIDDEN });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('a thrown error becomes an Internal error, not a rejected promise', async () => {
    const { call } = setup({ dispatch: vi.fn(async () => { throw new Error('boom with details'); }) });
    const r = await call('getStatus', {}) as { ok: false; error: { code: string; message: string } };
    expect(r.ok).toBe(false);
    expect(r.error.code).toBe('Internal');
    expect(r.error.message).not.toContain('boom');
  });

  it('removes its handler', () => {
    const { ipcMain, remove } = setup();
    remove();
    expect(ipcMain.handlers.has('cic:call')).toBe(false);
  });
});

describe('backupNow through the Save dialog', () => {
  it('names the default file by local date and filters to .cicbackup', async () => {
    const { call, fx, win, dispatch } = setup();
    fx.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/media/usb/backup.cicbackup' });
    await call('backupNow', {});
    const [parent, options] = fx.dialog.showSaveDialog.mock.calls[0]! as [unknown, { defaultPath: string; filters: unknown }];
    expect(parent).toBe(win);
    expect(options.defaultPath).toBe(path.join('/home/dt/Documents', 'CiC-Register-backup-2025-11-03.cicbackup'));
    expect(options.filters).toEqual([{ name: 'CiC Register backup', extensions: ['cicbackup'] }]);
    expect(dispatch).toHaveBeenCalledWith(expect.anything(), 'backupNow', { file: '/media/usb/backup.cicbackup' });
  });

  it('adds the extension when the file chooser did not', async () => {
    const { call, fx, dispatch } = setup();
    fx.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/media/usb/monday' });
    await call('backupNow', undefined);
    expect(dispatch).toHaveBeenCalledWith(expect.anything(), 'backupNow', { file: '/media/usb/monday.cicbackup' });
  });

  it('cancelling gives a clear error and writes nothing', async () => {
    const { call, fx, dispatch } = setup();
    fx.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    expect(await call('backupNow', {})).toEqual({ ok: false, error: { code: 'Invalid', message: 'Backup cancelled.', issues: [] } });
    expect(BACKUP_CANCELLED.message).toBe('Backup cancelled.');
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('refuses a file path chosen by the renderer', async () => {
    const { call, fx, dispatch } = setup();
    const r = await call('backupNow', { file: '/home/dt/.bashrc' }) as { ok: boolean; error: { code: string } };
    expect(r.ok).toBe(false);
    expect(r.error.code).toBe('Forbidden');
    expect(fx.dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('says the register is locked instead of opening a pointless dialog', async () => {
    const { call, fx } = setup({ ctx: { register: null } as unknown as AppContext });
    const r = await call('backupNow', {}) as { ok: boolean; error: { code: string } };
    expect(r.error.code).toBe('Locked');
    expect(fx.dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('default file name uses the local calendar date', () => {
    expect(defaultBackupFileName(new Date(2026, 0, 9, 23, 59))).toBe('CiC-Register-backup-2026-01-09.cicbackup');
  });
});

describe('with the real API and a real register', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('electron-ipc');
  });

  it('getStatus answers through IPC with the real dispatcher', async () => {
    const ctx = new AppContext({ registerPath: path.join(dir, 'register.cicdb'), demoPath: null, allowBackupPaths: true });
    const { call } = setup({ ctx, dispatch: undefined });
    const r = await call('getStatus', {}) as { ok: boolean; value: { state: string } };
    expect(r.ok).toBe(true);
    expect(r.value.state).toBe('none');
    expect(await call('noSuchOperation', {})).toMatchObject({ ok: false, error: { code: 'Invalid' } });
  });

  it('backupNow writes an encrypted backup where the DT chose', async () => {
    const t = await createRegister(dir);
    const ctx = new AppContext({ registerPath: t.path, demoPath: null, allowBackupPaths: true });
    ctx.setUnlocked(t.register);
    const target = path.join(dir, 'chosen', 'my-backup.cicbackup');
    fs.mkdirSync(path.dirname(target));
    const fx = fakeElectron();
    fx.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const r = await saveBackupWithDialog({ ctx, getWindow: () => null, dialog: fx.dialog as unknown as IpcDeps['dialog'], defaultBackupDir: () => dir });
    expect(r).toMatchObject({ ok: true, value: { name: 'my-backup.cicbackup', automatic: false } });
    expect(fs.statSync(target).size).toBeGreaterThan(0);
    ctx.dispose();
  });
});
