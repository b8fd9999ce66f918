import type { App, Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { isAllowedRequest, isRendererPage, type RendererLocation } from '../../../main/electron/renderer.ts';
import { guardAllWebContents, guardWebContents, hardenSession } from '../../../main/electron/security.ts';
import { FakeApp, FakeSession, FakeWebContents, navEvent } from './fakes.ts';

const loc: RendererLocation = { indexFile: '/app/out/renderer/index.html', devServerUrl: null };
const dev: RendererLocation = { ...loc, devServerUrl: 'http://localhost:5173/' };
const INDEX = 'file:///app/out/renderer/index.html';

function guarded(location = loc) {
  const wc = new FakeWebContents();
  guardWebContents(wc as unknown as WebContents, location);
  return wc;
}

describe('navigation guards', () => {
  it('blocks navigation to the web, other files and other schemes', () => {
    const wc = guarded();
    for (const url of ['https://example.com/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'file:///app/out/renderer/other.html',
      'javascript:alert(1)', 'data:text/html,<script>1</script>', 'about:blank', 'devtools://devtools/x', '']) {
      const e = navEvent(url);
      wc.emit('will-navigate', e, url);
      expect(e.preventDefault, url).toHaveBeenCalled();
    }
  });

  it('allows our own page (a reload, or a #route)', () => {
    const wc = guarded();
    for (const url of [INDEX, `${INDEX}#/children`, `${INDEX}?x=1`]) {
      const e = navEvent(url);
      wc.emit('will-navigate', e, url);
      expect(e.preventDefault, url).not.toHaveBeenCalled();
    }
  });

  it('uses the URL from the event even when the deprecated argument differs', () => {
    const wc = guarded();
    const e = navEvent('https://example.com/');
    wc.emit('will-navigate', e, INDEX);
    expect(e.preventDefault).toHaveBeenCalled();
  });

  it('blocks any sub-frame navigation and redirects away from our page', () => {
    const wc = guarded();
    const sub = navEvent(INDEX, { isMainFrame: false });
    wc.emit('will-frame-navigate', sub);
    expect(sub.preventDefault).toHaveBeenCalled();
    const top = navEvent(INDEX, { isMainFrame: true });
    wc.emit('will-frame-navigate', top);
    expect(top.preventDefault).not.toHaveBeenCalled();
    const redirect = navEvent('https://example.com/');
    wc.emit('will-redirect', redirect, 'https://example.com/');
    expect(redirect.preventDefault).toHaveBeenCalled();
  });

  it('allows the dev server page only in a dev location', () => {
    const e1 = navEvent('http://localhost:5173/');
    guarded(dev).emit('will-navigate', e1, e1.url);
    expect(e1.preventDefault).not.toHaveBeenCalled();
    const e2 = navEvent('http://localhost:5173/');
    guarded(loc).emit('will-navigate', e2, e2.url);
    expect(e2.preventDefault).toHaveBeenCalled();
  });

  it('denies window.open and <webview>', () => {
    const wc = guarded();
    for (const url of ['https://example.com/', INDEX, 'about:blank']) {
      expect(wc.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
    const e = navEvent('');
    wc.emit('will-attach-webview', e, {}, {});
    expect(e.preventDefault).toHaveBeenCalled();
  });

  it('guards every webContents the app creates', () => {
    const app = new FakeApp();
    guardAllWebContents(app as unknown as App, loc);
    const wc = new FakeWebContents();
    app.emit('web-contents-created', {}, wc);
    expect(wc.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    const e = navEvent('https://example.com/');
    wc.emit('will-navigate', e, e.url);
    expect(e.preventDefault).toHaveBeenCalled();
  });
});

describe('session hardening', () => {
  function hardened(location = loc) {
    const s = new FakeSession();
    hardenSession(s as unknown as Session, location);
    return s;
  }

  it('denies every permission request and check', () => {
    const s = hardened();
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const cb = vi.fn();
      s.permissionRequestHandler!({}, p, cb, {});
      expect(cb).toHaveBeenCalledWith(false);
      expect(s.permissionCheckHandler!({}, p, 'file:///', {})).toBe(false);
    }
    expect(s.devicePermissionHandler!({ deviceType: 'usb' })).toBe(false);
  });

  it('cancels downloads', () => {
    const s = hardened();
    const e = navEvent('');
    s.emit('will-download', e, {}, {});
    expect(e.preventDefault).toHaveBeenCalled();
  });

  it('lets through only the renderer\'s own files and data: URLs', () => {
    const s = hardened();
    const decide = (url: string) => {
      let r: { cancel?: boolean } | undefined;
      s.beforeRequest!({ url }, (x) => { r = x; });
      return r;
    };
    expect(decide(INDEX)).toEqual({ cancel: false });
    expect(decide('file:///app/out/renderer/assets/index-abc.js')).toEqual({ cancel: false });
    expect(decide('data:font/woff2;base64,AAAA')).toEqual({ cancel: false });
    for (const url of ['https://example.com/x.js', 'http://localhost:5173/', 'ws://localhost:5173/', 'file:///etc/passwd',
      'file:///app/out/main/index.js', 'file:///app/out/renderer/../main/index.js', 'file://evil-host/share/x.js', 'ftp://x/']) {
      expect(decide(url), url).toEqual({ cancel: true });
    }
  });

  it('in development also allows the loopback dev server and its HMR socket', () => {
    const s = hardened(dev);
    const decide = (url: string) => {
      let r: { cancel?: boolean } | undefined;
      s.beforeRequest!({ url }, (x) => { r = x; });
      return r?.cancel;
    };
    expect(decide('http://localhost:5173/src/main.tsx')).toBe(false);
    expect(decide('ws://localhost:5173/')).toBe(false);
    expect(decide('http://localhost:5174/')).toBe(true);
    expect(decide('https://example.com/')).toBe(true);
  });
});

describe('renderer URL helpers', () => {
  it('recognises only our index page', () => {
    expect(isRendererPage(INDEX, loc)).toBe(true);
    expect(isRendererPage('file:///app/out/renderer/index.html#/x', loc)).toBe(true);
    expect(isRendererPage('file:///app/out/renderer/index.htm', loc)).toBe(false);
    expect(isRendererPage('file://host/app/out/renderer/index.html', loc)).toBe(false);
    expect(isRendererPage('https://app/out/renderer/index.html', loc)).toBe(false);
    expect(isRendererPage('garbage', loc)).toBe(false);
  });

  it('matches installed paths with spaces (percent-encoded in file URLs)', () => {
    const installed: RendererLocation = { indexFile: '/opt/CiC Register/resources/app.asar/out/renderer/index.html', devServerUrl: null };
    const url = 'file:///opt/CiC%20Register/resources/app.asar/out/renderer/index.html';
    expect(isRendererPage(url, installed)).toBe(true);
    expect(isAllowedRequest('file:///opt/CiC%20Register/resources/app.asar/out/renderer/assets/a%20b.js', installed)).toBe(true);
    expect(isAllowedRequest('file:///opt/CiC%20Register/resources/app.asar/out/main/index.js', installed)).toBe(false);
  });

  it('does not treat the renderer folder itself as a file request', () => {
    expect(isAllowedRequest('file:///app/out/renderer/', loc)).toBe(false);
    expect(isAllowedRequest('file:///app/out/renderer-evil/x.js', loc)).toBe(false);
  });
});
