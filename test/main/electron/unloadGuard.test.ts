// Closing or reloading the window with unsaved changes: Electron emits 'will-prevent-unload' when
// the page's beforeunload handler asks to stay. The shell asks the DT (Leave / Stay, Stay the
// default) and lets the page go only on Leave; a lock's reload never waits.

import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { guardUnload, UNLOAD_BUTTONS, UNLOAD_QUESTION } from '../../../main/electron/unloadGuard.ts';
import { FakeBrowserWindow } from './fakes.ts';
import { startFakeApp, stopApps } from './startApp.ts';
import { cleanupTempDirs, createRegister } from '../../helpers/db.ts';

afterAll(() => cleanupTempDirs());

/** An event as Electron passes to 'will-prevent-unload': preventDefault() means "unload anyway". */
const unloadEvent = () => ({ preventDefault: vi.fn() });

describe('guardUnload', () => {
  it('asks with Leave / Stay, Stay being the default and the cancel answer', () => {
    const win = new FakeBrowserWindow({});
    const dialog = { showMessageBoxSync: vi.fn(() => 1) };
    guardUnload(win as never, dialog as never, () => false);
    win.webContents.emit('will-prevent-unload', unloadEvent());
    expect(dialog.showMessageBoxSync).toHaveBeenCalledWith(win, UNLOAD_QUESTION);
    expect(UNLOAD_QUESTION.buttons).toEqual([...UNLOAD_BUTTONS]);
    expect(UNLOAD_BUTTONS).toEqual(['Leave', 'Stay']);
    expect(UNLOAD_QUESTION.defaultId).toBe(1);
    expect(UNLOAD_QUESTION.cancelId).toBe(1);
    expect(UNLOAD_QUESTION.message).toMatch(/without saving/);
  });

  it('Stay keeps the page (the unload stays prevented)', () => {
    const win = new FakeBrowserWindow({});
    guardUnload(win as never, { showMessageBoxSync: vi.fn(() => 1) } as never, () => false);
    const event = unloadEvent();
    win.webContents.emit('will-prevent-unload', event);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('Leave lets the page unload (preventDefault ignores its beforeunload)', () => {
    const win = new FakeBrowserWindow({});
    guardUnload(win as never, { showMessageBoxSync: vi.fn(() => 0) } as never, () => false);
    const event = unloadEvent();
    win.webContents.emit('will-prevent-unload', event);
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
  });

  it('when the page must go (a lock), it leaves without asking', () => {
    const win = new FakeBrowserWindow({});
    const dialog = { showMessageBoxSync: vi.fn(() => 1) };
    guardUnload(win as never, dialog as never, () => true);
    const event = unloadEvent();
    win.webContents.emit('will-prevent-unload', event);
    expect(dialog.showMessageBoxSync).not.toHaveBeenCalled();
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
  });
});

describe('the app window', () => {
  afterEach(stopApps);

  /** The shell with an unlocked register (a lock reloads only an unlocked window). */
  async function start() {
    const { fx, ctx, win, contextOptions } = await startFakeApp();
    const t = await createRegister(path.dirname(ctx.registerPath), path.basename(ctx.registerPath));
    ctx.setUnlocked(t.register);
    return { fx, ctx, win, contextOptions };
  }

  it('while unlocked, closing with unsaved changes asks, and Stay keeps the window', async () => {
    const { fx, win } = await start();
    const event = unloadEvent();
    win.webContents.emit('will-prevent-unload', event);
    expect(fx.dialog.showMessageBoxSync).toHaveBeenCalledTimes(1);
    expect(fx.dialog.showMessageBoxSync.mock.calls[0]![1]).toMatchObject({ buttons: ['Leave', 'Stay'], defaultId: 1, cancelId: 1 });
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('Leave closes (or reloads) as asked', async () => {
    const { fx, win } = await start();
    fx.dialog.showMessageBoxSync.mockReturnValue(0);
    const event = unloadEvent();
    win.webContents.emit('will-prevent-unload', event);
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
  });

  it('choosing Stay while quitting stops the quit, so a later lock still reloads to the lock screen', async () => {
    const { fx, ctx, win } = await start();
    fx.app.emit('before-quit', {});
    win.webContents.emit('will-prevent-unload', unloadEvent());
    expect(fx.dialog.showMessageBoxSync).toHaveBeenCalledTimes(1);
    ctx.lock('idle');
    expect(win.webContents.reload).toHaveBeenCalledTimes(1);
  });

  it('choosing Leave while quitting lets the quit go on: a lock then does not reload', async () => {
    const { fx, ctx, win } = await start();
    fx.dialog.showMessageBoxSync.mockReturnValue(0);
    fx.app.emit('before-quit', {});
    win.webContents.emit('will-prevent-unload', unloadEvent());
    ctx.lock('idle');
    expect(win.webContents.reload).not.toHaveBeenCalled();
  });

  it("an idle lock's reload to the lock screen is never held up by unsaved changes", async () => {
    const { fx, ctx, win } = await start();
    ctx.lock('idle');
    expect(win.webContents.reload).toHaveBeenCalledTimes(1);
    // The reloading page's beforeunload asks to stay; the shell lets it go without a dialog.
    const event = unloadEvent();
    win.webContents.emit('will-prevent-unload', event);
    expect(event.preventDefault).toHaveBeenCalledTimes(1);
    expect(fx.dialog.showMessageBoxSync).not.toHaveBeenCalled();
  });
});
