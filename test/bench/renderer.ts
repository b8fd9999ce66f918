// Renderer performance (issue 9): in Debian's Chromium against browser mode on a prebuilt
// register, the Children screen's first render (navigation to rows on screen, fetch included) and
// a filter keystroke's response (key press to the new count on screen).

import { spawn } from 'node:child_process';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { summarise, type Timing } from './stats.ts';

const root = path.resolve(import.meta.dirname, '../..');

function startServer(register: string): Promise<{ url: string; stop: () => void }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'main/web/cli.ts', '--register', register], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => reject(new Error('the web server did not start')), 60_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^CIC_WEB_URL=(\S+)$/m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, stop: () => child.kill('SIGTERM') });
      }
    });
    child.once('exit', (code) => reject(new Error(`the web server exited (${code})`)));
  });
}

export async function measureRenderer(register: string, userName: string, passphrase: string, runs: number): Promise<{ firstRender: Timing; filterKeystroke: Timing; rows: string }> {
  const server = await startServer(register);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.url);
    const user = page.getByRole('combobox', { name: 'Who are you?' });
    const label = (await user.locator('option').allTextContents()).find((l) => l.startsWith(`${userName} (`))!;
    await user.selectOption({ label });
    await page.getByRole('textbox', { name: 'Passphrase', exact: true }).fill(passphrase);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor({ timeout: 60_000 });

    const rows = page.getByTestId('child-row');
    const count = page.getByTestId('children-count');
    const first: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      await page.evaluate(() => { location.hash = '#/dashboard'; });
      await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
      const t = performance.now();
      await page.evaluate(() => { location.hash = '#/children'; });
      await rows.first().waitFor();
      if (i > 0) first.push(performance.now() - t); // the first visit warms the code and caches
    }
    const search = page.getByRole('searchbox', { name: 'Search by name or UPN' });
    const keys: number[] = [];
    for (let i = 0; i < runs; i++) {
      await search.fill('');
      await count.filter({ hasNotText: /^Showing 0/ }).waitFor();
      const before = await count.textContent();
      const t = performance.now();
      await search.press(String.fromCharCode(97 + (i % 26)));
      await page.waitForFunction((prev) => document.querySelector('[data-testid="children-count"]')?.textContent !== prev, before);
      keys.push(performance.now() - t);
    }
    return { firstRender: summarise(first), filterKeystroke: summarise(keys), rows: (await count.textContent()) ?? '' };
  } finally {
    await browser.close();
    server.stop();
  }
}
