import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeSaveFiles } from '../../../main/electron/saveFiles.ts';

vi.mock('electron', () => ({}));

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tmp(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'cic-save-'));
  dirs.push(d);
  return d;
}

const pdf = (fileName: string, text: string) => ({ fileName, mimeType: 'application/pdf' as const, base64: Buffer.from(text).toString('base64') });

describe('saving exported files from the desktop shell', () => {
  it('asks where to save one file and writes exactly its bytes', async () => {
    const dir = tmp();
    const showSaveDialog = vi.fn().mockResolvedValue({ canceled: false, filePath: path.join(dir, 'chosen.pdf') });
    const save = makeSaveFiles({ dialog: { showSaveDialog, showOpenDialog: vi.fn() }, getWindow: () => null, defaultDir: () => dir });
    expect(await save([pdf('PEP-NS-AB-Autumn.pdf', '%PDF-fake')])).toEqual(['chosen.pdf']);
    expect(showSaveDialog.mock.calls[0]![0].defaultPath).toBe(path.join(dir, 'PEP-NS-AB-Autumn.pdf'));
    expect(fs.readFileSync(path.join(dir, 'chosen.pdf'), 'utf8')).toBe('%PDF-fake');
  });

  it('saves several files into a chosen folder without overwriting any', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'a.pdf'), 'existing');
    const showOpenDialog = vi.fn().mockResolvedValue({ canceled: false, filePaths: [dir] });
    const save = makeSaveFiles({ dialog: { showSaveDialog: vi.fn(), showOpenDialog }, getWindow: () => null, defaultDir: () => dir });
    expect(await save([pdf('a.pdf', 'one'), pdf('b.pdf', 'two')])).toEqual(['a (2).pdf', 'b.pdf']);
    expect(fs.readFileSync(path.join(dir, 'a.pdf'), 'utf8')).toBe('existing');
    expect(fs.readFileSync(path.join(dir, 'a (2).pdf'), 'utf8')).toBe('one');
  });

  it('gives a clear message when the user cancels, and writes nothing', async () => {
    const dir = tmp();
    const save = makeSaveFiles({
      dialog: { showSaveDialog: vi.fn().mockResolvedValue({ canceled: true }), showOpenDialog: vi.fn() },
      getWindow: () => null, defaultDir: () => dir,
    });
    await expect(save([pdf('x.pdf', 'x')])).rejects.toMatchObject({ code: 'Invalid', message: 'Saving was cancelled.' });
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
