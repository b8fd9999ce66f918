// What the desktop shell may and may not pull in (DESIGN.md "Layout" house rules):
// - main/electron never reaches main/web (browser mode must never be in a packaged build) or renderer/;
// - the preload's runtime imports are only electron, the contract (and zod) and the channel names;
// - db/, main/services, main/documents, main/api, main/cli never import electron.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const rel = (f: string) => path.relative(root, f).split(path.sep).join('/');

/** Runtime import specifiers of a TS file (static, re-export and dynamic; `import type` skipped). */
function runtimeImports(file: string): string[] {
  const src = fs.readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const out: string[] = [];
  for (const m of src.matchAll(/^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]/gm)) if (!m[2]) out.push(m[3]!);
  for (const m of src.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) out.push(m[1]!);
  for (const m of src.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  return out;
}

/** Every file reachable from `entry` through relative runtime imports, plus the bare packages used. */
function graph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const f = stack.pop()!;
    if (files.has(f)) continue;
    files.add(f);
    for (const spec of runtimeImports(f)) {
      if (spec.startsWith('.')) {
        const target = path.resolve(path.dirname(f), spec);
        expect(fs.existsSync(target), `${rel(f)} imports missing ${spec}`).toBe(true);
        stack.push(target);
      } else {
        packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
      }
    }
  }
  return { files, packages };
}

function tsFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|tsx|mts|cts)$/.test(f))
    .map((f) => path.join(dir, f));
}

describe('import boundaries', () => {
  it('the main-process bundle never reaches main/web, renderer/ or test/', () => {
    const { files } = graph(path.join(root, 'main/electron/index.ts'));
    const bad = [...files].map(rel).filter((f) => /^(main\/web|renderer|test)\//.test(f));
    expect(bad).toEqual([]);
    expect([...files].map(rel)).toContain('main/api/dispatch.ts');
  });

  it("the preload's runtime imports are electron, the contract and the channel names only", () => {
    const { files, packages } = graph(path.join(root, 'preload/index.ts'));
    const names = [...files].map(rel);
    expect(names).toEqual(expect.arrayContaining(['preload/index.ts', 'main/api/contract.ts', 'main/electron/channels.ts']));
    // The contract may be split into main/api/contract/*.ts; nothing else (handlers, db) may come along.
    expect(names.filter((f) => !/^(preload\/index\.ts|main\/electron\/channels\.ts|main\/api\/contract(\.ts|\/[\w-]+\.ts))$/.test(f))).toEqual([]);
    expect([...packages].filter((p) => p !== 'electron' && p !== 'zod')).toEqual([]);
  });

  it('only main/electron and preload import electron', () => {
    const offenders: string[] = [];
    for (const dir of ['db', 'main/services', 'main/documents', 'main/api', 'main/cli', 'main/web', 'renderer']) {
      for (const f of tsFiles(path.join(root, dir))) {
        const src = fs.readFileSync(f, 'utf8');
        if (/from\s+['"]electron(\/[^'"]*)?['"]|require\(\s*['"]electron['"]\s*\)|import\(\s*['"]electron['"]\s*\)/.test(src)) offenders.push(rel(f));
      }
    }
    expect(offenders).toEqual([]);
  });
});
