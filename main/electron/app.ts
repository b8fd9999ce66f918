// The desktop shell's start-up, with every Electron module passed in (index.ts passes the real
// ones; tests pass fakes). Single instance, one window, the API over IPC, auto-lock, automatic
// backups and the menu. No domain logic lives here: that is main/api and main/services.

import path from 'node:path';
import type * as Electron from 'electron';
import type { BrowserWindow } from 'electron';
import { AppContext, type ContextOptions } from '../api/context.ts';
import { backupBeforeLock, startAutoBackup } from './autobackup.ts';
import { wireSystemLock } from './autolock.ts';
import { BACKUP_CANCELLED, registerIpc, saveBackupWithDialog, type Dispatch } from './ipc.ts';
import { appMenuTemplate, contextMenuTemplate } from './menu.ts';
import { shellPaths } from './renderer.ts';
import { guardAllWebContents, hardenSession } from './security.ts';
import { createMainWindow } from './window.ts';
import { makeSaveFiles } from './saveFiles.ts';
import { guardUnload } from './unloadGuard.ts';

export type ElectronModules = Pick<
  typeof Electron,
  'app' | 'BrowserWindow' | 'dialog' | 'ipcMain' | 'Menu' | 'powerMonitor' | 'session'
>;

export interface RunOptions {
  /** Directory of the main bundle (out/main): the preload and renderer are found beside it. */
  mainDir: string;
  env: Record<string, string | undefined>;
  /** Tests: build the context (default: a real AppContext). */
  createContext?: (options: ContextOptions) => AppContext;
  /** Tests: replace the API dispatcher. */
  dispatch?: Dispatch;
}

export interface RunningApp {
  /** Settles once the window has been created. */
  ready: Promise<void>;
  window(): BrowserWindow | null;
  context(): AppContext | null;
}

export const APP_USER_MODEL_ID = 'uk.sch.cicregister';

/** Restores and focuses the window, e.g. when the DT starts the app a second time. */
export function focusWindow(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

/** Register file locations in the per-user application data folder. */
export function contextPaths(userData: string): Pick<ContextOptions, 'registerPath' | 'demoPath'> {
  return {
    registerPath: path.join(userData, 'register.cicdb'),
    demoPath: path.join(userData, 'demo-register.cicdb'),
  };
}

/** Starts the shell, or returns null (after quitting) when another instance already runs. */
export function runApp(electron: ElectronModules, opts: RunOptions): RunningApp | null {
  const { app, dialog, Menu } = electron;
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  app.enableSandbox();
  if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);

  const paths = shellPaths(opts.mainDir, { isPackaged: app.isPackaged, env: opts.env });
  let win: BrowserWindow | null = null;
  let ctx: AppContext | null = null;
  let quitting = false;
  const cleanups: (() => void)[] = [];
  const liveWindow = () => (win && !win.isDestroyed() ? win : null);

  app.on('second-instance', () => focusWindow(win));
  guardAllWebContents(app, paths.renderer);
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('will-quit', () => {
    ctx?.dispose(); // closes the database and zeroes the key (taking a due backup first)
    for (const undo of cleanups.splice(0).reverse()) undo();
  });

  const message = async (type: 'info' | 'warning', text: string, detail?: string) => {
    const w = liveWindow();
    const options = { type, title: 'CiC Register', message: text, ...(detail ? { detail } : {}), buttons: ['OK'] };
    await (w ? dialog.showMessageBox(w, options) : dialog.showMessageBox(options));
  };

  const backupFromMenu = async (backupDeps: Parameters<typeof saveBackupWithDialog>[0]) => {
    const result = await saveBackupWithDialog(backupDeps);
    if (result.ok) {
      const name = (result.value as { name?: string } | null)?.name;
      await message('info', 'Backup saved.', name ? `Saved as ${name}. Keep it somewhere safe, such as the school's secure storage.` : undefined);
    } else if (result.error !== BACKUP_CANCELLED) {
      await message('warning', result.error.message);
    }
  };

  const ready = app.whenReady().then(() => {
    const context = (opts.createContext ?? ((o) => new AppContext(o)))({
      ...contextPaths(app.getPath('userData')),
      allowBackupPaths: true,
      saveFiles: makeSaveFiles({ dialog, getWindow: liveWindow, defaultDir: () => app.getPath('documents') }),
      onLocked: () => {
        // Reloading drops everything the renderer held in memory; it restarts at the lock screen.
        const w = liveWindow();
        if (!quitting && w) w.webContents.reload();
      },
    });
    ctx = context;
    hardenSession(electron.session.defaultSession, paths.renderer);

    const backupDeps = {
      ctx: context,
      getWindow: liveWindow,
      dialog,
      defaultBackupDir: () => app.getPath('documents'),
      ...(opts.dispatch ? { dispatch: opts.dispatch } : {}),
    };
    cleanups.push(backupBeforeLock(context));
    cleanups.push(registerIpc({ ...backupDeps, ipcMain: electron.ipcMain, renderer: paths.renderer }));
    cleanups.push(wireSystemLock(electron.powerMonitor, context));
    cleanups.push(startAutoBackup(context));

    Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate({
      isPackaged: app.isPackaged,
      actions: {
        backupNow: () => void backupFromMenu(backupDeps),
        lock: () => context.lock('manual'),
        about: () => void message('info', `CiC Register ${app.getVersion()}`,
          'The register for the Designated Teacher for children in care. The register is encrypted and kept on this computer only.'),
      },
    })));

    const w = createMainWindow(electron.BrowserWindow, { isPackaged: app.isPackaged, preloadPath: paths.preload, renderer: paths.renderer });
    win = w;
    w.on('closed', () => {
      if (win === w) win = null;
    });
    // Unsaved changes in a form: ask before closing or reloading, except for a lock's reload.
    guardUnload(w, dialog, () => !context.register, () => {
      // A quit the DT stopped by staying is over: a later lock must still reload to the lock screen.
      quitting = false;
    });
    w.webContents.on('context-menu', (_event, params) => {
      const template = contextMenuTemplate(params);
      if (template.length) Menu.buildFromTemplate(template).popup({ window: w });
    });
    w.webContents.on('render-process-gone', () => {
      // A crashed page must not leave the register open behind a dead window.
      if (context.register) context.lock('system');
      else if (!quitting && !w.isDestroyed()) w.webContents.reload();
    });
  });

  ready.catch((e: unknown) => {
    console.error(`[app] start-up failed: ${(e as Error)?.name ?? 'Error'}`);
    dialog.showErrorBox('CiC Register could not start', 'Something went wrong while starting. Please restart CiC Register.');
    app.quit();
  });

  return { ready, window: () => win, context: () => ctx };
}
