// Small SVG helpers for the charts pdfmake draws ({ svg: '<svg…>' }). Text stays text (so it can be
// read, searched and extracted), in Roboto, the document's font. Every chart carries <title> and
// <desc> for assistive technology, and labels its values in words, not only by colour.

export const FONT = 'Roboto';

/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = ['#0072B2', '#56B4E9', '#009E73', '#E69F00', '#CC79A7', '#D55E00'] as const;

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

export function text(x: number, y: number, s: string, opts: { size?: number; anchor?: 'start' | 'middle' | 'end'; bold?: boolean; fill?: string; italic?: boolean } = {}): string {
  const attrs = [
    `x="${r(x)}"`, `y="${r(y)}"`, `font-family="${FONT}"`, `font-size="${opts.size ?? 8}"`, `fill="${opts.fill ?? '#222222'}"`,
    opts.anchor && opts.anchor !== 'start' ? `text-anchor="${opts.anchor}"` : '',
    opts.bold ? 'font-weight="bold"' : '',
    opts.italic ? 'font-style="italic"' : '',
  ].filter(Boolean).join(' ');
  return `<text ${attrs}>${esc(s)}</text>`;
}

export function rect(x: number, y: number, w: number, h: number, fill: string, stroke?: string): string {
  return `<rect x="${r(x)}" y="${r(y)}" width="${r(Math.max(0, w))}" height="${r(Math.max(0, h))}" fill="${fill}"${stroke ? ` stroke="${stroke}" stroke-width="0.5"` : ''}/>`;
}

export function line(x1: number, y1: number, x2: number, y2: number, stroke = '#cccccc', width = 0.5): string {
  return `<line x1="${r(x1)}" y1="${r(y1)}" x2="${r(x2)}" y2="${r(y2)}" stroke="${stroke}" stroke-width="${width}"/>`;
}

export function svgDocument(width: number, height: number, title: string, description: string, body: string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${r(width)}" height="${r(height)}" viewBox="0 0 ${r(width)} ${r(height)}" role="img">`
    + `<title>${esc(title)}</title><desc>${esc(description)}</desc>${body.join('')}</svg>`;
}

/** Rough width of Roboto text at a size, for layout (average advance ≈ 0.5 em). */
export function textWidth(s: string, size: number): number {
  return s.length * size * 0.5;
}

/** Cuts a label to fit a width, with an ellipsis. */
export function fit(s: string, width: number, size: number): string {
  const max = Math.floor(width / (size * 0.5));
  return s.length <= max ? s : `${s.slice(0, Math.max(1, max - 1))}…`;
}

const r = (n: number): string => String(Math.round(n * 100) / 100);
