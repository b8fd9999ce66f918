// The CLI's output file writer: the file in place and no temp file left, and a failed write as a
// plain-English IoError naming what was not saved.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { IoError } from '../../db/errors.ts';
import { writeOutputFile } from '../../main/cli/output.ts';
import { cleanupTempDirs, tempDir } from '../helpers/db.ts';

afterAll(() => cleanupTempDirs());

describe('writeOutputFile', () => {
  it('writes the file and leaves no temp file beside it', () => {
    const dir = tempDir('cli-output');
    const file = path.join(dir, 'out.pdf');
    writeOutputFile(file, Buffer.from('%PDF-1.7'), { subject: 'The PEP', verb: 'was' });
    expect(fs.readFileSync(file, 'utf8')).toBe('%PDF-1.7');
    expect(fs.readdirSync(dir)).toEqual(['out.pdf']);
  });

  it('says what was not saved, and what else did not happen', () => {
    const file = path.join(tempDir('cli-output'), 'missing', 'out.pdf');
    expect(() => writeOutputFile(file, Buffer.from('x'), { subject: 'The report', verb: 'was' }))
      .toThrow(new IoError('The report could not be saved there (ENOENT).'));
    expect(() => writeOutputFile(file, Buffer.from('x'), { subject: 'The letters', verb: 'were', also: { full: ', and no chase was recorded', failed: '; no chase was recorded' } }))
      .toThrow(/^The letters could not be saved there \(ENOENT\); no chase was recorded\.$/);
  });

  it('says the disk is full when it is', () => {
    const dir = tempDir('cli-output');
    const spy = vi.spyOn(fs, 'writeFileSync').mockImplementation(() => { throw Object.assign(new Error('no space'), { code: 'ENOSPC' }); });
    try {
      expect(() => writeOutputFile(path.join(dir, 'a.pdf'), Buffer.from('x'), { subject: 'The PEP', verb: 'was' }))
        .toThrow(/^The disk is full: the PEP was not saved\.$/);
      expect(() => writeOutputFile(path.join(dir, 'b.pdf'), Buffer.from('x'), { subject: 'The letters', verb: 'were', also: { full: ', and no chase was recorded', failed: '; no chase was recorded' } }))
        .toThrow(/^The disk is full: the letters were not saved, and no chase was recorded\.$/);
    } finally {
      spy.mockRestore();
    }
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
