// Closing or reloading the window while a form holds unsaved changes. The page's beforeunload
// handler asks to stay; Electron shows no prompt of its own but emits 'will-prevent-unload', where
// calling event.preventDefault() lets the page unload after all. So: ask the DT with a native
// dialog, and let the page go only when they choose Leave.

import type { BrowserWindow, Dialog, Event, MessageBoxSyncOptions } from 'electron';

export const UNLOAD_BUTTONS = ['Leave', 'Stay'] as const;
const LEAVE = 0;
const STAY = 1;

export const UNLOAD_QUESTION: MessageBoxSyncOptions = {
  type: 'question',
  title: 'CiC Register',
  message: 'Leave without saving?',
  detail: 'You have changed a form but not saved it. If you leave now, the changes will be lost.',
  buttons: [...UNLOAD_BUTTONS],
  // Stay is the safe answer: Enter and Escape (or closing the dialog) both keep the page.
  defaultId: STAY,
  cancelId: STAY,
  noLink: true,
};

type GuardedWindow = Pick<BrowserWindow, 'webContents'>;

/**
 * Asks before a dirty page unloads. `mustLeave` says when not to ask: a lock reloads the window to
 * the lock screen, and security comes first (the register is already closed, so nothing typed
 * could be saved anyway).
 */
export function guardUnload(
  win: GuardedWindow, dialog: Pick<Dialog, 'showMessageBoxSync'>, mustLeave: () => boolean, onStay: () => void = () => {},
): void {
  win.webContents.on('will-prevent-unload', (event: Event) => {
    if (mustLeave()) {
      event.preventDefault();
      return;
    }
    const choice = dialog.showMessageBoxSync(win as BrowserWindow, UNLOAD_QUESTION);
    if (choice === LEAVE) event.preventDefault();
    // Staying cancels the close, and with it any quit under way (Electron stops app.quit when a window stays open).
    else onStay();
  });
}
