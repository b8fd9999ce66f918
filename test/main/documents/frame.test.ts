import { describe, expect, it } from 'vitest';
import { framedDocument, table } from '../../../main/documents/frame.ts';
import { formatDate, parseUkDate } from '../../../main/documents/format.ts';
import { renderPdf } from '../../../main/documents/render.ts';
import { pdfPageCount, pdfText } from '../../helpers/pdf.ts';

describe('document frame', () => {
  it('is A4 with school name, OFFICIAL-SENSITIVE and "Page X of Y" on every page', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [`Row ${i + 1}`, String(i)]);
    const def = framedDocument({ schoolName: 'Fictional Academy', title: 'Test', generatedAt: new Date(2026, 10, 23, 9, 5) }, [
      { text: 'Heading', style: 'title' }, table(['Name', 'Value'], rows),
    ]);
    expect(def.pageSize).toBe('A4');
    const pdf = await renderPdf(def);
    const pages = pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(1);
    const text = pdfText(pdf);
    expect(text.match(/OFFICIAL-SENSITIVE ·/g)?.length).toBe(pages);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text).toContain('Generated 23/11/2026 09:05');
    expect(text.match(/Fictional Academy/g)?.length).toBe(pages);
  });

  it('never fetches a URL or reads a local file named in a definition', async () => {
    const base = { schoolName: 'S', title: 'T', generatedAt: new Date() };
    await expect(renderPdf(framedDocument(base, [{ image: 'http://127.0.0.1:9/x.png' }]))).rejects.toThrow();
    await expect(renderPdf(framedDocument(base, [{ image: '/etc/hostname' }]))).rejects.toThrow();
  });

  it('can password-protect a PDF', async () => {
    const pdf = await renderPdf(framedDocument({ schoolName: 'S', title: 'T', generatedAt: new Date(), userPassword: 'open sesame' }, ['secret text']));
    expect(pdf.includes(Buffer.from('/Encrypt'))).toBe(true);
    expect(pdf.includes(Buffer.from('secret text'))).toBe(false);
  });
});

describe('en-GB dates', () => {
  it('formats ISO as dd/mm/yyyy and parses it back, rejecting impossible dates', () => {
    expect(formatDate('2026-03-07')).toBe('07/03/2026');
    expect(parseUkDate('07/03/2026')).toBe('2026-03-07');
    expect(parseUkDate('7/3/2026')).toBe('2026-03-07');
    expect(parseUkDate('31/02/2026')).toBeNull();
    expect(parseUkDate('2026-03-07')).toBeNull();
  });
});
