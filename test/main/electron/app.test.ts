import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { AppContext } from '../../../main/api/context.ts';
import { listBackups } from '../../../main/services/backups.ts';
import { runApp, type ElectronModules } from '../../../main/electron/app.ts';
import { FakeBrowserWindow, fakeElectron, ipcEvent, type FakeElectron, type FakeMenu } from './fakes.ts';
import { startFakeApp, stopApps } from './startApp.ts';
import { cleanupTempDirs, createRegister, STAFF, tempDir, unlockAs } from '../../helpers/db.ts';

afterAll(() => cleanupTempDirs());

afterEach(stopApps);
const start = startFakeApp;

/** Creates a real register where the app expects it and unlocks it in the app's context. */
async function unlockRegister(ctx: AppContext) {
  const t = await createRegister(path.dirname(ctx.registerPath), path.basename(ctx.registerPath));
  ctx.setUnlocked(t.register);
  return t;
}

function menuItem(fx: FakeElectron, top: string, id: string) {
  const menu = fx.Menu.applicationMenu as FakeMenu;
  const sub = (menu.template.find((m) => m.label === top)!.submenu as Record<string, unknown>[]);
  return sub.find((i) => i.id === id || i.role === id) as { click?: () => void; accelerator?: string; label?: string } | undefined;
}

