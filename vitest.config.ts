import { defineConfig } from 'vitest/config';

// Unit and integration suites run in plain Node: the Electron binary is not available on CI,
// so main/electron is tested with electron mocked (see test/main/electron).
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
