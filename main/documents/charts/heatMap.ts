// The risk register's 5 × 5 heat map, laid out like the risk register screen: impact (rows, 5 at
// the top) by likelihood (columns), each
// cell coloured by its score band and showing how many open risks sit there. Bands follow the
// risk register (score = likelihood × impact: 1–4 low, 5–9 medium, 10–16 high, 20–25 very high).

import { line, rect, svgDocument, text } from './svg.ts';

const BAND_FILL = [
  { min: 20, fill: '#e06666', label: 'Very high' },
  { min: 10, fill: '#f6b26b', label: 'High' },
  { min: 5, fill: '#ffe599', label: 'Medium' },
  { min: 1, fill: '#b6d7a8', label: 'Low' },
] as const;

const bandFor = (score: number) => BAND_FILL.find((b) => score >= b.min)!;

/** counts[likelihood − 1][impact − 1]. */
export function riskHeatMap(counts: number[][], opts: { title?: string; width?: number } = {}): string {
  const title = opts.title ?? 'Risk heat map: open risks by impact and likelihood';
  const cell = 38;
  const left = 74;
  const top = 22;
  const gridW = cell * 5;
  const body: string[] = [text(0, 11, title, { size: 10, bold: true, fill: '#1f3864' })];
  const described: string[] = [];
  for (let i = 5; i >= 1; i--) {
    const y = top + (5 - i) * cell;
    body.push(text(left - 6, y + cell / 2 + 3, String(i), { size: 8, anchor: 'end' }));
    for (let l = 1; l <= 5; l++) {
      const x = left + (l - 1) * cell;
      const n = counts[l - 1]?.[i - 1] ?? 0;
      const score = l * i;
      body.push(rect(x, y, cell, cell, bandFor(score).fill, '#ffffff'));
      body.push(text(x + 3, y + 9, String(score), { size: 6, fill: '#555555' }));
      if (n > 0) {
        body.push(text(x + cell / 2, y + cell / 2 + 5, String(n), { size: 13, bold: true, anchor: 'middle' }));
        described.push(`${n} at impact ${i}, likelihood ${l}`);
      }
    }
  }
  const gridBottom = top + gridW;
  for (let l = 1; l <= 5; l++) body.push(text(left + (l - 0.5) * cell, gridBottom + 11, String(l), { size: 8, anchor: 'middle' }));
  body.push(text(left + gridW / 2, gridBottom + 24, 'Likelihood', { size: 8.5, bold: true, anchor: 'middle' }));
  body.push(text(0, top + gridW / 2 + 3, 'Impact', { size: 8.5, bold: true }));
  body.push(line(left, gridBottom, left + gridW, gridBottom, '#888888', 0.8));
  // Legend.
  const lx = left + gridW + 24;
  BAND_FILL.slice().reverse().forEach((b, i) => {
    const ly = top + 8 + i * 18;
    body.push(rect(lx, ly, 12, 12, b.fill, '#999999'));
    body.push(text(lx + 18, ly + 9, `${b.label} (${b.min === 1 ? '1–4' : b.min === 5 ? '5–9' : b.min === 10 ? '10–16' : '20–25'})`, { size: 8 }));
  });
  body.push(text(lx, top + 8 + 4 * 18 + 10, 'Number in a cell: open risks; small number: score', { size: 7, fill: '#555555' }));
  const width = opts.width ?? 515;
  const description = described.length ? `Open risks: ${described.join('; ')}.` : 'There are no open risks.';
  return svgDocument(width, gridBottom + 30, title, description, body);
}
