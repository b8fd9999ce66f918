// Exporting a PEP: the PDF (main/documents/pep.ts) in the Virtual School's layout, named by its
// file name pattern (never the child's name), optionally password-protected, audited as an export;
// and "copy section": one section as plain text for an LA's online ePEP form.

import { qb } from '../../../db/query.ts';
import type { Register } from '../../../db/register.ts';
import type { ExportedFile } from '../../api/contract/fields.ts';
import type { LaPepFormat, PepContent, PepSectionKey, PepSectionText } from '../../api/contract/peps.ts';
import { pepDocument, sectionHeading, sectionText } from '../../documents/pep.ts';
import { renderPdf } from '../../documents/render.ts';
import { getLaPepFormat, laShortName, pepFileName } from './format.ts';
import { auditPep, loadPepContent } from './peps.ts';
import { termKey } from './terms.ts';

/** The layout of the PEP's Virtual School (as in the snapshot), else the default. */
export function formatFor(register: Register, c: PepContent): LaPepFormat {
  const laId = c.snapshot.localAuthority?.id ?? null;
  const exists = laId !== null && register.one(qb.selectFrom('local_authorities').select('id').where('id', '=', laId)) !== undefined;
  return getLaPepFormat(register, exists ? laId : null);
}

export function fileNameFor(c: PepContent, format: LaPepFormat, on: Date): string {
  const la = c.snapshot.localAuthority;
  const short = la ? laShortName(la.name) : 'LA';
  return pepFileName(format.fileNamePattern, {
    LA: short,
    LACode: la?.laCode ?? short,
    initials: c.snapshot.child.initials,
    term: termKey(c),
    year: c.academicYear,
    termName: c.term,
    yearGroup: c.snapshot.child.yearGroup > 0 ? `Y${c.snapshot.child.yearGroup}` : c.snapshot.child.yearGroupLabel,
    childId: String(c.childId),
    date: on.toISOString().slice(0, 10),
  });
}

/** Renders the PEP's PDF (no audit: callers record the export). */
export async function renderPepPdf(register: Register, c: PepContent, opts: { password?: string | null; now?: Date; unsaved?: boolean } = {}):
Promise<{ fileName: string; pdf: Buffer }> {
  const now = opts.now ?? new Date();
  const format = formatFor(register, c);
  const def = pepDocument({
    content: c,
    sections: format.sections.filter((s) => s.included).map((s) => ({ key: s.key, heading: s.heading })),
    generatedAt: now,
    ...(opts.password ? { userPassword: opts.password } : {}),
    ...(opts.unsaved ? { unsaved: true } : {}),
  });
  return { fileName: fileNameFor(c, format, now), pdf: await renderPdf(def) };
}

export async function exportPep(register: Register, input: { pepId: number; password?: string | null }, now = new Date()): Promise<ExportedFile> {
  const c = loadPepContent(register, input.pepId);
  const { fileName, pdf } = await renderPepPdf(register, c, { password: input.password ?? null, now });
  register.transaction(() => auditPep(register, 'export', c.childId, input.pepId));
  return { fileName, mimeType: 'application/pdf', base64: pdf.toString('base64') };
}

/** One section as plain text, with the Virtual School's heading, for pasting into its ePEP form. */
export function getPepSectionText(register: Register, input: { id: number; section: PepSectionKey }): PepSectionText {
  const c = loadPepContent(register, input.id);
  const format = formatFor(register, c);
  const heading = format.sections.find((s) => s.key === input.section)?.heading ?? input.section;
  return { section: input.section, heading: sectionHeading(c, input.section, heading), text: sectionText(c, input.section) };
}
