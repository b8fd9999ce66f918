// Where the renderer lives and which URLs count as "ours". Every security decision in the shell
// (navigation, IPC sender check, request filter) goes through these few pure functions.

import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface RendererLocation {
  /** Absolute path of the built renderer's index.html (out/renderer/index.html). */
  indexFile: string;
  /** The electron-vite dev server (`electron-vite dev`), never in a packaged app; else null. */
  devServerUrl: string | null;
}

export interface ShellPaths {
  preload: string;
  renderer: RendererLocation;
}

/**
 * Paths of the built shell, relative to the directory of the main bundle (out/main). Inside a
 * packaged app these are inside app.asar.
 */
export function shellPaths(mainDir: string, opts: { isPackaged: boolean; env: Record<string, string | undefined> }): ShellPaths {
  return {
    preload: path.join(mainDir, '..', 'preload', 'index.cjs'),
    renderer: {
      indexFile: path.join(mainDir, '..', 'renderer', 'index.html'),
      devServerUrl: opts.isPackaged ? null : loopbackUrl(opts.env.ELECTRON_RENDERER_URL),
    },
  };
}

/** Accepts only an http(s) URL on the loopback interface: an env var must not point the app at the web. */
function loopbackUrl(raw: string | undefined): string | null {
  if (!raw) return null;
  try {
    const u = new URL(raw);
    if ((u.protocol === 'http:' || u.protocol === 'https:') && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname)) {
      return u.href;
    }
  } catch {
    // fall through
  }
  return null;
}

const samePath = (a: string, b: string): boolean =>
  process.platform === 'win32' ? path.resolve(a).toLowerCase() === path.resolve(b).toLowerCase() : path.resolve(a) === path.resolve(b);

function filePath(url: URL): string | null {
  if (url.protocol !== 'file:' || (url.host !== '' && url.host !== 'localhost')) return null;
  try {
    const bare = new URL(url.href);
    bare.hash = '';
    bare.search = '';
    return fileURLToPath(bare);
  } catch {
    return null;
  }
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for the renderer's own page (any #route or ?query), the only page the window may show. */
export function isRendererPage(url: string, loc: RendererLocation): boolean {
  const u = parse(url);
  if (!u) return false;
  if (loc.devServerUrl) {
    const dev = new URL(loc.devServerUrl);
    if (u.origin === dev.origin) return u.pathname === dev.pathname || u.pathname === '/index.html';
  }
  const p = filePath(u);
  return p !== null && samePath(p, loc.indexFile);
}

/**
 * The request filter: the renderer may load its own files (out/renderer/**), data: URLs (fonts
 * and images inlined by the build) and, in development only, the dev server (http + HMR
 * websocket) and devtools. Everything else (the internet, other local files) is cancelled.
 */
export function isAllowedRequest(url: string, loc: RendererLocation): boolean {
  const u = parse(url);
  if (!u) return false;
  if (u.protocol === 'data:' || u.protocol === 'devtools:') return true;
  if (u.protocol === 'file:') {
    const p = filePath(u);
    if (p === null) return false;
    const dir = path.dirname(path.resolve(loc.indexFile));
    const rel = path.relative(dir, path.resolve(p));
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  }
  if (loc.devServerUrl) {
    const dev = new URL(loc.devServerUrl);
    const wsProtocol = dev.protocol === 'https:' ? 'wss:' : 'ws:';
    if ((u.protocol === dev.protocol || u.protocol === wsProtocol) && u.host === dev.host) return true;
  }
  return false;
}
