// The Designated Teacher's annual report to governors (DESIGN.md "Documents"): pure data ->
// pdfmake definition. Its input, GovernorsReport, is already anonymous and suppressed; this module
// only lays it out: the framed A4 page (OFFICIAL-SENSITIVE, page X of Y), numbered sections with
// the DT's narrative after the figures it discusses, charts as SVG, and notes on the figures.

import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Comparison, GovernorsReport, NarrativeKey, ReportCell, ReportTable } from '../api/contract.ts';
import { attainmentChart, attendanceChart, heatMapChart } from './charts/reportCharts.ts';
import { formatDate } from './format.ts';
import { framedDocument } from './frame.ts';

export interface GovernorsReportOptions { generatedAt: Date }

export const REPORT_TITLE = 'Designated Teacher\'s annual report to governors';
export const REPORT_SUBTITLE = 'Looked-after and previously looked-after children';

/** Section headings, in order; the .docx uses the same. */
export const SECTION_TITLES = {
  cohort: 'Our children',
  attendance: 'Attendance',
  exclusions: 'Suspensions and exclusions',
  attainment: 'Attainment and progress',
  peps: 'Personal Education Plans',
  ppplus: 'Pupil Premium Plus',
  interventions: 'Interventions and their impact',
  pupil_voice: 'Pupil voice: the experience survey',
  training: 'Staff training',
  risks: 'Risk register',
} as const;

const SMALL_NOTE = 'Not shown: the numbers are too small to show this breakdown without risking identifying a child.';

function cellContent(c: ReportCell, isTotal: boolean): TableCell {
  if (c.suppressed) return { text: c.text, italics: true, color: '#555555', alignment: 'right' };
  return { text: c.text, alignment: 'right', bold: isTotal };
}

export function reportTable(t: ReportTable, opts: { firstWidth?: number | string; title?: boolean } = {}): Content[] {
  const out: Content[] = [];
  if (opts.title ?? true) out.push({ text: t.title, style: 'h3', headlineLevel: 2 } as Content);
  if (t.omitted) {
    out.push({ text: SMALL_NOTE, style: 'note', margin: [0, 0, 0, 8] });
    return out;
  }
  const widths = [opts.firstWidth ?? '*', ...t.columns.map(() => (t.columns.length > 4 ? 52 : 72))];
  out.push({
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths,
      body: [
        [{ text: t.rowHeader, style: 'th' }, ...t.columns.map((c) => ({ text: c, style: 'th', alignment: 'right' as const }))],
        ...t.rows.map((r) => [{ text: r.label, bold: r.isTotal }, ...r.cells.map((c) => cellContent(c, r.isTotal))]),
      ],
    },
    layout: 'lightHorizontalLines',
    fontSize: t.columns.length > 4 ? 8 : 9,
    margin: [0, 0, 0, t.note ? 2 : 8],
  });
  if (t.note) out.push({ text: t.note, style: 'note', margin: [0, 0, 0, 8] });
  return out;
}

function benchmarkText(c: Comparison, which: 'cla' | 'comparison'): string {
  const b = c.benchmark;
  if (!b) return '–';
  const v = which === 'cla' ? b.claValue : b.comparisonValue;
  if (v === null) return '–';
  const label = which === 'cla' ? b.claLabel : b.comparisonLabel;
  return `${c.unit === '%' ? `${v.toFixed(1)}%` : v.toFixed(1)}\n(${label.toLowerCase()})`;
}

