// Hand-made stand-ins for the parts of Electron the shell uses. The Electron binary is not
// available on CI, so main/electron is tested against these (see DESIGN.md "Testing without the
// Electron binary"). Each fake records calls with vi.fn and emits events like the real object.

import { EventEmitter } from 'node:events';
import { type Mock, vi } from 'vitest';

type Fn = (...args: any[]) => any; // eslint-disable-line @typescript-eslint/no-explicit-any

export class FakeFrame {
  parent: FakeFrame | null = null;
  constructor(public url: string, public processId = 1, public routingId = 1) {}
}

export class FakeWebContents extends EventEmitter {
  mainFrame: FakeFrame;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  reload: Mock<Fn> = vi.fn();
  send: Mock<Fn> = vi.fn();
  constructor(url = 'about:blank') {
    super();
    this.mainFrame = new FakeFrame(url);
  }
  setWindowOpenHandler(h: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = h;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  webContents = new FakeWebContents();
  minimized = false;
  destroyed = false;
  loadFile: Mock<Fn> = vi.fn(async (file: string) => {
    this.webContents.mainFrame.url = `file://${file}`;
  });
  loadURL: Mock<Fn> = vi.fn(async (url: string) => {
    this.webContents.mainFrame.url = url;
  });
  show: Mock<Fn> = vi.fn();
  focus: Mock<Fn> = vi.fn();
  restore: Mock<Fn> = vi.fn(() => {
    this.minimized = false;
  });
  constructor(public options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class FakeApp extends EventEmitter {
  isPackaged = true;
  singleInstance = true;
  userData = '/nonexistent/cic-user-data';
  requestSingleInstanceLock: Mock<Fn> = vi.fn(() => this.singleInstance);
  quit: Mock<Fn> = vi.fn();
  enableSandbox: Mock<Fn> = vi.fn();
  setAppUserModelId: Mock<Fn> = vi.fn();
  getVersion: Mock<Fn> = vi.fn(() => '0.1.0');
  getPath: Mock<Fn> = vi.fn((name: string) => (name === 'documents' ? '/nonexistent/Documents' : this.userData));
  private readyResolve: (() => void) | null = null;
  private readyPromise = new Promise<void>((r) => {
    this.readyResolve = r;
  });
  whenReady: Mock<Fn> = vi.fn(() => this.readyPromise);
  /** Resolves whenReady(), as Electron does once initialised. */
  becomeReady(): void {
    this.readyResolve?.();
  }
}

export class FakeSession extends EventEmitter {
  permissionRequestHandler: ((wc: unknown, permission: string, cb: (granted: boolean) => void, details?: unknown) => void) | null = null;
  permissionCheckHandler: ((wc: unknown, permission: string, origin: string, details?: unknown) => boolean) | null = null;
  devicePermissionHandler: ((details: unknown) => boolean) | null = null;
  beforeRequest: ((details: { url: string }, cb: (r: { cancel?: boolean }) => void) => void) | null = null;
  webRequest = {
    onBeforeRequest: (l: (details: { url: string }, cb: (r: { cancel?: boolean }) => void) => void) => {
      this.beforeRequest = l;
    },
  };
  setPermissionRequestHandler(h: FakeSession['permissionRequestHandler']): void {
    this.permissionRequestHandler = h;
  }
  setPermissionCheckHandler(h: FakeSession['permissionCheckHandler']): void {
    this.permissionCheckHandler = h;
  }
  setDevicePermissionHandler(h: FakeSession['devicePermissionHandler']): void {
    this.devicePermissionHandler = h;
  }
}

export class FakeIpcMain {
  handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  handle: Mock<Fn> = vi.fn((channel: string, h: (event: unknown, ...args: unknown[]) => unknown) => {
    this.handlers.set(channel, h);
  });
  removeHandler: Mock<Fn> = vi.fn((channel: string) => {
    this.handlers.delete(channel);
  });
  /** Calls the handler as ipcRenderer.invoke would, from the given sender. */
  invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
    const h = this.handlers.get(channel);
    if (!h) throw new Error(`no handler for ${channel}`);
    return Promise.resolve(h(event, ...args));
  }
}

export interface FakeMenu { template: Record<string, unknown>[]; popup: Mock<Fn> }

export interface FakeElectron {
  app: FakeApp;
  session: { defaultSession: FakeSession };
  ipcMain: FakeIpcMain;
  powerMonitor: EventEmitter;
  dialog: { showSaveDialog: Mock<Fn>; showMessageBox: Mock<Fn>; showMessageBoxSync: Mock<Fn>; showErrorBox: Mock<Fn> };
  Menu: { applicationMenu: FakeMenu | null; buildFromTemplate: Mock<Fn>; setApplicationMenu: Mock<Fn> };
  BrowserWindow: typeof FakeBrowserWindow;
}

export function fakeElectron(): FakeElectron {
  const app = new FakeApp();
  const session = { defaultSession: new FakeSession() };
  const ipcMain = new FakeIpcMain();
  const powerMonitor = new EventEmitter();
  const dialog: { showSaveDialog: Mock<Fn>; showMessageBox: Mock<Fn>; showMessageBoxSync: Mock<Fn>; showErrorBox: Mock<Fn> } = {
    showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' }) as { canceled: boolean; filePath?: string }),
    showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })),
    // Stay (1), the dialog's default and cancel answer, unless a test chooses otherwise.
    showMessageBoxSync: vi.fn(() => 1),
    showErrorBox: vi.fn(),
  };
  const Menu: { applicationMenu: FakeMenu | null; buildFromTemplate: Mock<Fn>; setApplicationMenu: Mock<Fn> } = {
    applicationMenu: null,
    buildFromTemplate: vi.fn((template: Record<string, unknown>[]): FakeMenu => ({ template, popup: vi.fn() })),
    setApplicationMenu: vi.fn((m: FakeMenu) => {
      Menu.applicationMenu = m;
    }),
  };
  FakeBrowserWindow.instances = [];
  return { app, session, ipcMain, powerMonitor, dialog, Menu, BrowserWindow: FakeBrowserWindow };
}

/** An IPC event as Electron would deliver it from `contents`' frame. */
export function ipcEvent(contents: FakeWebContents, frame: FakeFrame = contents.mainFrame): { sender: FakeWebContents; senderFrame: FakeFrame } {
  return { sender: contents, senderFrame: frame };
}

/** A navigation-style event with a spy on preventDefault. */
export function navEvent(url: string, extra: Record<string, unknown> = {}): { url: string; preventDefault: Mock<Fn> } {
  return { url, preventDefault: vi.fn(), ...extra };
}
