// Exports the governors' report as a PDF (A4, OFFICIAL-SENSITIVE) or an editable .docx. The export
// is audited (type and year, no content). Warnings about free text that looks like it names a child
// come back with the file, for the DT to check before sharing it.

import type { Register } from '../../../db/register.ts';
import type { ExportedFile, ReportWarning } from '../../api/contract.ts';
import { governorsReportDocx } from '../../documents/docx/governorsReportDocx.ts';
import { governorsReportDocument } from '../../documents/governorsReport.ts';
import { renderPdf } from '../../documents/render.ts';
import { buildGovernorsReport } from './build.ts';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' as const;

export async function exportGovernorsReport(register: Register, year: string, format: 'pdf' | 'docx', opts: { today: string; generatedAt?: Date }): Promise<{ files: ExportedFile[]; warnings: ReportWarning[]; bytes: Buffer }> {
  const report = buildGovernorsReport(register, year, opts.today);
  const generatedAt = opts.generatedAt ?? new Date();
  const bytes = format === 'pdf'
    ? await renderPdf(governorsReportDocument(report, { generatedAt }))
    : await governorsReportDocx(report, { generatedAt });
  register.transaction(() => register.audit({ action: 'export', recordType: `governors_report.${format}`, recordId: year }));
  const file: ExportedFile = {
    fileName: `governors-report-${year}.${format}`,
    mimeType: format === 'pdf' ? 'application/pdf' : DOCX_MIME,
    base64: bytes.toString('base64'),
  };
  return { files: [file], warnings: report.warnings, bytes };
}
