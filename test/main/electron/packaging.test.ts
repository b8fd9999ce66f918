// The build and packaging configuration: electron.vite.config.ts and electron-builder.yml.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);

describe('electron.vite.config.ts', async () => {
  const mod = await import('../../../electron.vite.config.ts');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- reading an untyped config tree
  const config = await (mod.default as (env: { command: 'build'; mode: string }) => Promise<Record<string, any>>)({ command: 'build', mode: 'production' });

  it('builds the main process from main/electron/index.ts and keeps native/font-reading packages external', () => {
    expect(config.main.build.rolldownOptions.input.index).toBe(path.join(root, 'main/electron/index.ts'));
    expect(config.main.build.externalizeDeps.include).toEqual(expect.arrayContaining(['better-sqlite3-multiple-ciphers', '@node-rs/argon2', 'pdfmake']));
  });

  it('emits the preload as one CommonJS file, out/preload/index.cjs, with its dependencies bundled', () => {
    const p = config.preload.build;
    expect(p.rolldownOptions.input.index).toBe(path.join(root, 'preload/index.ts'));
    expect(p.rolldownOptions.output).toMatchObject({ format: 'cjs', entryFileNames: '[name].cjs' });
    expect(p.externalizeDeps).toBe(false);
    expect(p.outDir).toBe(path.join(root, 'out/preload'));
  });

  it("reuses renderer/vite.config.ts (plugins) with relative URLs for file:// and output in out/renderer", () => {
    const r = config.renderer;
    expect(r.root).toBe(path.join(root, 'renderer'));
    expect(r.base).toBe('./');
    expect(r.build.outDir).toBe(path.join(root, 'out/renderer'));
    expect(r.build.rolldownOptions.input.index).toBe(path.join(root, 'renderer/index.html'));
    const names = (r.plugins ?? []).flat(Infinity).map((p: { name?: string }) => p?.name);
    expect(names.some((n: string | undefined) => n?.includes('react'))).toBe(true);
  });
});

describe('electron-builder.yml', async () => {
  const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
  const { DebugLogger } = require('builder-util');
  const cfg = await getConfig(root, path.join(root, 'electron-builder.yml'), null);

  it("is valid against electron-builder's schema", async () => {
    await expect(validateConfiguration(cfg, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('identifies the app and never publishes', () => {
    expect(cfg.appId).toBe('uk.sch.cicregister');
    expect(cfg.productName).toBe('CiC Register');
    expect(cfg.publish).toBeNull();
  });

  it('packs only the bundles, in an asar, with the native modules unpacked and no ABI rebuild', () => {
    // electron-builder normalises `files` to [{ filter: [...] }].
    const files = (cfg.files as (string | { filter: string[] })[]).flatMap((f) => (typeof f === 'string' ? [f] : f.filter));
    expect(files).toEqual(expect.arrayContaining(['out/**', 'package.json', '!**/main/web/**']));
    expect(files.filter((f) => !f.startsWith('!'))).toEqual(['out/**', 'package.json']);
    expect(cfg.asar).toBe(true);
    expect(cfg.asarUnpack).toEqual(expect.arrayContaining(['**/node_modules/better-sqlite3-multiple-ciphers/**', '**/node_modules/@node-rs/**', '**/*.node']));
    expect(cfg.npmRebuild).toBe(false);
  });

  it('sets the security fuses', () => {
    expect(cfg.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('builds a per-user NSIS installer for Windows and an AppImage for Linux', () => {
    expect(cfg.win.target[0].target).toBe('nsis');
    expect(cfg.nsis).toMatchObject({ oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true });
    expect(cfg.linux.target[0].target).toBe('AppImage');
    expect(cfg.linux.category).toBe('Office');
  });

  it('has a 512x512 PNG icon', () => {
    const png = fs.readFileSync(path.join(root, 'build/icon.png'));
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(512);
    expect(png.readUInt32BE(20)).toBe(512);
  });
});

// Checks on the `electron-vite build` output (npm test builds first; built here if missing).
describe('built output (out/)', () => {
  beforeAll(() => {
    const built = fs.existsSync(path.join(root, 'out/main/index.js')) && fs.existsSync(path.join(root, 'out/preload/index.cjs'));
    if (!built) execFileSync(path.join(root, 'node_modules/.bin/electron-vite'), ['build'], { cwd: root, stdio: 'ignore' });
  }, 240_000);

  it("the sandboxed preload requires nothing but 'electron'", () => {
    const src = fs.readFileSync(path.join(root, 'out/preload/index.cjs'), 'utf8');
    expect([...src.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(src).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('the main bundle imports the native modules from node_modules rather than bundling them', () => {
    const src = fs.readdirSync(path.join(root, 'out/main'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.js'))
      .map((f) => fs.readFileSync(path.join(root, 'out/main', f), 'utf8'))
      .join('\n');
    expect(src).toMatch(/from ["']better-sqlite3-multiple-ciphers["']/);
    expect(src).toMatch(/from ["']@node-rs\/argon2["']/);
    expect(src).not.toMatch(/main\/web\//);
  });
});
