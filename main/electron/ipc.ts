// IPC: the Electron transport of the API contract (DESIGN.md "The one seam"). One channel,
// `cic:call`, carries (operationName, input). The sender frame is checked before anything else;
// then `dispatch` validates the input with the contract's zod schema and runs the handler.

import path from 'node:path';
import type { BrowserWindow, Dialog, IpcMain, IpcMainInvokeEvent } from 'electron';
import type { AppContext } from '../api/context.ts';
import type { ApiError, ApiResult } from '../api/contract.ts';
import { dispatch as realDispatch, toApiError } from '../api/dispatch.ts';
import { CALL_CHANNEL } from './channels.ts';
import { isRendererPage, type RendererLocation } from './renderer.ts';

export type Dispatch = (ctx: AppContext, name: unknown, rawInput: unknown) => Promise<ApiResult<unknown>>;

export interface BackupDialogDeps {
  ctx: AppContext;
  getWindow: () => BrowserWindow | null;
  dialog: Pick<Dialog, 'showSaveDialog'>;
  /** Folder the Save dialog opens in (the user's Documents folder). */
  defaultBackupDir: () => string;
  dispatch?: Dispatch;
  today?: () => Date;
}

export interface IpcDeps extends BackupDialogDeps {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  renderer: RendererLocation;
}

const fail = (error: ApiError): ApiResult<never> => ({ ok: false, error });

export const FORBIDDEN: ApiError = {
  code: 'Forbidden',
  message: 'This request did not come from the CiC Register window, so it was refused.',
  issues: [],
};

export const BACKUP_CANCELLED: ApiError = { code: 'Invalid', message: 'Backup cancelled.', issues: [] };

/**
 * True only for a message from the main frame of our window, showing our own page. A message
 * from a sub-frame, another webContents, or a page that somehow navigated elsewhere is refused.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, win: BrowserWindow | null, renderer: RendererLocation): boolean {
  if (!win || win.isDestroyed()) return false;
  const contents = win.webContents;
  if (event.sender !== contents) return false;
  const frame = event.senderFrame;
  const main = contents.mainFrame;
  if (!frame || !main) return false;
  const sameFrame = frame === main || (frame.processId === main.processId && frame.routingId === main.routingId);
  if (!sameFrame || frame.parent !== null) return false;
  return isRendererPage(frame.url, renderer);
}

/** `CiC-Register-backup-2025-11-23.cicbackup`, in local time (the DT's date, not UTC's). */
export function defaultBackupFileName(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `CiC-Register-backup-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.cicbackup`;
}

/**
 * Asks where to save a backup (native Save dialog), then runs the `backupNow` operation with the
 * chosen path. The path therefore always comes from the user, never from renderer input.
 */
export async function saveBackupWithDialog(deps: BackupDialogDeps): Promise<ApiResult<unknown>> {
  const dispatch = deps.dispatch ?? realDispatch;
  if (!deps.ctx.register) {
    return fail({ code: 'Locked', message: 'The register is locked. Unlock it to continue.', issues: [] });
  }
  const options = {
    title: 'Save a backup of the register',
    buttonLabel: 'Save backup',
    defaultPath: path.join(deps.defaultBackupDir(), defaultBackupFileName(deps.today?.() ?? new Date())),
    filters: [{ name: 'CiC Register backup', extensions: ['cicbackup'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[],
  };
  const win = deps.getWindow();
  const choice = win && !win.isDestroyed() ? await deps.dialog.showSaveDialog(win, options) : await deps.dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return fail(BACKUP_CANCELLED);
  // Some Linux file choosers do not add the extension from the filter.
  const file = choice.filePath.toLowerCase().endsWith('.cicbackup') ? choice.filePath : `${choice.filePath}.cicbackup`;
  return dispatch(deps.ctx, 'backupNow', { file });
}

/** Registers the `cic:call` handler. Returns a function that removes it. */
export function registerIpc(deps: IpcDeps): () => void {
  const dispatch = deps.dispatch ?? realDispatch;
  deps.ipcMain.handle(CALL_CHANNEL, async (event, name: unknown, input: unknown): Promise<ApiResult<unknown>> => {
    if (!isTrustedSender(event, deps.getWindow(), deps.renderer)) return fail(FORBIDDEN);
    try {
      if (name === 'backupNow') {
        // The backup's path is only ever taken from the Save dialog: a path sent by the renderer is refused.
        const given = input === undefined || input === null ? [] : typeof input === 'object' ? Object.values(input) : [input];
        if (given.some((v) => v !== undefined)) {
          return fail({ code: 'Forbidden', message: 'Backups can only be saved through the Save dialog.', issues: [] });
        }
        return await saveBackupWithDialog({ ...deps, dispatch });
      }
      return await dispatch(deps.ctx, name, input);
    } catch (e) {
      return fail(toApiError(typeof name === 'string' ? name.slice(0, 40) : 'unknown', e));
    }
  });
  return () => deps.ipcMain.removeHandler(CALL_CHANNEL);
}
