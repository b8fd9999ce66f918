// The window summary for the progress support meeting: per child (initials and year group only)
// on-track / below target by subject, and the variation across the cohort.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { windowSummaryDocument } from '../../../main/documents/windowSummary.ts';
import { getWindowSummary, requestReturns, saveReturnCells, windowSummaryPdf } from '../../../main/services/progress/index.ts';
import { cleanupTempDirs } from '../../helpers/db.ts';
import { pdfText, pdfToPngs } from '../../helpers/pdf.ts';
import { CHILDREN, type Fixture, progressFixture } from '../services/progress/fixture.ts';

let f: Fixture;

beforeAll(async () => {
  f = await progressFixture();
  requestReturns(f.register, f.windowId, '2025-12-01');
  const c = (childId: number, subjectId: number, current: string, target: string, predicted: string) => ({ childId, subjectId, current, target, predicted });
  saveReturnCells(f.register, f.windowId, [
    c(f.children.zq, f.subjects.english, '6', '7', '7'), // on track (predicted = target)
    c(f.children.zq, f.subjects.maths, '4', '6', '5'), // below by 1
    c(f.children.bf, f.subjects.english, '6-', '5+', '6'), // above by 2
    c(f.children.bf, f.subjects.maths, '4', '5', '4+'), // below by 2
    c(f.children.im, f.subjects.english, '3', '3', '3'), // on track
  ], '2025-12-10');
});

afterAll(() => {
  f.register.close();
  cleanupTempDirs();
});

describe('window summary data', () => {
  it('flags each child\'s subjects and counts the spread by subject and year group', () => {
    const s = getWindowSummary(f.register, f.windowId, '2025-12-18');
    expect(s.children.map((c) => [c.initials, c.yearGroup, c.below, c.onTrackOrAbove])).toEqual([['IM', 7, 0, 1], ['BF', 9, 1, 1], ['ZQ', 10, 1, 1]]);
    const english = s.bySubject.find((x) => x.name === 'English')!;
    expect(english).toMatchObject({ assessed: 3, above: 1, onTrack: 2, below: 0, noGrade: 0, meanSteps: 0.7, minSteps: 0, maxSteps: 2 });
    const maths = s.bySubject.find((x) => x.name === 'Maths')!;
    expect(maths).toMatchObject({ assessed: 2, below: 2, noGrade: 1, minSteps: -2, maxSteps: -1 });
    expect(s.overall).toMatchObject({ assessed: 5, above: 1, onTrack: 2, below: 2 });
    expect(s.byYearGroup.map((y) => [y.yearGroup, y.children, y.below])).toEqual([[7, 1, 0], [9, 1, 1], [10, 1, 1]]);
    expect(s.completion).toMatchObject({ expected: 7, returned: 5 });
  });
});

describe('window summary PDF', () => {
  let text: string;
  let pdf: Buffer;

  beforeAll(async () => {
    const r = await windowSummaryPdf(f.register, f.windowId, { generatedAt: new Date(2025, 11, 18, 9, 0) });
    expect(r.files[0]).toMatchObject({ fileName: 'window-summary-2025-26-autumn-2.pdf', mimeType: 'application/pdf' });
    pdf = Buffer.from(r.files[0]!.base64, 'base64');
    text = pdfText(pdf, { layout: true });
  });

  it('is landscape, titled for the meeting, with completion and the cohort tables', () => {
    const def = windowSummaryDocument(getWindowSummary(f.register, f.windowId), { schoolName: 'S', generatedAt: new Date() });
    expect(def.pageOrientation).toBe('landscape');
    expect(text).toContain('Progress support meeting: Autumn 2 2025-26');
    expect(text).toMatch(/Window closed 05\/12\/2025 · returns received 5 of 7 \(71%\) · 2 outstanding · 3 children/);
    expect(text).toContain('Variation across the cohort, by subject');
    expect(text).toMatch(/English\s+3\s+1\s+2\s+0\s+0\s+100%\s+\+0\.7\s+0 to \+2/);
    expect(text).toMatch(/Maths\s+3\s+0\s+0\s+2\s+1\s+0%\s+-1\.5\s+-2 to -1/);
    expect(text).toContain('below target');
    expect(text).toContain('on track');
  });

  it('names children by initials and year group only', () => {
    const flat = text.replace(/\s+/g, ' ');
    for (const c of CHILDREN) {
      expect(flat).not.toContain(c.first);
      expect(flat).not.toContain(c.last);
      if (c.upn) expect(flat).not.toContain(c.upn);
      if (c.dob) expect(flat).not.toContain(c.dob.split('-').reverse().join('/'));
    }
    expect(text).toMatch(/ZQ\s+Y10/);
  });

  it('renders for review (test-results/window-summary-page1.png)', () => {
    const out = path.resolve(import.meta.dirname, '../../../test-results');
    fs.mkdirSync(out, { recursive: true });
    const [png] = pdfToPngs(pdf, path.join(out, 'window-summary-render'));
    fs.renameSync(png!, path.join(out, 'window-summary-page1.png'));
  });
});
