// The renderer's Content-Security-Policy meta tag (DESIGN.md "Electron checklist"): scripts only
// from the app itself, nothing fetched from anywhere else.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const sources = [path.join(root, 'renderer/index.html'), path.join(root, 'out/renderer/index.html')].filter((f) => fs.existsSync(f));

function csp(html: string): Map<string, string[]> {
  const metas = [...html.matchAll(/<meta\s[^>]*http-equiv=["']Content-Security-Policy["'][^>]*>/gi)];
  expect(metas, 'exactly one CSP meta tag').toHaveLength(1);
  const content = /content=(["'])([\s\S]*?)\1/i.exec(metas[0]![0])?.[2] ?? '';
  const map = new Map<string, string[]>();
  for (const part of content.split(';').map((s) => s.trim()).filter(Boolean)) {
    const [name, ...values] = part.split(/\s+/);
    map.set(name!.toLowerCase(), values);
  }
  return map;
}

describe('renderer CSP', () => {
  it('the renderer source index.html exists', () => {
    expect(fs.existsSync(path.join(root, 'renderer/index.html'))).toBe(true);
  });

  describe.each(sources.map((f) => [path.relative(root, f), f]))('%s', (_label, file) => {
    const html = fs.readFileSync(file, 'utf8');
    const policy = csp(html);

    it("script-src is 'self' only: no inline, no eval, no hosts", () => {
      expect(policy.get('script-src')).toEqual(["'self'"]);
    });

    it("default-src is 'none' or 'self'", () => {
      expect(["'none'", "'self'"]).toContain(policy.get('default-src')?.join(' '));
    });

    it("connect-src is restricted to 'self'", () => {
      const connect = policy.get('connect-src') ?? policy.get('default-src');
      expect(connect).toBeDefined();
      expect(connect!.every((v) => v === "'self'" || v === "'none'")).toBe(true);
    });

    it('no directive allows remote hosts, http(s):, blob: or wildcards', () => {
      for (const [name, values] of policy) {
        for (const v of values) expect(v, `${name} ${v}`).toMatch(/^('self'|'none'|'unsafe-inline'|data:)$/);
      }
    });

    it("'unsafe-inline' appears for styles only; 'unsafe-eval' nowhere", () => {
      for (const [name, values] of policy) {
        if (name !== 'style-src') expect(values, name).not.toContain("'unsafe-inline'");
        expect(values, name).not.toContain("'unsafe-eval'");
      }
    });

    it('locks down base-uri, form-action and object embedding', () => {
      expect(policy.get('base-uri')).toEqual(["'none'"]);
      expect(policy.get('form-action')).toEqual(["'none'"]);
      const objects = policy.get('object-src') ?? policy.get('default-src');
      expect(objects).toEqual(["'none'"]);
    });

    it('has no inline <script> blocks or remote scripts', () => {
      for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        expect(m[1], 'every script has a src').toMatch(/\bsrc=/);
        expect(m[2]!.trim(), 'script body').toBe('');
        expect(m[1]).not.toMatch(/src=["']?(https?:)?\/\//i);
      }
      expect(html).not.toMatch(/\son[a-z]+\s*=\s*["']/i); // no inline event handlers
    });
  });
});
