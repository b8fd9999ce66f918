// Rolling automatic backups while the app runs: every 30 minutes, and just before the register
// locks (idle, manual, OS lock, quit), take one if the school's backup interval has passed.
// Failures are logged by error class only: never a path, a name or any other content.

import type { AppContext } from '../api/context.ts';
import type { Register } from '../../db/register.ts';
import { autoBackupDue } from '../services/backups.ts';

export const AUTO_BACKUP_CHECK_MS = 30 * 60_000;

export type BackupOutcome = 'saved' | 'not-due' | 'locked' | 'failed';

export interface AutoBackupDeps {
  isDue?: (register: Register) => boolean;
  log?: (message: string) => void;
}

const describe = (e: unknown): string => {
  const code = (e as { code?: unknown })?.code;
  return `${(e as Error)?.name ?? 'Error'}${typeof code === 'string' ? ` (${code})` : ''}`;
};

export function backupIfDue(ctx: Pick<AppContext, 'register'>, deps: AutoBackupDeps = {}): BackupOutcome {
  const log = deps.log ?? ((m: string) => console.error(m));
  const register = ctx.register;
  if (!register) return 'locked';
  try {
    if (!(deps.isDue ?? autoBackupDue)(register)) return 'not-due';
    register.autoBackup();
    return 'saved';
  } catch (e) {
    log(`[autobackup] automatic backup failed: ${describe(e)}`);
    return 'failed';
  }
}

export interface Timers {
  setInterval: (fn: () => void, ms: number) => unknown;
  clearInterval: (handle: never) => void;
}

/** Checks every `intervalMs` (30 minutes). Returns a function that stops the timer. */
export function startAutoBackup(
  ctx: Pick<AppContext, 'register'>,
  opts: AutoBackupDeps & { intervalMs?: number; timers?: Timers } = {},
): () => void {
  const timers: Timers = opts.timers ?? {
    setInterval: (fn, ms) => {
      const t = setInterval(fn, ms);
      t.unref?.();
      return t;
    },
    clearInterval: (h) => clearInterval(h as NodeJS.Timeout),
  };
  const handle = timers.setInterval(() => backupIfDue(ctx, opts), opts.intervalMs ?? AUTO_BACKUP_CHECK_MS);
  return () => timers.clearInterval(handle as never);
}

/**
 * Makes every `ctx.lock(...)` take a due backup first, while the register is still open. The
 * idle timer, the `lock` operation and quitting all go through `ctx.lock`, so one wrapper covers
 * them. A failed backup never prevents the lock. Returns a function that undoes the wrapping.
 */
export function backupBeforeLock(ctx: AppContext, deps: AutoBackupDeps = {}): () => void {
  const original = ctx.lock;
  ctx.lock = function lockWithBackup(this: AppContext, reason) {
    if (ctx.register) backupIfDue(ctx, deps);
    original.call(ctx, reason);
  };
  return () => {
    ctx.lock = original;
  };
}
