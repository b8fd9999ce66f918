// The figures are anonymous by construction, but the narrative, training and risk text is typed by
// the DT: before the report is shared, warn if any of it contains something that matches a child
// on the register (a first, preferred or last name, a UPN, or a date of birth in either form).
// Warnings say where and what kind, never the matching text itself (they may be shown or logged).

import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import type { GovernorsReport, ReportWarning } from '../../api/contract.ts';
import { formatDate } from '../../documents/format.ts';

interface Identifiers { names: Set<string>; surnames: Set<string>; upns: Set<string>; dobs: Set<string> }

function identifiers(register: Register): Identifiers {
  const rows = register.all(qb.selectFrom('children').select(['legal_first_name', 'legal_last_name', 'preferred_name', 'upn', 'date_of_birth']));
  const out: Identifiers = { names: new Set(), surnames: new Set(), upns: new Set(), dobs: new Set() };
  const words = (s: string | null) => (s ?? '').match(/[\p{L}'’-]+/gu) ?? [];
  for (const r of rows) {
    for (const w of [...words(r.legal_first_name), ...words(r.preferred_name)]) if (w.length >= 3) out.names.add(w);
    for (const w of words(r.legal_last_name)) if (w.length >= 3) out.surnames.add(w);
    if (r.upn) out.upns.add(r.upn.toUpperCase());
    out.dobs.add(r.date_of_birth);
  }
  return out;
}

function kindsIn(text: string, ids: Identifiers): Set<ReportWarning['kind']> {
  const found = new Set<ReportWarning['kind']>();
  for (const w of text.match(/[\p{L}'’-]+/gu) ?? []) {
    const bare = w.replace(/^['’-]+|['’-]+$/g, '').replace(/['’]s$/, '');
    if (ids.surnames.has(bare) || ids.names.has(bare)) found.add('name');
  }
  for (const u of text.toUpperCase().match(/\b[A-Z]\d{11}[0-9A-Z]\b/g) ?? []) if (ids.upns.has(u)) found.add('upn');
  for (const d of text.match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? []) if (ids.dobs.has(d)) found.add('date_of_birth');
  for (const m of text.matchAll(/\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/g)) {
    if (ids.dobs.has(`${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`)) found.add('date_of_birth');
  }
  return found;
}

const KIND_TEXT: Record<ReportWarning['kind'], string> = {
  name: 'a word that matches the name of a child on the register',
  upn: 'a UPN of a child on the register',
  date_of_birth: 'a date that is a child\'s date of birth',
};

/** Checks every piece of free text the DT typed into the report. */
export function scanForPersonalData(register: Register, report: GovernorsReport): ReportWarning[] {
  const ids = identifiers(register);
  const texts: { where: string; text: string }[] = [
    ...report.narrative.map((n) => ({ where: `the section "${n.title}"`, text: `${n.title}\n${n.body}` })),
    ...report.training.map((t) => ({
      where: `the training entry of ${formatDate(t.deliveredOn)}`, text: [t.title, t.audience, t.deliveredBy, t.notes].filter(Boolean).join('\n'),
    })),
    ...report.risks.highest.map((r, i) => ({ where: `risk ${i + 1} in the risk summary`, text: [r.title, r.owner, r.mitigations].filter(Boolean).join('\n') })),
  ];
  const out: ReportWarning[] = [];
  for (const t of texts) {
    for (const kind of kindsIn(t.text, ids)) {
      out.push({ where: t.where, kind, message: `Check ${t.where}: it contains ${KIND_TEXT[kind]}. The report must not identify any child.` });
    }
  }
  return out;
}
