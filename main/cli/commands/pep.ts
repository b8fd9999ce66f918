// pep: a child's PEP as a PDF. With --term, the PEP for that term (e.g. 2025-26-Autumn); without,
// the child's latest PEP. If there is none, a draft is built from the register without saving it
// (and the command says so). The PDF's password, if wanted, comes from CIC_PDF_PASSWORD, never
// from the command line. Audited as an export of the child's PEP.

import fs from 'node:fs';
import path from 'node:path';
import { InvalidError } from '../../../db/errors.ts';
import { qb } from '../../../db/query.ts';
import { localToday } from '../../services/calendar/index.ts';
import { loadPepContent, loadTermCalendar, parseTermKey, renderPepPdf, termLabel, unsavedPep } from '../../services/peps/index.ts';
import { auditPep, type PepRow } from '../../services/peps/peps.ts';
import { compareTerms } from '../../services/peps/terms.ts';
import { childAuditRef } from '../../services/children/audit.ts';
import { loadChild } from '../../services/children/guard.ts';
import { type Command, EXIT, int, need, REGISTER_OPTION, str, USER_OPTION } from '../command.ts';
import { type OutputWhat, writeOutputFile } from '../output.ts';
import { readPassphrase } from '../passphrase.ts';
import { registerUsers, unlockAs } from '../unlock.ts';

const PEP_FILE: OutputWhat = { subject: 'The PEP', verb: 'was' };

export const pep: Command = {
  name: 'pep',
  summary: "Write a child's PEP as a PDF: the term's PEP, else the latest; with none, a draft from the register (not saved). CIC_PDF_PASSWORD protects the PDF",
  synopsis: '--register PATH --child ID [--term 2025-26-Autumn] --out FILE.pdf [--user NAME]',
  options: { ...REGISTER_OPTION, ...USER_OPTION, child: { type: 'string' }, term: { type: 'string' }, out: { type: 'string' } },
  required: ['register', 'child', 'out'],
  async run(values, ctx) {
    const registerPath = need(values, 'register');
    const childId = int(values, 'child', 0);
    if (childId <= 0) throw InvalidError.field('child', 'The --child option is the child\'s record number, a whole number (see the children command).');
    const termText = str(values, 'term');
    const term = termText === undefined ? null : parseTermKey(termText);
    if (termText !== undefined && term === null) throw InvalidError.field('term', 'The --term option is written like 2025-26-Autumn, 2025-26-Spring or 2025-26-Summer.');
    const out = path.resolve(need(values, 'out'));
    if (!fs.existsSync(path.dirname(out))) throw InvalidError.field('out', 'The folder for the PEP does not exist.');
    const password = ctx.env.CIC_PDF_PASSWORD || null;
    if (password !== null && password.length < 6) throw InvalidError.field('password', 'CIC_PDF_PASSWORD must be at least 6 characters.');

    registerUsers(registerPath);
    const register = await unlockAs(registerPath, str(values, 'user'), await readPassphrase(ctx));
    try {
      const today = localToday();
      loadChild(register, childId);
      const peps = register.all(qb.selectFrom('peps').selectAll().where('child_id', '=', childId));
      const ref = (p: PepRow) => ({ academicYear: p.academic_year, term: p.term });
      const saved = term
        ? peps.find((p) => p.academic_year === term.academicYear && p.term === term.term)
        : [...peps].sort((a, b) => compareTerms(ref(b), ref(a)))[0];
      if (saved) {
        const content = loadPepContent(register, saved.id);
        const { pdf } = await renderPepPdf(register, content, { password });
        writeOutputFile(out, pdf, PEP_FILE);
        register.transaction(() => auditPep(register, 'export', childId, saved.id));
        ctx.out(`PEP for the ${content.termLabel} (${content.status}) written to ${out}${password ? ' (password-protected)' : ''}\n`);
        return EXIT.ok;
      }
      const t = term ?? loadTermCalendar(register).termFor(today);
      const content = unsavedPep(register, childId, t, today);
      const { pdf } = await renderPepPdf(register, content, { password, unsaved: true });
      writeOutputFile(out, pdf, PEP_FILE);
      register.transaction(() => register.audit({ action: 'export', ...childAuditRef(childId, 'PEP') }));
      ctx.out(`No PEP is recorded for this child${term ? ` for the ${termLabel(t)}` : ''}: wrote a draft for the ${termLabel(t)} built from the register, not saved in it, to ${out}${password ? ' (password-protected)' : ''}\n`);
      return EXIT.ok;
    } finally {
      register.close();
    }
  },
};
