// Browser mode (DESIGN.md "The one seam"): the same API over HTTP on 127.0.0.1 for development and
// Playwright tests, plus the built renderer. Never part of a packaged build (electron-builder.yml
// excludes main/web). Requests to /api need the per-run token and our own origin; the Host header
// must be ours too, which defeats DNS rebinding.

import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { AppContext, type ContextOptions } from '../api/context.ts';
import { OPERATION_NAMES } from '../api/contract.ts';
import { dispatch } from '../api/dispatch.ts';

export interface WebServerOptions extends Omit<ContextOptions, 'allowBackupPaths'> {
  /** The built renderer (out/renderer). */
  rendererDir: string;
  port?: number;
}

export interface WebServer {
  url: string;
  origin: string;
  token: string;
  context: AppContext;
  close(): Promise<void>;
}

const MAX_BODY = 25 * 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.json': 'application/json', '.ico': 'image/x-icon',
};
const SHIM_PATH = '/cic-browser-shim.js';

function tokenMatches(given: string | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    ...extra,
  });
  res.end(body);
}

const json = (res: http.ServerResponse, status: number, value: unknown) => send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');

const refuse = (res: http.ServerResponse, status: number, message: string) =>
  json(res, status, { ok: false, error: { code: 'Forbidden', message, issues: [] } });

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The fetch-based `window.register`, injected before the renderer's own scripts. */
function shimSource(): string {
  return `// CiC Register browser shim: the same window.register as the Electron preload, over fetch.
(() => {
  const KEY = 'cic-web-token';
  const m = /(?:^#|&)token=([0-9a-f]+)/.exec(location.hash);
  if (m) {
    sessionStorage.setItem(KEY, m[1]);
    history.replaceState(null, '', location.pathname + location.search);
  }
  const call = async (name, input) => {
    try {
      const res = await fetch('/api/' + name, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-CIC-Token': sessionStorage.getItem(KEY) || '' },
        body: JSON.stringify(input === undefined ? {} : input),
      });
      return await res.json();
    } catch {
      return { ok: false, error: { code: 'Io', message: 'The register server is not responding. Is npm run web still running?', issues: [] } };
    }
  };
  const api = {};
  for (const name of ${JSON.stringify(OPERATION_NAMES)}) api[name] = (input) => call(name, input);
  Object.defineProperty(window, 'register', { value: Object.freeze(api), writable: false, configurable: false });
})();
`;
}

export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = crypto.randomBytes(24).toString('hex');
  const context = new AppContext({ ...opts, allowBackupPaths: false });
  const rendererDir = path.resolve(opts.rendererDir);
  const indexFile = path.join(rendererDir, 'index.html');
  if (!fs.existsSync(indexFile)) throw new Error(`The renderer is not built (${indexFile} is missing). Run npm run build:renderer.`);
  let origin = '';
  let host = '';

  const server = http.createServer(async (req, res) => {
    try {
      // Only our own host name: a DNS-rebinding page would send its own.
      if (req.headers.host !== host) return refuse(res, 403, 'Wrong host.');
      const url = new URL(req.url ?? '/', origin);
      if (url.pathname.startsWith('/api/')) {
        if (req.method !== 'POST') return refuse(res, 405, 'Use POST.');
        if (req.headers.origin !== undefined && req.headers.origin !== origin) return refuse(res, 403, 'Requests from another origin are refused.');
        const fetchSite = req.headers['sec-fetch-site'];
        if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') return refuse(res, 403, 'Requests from another site are refused.');
        if (!tokenMatches(req.headers['x-cic-token'] as string | undefined, token)) return refuse(res, 401, 'Missing or wrong token.');
        if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(res, 415, 'Send JSON.');
        let input: unknown;
        try {
          input = JSON.parse(await readBody(req));
        } catch {
          return json(res, 400, { ok: false, error: { code: 'Invalid', message: 'The request was not valid JSON or was too large.', issues: [] } });
        }
        return json(res, 200, await dispatch(context, decodeURIComponent(url.pathname.slice(5)), input));
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed.');
      if (url.pathname === SHIM_PATH) return send(res, 200, shimSource(), TYPES['.js']!);
      // Static files of the built renderer; anything unknown gets the app (single-page routes).
      const rel = path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
      let file = path.join(rendererDir, rel);
      if (!file.startsWith(rendererDir + path.sep) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = indexFile;
      if (file === indexFile) {
        const html = fs.readFileSync(indexFile, 'utf8').replace('<head>', `<head>\n    <script src="${SHIM_PATH}"></script>`);
        return send(res, 200, html, TYPES['.html']!);
      }
      return send(res, 200, fs.readFileSync(file), TYPES[path.extname(file)] ?? 'application/octet-stream');
    } catch {
      if (!res.headersSent) json(res, 500, { ok: false, error: { code: 'Internal', message: 'Something went wrong.', issues: [] } });
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  host = `127.0.0.1:${port}`;
  origin = `http://${host}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    context,
    close: () => new Promise<void>((resolve) => {
      context.dispose();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
