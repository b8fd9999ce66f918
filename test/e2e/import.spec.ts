// Issue 4: import from the MIS in the browser. A pupils file with two bad rows is refused row by row
// and nothing is imported; the fixed file then imports; an attendance summary with an unfamiliar
// header goes through the column-mapping step, and the child's attendance shows with its highlight.

import fs from 'node:fs';
import path from 'node:path';
import { expect, openDemo, test } from './fixtures.ts';
import { ChildFilePage } from './pages/ChildFilePage.ts';
import { ChildrenPage } from './pages/ChildrenPage.ts';
import { expectAccessible, screenshot } from './support.ts';

const CSV = path.resolve(import.meta.dirname, '../fixtures/csv');

function ukDate(days = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
}

test('import pupils (two bad rows: nothing imported until fixed), then attendance with a column mapped by hand', async ({ page, demoServer, pages }) => {
  const children = new ChildrenPage(page);
  const file = new ChildFilePage(page);
  await openDemo(page, demoServer, pages);
  await pages.frame.go('Children');
  await expect(children.count).toHaveText('36 children');

  // ---- pupils: two rejected rows, with reasons; the import is refused ----
  await children.importButton.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import from the MIS' })).toBeVisible();
  await expectAccessible(page, 'import: choose file');
  await page.getByRole('button', { name: 'Preview the import' }).click();
  await expect(page.getByText('Choose the CSV file exported from your MIS.')).toBeVisible();
  await children.importFile().setInputFiles(path.join(CSV, 'pupils-two-bad-rows.csv'));
  await page.getByRole('button', { name: 'Preview the import' }).click();
  await expect(children.importCount('rejected')).toContainText('2');
  await expect(children.importCount('new')).toContainText('3');
  // The rejected rows are shown first, each with its reason.
  await expect(children.importRows()).toHaveCount(2);
  await expect(children.importRows('rejected').filter({ hasText: 'A992300115010' })).toContainText('check letter');
  await expect(children.importRows('rejected').nth(1)).toContainText(/date/i);
  await expect(page.getByTestId('import-blocked')).toContainText('Nothing is imported until every row is fixed.');
  const commit = page.getByRole('button', { name: 'Import', exact: true });
  await expect(commit).toBeDisabled();
  await expectAccessible(page, 'import: pupils preview with rejected rows');
  await screenshot(page, 'children-import-rejected');

  // Nothing was imported: the register still has 36 children on roll.
  await page.getByRole('link', { name: '‹ All children' }).click();
  await expect(children.count).toHaveText('36 children');

  // ---- the fixed file imports ----
  await children.importButton.click();
  await children.importFile().setInputFiles(path.join(CSV, 'pupils-two-bad-rows-fixed.csv'));
  await page.getByRole('button', { name: 'Preview the import' }).click();
  await expect(children.importCount('new')).toContainText('5');
  await expect(children.importCount('rejected')).toContainText('0');
  await expect(children.importRows('new')).toHaveCount(5);
  await page.getByRole('button', { name: 'Import 5 rows' }).click();
  await expect(page.getByTestId('import-result')).toContainText('5 children added, 0 children updated, 0 unchanged.');
  await expectAccessible(page, 'import: result');
  await screenshot(page, 'children-import-done');
  await page.getByTestId('import-result').getByRole('link', { name: 'Go to the children' }).click();
  await expect(children.count).toHaveText('41 children');
  await children.search.fill('Wintergreen');
  await expect(children.rows).toHaveCount(1);

  // ---- attendance: an unfamiliar UPN header, mapped by hand; the period given here ----
  const original = fs.readFileSync(path.join(CSV, 'attendance-percent-only.csv'), 'utf8');
  const renamed = original.replace(/^UPN,/, 'Pupil identifier,');
  await page.getByRole('link', { name: 'Import from MIS' }).click();
  await page.getByRole('radio', { name: /^Attendance summary/ }).check();
  await children.importFile().setInputFiles({ name: 'attendance-autumn.csv', mimeType: 'text/csv', buffer: Buffer.from(renamed, 'utf8') });
  const from = page.getByRole('textbox', { name: 'From', exact: true });
  const to = page.getByRole('textbox', { name: 'To', exact: true });
  await from.fill(ukDate(-28));
  await to.fill('32/13/2025');
  await page.getByRole('button', { name: 'Preview the import' }).click();
  await expect(page.getByText('Enter a real date as dd/mm/yyyy, for example 01/09/2025.')).toBeVisible();
  await to.fill(ukDate(-1));
  await page.getByRole('button', { name: 'Preview the import' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'UPN' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Pupil identifier/ })).toContainText('Not recognised');
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toBeDisabled();
  const mapping = page.getByRole('combobox', { name: 'Field for the column Pupil identifier' });
  await expect(mapping).toHaveValue('');
  await expectAccessible(page, 'import: column mapping');
  await screenshot(page, 'children-import-mapping');
  await mapping.selectOption({ label: 'UPN (required)' });
  await page.getByRole('button', { name: 'Preview again with these columns' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'UPN' })).toHaveCount(0);
  await expect(children.importCount('new')).toContainText('2');
  await expect(children.importCount('rejected')).toContainText('0');
  await page.getByRole('button', { name: 'Import 2 rows' }).click();
  await expect(page.getByTestId('import-result')).toContainText('2 attendance periods added');

  // The child's attendance shows the percentage, highlighted below the PEP-review threshold (85%).
  await page.getByTestId('import-result').getByRole('link', { name: 'Go to the children' }).click();
  await children.search.fill('Wintergreen');
  await expect(children.rows.first()).toContainText('83.3%');
  await expect(children.rows.first()).toContainText('PEP review');
  await children.openChild('Wintergreen, Cosmo');
  await file.openTab('Attendance and exclusions');
  await expect(page.getByTestId('attendance-latest')).toHaveText('83.3%');
  const row = page.getByTestId('attendance-row').first();
  await expect(row).toHaveAttribute('data-band', 'pep-review');
  await expect(row).toContainText('83.3%');
  await expect(row).toContainText('PEP review');
  await expect(row).toContainText('MIS import');
  await expect(file.alerts.first()).toBeVisible();
  await screenshot(page, 'children-import-attendance');
});