describe('single instance', () => {
  it('a second instance quits straight away and creates nothing', () => {
    const fx = fakeElectron();
    fx.app.singleInstance = false;
    expect(runApp(fx as unknown as ElectronModules, { mainDir: '/app/out/main', env: {} })).toBeNull();
    expect(fx.app.quit).toHaveBeenCalled();
    expect(fx.app.whenReady).not.toHaveBeenCalled();
    expect(fx.app.listenerCount('second-instance')).toBe(0);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it("the first instance restores and focuses its window when the DT starts the app again", async () => {
    const { fx, win } = await start();
    win.minimized = true;
    fx.app.emit('second-instance', {}, [], '/');
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });
});

describe('start-up', () => {
  it('forces the sandbox, keeps the register in userData and allows backup paths from the dialog', async () => {
    const { fx, ctx, contextOptions } = await start();
    expect(fx.app.enableSandbox).toHaveBeenCalled();
    expect(ctx.registerPath).toBe(path.join(fx.app.userData, 'register.cicdb'));
    expect(contextOptions.demoPath).toBe(path.join(fx.app.userData, 'demo-register.cicdb'));
    expect(contextOptions.allowBackupPaths).toBe(true);
  });

  it('creates one secure window that loads the built renderer with the CommonJS preload', async () => {
    const { win } = await start();
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: false, preload: '/app/out/preload/index.cjs' });
    expect(win.loadFile).toHaveBeenCalledWith('/app/out/renderer/index.html');
  });

  it('ignores ELECTRON_RENDERER_URL when packaged', async () => {
    const { win } = await start({ isPackaged: true, env: { ELECTRON_RENDERER_URL: 'http://localhost:5173/' } });
    expect(win.loadURL).not.toHaveBeenCalled();
    expect(win.loadFile).toHaveBeenCalled();
  });

  it('hardens the default session and guards the window contents', async () => {
    const { fx, win } = await start();
    const s = fx.session.defaultSession;
    expect(s.permissionRequestHandler).toBeTypeOf('function');
    expect(s.beforeRequest).toBeTypeOf('function');
    fx.app.emit('web-contents-created', {}, win.webContents);
    expect(win.webContents.windowOpenHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });

  it('answers API calls from its window over IPC', async () => {
    const { fx, win } = await start();
    const r = await fx.ipcMain.invoke('cic:call', ipcEvent(win.webContents), 'getStatus', {}) as { ok: boolean; value: { state: string } };
    expect(r).toMatchObject({ ok: true, value: { state: 'none' } });
  });
});

describe('auto-lock wiring', () => {
  it('OS screen lock and suspend lock the register and reload the window to the lock screen', async () => {
    const { fx, ctx, win } = await start();
    const t = await unlockRegister(ctx);
    expect(ctx.register).not.toBeNull();
    fx.powerMonitor.emit('lock-screen');
    expect(ctx.register).toBeNull();
    expect(t.register.isOpen).toBe(false);
    expect(win.webContents.reload).toHaveBeenCalledTimes(1);

    ctx.setUnlocked(await unlockAs(t.path, t.dtId, STAFF.dt.passphrase));
    fx.powerMonitor.emit('suspend');
    expect(ctx.register).toBeNull();
    expect(win.webContents.reload).toHaveBeenCalledTimes(2);
  });

  it('onLocked reloads the window (idle lock goes through the same path)', async () => {
    const { ctx, win, contextOptions } = await start();
    await unlockRegister(ctx);
    ctx.lock('idle');
    expect(win.webContents.reload).toHaveBeenCalledTimes(1);
    contextOptions.onLocked?.('manual');
    expect(win.webContents.reload).toHaveBeenCalledTimes(2);
  });

  it('File > Lock (Ctrl+L) locks the register', async () => {
    const { fx, ctx } = await start();
    await unlockRegister(ctx);
    const lock = menuItem(fx, '&File', 'lock')!;
    expect(lock.accelerator).toBe('CmdOrCtrl+L');
    lock.click!();
    expect(ctx.register).toBeNull();
  });

  it('a crashed renderer locks the register', async () => {
    const { ctx, win } = await start();
    await unlockRegister(ctx);
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(ctx.register).toBeNull();
  });

  it('locking takes a due automatic backup first, while the register is still open', async () => {
    const { ctx } = await start();
    const t = await unlockRegister(ctx);
    expect(listBackups(t.path).filter((b) => b.automatic)).toHaveLength(0);
    ctx.lock('idle');
    expect(listBackups(t.path).filter((b) => b.automatic)).toHaveLength(1);
  });

  it('quitting closes the register without reloading the window', async () => {
    const { fx, ctx, win } = await start();
    const t = await unlockRegister(ctx);
    fx.app.emit('before-quit', {});
    fx.app.emit('will-quit', {});
    expect(t.register.isOpen).toBe(false);
    expect(win.webContents.reload).not.toHaveBeenCalled();
    expect(fx.ipcMain.handlers.size).toBe(0);
  });
});

describe('menus', () => {
  it('File has Back up now…, Lock and Quit; Help has About', async () => {
    const { fx } = await start();
    expect(menuItem(fx, '&File', 'backup')?.label).toBe('Back up now…');
    expect(menuItem(fx, '&File', 'quit')).toBeDefined();
    expect(menuItem(fx, '&Help', 'about')?.label).toBe('About CiC Register');
  });

  it('offers reload and devtools only in development', async () => {
    const packaged = await start({ isPackaged: true });
    expect(menuItem(packaged.fx, '&View', 'reload')).toBeUndefined();
    expect(menuItem(packaged.fx, '&View', 'toggleDevTools')).toBeUndefined();
    const dev = await start({ isPackaged: false });
    expect(menuItem(dev.fx, '&View', 'reload')).toBeDefined();
  });

  it('Back up now… saves through the Save dialog and confirms', async () => {
    const { fx, ctx } = await start();
    await unlockRegister(ctx);
    const target = path.join(tempDir('electron-menu'), 'from-menu.cicbackup');
    fx.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    menuItem(fx, '&File', 'backup')!.click!();
    await expect.poll(() => fx.dialog.showMessageBox.mock.calls.length).toBe(1);
    expect(fs.existsSync(target)).toBe(true);
    expect(JSON.stringify(fx.dialog.showMessageBox.mock.calls[0])).toContain('Backup saved.');
  });

  it('Back up now… while locked explains instead of opening the dialog', async () => {
    const { fx } = await start();
    menuItem(fx, '&File', 'backup')!.click!();
    await expect.poll(() => fx.dialog.showMessageBox.mock.calls.length).toBe(1);
    expect(fx.dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(JSON.stringify(fx.dialog.showMessageBox.mock.calls[0])).toContain('locked');
  });

  it('right-click in a text field offers the edit menu', async () => {
    const { fx, win } = await start();
    const editFlags = { canUndo: true, canRedo: false, canCut: true, canCopy: true, canPaste: true, canSelectAll: true, canDelete: true, canEditRichly: false };
    win.webContents.emit('context-menu', {}, { isEditable: true, selectionText: '', editFlags });
    const built = fx.Menu.buildFromTemplate.mock.results.at(-1)!.value as FakeMenu;
    expect(built.template.map((i) => i.role ?? i.type)).toEqual(['undo', 'redo', 'separator', 'cut', 'copy', 'paste', 'selectAll']);
    expect(built.popup).toHaveBeenCalled();
  });
});
