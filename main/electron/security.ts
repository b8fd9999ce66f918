// The Electron security checklist (DESIGN.md "Security model"): no navigation away from our page,
// no new windows, no webviews, no permissions, no downloads, no network. Functions take the
// Electron objects as parameters so tests can drive them with fakes.

import type { App, Session, WebContents } from 'electron';
import { isAllowedRequest, isRendererPage, type RendererLocation } from './renderer.ts';

interface NavigationEvent {
  url?: string;
  isMainFrame?: boolean;
  preventDefault(): void;
}

/** Guards one webContents: navigation, redirects, window.open and <webview>. */
export function guardWebContents(contents: WebContents, renderer: RendererLocation): void {
  // Main-frame navigation: only to our own page (e.g. a reload of index.html). The event's url
  // field is current; the second argument is the older (deprecated) form of the same value.
  contents.on('will-navigate', (event: NavigationEvent, url?: string) => {
    if (!isRendererPage(event.url ?? url ?? '', renderer)) event.preventDefault();
  });
  // Any frame: sub-frames may never navigate (the CSP allows no frames anyway).
  contents.on('will-frame-navigate', (event: NavigationEvent) => {
    if (event.isMainFrame === false || !isRendererPage(event.url ?? '', renderer)) event.preventDefault();
  });
  contents.on('will-redirect', (event: NavigationEvent, url?: string) => {
    if (!isRendererPage(event.url ?? url ?? '', renderer)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event: { preventDefault(): void }) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Applies the guards to every webContents the app ever creates, the main window included. */
export function guardAllWebContents(app: App, renderer: RendererLocation): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, renderer));
}

/** Denies every permission, device, download and non-local request on a session. */
export function hardenSession(session: Session, renderer: RendererLocation): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, renderer) });
  });
  // Files leave the app only through the API and native Save dialogs, never as downloads.
  session.on('will-download', (event) => event.preventDefault());
}
