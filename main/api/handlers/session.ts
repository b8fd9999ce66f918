import path from 'node:path';
import { Register } from '../../../db/register.ts';
import { passphraseStrength } from '../../../db/passphrase.ts';
import { getSchoolSettings } from '../../services/settings.ts';
import type { AppContext } from '../context.ts';
import type { AppStatus } from '../contract.ts';
import type { HandlerMap } from '../handler.ts';
import { DEMO_PASSPHRASE, ensureDemoRegister } from '../../services/demoRegister.ts';

export function status(ctx: AppContext): AppStatus {
  const r = ctx.register;
  const exists = ctx.exists();
  let users: AppStatus['users'] = [];
  if (exists) {
    try {
      users = Register.users(ctx.registerPath);
    } catch {
      users = [];
    }
  }
  const settings = r ? getSchoolSettings(r) : null;
  return {
    state: r ? 'unlocked' : exists ? 'locked' : 'none',
    registerName: path.basename(ctx.registerPath),
    isDemo: ctx.isDemo,
    demoAvailable: ctx.options.demoPath !== null,
    users,
    session: r ? { ...r.session } : null,
    schoolName: settings?.name ?? null,
    lastBackupAt: r ? r.lastBackupAt() : null,
    autoLockMinutes: settings?.autoLockMinutes ?? ctx.autoLockMinutes,
    shell: ctx.options.saveFiles ? 'desktop' : 'browser',
    lockedBecause: r ? null : ctx.lastLockReason,
  };
}

export const sessionHandlers: HandlerMap<
  'getStatus' | 'checkPassphrase' | 'createRegister' | 'openDemoRegister' | 'useMainRegister' | 'unlock'
  | 'unlockWithRecoveryKey' | 'lock' | 'noteActivity' | 'resetPassphrase'
> = {
  getStatus: (ctx) => status(ctx),
  checkPassphrase: (_ctx, { passphrase }) => passphraseStrength(passphrase),
  createRegister: async (ctx, input) => {
    const { register, recoveryKey } = await Register.create({
      path: ctx.registerPath, schoolName: input.schoolName, userName: input.userName, role: input.role,
      passphrase: input.passphrase, ...(ctx.options.kdf ? { kdf: ctx.options.kdf } : {}),
    });
    ctx.setUnlocked(register);
    return { recoveryKey, status: status(ctx) };
  },
  openDemoRegister: async (ctx) => {
    const demoPath = ctx.options.demoPath;
    if (!demoPath) throw new Error('demo not offered');
    ctx.switchTo(demoPath);
    try {
      ctx.setUnlocked(await ensureDemoRegister(demoPath, ctx.options.kdf));
    } catch (e) {
      // Back to the DT's own register: a failed demo must not leave the app pointing at it.
      ctx.switchTo(ctx.options.registerPath);
      throw e;
    }
    return { status: status(ctx), passphrase: DEMO_PASSPHRASE };
  },
  useMainRegister: (ctx) => {
    ctx.switchTo(ctx.options.registerPath);
    return status(ctx);
  },
  unlock: async (ctx, input) => {
    ctx.setUnlocked(await Register.unlock(ctx.registerPath, { userId: input.userId, passphrase: input.passphrase }));
    return status(ctx);
  },
  unlockWithRecoveryKey: async (ctx, input) => {
    ctx.setUnlocked(await Register.unlock(ctx.registerPath, { recoveryKey: input.recoveryKey }));
    return status(ctx);
  },
  lock: (ctx) => {
    ctx.lock('manual');
    return status(ctx);
  },
  noteActivity: (ctx) => ({ lockAt: ctx.idle.lockAt?.toISOString() ?? null }),
  resetPassphrase: async (ctx, input) => {
    await ctx.requireRegister().resetPassphrase(input.userId, input.newPassphrase);
    return status(ctx);
  },
};
