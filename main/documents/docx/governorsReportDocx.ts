// The governors' report as an editable Word document (.docx), so the DT can polish the wording:
// the same anonymous, suppressed content as the PDF, with real headings (navigation pane) and
// tables, OFFICIAL-SENSITIVE in the header and page X of Y in the footer. The PDF's charts are not
// drawn here: each chart's figures are already in the comparison table beside it, and the risk
// heat map is given as a 5 × 5 table. Pure data -> docx Document; `governorsReportDocx` packs it.

import {
  AlignmentType, BorderStyle, Document, Footer, Header, HeadingLevel, Packer, PageNumber, Paragraph, ShadingType, Tab, Table, TableCell, TableRow,
  TextRun, WidthType,
} from 'docx';
import type { Comparison, GovernorsReport, NarrativeKey, ReportCell, ReportTable } from '../../api/contract.ts';
import { formatDate, formatDateTime } from '../format.ts';
import { MARKING } from '../frame.ts';
import { REPORT_SUBTITLE, REPORT_TITLE, SECTION_TITLES } from '../governorsReport.ts';

const FONT = 'Arial';
const SMALL_NOTE = 'Not shown: the numbers are too small to show this breakdown without risking identifying a child.';

const p = (text: string, opts: { bold?: boolean; italics?: boolean; size?: number; color?: string; after?: number } = {}): Paragraph =>
  new Paragraph({
    spacing: { after: opts.after ?? 120 },
    children: [new TextRun({ text, bold: opts.bold, italics: opts.italics, size: opts.size, color: opts.color, font: FONT })],
  });

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph =>
  new Paragraph({ heading: level, spacing: { before: 240, after: 120 }, children: [new TextRun({ text, font: FONT })] });

const note = (text: string): Paragraph => p(text, { italics: true, size: 16, color: '555555' });

function tableCell(text: string, opts: { header?: boolean; bold?: boolean; italics?: boolean; right?: boolean; width?: number } = {}): TableCell {
  return new TableCell({
    ...(opts.header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8EDF5' } } : {}),
    ...(opts.width ? { width: { size: opts.width, type: WidthType.PERCENTAGE } } : {}),
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: text.split('\n').map((line) => new Paragraph({
      alignment: opts.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
      children: [new TextRun({ text: line, bold: opts.header || opts.bold, italics: opts.italics, size: 18, font: FONT })],
    })),
  });
}

function grid(header: string[], rows: { cells: string[]; bold?: boolean; italics?: boolean[] }[], firstWidth = 40): Table {
  const rest = (100 - firstWidth) / Math.max(1, header.length - 1);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h, i) => tableCell(h, { header: true, right: i > 0, width: i === 0 ? firstWidth : rest })) }),
      ...rows.map((r) => new TableRow({
        cantSplit: true,
        children: r.cells.map((c, i) => tableCell(c, { bold: r.bold, italics: r.italics?.[i], right: i > 0, width: i === 0 ? firstWidth : rest })),
      })),
    ],
  });
}

function reportTable(t: ReportTable, title = t.title): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [heading(title, HeadingLevel.HEADING_3)];
  if (t.omitted) return [...out, note(SMALL_NOTE)];
  out.push(grid([t.rowHeader, ...t.columns], t.rows.map((r) => ({
    cells: [r.label, ...r.cells.map((c) => c.text)], bold: r.isTotal, italics: [false, ...r.cells.map((c: ReportCell) => c.suppressed !== null)],
  }))));
  if (t.note) out.push(note(t.note));
  else out.push(p('', { after: 60 }));
  return out;
}

