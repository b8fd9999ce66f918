// Auto-lock on top of the idle timer in AppContext: lock when the OS locks the screen or the
// machine goes to sleep (DESIGN.md "Security model").
// Note: Electron emits 'lock-screen' on Windows and macOS only; on Linux 'suspend' still applies.

import type { PowerMonitor } from 'electron';
import type { AppContext } from '../api/context.ts';

type PowerEvents = Pick<PowerMonitor, 'on' | 'removeListener'>;

export const SYSTEM_LOCK_EVENTS = ['lock-screen', 'suspend'] as const;

/** Wires OS lock and suspend to `ctx.lock('system')`. Returns an unsubscribe function. */
export function wireSystemLock(powerMonitor: PowerEvents, ctx: Pick<AppContext, 'lock'>): () => void {
  const lock = () => ctx.lock('system');
  for (const name of SYSTEM_LOCK_EVENTS) powerMonitor.on(name as 'suspend', lock);
  return () => {
    for (const name of SYSTEM_LOCK_EVENTS) powerMonitor.removeListener(name as 'suspend', lock);
  };
}
