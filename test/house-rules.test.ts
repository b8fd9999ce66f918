// DESIGN.md house rules, enforced by reading every import (the lint config says the same; this
// test also catches dynamic imports and re-exports, and runs even if lint is skipped).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

function files(dir: string): string[] {
  const abs = path.join(root, dir);
  if (!fs.existsSync(abs)) return [];
  return fs.readdirSync(abs, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && /\.(ts|tsx|mts|js|mjs)$/.test(d.name))
    .map((d) => path.join(d.parentPath, d.name));
}

/** Every module specifier: import/export ... from, import(), require(). Type-only imports are marked. */
function imports(file: string): { spec: string; typeOnly: boolean }[] {
  const src = fs.readFileSync(file, 'utf8');
  const out: { spec: string; typeOnly: boolean }[] = [];
  for (const m of src.matchAll(/^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]/gm)) out.push({ spec: m[3]!, typeOnly: !!m[2] });
  for (const m of src.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) out.push({ spec: m[1]!, typeOnly: false });
  for (const m of src.matchAll(/\b(?:import|require)\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({ spec: m[1]!, typeOnly: false });
  return out;
}

const resolveRel = (file: string, spec: string) => path.relative(root, path.resolve(path.dirname(file), spec));

describe('house rules', () => {
  it('db/, main/services, main/documents, main/cli, main/api and main/web never import electron', () => {
    const offenders: string[] = [];
    for (const dir of ['db', 'main/services', 'main/documents', 'main/cli', 'main/api', 'main/web']) {
      for (const f of files(dir)) {
        if (imports(f).some((i) => i.spec === 'electron' || i.spec.startsWith('electron/'))) offenders.push(path.relative(root, f));
        if (imports(f).some((i) => i.spec.startsWith('.') && resolveRel(f, i.spec).startsWith(`main${path.sep}electron`))) offenders.push(path.relative(root, f));
      }
    }
    expect(offenders).toEqual([]);
    expect(files('db').length).toBeGreaterThan(5);
  });

  it('the renderer never imports Node, electron, db/ or main/ (except the API contract)', () => {
    const offenders: string[] = [];
    const builtins = new Set(['fs', 'path', 'os', 'crypto', 'child_process', 'http', 'https', 'net', 'url', 'util', 'stream', 'zlib']);
    for (const f of files('renderer/src')) {
      for (const i of imports(f)) {
        const bad = i.spec.startsWith('node:') || builtins.has(i.spec) || i.spec === 'electron'
          || (i.spec.startsWith('.') && (() => {
            const target = resolveRel(f, i.spec).replace(/\.ts$/, '');
            return target.startsWith(`db${path.sep}`) || (target.startsWith(`main${path.sep}`) && target !== path.join('main', 'api', 'contract'));
          })());
        if (bad) offenders.push(`${path.relative(root, f)} -> ${i.spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('the packaged Electron app never reaches browser mode (main/web)', () => {
    const offenders = [...files('main/electron'), ...files('preload')].filter((f) =>
      imports(f).some((i) => i.spec.startsWith('.') && resolveRel(f, i.spec).startsWith(path.join('main', 'web'))));
    expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
  });

  it('the contract modules stay free of Node imports, so the renderer can use their schemas', () => {
    const modules = [path.join(root, 'main/api/contract.ts'), ...files('main/api/contract')];
    expect(modules.length).toBeGreaterThan(2);
    for (const m of modules) {
      const bad = imports(m).filter((i) => !i.typeOnly && i.spec !== 'zod' && !(i.spec.startsWith('./') && !i.spec.includes('..')));
      expect(bad.map((i) => `${path.relative(root, m)} -> ${i.spec}`)).toEqual([]);
    }
  });
});
