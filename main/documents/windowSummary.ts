// The window summary for the progress support meeting after each assessment window: per child
// (initials and year group only) each subject's grade against target, and the variation across the
// cohort by subject and by year group. Landscape A4. Pure: data -> pdfmake definition.

import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ProgressFlag, SummaryStats, WindowSummary } from '../api/contract.ts';
import { yearLabel } from '../services/progress/common.ts';
import { formatDate, formatPercent } from './format.ts';
import { framedDocument, table } from './frame.ts';

// Colour for the eye, and a word in every cell so the meaning survives greyscale printing.
const FLAG_FILL: Record<ProgressFlag, string> = { above: '#d9ead3', on_track: '#eef5e9', below: '#f8d7da' };

export const FLAG_WORDS: Record<ProgressFlag, string> = { above: 'above target', on_track: 'on track', below: 'below target' };

const steps = (n: number | null): string => (n === null ? '–' : n > 0 ? `+${n}` : String(n));

function cell(c: WindowSummary['children'][number]['cells'][number]): TableCell {
  if (!c) return { text: '', fillColor: '#f4f4f4' };
  const judged = c.predicted ?? c.current;
  if (!judged && !c.target) return { text: 'no grade', color: '#777777', fontSize: 7 };
  const text = `${judged ?? '–'} / ${c.target ?? '–'}`;
  if (!c.flag) return { text, color: '#555555' };
  return {
    stack: [{ text, bold: c.flag === 'below' }, { text: FLAG_WORDS[c.flag], fontSize: 6, color: c.flag === 'below' ? '#8a0016' : '#333333' }],
    fillColor: FLAG_FILL[c.flag],
  };
}

function statRow(label: string, s: SummaryStats, extra: string[] = []): string[] {
  const judged = s.above + s.onTrack + s.below;
  return [
    label, ...extra, String(s.assessed + s.noGrade), String(s.above), String(s.onTrack), String(s.below), String(s.noGrade),
    formatPercent(judged ? ((s.above + s.onTrack) / judged) * 100 : null, 0),
    s.meanSteps === null ? '–' : s.meanSteps > 0 ? `+${s.meanSteps}` : String(s.meanSteps),
    s.minSteps === null ? '–' : `${steps(s.minSteps)} to ${steps(s.maxSteps)}`,
  ];
}

const STAT_HEADERS = ['Entries', 'Above', 'On track', 'Below', 'No grade', 'On track or above', 'Mean steps from target', 'Range'];

export function windowSummaryDocument(s: WindowSummary, opts: { schoolName: string; generatedAt: Date }): TDocumentDefinitions {
  const c = s.completion;
  const subjects = s.subjects;
  const grid: Content = s.children.length === 0
    ? { text: 'No returns have been recorded for this window yet.', style: 'muted' }
    : {
      table: {
        headerRows: 1,
        dontBreakRows: true,
        widths: [34, 26, ...subjects.map(() => '*'), 34],
        body: [
          [{ text: 'Child', style: 'th' }, { text: 'Year', style: 'th' }, ...subjects.map((x) => ({ text: x.name, style: 'th', fontSize: 8 })), { text: 'Below', style: 'th' }],
          ...s.children.map((ch) => [
            { text: ch.initials, bold: true }, yearLabel(ch.yearGroup), ...ch.cells.map(cell),
            { text: String(ch.below), bold: ch.below > 0, color: ch.below > 0 ? '#b00020' : '#333333' },
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 8,
      margin: [0, 0, 0, 6],
    };
  const content: Content[] = [
    { text: `Progress support meeting: ${s.window.name} ${s.window.academicYearLabel}`, style: 'title' },
    {
      text: `Window closed ${formatDate(s.window.closeDate)} · returns received ${c.returned} of ${c.expected}`
        + `${c.rate === null ? '' : ` (${formatPercent(c.rate * 100, 0)})`}${c.outstanding ? ` · ${c.outstanding} outstanding` : ''}`
        + ` · ${s.children.length} ${s.children.length === 1 ? 'child' : 'children'}`,
      style: 'subtitle',
    },
    { text: 'By child', style: 'h2' },
    {
      text: 'Each cell shows the predicted grade (or the current grade where no prediction was given) / the target. '
        + 'Shaded green when on track or above target, red when below. Children are identified by initials and year group only.',
      style: 'note', margin: [0, 0, 0, 6],
    },
    grid,
    { text: 'Variation across the cohort, by subject', style: 'h2', pageBreak: s.children.length > 12 ? 'before' : undefined },
    table(['Subject', ...STAT_HEADERS], [...s.bySubject.map((x) => statRow(x.name, x)), statRow('All subjects', s.overall)]),
    { text: 'By year group', style: 'h2' },
    table(['Year group', 'Children', ...STAT_HEADERS], s.byYearGroup.map((y) => statRow(yearLabel(y.yearGroup), y, [String(y.children)]))),
    {
      text: 'Steps are places on the grade scale between the predicted (or current) grade and the target: +1 is one grade above target. '
        + 'Where year groups use different scales, steps are counted on each child\'s own scale.',
      style: 'note',
    },
  ];
  return framedDocument(
    { schoolName: opts.schoolName, headerDetail: 'Progress support meeting', title: `Window summary: ${s.window.name} ${s.window.academicYearLabel}`, generatedAt: opts.generatedAt, pageOrientation: 'landscape' },
    content,
  );
}
