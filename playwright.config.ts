// Renderer e2e in browser mode (DESIGN.md "Testing without the Electron binary"): Debian's
// Chromium drives the built renderer (npm run build:renderer) against the real register services
// over main/web, one fresh server and register per test (test/e2e/fixtures.ts).
// Never downloads a browser and only ever talks to 127.0.0.1.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e',
  workers: 1,
  retries: 0,
  fullyParallel: false,
  reporter: 'list',
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    viewport: { width: 1280, height: 860 },
    screenshot: 'only-on-failure',
    trace: 'off',
  },
});
