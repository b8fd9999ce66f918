// letters: the SLA chase letters for everything overdue, as one PDF with a page per letter, and the
// chase recorded against each return or session report (once per item per day, so running it again
// the same day records nothing new). Children appear by initials and year group only.

import fs from 'node:fs';
import path from 'node:path';
import { InvalidError } from '../../../db/errors.ts';
import { formatDate, parseUkDate } from '../../documents/format.ts';
import { localToday } from '../../services/calendar/index.ts';
import { generateChaseLetters } from '../../services/sla/chase.ts';
import { type Command, EXIT, need, REGISTER_OPTION, str, USER_OPTION } from '../command.ts';
import { type OutputWhat, writeOutputFile } from '../output.ts';
import { readPassphrase } from '../passphrase.ts';
import { registerUsers, unlockAs } from '../unlock.ts';

const LETTERS_FILE: OutputWhat = { subject: 'The letters', verb: 'were', also: { full: ', and no chase was recorded', failed: '; no chase was recorded' } };

export const letters: Command = {
  name: 'letters',
  summary: 'Write the SLA chase letters for everything overdue as one PDF, and record the chases',
  synopsis: '--register PATH --out FILE.pdf [--as-of DD/MM/YYYY] [--user NAME]',
  options: { ...REGISTER_OPTION, ...USER_OPTION, out: { type: 'string' }, 'as-of': { type: 'string' } },
  required: ['register', 'out'],
  async run(values, ctx) {
    const registerPath = need(values, 'register');
    const out = path.resolve(need(values, 'out'));
    // Checked before the passphrase is asked for, so a typo costs nothing.
    const asOfText = str(values, 'as-of');
    const asOf = asOfText === undefined ? localToday() : parseUkDate(asOfText);
    if (asOf === null) throw InvalidError.field('as-of', 'The --as-of date must be a real date written DD/MM/YYYY, for example 15/12/2025.');
    if (!fs.existsSync(path.dirname(out))) throw InvalidError.field('out', 'The folder for the letters does not exist.');
    registerUsers(registerPath);
    const register = await unlockAs(registerPath, str(values, 'user'), await readPassphrase(ctx));
    try {
      const r = await generateChaseLetters(register, { asOf, save: (pdf) => writeOutputFile(out, pdf, LETTERS_FILE) });
      if (r.letters === 0) {
        ctx.out(`Nothing is overdue as of ${formatDate(asOf)}: no letters written.\n`);
        return EXIT.ok;
      }
      const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;
      ctx.out(`${plural(r.letters, 'letter')} (${plural(r.items, 'overdue item')}) as of ${formatDate(asOf)} written to ${out}\n`);
      ctx.out(`${plural(r.recorded, 'chase')} recorded${r.recorded < r.items ? ` (${r.items - r.recorded} already chased that day)` : ''}.\n`);
      return EXIT.ok;
    } finally {
      register.close();
    }
  },
};
