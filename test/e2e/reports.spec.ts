// The Reports area (issue 8): a pupil survey response entered with a child, the annual report for
// the current year (anonymous: no child's name anywhere), a narrative section edited and still
// there after a reload, and the report exported as PDF (first pages rendered to PNG) and .docx.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pdfText, pdfToPngs } from '../helpers/pdf.ts';
import { expect, openDemo, test } from './fixtures.ts';
import { ReportsPage } from './pages/ReportsPage.ts';
import { expectAccessible, screenshot } from './support.ts';

const RESULTS = path.resolve(import.meta.dirname, '../../test-results');

test('a survey response is entered with a child and counted in the results', async ({ page, demoServer, pages }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openDemo(page, demoServer, pages);
  await pages.frame.go('Reports');
  const r = new ReportsPage(page);

  await r.open('Pupil survey');
  const rows = page.getByTestId('survey-child-row');
  await expect(rows.first()).toBeVisible();
  const before = Number(await page.getByRole('group', { name: 'Responses' }).locator('[data-part="value"]').textContent());
  await expectAccessible(page, 'reports: pupil survey');
  await screenshot(page, 'reports-survey');

  // A child with no answers yet this year.
  const row = rows.filter({ hasText: 'Not yet' }).first();
  const link = row.getByRole('link');
  const name = (await link.textContent())!.trim();
  await link.click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^Survey: ${name}`) })).toBeVisible();

  // Answer every question by its type.
  const questions = page.getByTestId('survey-question');
  const n = await questions.count();
  expect(n).toBeGreaterThan(2);
  const kinds = new Set<string>();
  for (let i = 0; i < n; i++) {
    const q = questions.nth(i);
    const radios = q.getByRole('radio');
    const boxes = q.getByRole('checkbox');
    if (await radios.count() === 5) {
      await radios.nth(3).check();
      kinds.add('scale');
    } else if (await radios.count() > 0) {
      await radios.first().check();
      kinds.add(await radios.first().getAttribute('value') === 'yes' ? 'yes/no' : 'choice');
    } else if (await boxes.count() > 0) {
      await boxes.first().check();
      kinds.add('multiple');
    } else {
      await q.getByRole('textbox').fill('Working in a small group with my key adult.');
      kinds.add('text');
    }
  }
  expect(kinds.has('scale')).toBe(true);
  await expectAccessible(page, 'reports: survey response');
  await screenshot(page, 'reports-survey-response');
  await page.getByRole('button', { name: 'Save answers' }).click();
  await r.expectSaved(`${name}'s answers for`);

  // Back on the year's survey: recorded, and counted.
  await page.getByRole('link', { name: /^‹ The .* survey$/ }).click();
  await expect(rows.filter({ hasText: name }).first()).toContainText('Recorded');
  await expect(page.getByRole('group', { name: 'Responses' }).locator('[data-part="value"]')).toHaveText(String(before + 1));
  await expect(page.getByTestId('survey-result').first()).toBeVisible();

  // The questions: list, reorder, and the add dialog.
  await r.open('Survey questions');
  const qrows = page.getByTestId('survey-question-row');
  const first = (await qrows.first().locator('span').first().textContent())!.replace(/^1\. /, '');
  await qrows.first().getByRole('button', { name: /^Move down/ }).click();
  await expect(qrows.nth(1)).toContainText(first);
  await expectAccessible(page, 'reports: survey questions');
  await screenshot(page, 'reports-survey-questions');
  await page.getByRole('button', { name: 'Add a question' }).click();
  const dialog = r.dialog('Add a question');
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'reports: add a question dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
});

