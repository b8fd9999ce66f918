// Starts the real shell (main/electron/app.ts) on fake Electron modules, with the real AppContext,
// for the shell's tests. Every app started is listed in `running` so afterEach can dispose it.

import type { ContextOptions } from '../../../main/api/context.ts';
import { AppContext as RealContext } from '../../../main/api/context.ts';
import { runApp, type ElectronModules, type RunningApp } from '../../../main/electron/app.ts';
import { tempDir } from '../../helpers/db.ts';
import { type FakeBrowserWindow, fakeElectron } from './fakes.ts';

export const running: RunningApp[] = [];

/** Disposes every app started since the last call (for afterEach). */
export function stopApps(): void {
  for (const r of running.splice(0)) r.context()?.dispose();
}

export async function startFakeApp(opts: { isPackaged?: boolean; env?: Record<string, string> } = {}) {
  const fx = fakeElectron();
  fx.app.isPackaged = opts.isPackaged ?? true;
  fx.app.userData = tempDir('electron-app');
  let contextOptions: ContextOptions | null = null;
  const app = runApp(fx as unknown as ElectronModules, {
    mainDir: '/app/out/main',
    env: opts.env ?? {},
    createContext: (o) => {
      contextOptions = o;
      return new RealContext(o);
    },
  })!;
  running.push(app);
  fx.app.becomeReady();
  await app.ready;
  const win = app.window() as unknown as FakeBrowserWindow;
  return { fx, app, win, ctx: app.context()!, contextOptions: contextOptions! as ContextOptions };
}
