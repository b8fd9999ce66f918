// Writing a command's output file (a PDF, a .docx) where the user asked: a temp file beside it,
// then a rename, so a failed write never leaves half a document under the chosen name.

import fs from 'node:fs';
import { IoError } from '../../db/errors.ts';

export interface OutputWhat {
  /** What is being written, as it starts a sentence: "The PEP", "The letters". */
  subject: string;
  /** "was" or "were", to agree with `subject`. */
  verb: 'was' | 'were';
  /** Added to each message when a failed write also means something else did not happen. */
  also?: { full: string; failed: string };
}

/** Writes `data` to `file` via a temp file and a rename; an IoError in plain English if it cannot. */
export function writeOutputFile(file: string, data: Buffer, what: OutputWhat): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, data, { mode: 0o600 });
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    const code = (e as { code?: string }).code;
    throw new IoError(code === 'ENOSPC'
      ? `The disk is full: ${what.subject.charAt(0).toLowerCase()}${what.subject.slice(1)} ${what.verb} not saved${what.also?.full ?? ''}.`
      : `${what.subject} could not be saved there (${code ?? 'error'})${what.also?.failed ?? ''}.`);
  }
}