test('the annual report is anonymous, its narrative is edited and it exports as PDF and .docx', async ({ page, demoServer, pages }) => {
  test.setTimeout(90_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openDemo(page, demoServer, pages);
  await pages.frame.go('Reports');
  const r = new ReportsPage(page);
  await expect(r.report).toBeVisible();
  await expect(r.report).toContainText('Small numbers are suppressed');
  const year = await r.year.inputValue();
  expect(year).toMatch(/^\d{4}-\d{2}$/);

  // The demo children's names (from the register itself) appear nowhere on the report screen.
  const names = await page.evaluate(async () => {
    const api = (window as unknown as { register: Record<string, (i: unknown) => Promise<{ value: unknown }>> }).register;
    const list = (await api.listChildren!({ view: 'all' })).value as { rows: { legalFirstName: string; legalLastName: string; preferredName: string | null }[] };
    return list.rows.map((c) => `${c.preferredName ?? c.legalFirstName} ${c.legalLastName}`);
  });
  expect(names.length).toBeGreaterThan(10);
  const reportText = (await page.locator('main').innerText());
  for (const n of names) expect(reportText).not.toContain(n);
  const lastNames = names.map((n) => n.split(' ').pop()!).filter((l) => l.length > 4);
  for (const l of lastNames.slice(0, 15)) expect(reportText, `last name ${l}`).not.toMatch(new RegExp(`\\b${l}\\b`));
  await expectAccessible(page, 'reports: annual report');
  await screenshot(page, 'reports-annual-report');
  // The long report in readable pieces, for review.
  await page.screenshot({ path: path.join(RESULTS, 'screenshots/reports-annual-report-top.png') });

  // Edit a narrative section: saved, and still there after a reload.
  await r.open('Figures and narrative');
  const priorities = r.narrative('priorities');
  const text = `Priorities ${Date.now()}: every child to have a key adult; PEP targets reviewed each half term.`;
  await priorities.getByRole('textbox').fill(text);
  await priorities.getByRole('button', { name: /^Save/ }).click();
  await expect(priorities.getByRole('status')).toContainText('Saved: Priorities for next year');
  await expectAccessible(page, 'reports: figures and narrative');
  await screenshot(page, 'reports-figures-and-narrative');

  // The dialogs: training and a benchmark.
  await page.getByRole('button', { name: 'Add training' }).click();
  const training = r.dialog('Add training');
  await expect(training).toBeVisible();
  const trainedOn = `15/10/${year.slice(0, 4)}`;
  await training.getByRole('textbox', { name: 'Date' }).fill(trainedOn);
  await training.getByRole('textbox', { name: 'Training' }).fill('Attachment-aware classrooms');
  await training.getByRole('textbox', { name: 'Audience' }).fill('All teaching staff');
  await training.getByRole('textbox', { name: 'Delivered by' }).fill('Virtual School');
  await expectAccessible(page, 'reports: add training dialog');
  await training.getByRole('button', { name: 'Add training' }).click();
  await expect(training).toBeHidden();
  await expect(page.getByTestId('training-row').filter({ hasText: 'Attachment-aware classrooms' })).toContainText(trainedOn);
  await page.getByTestId('benchmark-row').first().getByRole('button', { name: /^Edit benchmark/ }).click();
  const bench = r.dialog(/^Benchmark: /);
  await expect(bench).toBeVisible();
  await expectAccessible(page, 'reports: benchmark dialog');
  await bench.getByRole('button', { name: 'Cancel' }).click();
  await expect(bench).toBeHidden();

  await page.reload();
  await expect(r.narrative('priorities').getByRole('textbox')).toHaveValue(text);

  // The report shows it, and exports.
  await r.open('Annual report');
  await expect(page.getByTestId('narrative-priorities')).toContainText(text);
  await expect(r.report).toContainText('Attachment-aware classrooms');

  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PDF' }).click();
  const pdfFile = await pdfDownload;
  expect(pdfFile.suggestedFilename()).toMatch(/\.pdf$/);
  const pdf = fs.readFileSync(await pdfFile.path());
  await r.expectSaved(/The report was saved as .*\.pdf/);
  const pdfTextContent = pdfText(pdf);
  expect(pdfTextContent).toContain('OFFICIAL-SENSITIVE');
  for (const n of names) expect(pdfTextContent).not.toContain(n);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cic-report-'));
  const pngs = pdfToPngs(pdf, path.join(tmp, 'report'), { first: 1, last: 2 }).sort();
  expect(pngs.length).toBe(2);
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.copyFileSync(pngs[0]!, path.join(RESULTS, 'report-e2e-page1.png'));
  fs.copyFileSync(pngs[1]!, path.join(RESULTS, 'report-e2e-page2.png'));
  fs.rmSync(tmp, { recursive: true, force: true });

  const docxDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export Word (.docx)' }).click();
  const docx = await docxDownload;
  expect(docx.suggestedFilename()).toMatch(/\.docx$/);
  expect(fs.readFileSync(await docx.path()).subarray(0, 2).toString('latin1')).toBe('PK');
  await r.expectSaved(/The report was saved as .*\.docx/);
  await screenshot(page, 'reports-exported');
});
