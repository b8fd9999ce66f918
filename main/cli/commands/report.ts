// report: the Designated Teacher's annual report to governors for an academic year, as a PDF
// (A4, OFFICIAL-SENSITIVE) or, when the output file ends in .docx, an editable Word document.
// The report is anonymous and suppressed; the export is recorded in the audit log.

import fs from 'node:fs';
import path from 'node:path';
import { InvalidError } from '../../../db/errors.ts';
import { reportYearLabel } from '../../api/contract/survey.ts';
import { localToday } from '../../services/calendar/index.ts';
import { exportGovernorsReport } from '../../services/report/index.ts';
import { type Command, EXIT, need, REGISTER_OPTION, str, USER_OPTION } from '../command.ts';
import { type OutputWhat, writeOutputFile } from '../output.ts';
import { readPassphrase } from '../passphrase.ts';
import { registerUsers, unlockAs } from '../unlock.ts';

const REPORT_FILE: OutputWhat = { subject: 'The report', verb: 'was' };

export const report: Command = {
  name: 'report',
  summary: 'Write the Designated Teacher\'s annual report to governors for a year, as PDF (or .docx for an editable copy)',
  synopsis: '--register PATH --year 2025-26 --out FILE.pdf|FILE.docx [--user NAME]',
  options: { ...REGISTER_OPTION, ...USER_OPTION, year: { type: 'string' }, out: { type: 'string' } },
  required: ['register', 'year', 'out'],
  async run(values, ctx) {
    const registerPath = need(values, 'register');
    const year = need(values, 'year').trim();
    const out = path.resolve(need(values, 'out'));
    // Checked before the passphrase is asked for, so a typo costs nothing.
    const parsed = reportYearLabel.safeParse(year);
    if (!parsed.success) throw InvalidError.field('year', 'The --year must be an academic year written like 2025-26.');
    const ext = path.extname(out).toLowerCase();
    if (ext !== '.pdf' && ext !== '.docx') throw InvalidError.field('out', 'The --out file must end in .pdf, or .docx for an editable copy.');
    if (!fs.existsSync(path.dirname(out))) throw InvalidError.field('out', 'The folder for the report does not exist.');
    registerUsers(registerPath);
    const register = await unlockAs(registerPath, str(values, 'user'), await readPassphrase(ctx));
    try {
      const format = ext === '.pdf' ? 'pdf' : 'docx';
      const r = await exportGovernorsReport(register, year, format, { today: localToday() });
      writeOutputFile(out, r.bytes, REPORT_FILE);
      ctx.out(`The governors' report for ${year} (${format === 'pdf' ? 'PDF' : 'editable .docx'}) written to ${out}\n`);
      for (const w of r.warnings) ctx.err(`Warning: ${w.message}\n`);
      return EXIT.ok;
    } finally {
      register.close();
    }
  },
};
