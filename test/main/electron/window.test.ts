import type { BrowserWindow } from 'electron';
import { describe, expect, it } from 'vitest';
import { shellPaths } from '../../../main/electron/renderer.ts';
import { createMainWindow, mainWindowOptions } from '../../../main/electron/window.ts';
import { FakeBrowserWindow } from './fakes.ts';

const loc = { indexFile: '/app/out/renderer/index.html', devServerUrl: null };
type Ctor = new (o: object) => BrowserWindow;

describe('main window', () => {
  it('has an isolated, sandboxed renderer with no Node and no devtools when packaged', () => {
    const prefs = mainWindowOptions({ isPackaged: true, preloadPath: '/app/out/preload/index.cjs' }).webPreferences!;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
      preload: '/app/out/preload/index.cjs',
    });
  });

  it('allows devtools only in an unpackaged (development) run', () => {
    expect(mainWindowOptions({ isPackaged: false, preloadPath: 'p' }).webPreferences!.devTools).toBe(true);
  });

  it('loads the built index.html with loadFile, shown once ready', async () => {
    const win = createMainWindow(FakeBrowserWindow as unknown as Ctor, { isPackaged: true, preloadPath: 'p', renderer: loc }) as unknown as FakeBrowserWindow;
    expect(win.loadFile).toHaveBeenCalledWith('/app/out/renderer/index.html');
    expect(win.loadURL).not.toHaveBeenCalled();
    expect(win.options.show).toBe(false);
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalled();
  });

  it('loads the dev server only under electron-vite dev (not packaged)', () => {
    const win = createMainWindow(FakeBrowserWindow as unknown as Ctor, {
      isPackaged: false, preloadPath: 'p', renderer: { ...loc, devServerUrl: 'http://localhost:5173/' },
    }) as unknown as FakeBrowserWindow;
    expect(win.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
    expect(win.loadFile).not.toHaveBeenCalled();
  });
});

describe('shell paths', () => {
  const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173/' };

  it('finds the CommonJS preload and the renderer beside the main bundle', () => {
    const p = shellPaths('/app/out/main', { isPackaged: true, env });
    expect(p.preload).toBe('/app/out/preload/index.cjs');
    expect(p.renderer.indexFile).toBe('/app/out/renderer/index.html');
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app', () => {
    expect(shellPaths('/app/out/main', { isPackaged: true, env }).renderer.devServerUrl).toBeNull();
    expect(shellPaths('/app/out/main', { isPackaged: false, env }).renderer.devServerUrl).toBe('http://localhost:5173/');
  });

  it('accepts a dev server on the loopback interface only', () => {
    for (const bad of ['https://example.com/', 'http://192.168.1.5:5173/', 'file:///etc/passwd', 'javascript:alert(1)', 'not a url']) {
      expect(shellPaths('/app/out/main', { isPackaged: false, env: { ELECTRON_RENDERER_URL: bad } }).renderer.devServerUrl).toBeNull();
    }
  });
});
