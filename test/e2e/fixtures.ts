// Per test: a temp folder and a browser-mode server (main/web/cli.ts) on a fresh register path,
// with the cheap test KDF. The server can be restarted on the same register (persistence tests)
// and is always stopped afterwards. The renderer must already be built (npm run build:renderer).

import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { test as base, expect, type Page } from '@playwright/test';
import { AppFramePage } from './pages/AppFramePage.ts';
import { FirstRunPage } from './pages/FirstRunPage.ts';
import { RecoveryKeyPage } from './pages/RecoveryKeyPage.ts';
import { SettingsPage } from './pages/SettingsPage.ts';
import { UnlockPage } from './pages/UnlockPage.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const START_TIMEOUT_MS = 30_000;

export class RegisterServer {
  private child: ChildProcess | null = null;
  url = '';

  constructor(readonly registerPath: string, private readonly autoLockSeconds: number | undefined) {}

  async start(): Promise<string> {
    if (!fs.existsSync(path.join(ROOT, 'out/renderer/index.html'))) {
      throw new Error('The renderer is not built: run npm run build:renderer before the e2e tests.');
    }
    const args = ['--import', 'tsx', 'main/web/cli.ts', '--register', this.registerPath];
    if (this.autoLockSeconds !== undefined) args.push('--auto-lock-seconds', String(this.autoLockSeconds));
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, CIC_KDF: 'fast' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => { stderr += d.toString(); });
    this.url = await new Promise<string>((resolve, reject) => {
      let stdout = '';
      const timer = setTimeout(() => reject(new Error(`The web server did not start in time.\n${stderr}`)), START_TIMEOUT_MS);
      child.stdout!.on('data', (d: Buffer) => {
        stdout += d.toString();
        const m = /^CIC_WEB_URL=(\S+)$/m.exec(stdout);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`The web server exited (code ${code}) before it was ready.\n${stderr}`));
      });
    });
    return this.url;
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  }

  /** Stops the server and starts a new one on the same register file. */
  async restart(): Promise<string> {
    await this.stop();
    return this.start();
  }
}

export interface Pages {
  firstRun: FirstRunPage;
  recoveryKey: RecoveryKeyPage;
  unlock: UnlockPage;
  frame: AppFramePage;
  settings: SettingsPage;
}

interface Fixtures {
  autoLockSeconds: number | undefined;
  workDir: string;
  server: RegisterServer;
  /** A server on a demo register made by the CLI (fictitious data); unlock it with openDemo(). */
  demoServer: RegisterServer;
  pages: Pages;
}

interface WorkerFixtures {
  /** A folder holding a demo register made once per worker; demoServer works on a copy of it. */
  demoTemplate: string;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  // eslint-disable-next-line no-empty-pattern
  demoTemplate: [async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cic-e2e-demo-'));
    await createDemoRegister(path.join(dir, 'register.cicdb'));
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  }, { scope: 'worker' }],
  autoLockSeconds: [undefined, { option: true }],
  // eslint-disable-next-line no-empty-pattern
  workDir: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cic-e2e-'));
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },
  server: async ({ workDir, autoLockSeconds }, use) => {
    const server = new RegisterServer(path.join(workDir, 'register.cicdb'), autoLockSeconds);
    await server.start();
    await use(server);
    await server.stop();
  },
  demoServer: async ({ workDir, demoTemplate, autoLockSeconds }, use) => {
    // The template register is closed (no WAL left), so its files can simply be copied.
    for (const f of fs.readdirSync(demoTemplate)) fs.copyFileSync(path.join(demoTemplate, f), path.join(workDir, f));
    const registerPath = path.join(workDir, 'register.cicdb');
    const server = new RegisterServer(registerPath, autoLockSeconds);
    await server.start();
    await use(server);
    await server.stop();
  },
  pages: async ({ page }, use) => {
    await use({
      firstRun: new FirstRunPage(page),
      recoveryKey: new RecoveryKeyPage(page),
      unlock: new UnlockPage(page),
      frame: new AppFramePage(page),
      settings: new SettingsPage(page),
    });
  },
});

export { expect };

export const DT = { school: 'Oakfield Community School', name: 'Alex Morgan', passphrase: 'lantern copper meadow violin' };
export const DEPUTY = { name: 'Sam Patel', passphrase: 'harbour pebble orchid tundra' };

/** Opens the app on a fresh server and creates a register as the DT; returns the recovery key. */
export async function createRegister(page: Page, server: RegisterServer, pages: Pages): Promise<string> {
  await page.goto(server.url);
  await pages.firstRun.expectShown();
  await pages.firstRun.create({ school: DT.school, name: DT.name, role: 'dt', passphrase: DT.passphrase });
  const key = await pages.recoveryKey.key();
  await pages.recoveryKey.confirmAndContinue();
  await pages.frame.expectShown(DT.school);
  return key;
}

/** The demo register made by `cic demo` (see demoServer): 40 fictitious children, 3 academic years, seed 1 (the school gets a fictitious name). */
export const DEMO = { user: 'Demo DT', passphrase: 'quartz lantern meadow harbour' };

/** Creates a demo register with the CLI, as a DT would: `demo --register PATH --children 40 --years 3 --seed 1`. */
export async function createDemoRegister(registerPath: string): Promise<void> {
  await promisify(execFile)(process.execPath, [
    '--import', 'tsx', 'main/cli/index.ts', 'demo', '--register', registerPath, '--children', '40', '--years', '3', '--seed', '1',
  ], { cwd: ROOT, env: { ...process.env, CIC_PASSPHRASE: DEMO.passphrase, CIC_KDF: 'fast' } });
}

/** Opens the app on the demo server and unlocks it as the demo's DT. */
export async function openDemo(page: Page, server: RegisterServer, pages: Pages): Promise<void> {
  await page.goto(server.url);
  await pages.unlock.unlock(DEMO.user, DEMO.passphrase);
  await pages.frame.expectShown();
}