function comparisons(title: string, cs: Comparison[]): (Paragraph | Table)[] {
  const fmt = (v: number | null, unit: string) => (v === null ? '–' : unit === '%' ? `${v.toFixed(1)}%` : v.toFixed(1));
  const bench = (c: Comparison, which: 'cla' | 'comparison') => {
    const b = c.benchmark;
    const v = which === 'cla' ? b?.claValue : b?.comparisonValue;
    return b && v != null ? `${fmt(v, c.unit)}\n(${(which === 'cla' ? b.claLabel : b.comparisonLabel).toLowerCase()}, ${b.dataYear})` : '–';
  };
  const sources = [...new Set(cs.filter((c) => c.benchmark).map((c) => `${c.benchmark!.dataYear} · ${c.benchmark!.source}${c.benchmark!.isDefault ? ' (default from reference data)' : ''}`))];
  return [
    heading(title, HeadingLevel.HEADING_3),
    grid(['Measure', 'Our children', 'Whole school', 'National: looked after', 'National: comparison'], cs.map((c) => ({
      cells: [c.note ? `${c.label}\n${c.note}` : c.label, c.ours.map((o) => `${o.label}: ${o.cell.text}`).join('\n'), fmt(c.school, c.unit), bench(c, 'cla'), bench(c, 'comparison')],
    })), 30),
    note(sources.length ? `National figures: ${sources.join('; ')}.` : 'No national benchmarks entered for these measures.'),
  ];
}

function narrative(r: GovernorsReport, key: NarrativeKey, opts: { placeholder?: string; heading?: boolean } = {}): Paragraph[] {
  const n = r.narrative.find((x) => x.key === key);
  const body = n?.body.trim() ?? '';
  if (!body && !opts.placeholder) return [];
  const out: Paragraph[] = [];
  if (opts.heading ?? true) out.push(heading(n?.title ?? '', HeadingLevel.HEADING_3));
  if (!body) return [...out, p(opts.placeholder!, { italics: true, color: '666666' })];
  return [...out, ...paragraphs(body)];
}

function paragraphs(body: string): Paragraph[] {
  return body.split(/\n\s*\n/).map((x) => x.trim()).filter(Boolean).flatMap((para) => {
    const lines = para.split('\n');
    if (lines.every((l) => /^\s*[-•*]\s+/.test(l))) {
      return lines.map((l) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: l.replace(/^\s*[-•*]\s+/, ''), font: FONT })] }));
    }
    return [new Paragraph({ spacing: { after: 120 }, children: lines.flatMap((l, i) => [new TextRun({ text: l, font: FONT, break: i > 0 ? 1 : 0 })]) })];
  });
}

