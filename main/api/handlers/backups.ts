import { checkBackupCredential } from '../../../db/backup.ts';
import { ForbiddenError } from '../../../db/errors.ts';
import { backupPath, listBackups, manualBackup, restoreReplacing } from '../../services/backups.ts';
import type { HandlerMap } from '../handler.ts';
import { status } from './session.ts';

export const backupHandlers: HandlerMap<'listBackups' | 'backupNow' | 'restoreBackup' | 'saveFiles'> = {
  listBackups: (ctx) => listBackups(ctx.registerPath),
  backupNow: (ctx, { file }) => {
    // A caller-chosen path is honoured only when the shell got it from a native save dialog.
    if (file !== undefined && !ctx.options.allowBackupPaths) throw new ForbiddenError('Backups can only be saved through the Save dialog.');
    return manualBackup(ctx.requireRegister(), file);
  },
  restoreBackup: async (ctx, { name, passphrase }) => {
    const r = ctx.requireRegister();
    r.requireDt();
    const userId = r.session.userId ?? undefined;
    const credential = { passphrase, ...(userId ? { userId } : {}) };
    // Check the backup and the passphrase first: a wrong passphrase must not lock the register.
    await checkBackupCredential(backupPath(ctx.registerPath, name), credential);
    ctx.lock('manual');
    const aside = await restoreReplacing(ctx.registerPath, name, credential);
    return { restoredAs: aside, status: status(ctx) };
  },
  saveFiles: async (ctx, { files }) => {
    if (!ctx.options.saveFiles) throw new ForbiddenError('In browser mode the browser saves files: use its download.');
    return { saved: await ctx.options.saveFiles(files) };
  },
};
