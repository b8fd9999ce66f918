// The Progress views on the demo register: completion by teacher and subject with each teacher's
// checklist, the meeting summary and its PDF, a child's grades across windows, assessment windows
// with "Request returns", and importing returns from a CSV (template, dry run, report, import).

import fs from 'node:fs';
import { pdfText } from '../helpers/pdf.ts';
import { expect, openDemo, test } from './fixtures.ts';
import { ProgressPage } from './pages/ProgressPage.ts';
import { expectAccessible, screenshot } from './support.ts';

test('completion, the meeting summary, a child\'s progress and the windows', async ({ page, demoServer, pages }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' }); // dialogs appear at once (axe checks them fully drawn)
  await openDemo(page, demoServer, pages);
  await pages.frame.go('Progress');
  const p = new ProgressPage(page);

  // Completion: bars by teacher and by subject (figures in text), and what each teacher still owes.
  await p.open('Completion');
  const byTeacher = page.getByRole('region', { name: 'Completion by teacher' });
  await expect(byTeacher.getByRole('listitem').first()).toContainText(/\d+% \(\d+\/\d+/);
  await expect(page.getByRole('region', { name: 'Completion by subject' }).getByRole('listitem')).not.toHaveCount(0);
  const firstTeacher = page.getByRole('button', { name: /returns? outstanding/ }).first();
  await firstTeacher.click();
  await expect(page.getByRole('table', { name: /^Outstanding returns for / })).toBeVisible();
  await expectAccessible(page, 'progress: completion');
  await screenshot(page, 'progress-completion');

  // The meeting summary: initials and year group only, on screen and in the PDF.
  await p.open('Meeting summary');
  const matrix = page.getByRole('table', { name: /^Progress by child/ });
  await expect(matrix.getByRole('rowheader').first()).toHaveText(/^[A-Z?]{1,2} (Y\d+|R|N)$/);
  await expect(page.getByRole('table', { name: 'Progress by subject' })).toContainText('English');
  await expectAccessible(page, 'progress: meeting summary');
  await screenshot(page, 'progress-summary');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download the summary (PDF)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const text = pdfText(fs.readFileSync(await download.path()));
  expect(text).toContain('OFFICIAL-SENSITIVE');
  await expect(page.getByRole('status').filter({ hasText: /^Saved .*\.pdf\.$/ })).toBeVisible();

  // One child's grades across the windows, with on-track and below-target flags.
  await p.open('Child progress');
  const childPicker = p.field('Child');
  const firstChild = await childPicker.locator('option').nth(1).textContent();
  await childPicker.selectOption({ index: 1 });
  const progress = page.getByRole('table', { name: /^Grades across windows for / });
  await expect(progress).toBeVisible();
  await expect(progress.getByRole('columnheader', { name: /Autumn 2026-27/ })).toBeVisible();
  await expect(progress.getByText(/On track|Below target|Above target/).first()).toBeVisible();
  expect(firstChild).toBeTruthy();
  await expectAccessible(page, 'progress: child progress');
  await screenshot(page, 'progress-child');

  // Windows per academic year; requesting returns for a window not yet requested says how many.
  await p.open('Assessment windows');
  await expect(page.getByRole('table', { name: 'Assessment windows 2026-27' })).toBeVisible();
  await expectAccessible(page, 'progress: assessment windows');
  await screenshot(page, 'progress-windows');
  const spring = page.getByRole('row', { name: /^Spring/ }).filter({ hasText: 'Not requested' }).first();
  await spring.getByRole('button', { name: /^Request returns for/ }).click();
  const dialog = page.getByRole('dialog', { name: /^Request returns for/ });
  await expect(dialog).toContainText('creates a return for every child on roll');
  await expectAccessible(page, 'progress: request returns dialog');
  await dialog.getByRole('button', { name: 'Request returns' }).click();
  await expect(dialog.getByTestId('request-result')).toContainText(/\d+ returns requested, due \d\d\/\d\d\/\d{4}/);
  await p.windowScreenshot('progress-request-returns');
  await dialog.getByRole('button', { name: 'Open the returns' }).click();
  await expect(p.grid).toBeVisible();
  await expect(p.completion).toContainText(/^0 of \d+/);

  // A new window: the form checks the date, then the window is listed.
  await p.open('Assessment windows');
  await page.getByRole('button', { name: 'Add an assessment window' }).click();
  await p.field('Academic year').selectOption({ label: '2026-27' });
  await p.field('Name').fill('Autumn 2');
  await p.field('Closes on').fill('31/11/2026');
  await p.field('Grade scale').selectOption({ label: 'GCSE 9–1' });
  await page.getByRole('button', { name: 'Save window' }).click();
  await expect(page.getByText('Enter a real date as dd/mm/yyyy')).toBeVisible();
  await expectAccessible(page, 'progress: window form');
  await screenshot(page, 'progress-window-form');
  await p.field('Closes on').fill('14/12/2026');
  await page.getByRole('button', { name: 'Save window' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Autumn 2 2026-27 saved.' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^Autumn 2 14\/12\/2026/ })).toBeVisible();
});

test('returns are imported from a CSV: template, a dry run with a row-by-row report, then the import', async ({ page, demoServer, pages }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' }); // dialogs appear at once (axe checks them fully drawn)
  await openDemo(page, demoServer, pages);
  await pages.frame.go('Progress');
  const p = new ProgressPage(page);
  await expect(p.grid).toBeVisible();
  const before = await p.received();

  await page.getByRole('button', { name: 'Import CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import returns from a CSV file' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'progress: import CSV dialog');
  const teacher = dialog.getByRole('combobox', { name: 'Returns of' });
  await teacher.selectOption({ index: 1 });
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download CSV template' }).click();
  const template = fs.readFileSync(await (await downloading).path(), 'utf8');
  const lines = template.split(/\r?\n/);
  expect(lines[0]).toContain('Ref,Child,Year,Subject,Class,Teacher,Due,Current,Target,Predicted');

  // A teacher fills in one outstanding return (a Year 7 to 11 child: grades 1 to 9), first with a typo.
  const at = lines.findIndex((l, i) => {
    const c = l.split(',');
    return i > 0 && c.length === 13 && c[7] === '' && /^Y(7|8|9|10|11)$/.test(c[2]!);
  });
  expect(at).toBeGreaterThan(0);
  const fill = (current: string) => {
    const out = [...lines];
    const c = out[at]!.split(',');
    c[7] = current;
    c[9] = '6';
    c[10] = '2';
    out[at] = c.join(',');
    return Buffer.from(out.join('\r\n'), 'utf8');
  };
  const file = dialog.getByLabel('Completed CSV file');
  await file.setInputFiles({ name: 'returns.csv', mimeType: 'text/csv', buffer: fill('5x') });
  await dialog.getByRole('button', { name: 'Check the file' }).click();
  const report = dialog.getByTestId('import-report');
  await expect(report).toContainText('1 row cannot be imported');
  await expect(report.getByRole('table', { name: 'Rows with problems' })).toContainText(String(at + 1));
  await expect(dialog.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  await expectAccessible(page, 'progress: import report');
  await p.windowScreenshot('progress-import-report');

  await file.setInputFiles({ name: 'returns.csv', mimeType: 'text/csv', buffer: fill('5') });
  await dialog.getByRole('button', { name: 'Check the file' }).click();
  await expect(report).toContainText('The file is ready to import');
  await dialog.getByRole('button', { name: /^Import \d+ rows?$/ }).click();
  await expect(report).toContainText(/Imported: \d+ returns? saved\./);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(p.completion).toContainText(`${before.returned + 1} of ${before.expected}`);
});
