// PDF checks by text (pdftotext) and by picture (pdftoppm), from poppler-utils.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function pdfText(pdf: Buffer | string, opts: { layout?: boolean } = {}): string {
  const file = typeof pdf === 'string' ? pdf : path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cic-pdf-')), 'x.pdf');
  if (typeof pdf !== 'string') fs.writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', [...(opts.layout ? ['-layout'] : []), file, '-'], { encoding: 'utf8' });
  } finally {
    if (typeof pdf !== 'string') fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}

export function pdfPageCount(pdf: Buffer): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cic-pdf-'));
  try {
    fs.writeFileSync(path.join(dir, 'x.pdf'), pdf);
    const info = execFileSync('pdfinfo', [path.join(dir, 'x.pdf')], { encoding: 'utf8' });
    return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Renders pages to PNG (for reviewers to look at), e.g. test-results/letters-1.png. */
export function pdfToPngs(pdf: Buffer, outPrefix: string, opts: { first?: number; last?: number } = {}): string[] {
  fs.mkdirSync(path.dirname(outPrefix), { recursive: true });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cic-pdf-'));
  try {
    fs.writeFileSync(path.join(dir, 'x.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', String(opts.first ?? 1), '-l', String(opts.last ?? 1), path.join(dir, 'x.pdf'), outPrefix]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const base = path.basename(outPrefix);
  return fs.readdirSync(path.dirname(outPrefix)).filter((f) => f.startsWith(base) && f.endsWith('.png')).map((f) => path.join(path.dirname(outPrefix), f));
}