export function comparisonsTable(title: string, comparisons: Comparison[]): Content[] {
  const fmt = (v: number | null, unit: string) => (v === null ? '–' : unit === '%' ? `${v.toFixed(1)}%` : v.toFixed(1));
  return [
    { text: title, style: 'h3', headlineLevel: 2 } as Content,
    {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: ['*', 130, 50, 70, 70],
        body: [
          ['Measure', 'Our children', 'Whole school', 'National: looked after', 'National: comparison'].map((h) => ({ text: h, style: 'th' })),
          ...comparisons.map((c) => [
            { stack: [{ text: c.label }, ...(c.note ? [{ text: c.note, fontSize: 7, color: '#555555' }] : [])] },
            { stack: c.ours.map((o) => ({ text: [`${o.label}: `, { text: o.cell.text, bold: o.cell.value !== null, italics: o.cell.suppressed !== null }] })) },
            { text: fmt(c.school, c.unit) },
            { text: benchmarkText(c, 'cla') },
            { text: benchmarkText(c, 'comparison') },
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 8,
      margin: [0, 0, 0, 2],
    },
    { text: sourcesLine(comparisons), style: 'note', margin: [0, 0, 0, 8] },
  ];
}

function sourcesLine(comparisons: Comparison[]): string {
  const seen = new Map<string, string>();
  for (const c of comparisons) {
    if (!c.benchmark) continue;
    const k = `${c.benchmark.dataYear} · ${c.benchmark.source}${c.benchmark.isDefault ? ' (default from reference data)' : ''}`;
    seen.set(k, k);
  }
  return seen.size ? `National figures: ${[...seen.values()].join('; ')}.` : 'No national benchmarks entered for these measures.';
}

function paragraphs(body: string): Content[] {
  return body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).map((p) => {
    const lines = p.split('\n');
    if (lines.every((l) => /^\s*[-•*]\s+/.test(l))) return { ul: lines.map((l) => l.replace(/^\s*[-•*]\s+/, '')), margin: [0, 0, 0, 6] } as Content;
    return { text: p, margin: [0, 0, 0, 6] } as Content;
  });
}

function narrative(r: GovernorsReport, key: NarrativeKey, opts: { placeholder?: string; heading?: boolean } = {}): Content[] {
  const n = r.narrative.find((x) => x.key === key);
  const body = n?.body.trim() ?? '';
  if (!body && !opts.placeholder) return [];
  const out: Content[] = [];
  if (opts.heading ?? true) out.push({ text: n?.title ?? '', style: 'h3' });
  out.push(...(body ? paragraphs(body) : [{ text: opts.placeholder!, italics: true, color: '#666666', margin: [0, 0, 0, 6] } as Content]));
  return out;
}

function keyFigures(r: GovernorsReport): Content {
  const att = r.attendance.comparisons.find((c) => c.measure === 'attendance_percent')?.ours[0]?.cell;
  const pa = r.attendance.comparisons.find((c) => c.measure === 'persistent_absence_percent')?.ours[0]?.cell;
  const boxes: [string, ReportCell | undefined][] = [
    ['Children on roll in the year', r.cohort.total],
    ['Looked after', r.cohort.lookedAfter],
    ['Previously looked after', r.cohort.previouslyLookedAfter],
    ['Attendance (looked after)', att],
    ['Persistent absence (looked after)', pa],
  ];
  return {
    table: {
      widths: boxes.map(() => '*'),
      body: [boxes.map(([label, c]) => ({
        stack: [
          { text: c?.text ?? '–', fontSize: c?.suppressed ? 10 : 16, bold: true, color: '#1f3864', italics: !!c?.suppressed },
          { text: label, fontSize: 8, color: '#444444' },
        ],
        fillColor: '#eef2f8',
        margin: [6, 6, 6, 6],
      }))],
    },
    layout: { hLineWidth: () => 0, vLineWidth: () => 2, vLineColor: () => '#ffffff' },
    margin: [0, 4, 0, 12],
  };
}

function section(n: number, title: string): Content {
  return { text: `${n}. ${title}`, style: 'h2', headlineLevel: 1 } as Content;
}

function chart(svg: string | null, fallback: string): Content {
  return svg ? { svg, width: 515, margin: [0, 6, 0, 10] } : { text: fallback, style: 'note', margin: [0, 0, 0, 8] };
}

export function governorsReportDocument(r: GovernorsReport, opts: GovernorsReportOptions): TDocumentDefinitions {
  const c: Content[] = [];
  let n = 0;
  const asOfNote = r.asOf < r.academicYear.endDate ? ` (figures as at ${formatDate(r.asOf)})` : '';

  // ---- title and summary
  c.push({ text: REPORT_TITLE, style: 'title' });
  c.push({ text: `${REPORT_SUBTITLE} · ${r.academicYear.label}${asOfNote}`, style: 'subtitle' });
  const meta: [string, string | null][] = [
    ['School', r.school.name], ['Academic year', `${r.academicYear.label}: ${formatDate(r.academicYear.startDate)} to ${formatDate(r.academicYear.endDate)}`],
    ['Designated Teacher', r.school.designatedTeacher], ['Designated governor', r.school.designatedGovernor], ['Headteacher', r.school.headteacher],
  ];
  c.push({
    table: { widths: [110, '*'], body: meta.filter(([, v]) => v).map(([k, v]) => [{ text: k, bold: true, color: '#333333' }, { text: v! }]) },
    layout: 'noBorders', margin: [0, 0, 0, 10],
  });
  c.push({
    table: { widths: ['*'], body: [[{ stack: [{ text: 'Anonymity', bold: true, margin: [0, 0, 0, 2] }, { text: r.suppression.note, fontSize: 8.5 }], fillColor: '#fff8e1', margin: [6, 6, 6, 6] }]] },
    layout: 'noBorders', margin: [0, 0, 0, 10],
  });
  c.push(keyFigures(r));
  c.push(...narrative(r, 'summary', { placeholder: 'The Designated Teacher\'s summary of the year has not been written yet.' }));

  // ---- 1. cohort
  c.push(section(++n, SECTION_TITLES.cohort));
  c.push(...reportTable(r.cohort.byYearGroup, { firstWidth: '*' }));
  c.push(...reportTable(r.cohort.byLocalAuthority));
  c.push(...reportTable(r.cohort.bySen));
  c.push(...reportTable(r.cohort.placArrangements));
  c.push(...reportTable(r.cohort.movement));
  c.push(...narrative(r, 'cohort'));

  // ---- 2. attendance
  c.push(section(++n, SECTION_TITLES.attendance));
  c.push(...reportTable(r.attendance.summary));
  c.push(...reportTable(r.attendance.bands));
  const ni = r.attendance.nationalIndicator;
  c.push({ text: 'National indicator: looked after for 12 months or more and missed 25 or more school days', style: 'h3' });
  c.push({
    table: {
      widths: ['*', 80],
      body: [
        [{ text: 'Looked after 12 months or more, with attendance recorded' }, cellContent(ni.eligible, false)],
        [{ text: 'Of whom missed 25 or more school days' }, cellContent(ni.missed25, false)],
        [{ text: 'Percentage', bold: true }, cellContent(ni.percent, true)],
        [{ text: 'National figure' }, { text: ni.benchmark?.claValue != null ? `${ni.benchmark.claValue.toFixed(1)}% (${ni.benchmark.dataYear}, ${ni.benchmark.source})` : 'not entered', alignment: 'right', fontSize: 8 }],
      ],
    },
    layout: 'lightHorizontalLines', fontSize: 9, margin: [0, 0, 0, 2],
  });
  c.push({ text: ni.note, style: 'note', margin: [0, 0, 0, 8] });
  c.push(...comparisonsTable('Against the whole school and national figures', r.attendance.comparisons));
  c.push(chart(attendanceChart(r), 'No attendance figures to chart for this year.'));
  c.push(...narrative(r, 'attendance'));

  // ---- 3. exclusions
  c.push(section(++n, SECTION_TITLES.exclusions));
  c.push(...reportTable(r.exclusions.table));
  c.push(...comparisonsTable('Rates against the whole school and national figures', r.exclusions.comparisons));
  c.push(...narrative(r, 'exclusions'));

  // ---- 4. attainment
  c.push(section(++n, SECTION_TITLES.attainment));
  c.push(...reportTable(r.attainment.ks2));
  c.push(...reportTable(r.attainment.ks4));
  c.push(...reportTable(r.attainment.progress));
  c.push(...comparisonsTable('Against the whole school and national benchmarks', r.attainment.comparisons));
  c.push(chart(attainmentChart(r), 'No attainment results to chart for this year.'));
  c.push(...narrative(r, 'attainment'));

  // ---- 5. PEPs
  c.push(section(++n, SECTION_TITLES.peps));
  if (!r.peps.available) c.push({ text: r.peps.note ?? 'PEP figures are not available.', italics: true, color: '#555555', margin: [0, 0, 0, 8] });
  else {
    if (r.peps.table) c.push(...reportTable(r.peps.table));
    if (r.peps.completeness) c.push({ text: [{ text: 'Average PEP completeness: ', bold: true }, r.peps.completeness.text], margin: [0, 0, 0, 8] });
    if (r.peps.quality) c.push(...reportTable(r.peps.quality));
    if (r.peps.note) c.push({ text: r.peps.note, style: 'note', margin: [0, 0, 0, 8] });
  }
  c.push(...narrative(r, 'peps'));

  // ---- 6. PP+
  c.push(section(++n, SECTION_TITLES.ppplus));
  if (r.ppPlus.table) c.push(...reportTable(r.ppPlus.table, { firstWidth: '*' }));
  if (r.ppPlus.impact) c.push(...reportTable(r.ppPlus.impact));
  if (r.ppPlus.note) c.push({ text: r.ppPlus.note, style: 'note', margin: [0, 0, 0, 8] });
  c.push(...narrative(r, 'ppplus'));

  // ---- 7. interventions
  c.push(section(++n, SECTION_TITLES.interventions));
  c.push(...reportTable(r.interventions.byKind, { firstWidth: 110 }));
  c.push(...reportTable(r.interventions.costs));
  c.push(...narrative(r, 'interventions'));

  // ---- 8. survey
  c.push(section(++n, SECTION_TITLES.pupil_voice));
  c.push({ text: [{ text: 'Children who took part: ', bold: true }, r.survey.responses.text], margin: [0, 0, 0, 4] });
  c.push({ text: r.survey.note, style: 'note', margin: [0, 0, 0, 8] });
  for (const q of r.survey.questions) {
    c.push(...reportTable({ ...q.table, title: q.prompt }));
    if (q.note) c.push({ text: q.note, style: 'note', margin: [0, -6, 0, 8] });
  }
  c.push(...narrative(r, 'pupil_voice'));

  // ---- 9. training
  c.push(section(++n, SECTION_TITLES.training));
  if (r.training.length === 0) c.push({ text: 'No training is recorded for this year.', italics: true, color: '#555555', margin: [0, 0, 0, 8] });
  else {
    c.push({
      table: {
        headerRows: 1, dontBreakRows: true, widths: [56, '*', 110, 110],
        body: [
          ['Date', 'Training', 'Audience', 'Delivered by'].map((h) => ({ text: h, style: 'th' })),
          ...r.training.map((t) => [formatDate(t.deliveredOn), { stack: [{ text: t.title }, ...(t.notes ? [{ text: t.notes, fontSize: 7.5, color: '#555555' }] : [])] },
            `${t.audience ?? ''}${t.attendees != null ? ` (${t.attendees} attended)` : ''}`, t.deliveredBy ?? '']),
        ],
      },
      layout: 'lightHorizontalLines', fontSize: 8.5, margin: [0, 0, 0, 8],
    });
  }
  c.push(...narrative(r, 'training'));

  // ---- 10. risks
  c.push(section(++n, SECTION_TITLES.risks));
  const rk = r.risks;
  c.push({ text: `${rk.open} open or monitored risk${rk.open === 1 ? '' : 's'} (${rk.closed} closed)${rk.reviewsOverdue ? `; ${rk.reviewsOverdue} review${rk.reviewsOverdue === 1 ? '' : 's'} overdue` : ''}.`, margin: [0, 0, 0, 4] });
  c.push({
    table: { headerRows: 1, widths: rk.byBand.map(() => '*'), body: [rk.byBand.map((b) => ({ text: b.label, style: 'th', alignment: 'center' as const })), rk.byBand.map((b) => ({ text: String(b.count), alignment: 'center' as const, bold: true }))] },
    layout: 'lightHorizontalLines', fontSize: 9, margin: [0, 0, 0, 6],
  });
  c.push({ svg: heatMapChart(r), width: 420, margin: [0, 4, 0, 8] });
  if (rk.highest.length) {
    c.push({ text: 'Risks scoring 10 or more', style: 'h3' });
    c.push({
      table: {
        headerRows: 1, dontBreakRows: true, widths: ['*', 36, 80, '*'],
        body: [
          ['Risk', 'Score', 'Owner', 'Mitigations'].map((h) => ({ text: h, style: 'th' })),
          ...rk.highest.map((x) => [{ stack: [{ text: x.title }, { text: x.category, fontSize: 7.5, color: '#555555' }] }, `${x.score} (${x.likelihood}×${x.impact})`, x.owner ?? '', x.mitigations ?? '']),
        ],
      },
      layout: 'lightHorizontalLines', fontSize: 8.5, margin: [0, 0, 0, 8],
    });
  }
  c.push(...narrative(r, 'risks'));

  // ---- the DT's own sections, then priorities
  for (const s of r.narrative.filter((x) => x.key === 'custom' && x.body.trim())) {
    c.push(section(++n, s.title));
    c.push(...paragraphs(s.body));
  }
  c.push(section(n + 1, 'Priorities for next year'));
  c.push(...narrative(r, 'priorities', { heading: false, placeholder: 'The priorities for next year have not been written yet.' }));

  // ---- notes
  c.push({ text: 'Notes on the figures', style: 'h2' });
  c.push({ ul: [r.suppression.note, ...r.notes].map((t) => ({ text: t, fontSize: 8 })), margin: [0, 0, 0, 8] });

  const def = framedDocument(
    { schoolName: r.school.name, headerDetail: `Governors' report ${r.academicYear.label}`, title: `${REPORT_TITLE} ${r.academicYear.label}`, generatedAt: opts.generatedAt },
    c,
  );
  // A heading is never left alone at the foot of a page.
  def.pageBreakBefore = (node) => {
    const level = (node as { headlineLevel?: number }).headlineLevel;
    const at = (node as { startPosition?: { verticalRatio?: number } }).startPosition?.verticalRatio ?? 0;
    return (level === 1 && at > 0.8) || (level === 2 && at > 0.86);
  };
  return def;
}
