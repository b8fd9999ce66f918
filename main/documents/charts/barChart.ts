// A horizontal grouped bar chart: one group per measure (e.g. "Attendance"), one labelled bar per
// series (our children, the whole school, national figures). Each bar is labelled with its series
// and value in text; a figure that is not shown (small numbers) or not known says so instead of a bar.

import { esc, fit, line, PALETTE, rect, svgDocument, text, textWidth } from './svg.ts';

export interface Bar {
  label: string;
  value: number | null;
  /** Printed beside the bar; for a missing value, why (e.g. "not shown: fewer than 5"). */
  text: string;
  /** Index into the palette, so the same series keeps its colour across groups. */
  colour: number;
}

export interface BarGroup { label: string; bars: Bar[] }

export interface BarChartSpec {
  title: string;
  /** Read by screen readers and shown nowhere else: say what the chart shows. */
  description: string;
  groups: BarGroup[];
  /** Axis maximum; defaults to 100 (percentages). */
  max?: number;
  unit?: string;
  width?: number;
}

const LABEL_W = 190;
const VALUE_W = 90;
const BAR_H = 11;
const GAP = 4;
const GROUP_HEAD = 16;
const GROUP_GAP = 8;

export function barChart(spec: BarChartSpec): string {
  const width = spec.width ?? 515;
  const max = spec.max ?? 100;
  const plotX = LABEL_W;
  const plotW = width - LABEL_W - VALUE_W;
  const unit = spec.unit ?? '%';
  const grid: string[] = [];
  const body: string[] = [];
  const gridlines = (from: number, to: number) => {
    for (let i = 0; i <= 4; i++) {
      const x = plotX + (plotW * i) / 4;
      grid.push(line(x, from, x, to, i === 0 ? '#888888' : '#dddddd', i === 0 ? 0.8 : 0.5));
    }
  };
  let y = 22;
  body.push(text(0, 11, spec.title, { size: 10, bold: true, fill: '#1f3864' }));
  for (const g of spec.groups) {
    body.push(text(0, y + 11, g.label, { size: 8.5, bold: true }));
    y += GROUP_HEAD;
    const top = y - 2;
    for (const b of g.bars) {
      body.push(text(LABEL_W - 6, y + BAR_H - 2, fit(b.label, LABEL_W - 12, 8), { size: 8, anchor: 'end', fill: '#333333' }));
      if (b.value === null) {
        // A white backing so the gridlines do not run through the words.
        body.push(rect(plotX + 1, y, textWidth(b.text, 7.5) + 6, BAR_H, '#ffffff'));
        body.push(text(plotX + 3, y + BAR_H - 2, b.text, { size: 7.5, italic: true, fill: '#666666' }));
      } else {
        const w = (Math.min(Math.max(b.value, 0), max) / max) * plotW;
        body.push(rect(plotX, y, w, BAR_H, PALETTE[b.colour % PALETTE.length]!));
        body.push(rect(plotX + w + 2, y, textWidth(b.text, 8) + 4, BAR_H, '#ffffff'));
        body.push(text(plotX + w + 4, y + BAR_H - 2, b.text, { size: 8, bold: true }));
      }
      y += BAR_H + GAP;
    }
    gridlines(top, y - GAP + 2);
    y += GROUP_GAP;
  }
  const bottom = y - GROUP_GAP;
  for (let i = 0; i <= 4; i++) {
    const v = (max * i) / 4;
    body.push(text(plotX + (plotW * i) / 4, bottom + 10, `${Number.isInteger(v) ? v : v.toFixed(1)}${unit === '%' ? '%' : ''}`, { size: 7, anchor: 'middle', fill: '#555555' }));
  }
  return svgDocument(width, bottom + 16, spec.title, spec.description, [...grid, ...body]);
}

/** A plain-text rendering of the same chart, for the description and for documents without charts. */
export function describeBars(groups: BarGroup[]): string {
  return groups.map((g) => `${g.label}: ${g.bars.map((b) => `${b.label} ${b.text}`).join('; ')}`).join('. ');
}

export { esc };
