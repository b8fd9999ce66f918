// Works around a Fluent UI (tabster) quirk: a modal Dialog hides the rest of the page with
// aria-hidden, and if the Dialog disappears because its whole screen is replaced (the register
// locks itself, or a restore locks it, while the dialog is open), the aria-hidden can be left
// on #root, hiding the new screen from screen readers. After each change of screen, once no
// dialog is open, put back what tabster forgot. ConfirmDialog does the same when it unmounts.

import { useEffect } from 'react';

const SETTLE_MS = 400;

function unhideIfNoDialog(): void {
  if (document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
  for (const el of Array.from(document.body.children)) {
    if (el.getAttribute('aria-hidden') === 'true' && el.tagName === 'DIV') el.removeAttribute('aria-hidden');
  }
}

/** Call when a dialog unmounts (it may have been removed without closing). */
export function scheduleModalCleanup(): void {
  setTimeout(unhideIfNoDialog, SETTLE_MS);
}

export function useStaleModalGuard(screenKey: string): void {
  useEffect(() => {
    const t = setTimeout(unhideIfNoDialog, SETTLE_MS);
    return () => clearTimeout(t);
  }, [screenKey]);
}
