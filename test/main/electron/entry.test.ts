// The real entry point (main/electron/index.ts) with the `electron` module mocked.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const fx = await vi.hoisted(async () => (await import('./fakes.ts')).fakeElectron());
vi.mock('electron', () => fx);

describe('main/electron/index.ts', () => {
  beforeEach(() => {
    vi.resetModules();
  });

  it('quits when another instance holds the single-instance lock', async () => {
    fx.app.singleInstance = false;
    await import('../../../main/electron/index.ts');
    expect(fx.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(fx.app.quit).toHaveBeenCalled();
    expect(fx.app.whenReady).not.toHaveBeenCalled();
  });

  it('otherwise opens the window on ready and focuses it on a second launch', async () => {
    fx.app.singleInstance = true;
    fx.app.quit.mockClear();
    await import('../../../main/electron/index.ts');
    fx.app.becomeReady();
    await vi.waitFor(() => expect(fx.BrowserWindow.instances).toHaveLength(1));
    const win = fx.BrowserWindow.instances[0]!;
    expect((win.options.webPreferences as { preload: string }).preload).toMatch(/preload[\\/]index\.cjs$/);
    expect(fx.ipcMain.handlers.has('cic:call')).toBe(true);
    win.minimized = true;
    fx.app.emit('second-instance', {}, [], '/');
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
    expect(fx.app.quit).not.toHaveBeenCalled();
    fx.app.emit('will-quit', {});
  });
});
