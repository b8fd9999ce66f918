// Saving exported documents (PDF, JSON, CSV, DOCX). The desktop shell blocks downloads, so there
// the main process asks where to save (saveFiles, a native dialog); in browser mode the browser
// downloads each file. Every export screen calls this one function.

import { call } from '../api/client.ts';
import type { AppStatus, ExportedFile } from '../api/contract.ts';

function download(file: ExportedFile): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** Saves the files; returns the names they were saved under. Cancelling the dialog throws ApiError (Invalid). */
export async function saveExportedFiles(files: ExportedFile[], shell: AppStatus['shell']): Promise<string[]> {
  if (files.length === 0) return [];
  if (shell === 'desktop') return (await call('saveFiles', { files })).saved;
  for (const f of files) download(f);
  return files.map((f) => f.fileName);
}