export function governorsReportDocxDocument(r: GovernorsReport, opts: { generatedAt: Date }): Document {
  const c: (Paragraph | Table)[] = [];
  let n = 0;
  const section = (title: string) => c.push(heading(`${++n}. ${title}`, HeadingLevel.HEADING_2));
  const asOf = r.asOf < r.academicYear.endDate ? ` (figures as at ${formatDate(r.asOf)})` : '';

  c.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun({ text: REPORT_TITLE, font: FONT })] }));
  c.push(p(`${REPORT_SUBTITLE} · ${r.academicYear.label}${asOf}`, { color: '444444', size: 24 }));
  for (const [k, v] of [['School', r.school.name], ['Designated Teacher', r.school.designatedTeacher], ['Designated governor', r.school.designatedGovernor], ['Headteacher', r.school.headteacher]] as const) {
    if (v) c.push(new Paragraph({ spacing: { after: 40 }, children: [new TextRun({ text: `${k}: `, bold: true, font: FONT }), new TextRun({ text: v, font: FONT })] }));
  }
  c.push(new Paragraph({
    spacing: { before: 160, after: 160 },
    shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'FFF8E1' },
    border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'E6A700', space: 6 } },
    children: [new TextRun({ text: 'Anonymity. ', bold: true, font: FONT }), new TextRun({ text: r.suppression.note, font: FONT, size: 18 })],
  }));
  c.push(heading('Key figures', HeadingLevel.HEADING_3));
  const att = r.attendance.comparisons.find((x) => x.measure === 'attendance_percent')?.ours[0]?.cell.text ?? '–';
  const pa = r.attendance.comparisons.find((x) => x.measure === 'persistent_absence_percent')?.ours[0]?.cell.text ?? '–';
  c.push(grid(['Figure', 'Value'], [
    { cells: ['Children on roll in the year', r.cohort.total.text] }, { cells: ['Looked after', r.cohort.lookedAfter.text] },
    { cells: ['Previously looked after', r.cohort.previouslyLookedAfter.text] }, { cells: ['Attendance (looked after)', att] },
    { cells: ['Persistent absence (looked after)', pa] },
  ], 70));
  c.push(...narrative(r, 'summary', { placeholder: 'The Designated Teacher\'s summary of the year has not been written yet.' }));

  section(SECTION_TITLES.cohort);
  for (const t of [r.cohort.byYearGroup, r.cohort.byLocalAuthority, r.cohort.bySen, r.cohort.placArrangements, r.cohort.movement]) c.push(...reportTable(t));
  c.push(...narrative(r, 'cohort'));

  section(SECTION_TITLES.attendance);
  c.push(...reportTable(r.attendance.summary), ...reportTable(r.attendance.bands));
  const ni = r.attendance.nationalIndicator;
  c.push(heading('National indicator: looked after for 12 months or more and missed 25 or more school days', HeadingLevel.HEADING_3));
  c.push(grid(['Figure', 'Value'], [
    { cells: ['Looked after 12 months or more, with attendance recorded', ni.eligible.text] },
    { cells: ['Of whom missed 25 or more school days', ni.missed25.text] },
    { cells: ['Percentage', ni.percent.text], bold: true },
    { cells: ['National figure', ni.benchmark?.claValue != null ? `${ni.benchmark.claValue.toFixed(1)}% (${ni.benchmark.dataYear}, ${ni.benchmark.source})` : 'not entered'] },
  ], 70));
  c.push(note(ni.note));
  c.push(...comparisons('Against the whole school and national figures', r.attendance.comparisons));
  c.push(...narrative(r, 'attendance'));

  section(SECTION_TITLES.exclusions);
  c.push(...reportTable(r.exclusions.table), ...comparisons('Rates against the whole school and national figures', r.exclusions.comparisons));
  c.push(...narrative(r, 'exclusions'));

  section(SECTION_TITLES.attainment);
  c.push(...reportTable(r.attainment.ks2), ...reportTable(r.attainment.ks4), ...reportTable(r.attainment.progress));
  c.push(...comparisons('Against the whole school and national benchmarks', r.attainment.comparisons));
  c.push(...narrative(r, 'attainment'));

  section(SECTION_TITLES.peps);
  if (!r.peps.available) c.push(p(r.peps.note ?? 'PEP figures are not available.', { italics: true }));
  else {
    if (r.peps.table) c.push(...reportTable(r.peps.table));
    if (r.peps.completeness) c.push(p(`Average PEP completeness: ${r.peps.completeness.text}`));
    if (r.peps.quality) c.push(...reportTable(r.peps.quality));
    if (r.peps.note) c.push(note(r.peps.note));
  }
  c.push(...narrative(r, 'peps'));

  section(SECTION_TITLES.ppplus);
  if (r.ppPlus.table) c.push(...reportTable(r.ppPlus.table));
  if (r.ppPlus.impact) c.push(...reportTable(r.ppPlus.impact));
  if (r.ppPlus.note) c.push(note(r.ppPlus.note));
  c.push(...narrative(r, 'ppplus'));

  section(SECTION_TITLES.interventions);
  c.push(...reportTable(r.interventions.byKind), ...reportTable(r.interventions.costs));
  c.push(...narrative(r, 'interventions'));

  section(SECTION_TITLES.pupil_voice);
  c.push(p(`Children who took part: ${r.survey.responses.text}`, { bold: true }), note(r.survey.note));
  for (const q of r.survey.questions) {
    c.push(...reportTable(q.table, q.prompt));
    if (q.note) c.push(note(q.note));
  }
  c.push(...narrative(r, 'pupil_voice'));

  section(SECTION_TITLES.training);
  if (r.training.length === 0) c.push(p('No training is recorded for this year.', { italics: true }));
  else {
    c.push(grid(['Date', 'Training', 'Audience', 'Delivered by'], r.training.map((t) => ({
      cells: [formatDate(t.deliveredOn), t.notes ? `${t.title}\n${t.notes}` : t.title, `${t.audience ?? ''}${t.attendees != null ? ` (${t.attendees} attended)` : ''}`, t.deliveredBy ?? ''],
    })), 16));
  }
  c.push(...narrative(r, 'training'));

  section(SECTION_TITLES.risks);
  const rk = r.risks;
  c.push(p(`${rk.open} open or monitored risk${rk.open === 1 ? '' : 's'} (${rk.closed} closed)${rk.reviewsOverdue ? `; ${rk.reviewsOverdue} review${rk.reviewsOverdue === 1 ? '' : 's'} overdue` : ''}.`));
  c.push(grid(['Band', 'Open risks'], rk.byBand.map((b) => ({ cells: [b.label, String(b.count)] })), 60));
  c.push(heading('Heat map: open risks by impact (rows) and likelihood (columns)', HeadingLevel.HEADING_3));
  c.push(grid(['Impact \\ likelihood', '1', '2', '3', '4', '5'], [5, 4, 3, 2, 1].map((i) => ({ cells: [String(i), ...[1, 2, 3, 4, 5].map((l) => String(rk.heatMap[l - 1]![i - 1]!))] })), 25));
  if (rk.highest.length) {
    c.push(heading('Risks scoring 10 or more', HeadingLevel.HEADING_3));
    c.push(grid(['Risk', 'Score', 'Owner', 'Mitigations'], rk.highest.map((x) => ({
      cells: [`${x.title}\n${x.category}`, `${x.score} (${x.likelihood}×${x.impact})`, x.owner ?? '', x.mitigations ?? ''],
    })), 35));
  }
  c.push(...narrative(r, 'risks'));

  for (const s of r.narrative.filter((x) => x.key === 'custom' && x.body.trim())) {
    section(s.title);
    c.push(...paragraphs(s.body));
  }
  section('Priorities for next year');
  c.push(...narrative(r, 'priorities', { heading: false, placeholder: 'The priorities for next year have not been written yet.' }));

  c.push(heading('Notes on the figures', HeadingLevel.HEADING_2));
  for (const t of [r.suppression.note, ...r.notes]) c.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: t, size: 16, font: FONT })] }));

  const small = { size: 16, font: FONT, color: '555555' };
  return new Document({
    creator: 'CiC Register',
    title: `${REPORT_TITLE} ${r.academicYear.label}`,
    styles: { default: { document: { run: { font: FONT, size: 20 } } } },
    sections: [{
      properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, bottom: 1134, left: 1020, right: 1020 } } },
      headers: {
        default: new Header({ children: [new Paragraph({ children: [
          new TextRun({ text: `${r.school.name} · Governors' report ${r.academicYear.label}`, ...small }),
          new TextRun({ children: [new Tab(), MARKING], bold: true, color: 'B00020', size: 18, font: FONT }),
        ], tabStops: [{ type: 'right', position: 9866 }] })] }),
      },
      footers: {
        default: new Footer({ children: [new Paragraph({ tabStops: [{ type: 'right', position: 9866 }], children: [
          new TextRun({ text: `${MARKING} · Generated ${formatDateTime(opts.generatedAt)} by CiC Register`, ...small }),
          new TextRun({ children: [new Tab(), 'Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], ...small }),
        ] })] }),
      },
      children: c,
    }],
  });
}

export async function governorsReportDocx(r: GovernorsReport, opts: { generatedAt: Date }): Promise<Buffer> {
  return Packer.toBuffer(governorsReportDocxDocument(r, opts));
}
