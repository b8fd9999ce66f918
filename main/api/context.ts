// The host's state behind the API: which register file is in use, whether it is unlocked, and
// the auto-lock timer. One instance per Electron app or browser-mode server.

import fs from 'node:fs';
import path from 'node:path';
import type { KdfParams } from '../../db/keyring.ts';
import type { ExportedFile } from './contract/fields.ts';
import { registerFiles } from '../../db/paths.ts';
import type { Register } from '../../db/register.ts';
import { LockedError } from '../../db/errors.ts';
import { IdleLock } from '../services/autolock.ts';

export interface ContextOptions {
  /** The DT's register file. */
  registerPath: string;
  /** Where the fictitious demo register lives; null to offer no demo. */
  demoPath: string | null;
  /** Test-only: cheaper KDF for registers created through the API. */
  kdf?: KdfParams;
  /** Overrides the register's auto-lock minutes (tests use seconds). */
  autoLockMsOverride?: number;
  /** Called after any lock (auto or manual), e.g. to reload the window to the lock screen. */
  onLocked?: (reason: 'manual' | 'idle' | 'system') => void;
  /** Whether a caller-chosen file path may be used for backups (only from a native save dialog). */
  allowBackupPaths?: boolean;
  /** Desktop shell: saves exported files where the user chooses (native dialog); returns the names saved. */
  saveFiles?: (files: ExportedFile[]) => Promise<string[]>;
}

export class AppContext {
  private current: Register | null = null;
  /** The register's auto-lock setting, remembered so the lock screen can say "after N minutes". */
  autoLockMinutes = 10;
  /** Why the register last locked; cleared when it is unlocked again. */
  lastLockReason: 'manual' | 'idle' | 'system' | null = null;
  private activePath: string;
  readonly idle: IdleLock;

  constructor(readonly options: ContextOptions) {
    this.activePath = path.resolve(options.registerPath);
    this.idle = new IdleLock(() => this.lock('idle'), options.autoLockMsOverride ?? 10 * 60_000);
  }

  get registerPath(): string {
    return this.activePath;
  }

  get isDemo(): boolean {
    return this.options.demoPath !== null && this.activePath === path.resolve(this.options.demoPath);
  }

  get register(): Register | null {
    return this.current?.isOpen ? this.current : null;
  }

  /** The unlocked register, or a Locked error. */
  requireRegister(): Register {
    const r = this.register;
    if (!r) throw new LockedError();
    return r;
  }

  exists(): boolean {
    const f = registerFiles(this.activePath);
    return fs.existsSync(f.db) && fs.existsSync(f.keyring);
  }

  /** Switch which register file is in use (locks the current one first). */
  switchTo(file: string): void {
    this.lock('manual');
    this.activePath = path.resolve(file);
  }

  setUnlocked(register: Register): void {
    if (this.current && this.current !== register) this.current.close();
    this.current = register;
    this.lastLockReason = null;
    this.applyAutoLockSetting();
    this.idle.touch();
  }

  applyAutoLockSetting(): void {
    if (this.options.autoLockMsOverride !== undefined || !this.register) return;
    const minutes = this.register.sqlite.prepare('SELECT auto_lock_minutes FROM school WHERE id = 1').pluck().get() as number | undefined;
    this.autoLockMinutes = minutes ?? 10;
    this.idle.setTimeout(this.autoLockMinutes * 60_000);
  }

  /** Close the database and zero the key. Safe when already locked. */
  lock(reason: 'manual' | 'idle' | 'system'): void {
    this.idle.stop();
    const r = this.current;
    this.current = null;
    if (r?.isOpen) {
      this.lastLockReason = reason;
      try {
        r.lock();
      } catch {
        r.close();
      }
      this.options.onLocked?.(reason);
    }
  }

  dispose(): void {
    this.lock('manual');
  }
}
