// Saving exported documents from the desktop shell. Downloads are blocked in the window (see
// security.ts), so every export goes through here: the user picks the place in a native dialog.

import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import { InvalidError, IoError } from '../../db/errors.ts';
import type { ExportedFile } from '../api/contract/fields.ts';

export interface SaveFilesDeps {
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  getWindow: () => BrowserWindow | null;
  defaultDir: () => string;
}

/** `name.pdf` → `name (2).pdf` while taken, so saving several files never overwrites one. */
function freeName(dir: string, name: string): string {
  const ext = path.extname(name);
  const stem = name.slice(0, name.length - ext.length);
  let candidate = name;
  for (let i = 2; fs.existsSync(path.join(dir, candidate)); i++) candidate = `${stem} (${i})${ext}`;
  return candidate;
}

function write(file: string, f: ExportedFile): void {
  try {
    fs.writeFileSync(file, Buffer.from(f.base64, 'base64'), { mode: 0o600 });
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new IoError(code === 'ENOSPC' ? 'The disk is full: the file was not saved.' : `The file could not be saved there (${code ?? 'error'}).`);
  }
}

export function makeSaveFiles(deps: SaveFilesDeps): (files: ExportedFile[]) => Promise<string[]> {
  return async (files) => {
    const win = deps.getWindow();
    const parent = win && !win.isDestroyed() ? win : null;
    if (files.length === 1) {
      const f = files[0]!;
      const ext = path.extname(f.fileName).slice(1);
      const options = {
        title: 'Save the document', defaultPath: path.join(deps.defaultDir(), f.fileName),
        filters: ext ? [{ name: ext.toUpperCase(), extensions: [ext] }] : [],
        properties: ['createDirectory', 'showOverwriteConfirmation'] as ('createDirectory' | 'showOverwriteConfirmation')[],
      };
      const choice = parent ? await deps.dialog.showSaveDialog(parent, options) : await deps.dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) throw new InvalidError('Saving was cancelled.');
      write(choice.filePath, f);
      return [path.basename(choice.filePath)];
    }
    const options = {
      title: `Choose a folder for the ${files.length} documents`, defaultPath: deps.defaultDir(), buttonLabel: 'Save here',
      properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[],
    };
    const choice = parent ? await deps.dialog.showOpenDialog(parent, options) : await deps.dialog.showOpenDialog(options);
    const dir = choice.filePaths[0];
    if (choice.canceled || !dir) throw new InvalidError('Saving was cancelled.');
    return files.map((f) => {
      const name = freeName(dir, f.fileName);
      write(path.join(dir, name), f);
      return name;
    });
  };
}
