// The common frame of every document (DESIGN.md "Documents"): A4, school name in the header,
// the OFFICIAL-SENSITIVE marking, "Page X of Y" and the generation date in the footer.

import type { Content, StyleDictionary, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatDateTime } from './format.ts';

export const MARKING = 'OFFICIAL-SENSITIVE';

export interface FrameOptions {
  schoolName: string;
  /** Shown in the header after the school name, e.g. the child's Virtual School. */
  headerDetail?: string;
  title: string;
  generatedAt: Date;
  /** Optional password to open the PDF (for sending by email). */
  userPassword?: string;
  pageOrientation?: 'portrait' | 'landscape';
}

export const styles: StyleDictionary = {
  title: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
  subtitle: { fontSize: 11, color: '#444444', margin: [0, 0, 0, 12] },
  h2: { fontSize: 13, bold: true, margin: [0, 14, 0, 6], color: '#1f3864' },
  h3: { fontSize: 11, bold: true, margin: [0, 8, 0, 4] },
  th: { bold: true, fillColor: '#e8edf5' },
  small: { fontSize: 8 },
  muted: { color: '#555555' },
  note: { fontSize: 8, italics: true, color: '#444444', margin: [0, 4, 0, 0] },
  marking: { bold: true, fontSize: 9, color: '#b00020' },
};

export function framedDocument(opts: FrameOptions, content: Content[]): TDocumentDefinitions {
  const generated = formatDateTime(opts.generatedAt);
  return {
    pageSize: 'A4',
    pageOrientation: opts.pageOrientation ?? 'portrait',
    pageMargins: [40, 56, 40, 48],
    info: { title: opts.title, creator: 'CiC Register', producer: 'CiC Register' },
    ...(opts.userPassword ? { userPassword: opts.userPassword, permissions: { printing: 'highResolution', copying: true, modifying: false } } : {}),
    header: () => ({
      margin: [40, 20, 40, 0],
      columns: [
        { text: opts.headerDetail ? `${opts.schoolName} · ${opts.headerDetail}` : opts.schoolName, fontSize: 9, color: '#333333' },
        { text: MARKING, style: 'marking', alignment: 'right', width: 'auto' },
      ],
    }),
    footer: (page: number, pages: number) => ({
      margin: [40, 12, 40, 0],
      columns: [
        { text: `${MARKING} · Generated ${generated} by CiC Register`, fontSize: 8, color: '#555555' },
        { text: `Page ${page} of ${pages}`, fontSize: 8, alignment: 'right', width: 'auto' },
      ],
    }),
    content,
    styles,
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.15 },
  };
}

/** A table with a repeated header row, that breaks cleanly across pages. */
export function table(headers: string[], rows: (string | number | Content)[][], widths?: (string | number)[]): Content {
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: widths ?? headers.map(() => '*'),
      body: [headers.map((h) => ({ text: h, style: 'th' })), ...rows.map((r) => r.map((c) => (typeof c === 'number' ? String(c) : c)))],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 0, 0, 8],
  };
}
