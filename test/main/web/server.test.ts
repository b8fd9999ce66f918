// Browser-mode transport (issue 3): token and origin checks, the injected shim, static files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_TEST_KDF } from '../../../db/keyring.ts';
import { startWebServer, type WebServer } from '../../../main/web/server.ts';

let dir: string;
let server: WebServer;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cic-web-'));
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'not for the browser');
  server = await startWebServer({ registerPath: path.join(dir, 'r.cicdb'), demoPath: null, rendererDir, kdf: FAST_TEST_KDF });
});

afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const call = (op: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.origin}/api/${op}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CIC-Token': server.token, ...headers },
    body: JSON.stringify(body),
  });

describe('browser mode server', () => {
  it('listens on loopback only and prints a URL carrying the token in the fragment', () => {
    expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).toBe(`${server.origin}/#token=${server.token}`);
    expect(server.token).toMatch(/^[0-9a-f]{48}$/);
  });

  it('answers an API call with the right token', async () => {
    const res = await call('getStatus', {});
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, value: { state: 'none' } });
  });

  it('refuses a request with a missing or wrong token', async () => {
    const missing = await fetch(`${server.origin}/api/getStatus`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(missing.status).toBe(401);
    const wrong = await call('getStatus', {}, { 'X-CIC-Token': 'f'.repeat(48) });
    expect(wrong.status).toBe(401);
    const short = await call('getStatus', {}, { 'X-CIC-Token': 'abc' });
    expect(short.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ ok: false, error: { code: 'Forbidden' } });
  });

  it('refuses requests from another origin even with the token', async () => {
    const res = await call('getStatus', {}, { Origin: 'http://evil.example' });
    expect(res.status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const http = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${server.origin}/api/getStatus`, {
        method: 'POST', headers: { Host: 'evil.example:80', 'Content-Type': 'application/json', 'X-CIC-Token': server.token },
      }, (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(403);
  });

  it('refuses GET on the API and non-JSON bodies', async () => {
    expect((await fetch(`${server.origin}/api/getStatus`, { headers: { 'X-CIC-Token': server.token } })).status).toBe(405);
    const res = await fetch(`${server.origin}/api/getStatus`, { method: 'POST', headers: { 'X-CIC-Token': server.token, 'Content-Type': 'text/plain' }, body: '{}' });
    expect(res.status).toBe(415);
    const bad = await fetch(`${server.origin}/api/getStatus`, { method: 'POST', headers: { 'X-CIC-Token': server.token, 'Content-Type': 'application/json' }, body: '{nope' });
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'Invalid' } });
  });

  it('serves the renderer with the shim injected, and the shim defines every operation', async () => {
    const html = await (await fetch(`${server.origin}/`)).text();
    expect(html).toContain('<script src="/cic-browser-shim.js"></script>');
    const shim = await (await fetch(`${server.origin}/cic-browser-shim.js`)).text();
    expect(shim).toContain('"getStatus"');
    expect(shim).toContain('X-CIC-Token');
  });

  it('never serves files outside the renderer folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const body = await (await fetch(`${server.origin}${p}`)).text();
      expect(body).not.toContain('not for the browser');
    }
  });
});
