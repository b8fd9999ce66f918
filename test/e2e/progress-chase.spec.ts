// Chase letters: the preview of what would be chased, generating the PDF (downloaded, its first
// page rendered to PNG), and the chase recorded against each return (the grid shows the stage).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pdfText, pdfToPngs } from '../helpers/pdf.ts';
import { expect, openDemo, test } from './fixtures.ts';
import { ProgressPage } from './pages/ProgressPage.ts';
import { expectAccessible, screenshot } from './support.ts';

const RESULTS = path.resolve(import.meta.dirname, '../../test-results');

test('chase letters are previewed, generated as one PDF and recorded against each return', async ({ page, demoServer, pages }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' }); // dialogs appear at once (axe checks them fully drawn)
  await openDemo(page, demoServer, pages);
  await pages.frame.go('Progress');
  const p = new ProgressPage(page);
  await expect(p.grid).toBeVisible();
  const windowId = Number(await p.field('Assessment window').inputValue());

  // A late return not yet chased at the stage it has reached.
  const late = await page.evaluate(async (id) => {
    const api = (window as unknown as { register: Record<string, (i: unknown) => Promise<{ value: unknown }>> }).register;
    const grid = (await api.getReturnsGrid!({ windowId: id })).value as {
      subjects: { name: string }[];
      rows: { name: string; initials: string; cells: { status: string; slaStage: number; teacherId: number | null }[] }[];
    };
    for (const r of grid.rows) {
      const i = r.cells.findIndex((c) => c.status === 'late' && c.slaStage > 0 && c.teacherId !== null);
      if (i >= 0) return { name: r.name, initials: r.initials, subject: grid.subjects[i]!.name, stage: r.cells[i]!.slaStage };
    }
    throw new Error('The demo has no late, unchased return.');
  }, windowId);
  await p.field('Find a child').fill(late.name);
  const row = p.row(late.name, late.subject);
  await expect(p.status(row)).toContainText(/^Late/);

  // The preview: letters per teacher and provider, with their stage and items.
  await p.open('Chase letters');
  const letters = page.getByRole('button', { name: /reply by/ });
  await expect(letters.first()).toBeVisible();
  const count = await letters.count();
  expect(count).toBeGreaterThan(1);
  await letters.first().click();
  await expect(page.getByRole('table', { name: /^Items in the letter about/ }).first()).toBeVisible();
  await expectAccessible(page, 'progress: chase letters preview');
  await screenshot(page, 'progress-chase-preview');

  // Generate: a confirmation, then one PDF is downloaded and the chases are recorded.
  await page.getByRole('button', { name: 'Generate chase letters' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Generate chase letters?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`${count} letters`);
  await expectAccessible(page, 'progress: generate chase letters dialog');
  await p.windowScreenshot('progress-chase-confirm');
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Generate letters' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const pdf = fs.readFileSync(await download.path());
  await expect(page.getByRole('status').filter({ hasText: /saved as .*\.pdf\. Each chase is recorded/ })).toBeVisible();

  // The PDF: a letter per recipient; children by initials only; rendered for a reviewer to look at.
  const text = pdfText(pdf);
  expect(text).toContain('OFFICIAL-SENSITIVE');
  expect(text).toContain(late.subject);
  expect(text).not.toContain(late.name);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cic-letters-'));
  const [first] = pdfToPngs(pdf, path.join(tmp, 'letters'), { first: 1, last: 1 });
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.copyFileSync(first!, path.join(RESULTS, 'letters-first-page.png'));
  fs.rmSync(tmp, { recursive: true, force: true });

  // Generating again the same day would record nothing new.
  await expect(page.getByText(/already chased on this date/).first()).toBeVisible();
  await screenshot(page, 'progress-chase-generated');

  // The grid shows the chased stage; the return's history lists the letter.
  await p.open('Returns');
  await p.field('Find a child').fill(late.name);
  await expect(p.status(row)).toContainText(late.stage === 3 ? 'Escalated (stage 3)' : `Chased (stage ${late.stage})`);
  await p.cell(row, 'current').click();
  await expect(page.getByTestId('return-detail')).toContainText(new RegExp(`Stage ${late.stage} on \\d\\d/\\d\\d/\\d{4}`));
});
