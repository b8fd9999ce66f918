// Lint, including the house rules of DESIGN.md: each folder keeps to its environment
// (Signal Desktop style). test/house-rules.test.ts enforces the same boundaries by reading imports.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'fs/promises', 'http', 'https',
  'net', 'os', 'path', 'process', 'readline', 'stream', 'tls', 'url', 'util', 'v8', 'vm', 'worker_threads', 'zlib',
];

const noElectron = {
  paths: [{ name: 'electron', message: 'Only main/electron and preload may import electron (DESIGN.md house rules).' }],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['db/**', 'main/**', 'test/**', 'preload/**', '*.config.*', 'renderer/vite.config.ts', '.ci/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['db/**', 'main/services/**', 'main/documents/**', 'main/cli/**', 'main/api/**', 'main/web/**'],
    rules: { 'no-restricted-imports': ['error', noElectron] },
  },
  {
    files: ['renderer/src/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          ...NODE_BUILTINS.map((name) => ({ name, message: 'The renderer runs in a sandboxed browser: no Node modules.' })),
          { name: 'electron', message: 'The renderer talks to main only through window.register.' },
        ],
        patterns: [
          { group: ['node:*'], message: 'The renderer runs in a sandboxed browser: no Node modules.' },
          // Anything under db/ or main/, except main/api/contract(.ts) itself.
          { regex: '(^|/)(db|main)/(?!api/contract(\\.ts)?$)', message: 'The renderer may import only the API contract from main/.' },
        ],
      }],
    },
  },
);
