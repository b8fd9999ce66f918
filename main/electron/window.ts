// The one application window. Its webPreferences are the heart of the Electron checklist: an
// isolated, sandboxed renderer with no Node, whose only door to the register is the preload's
// `window.register`.

import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { RendererLocation } from './renderer.ts';

export interface WindowOptionsInput {
  isPackaged: boolean;
  preloadPath: string;
}

export function mainWindowOptions({ isPackaged, preloadPath }: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'CiC Register',
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Chromium's spellchecker downloads dictionaries from Google on Linux: no network, no spellcheck.
      spellcheck: false,
      devTools: !isPackaged,
    },
  };
}

type BrowserWindowCtor = new (options: BrowserWindowConstructorOptions) => BrowserWindow;

/** Loads our page: the built index.html, or the dev server under `electron-vite dev`. */
export function loadRenderer(win: BrowserWindow, renderer: RendererLocation): Promise<void> {
  return renderer.devServerUrl ? win.loadURL(renderer.devServerUrl) : win.loadFile(renderer.indexFile);
}

export function createMainWindow(
  BrowserWindowClass: BrowserWindowCtor,
  opts: WindowOptionsInput & { renderer: RendererLocation },
): BrowserWindow {
  const win = new BrowserWindowClass(mainWindowOptions(opts));
  win.once('ready-to-show', () => win.show());
  loadRenderer(win, opts.renderer).catch((e: unknown) => {
    console.error(`[window] could not load the renderer: ${(e as Error)?.name ?? 'Error'}`);
  });
  return win;
}
