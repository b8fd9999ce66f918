// Issue 7 in the browser, continued, on the demo register: the PEP list for an earlier term
// (approved PEPs with the Virtual School's ratings, one returned) and its LA filter; a submitted
// PEP returned by the Virtual School (the reason is required), rated, then reopened as a draft;
// and a Virtual School's PEP format (section order moved with the keyboard, a heading renamed,
// an optional section left out, the file name pattern with its preview), which the editor and the
// exported PDF then follow.

import fs from 'node:fs';
import path from 'node:path';
import { pdfText } from '../helpers/pdf.ts';
import { expect, openDemo, test } from './fixtures.ts';
import { PepEditorPage } from './pages/PepEditorPage.ts';
import { PepsPage } from './pages/PepsPage.ts';
import { expectAccessible, screenshot } from './support.ts';

const RESULTS = path.resolve(import.meta.dirname, '../../test-results');

test('an earlier term, a PEP returned with a reason and rated then reopened, and a Virtual School\'s format followed by the editor and the PDF', async ({ page, demoServer, pages }) => {
  test.setTimeout(90_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openDemo(page, demoServer, pages);
  await pages.frame.go('PEPs');
  const peps = new PepsPage(page);
  await peps.expectShown();

  // ---- the term before this one: approved and rated, superseded, one returned ----
  const current = await peps.filter('Term').inputValue();
  const terms = await peps.filter('Term').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  const earlier = terms[terms.indexOf(current) + 1]!;
  await peps.filter('Term').selectOption(earlier);
  await expect(peps.summary).toContainText(`${earlier.slice(8)} term ${earlier.slice(0, 7)}`);
  await expect(peps.rows.getByTestId('pep-status').filter({ hasText: 'Approved' }).first()).toBeVisible();
  await expect(peps.rows.getByTestId('pep-rating').first()).toBeVisible();
  const returned = peps.rows.filter({ has: page.getByTestId('pep-status').getByText('Returned', { exact: true }) });
  await expect(returned).toHaveCount(1);
  await expect(returned).toContainText('Amend and resubmit');
  await expectAccessible(page, 'peps: list, earlier term');
  await screenshot(page, 'peps-list-earlier-term');

  // Filter by LA: every row shown is that LA's.
  const la = (await peps.filter('Local authority').locator('option').allTextContents())[1]!;
  await peps.filter('Local authority').selectOption({ label: la });
  await expect(peps.rows.first()).toBeVisible();
  for (const row of await peps.rows.all()) await expect(row.getByRole('cell').nth(1)).toHaveText(la);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await peps.filter('Term').selectOption(current);

  // ---- a submitted PEP comes back from the Virtual School ----
  await peps.filter('Status').selectOption({ label: 'Submitted to the Virtual School' });
  const childName = (await peps.rows.first().getByRole('link').first().textContent())!.trim();
  await peps.openPep(childName);
  const editor = new PepEditorPage(page);
  await expect(editor.status).toHaveText('Submitted to the Virtual School');
  await expect(editor.readOnly).toBeVisible();
  const laName = (await page.getByTestId('pep-facts').locator('.fui-Badge').textContent())!.trim();

  await editor.lifecycleButton('Record as returned…').click();
  const dialog = editor.dialog('Record the PEP as returned');
  await dialog.getByRole('button', { name: 'Record as returned' }).click();
  await expect(dialog.getByText("Enter the Virtual School's reason for returning the PEP.")).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: "The Virtual School's reason" })).toBeFocused();
  await editor.expectDialogAccessible('peps: returned dialog with an error');
  await dialog.screenshot({ path: path.join(RESULTS, 'screenshots', 'peps-returned-dialog.png'), animations: 'disabled' });
  const reason = 'Target 2 needs success criteria that can be measured. Please amend and resubmit.';
  await dialog.getByRole('textbox', { name: "The Virtual School's reason" }).fill(reason);
  await dialog.getByRole('button', { name: 'Record as returned' }).click();
  await editor.expectClosed(dialog);
  await expect(editor.status).toHaveText('Returned by the Virtual School');
  await expect(page.getByTestId('pep-returned-reason')).toContainText(reason);
  await expect(page.getByTestId('pep-status-history')).toContainText(reason);

  // The Virtual School's rating on the returned PEP (the lowest on its scale).
  await editor.lifecycleButton('Record VS rating…').click();
  const rate = editor.dialog("The Virtual School's quality rating");
  const scale = await rate.getByRole('combobox', { name: 'Quality rating' }).locator('option').allTextContents();
  const worst = scale[scale.length - 1]!;
  await rate.getByRole('combobox', { name: 'Quality rating' }).selectOption({ label: worst });
  await rate.getByRole('textbox', { name: "The Virtual School's feedback" }).fill('Good voice; targets need sharper success criteria.');
  await editor.expectDialogAccessible('peps: quality dialog');
  await rate.screenshot({ path: path.join(RESULTS, 'screenshots', 'peps-quality-dialog.png'), animations: 'disabled' });
  await rate.getByRole('button', { name: 'Save rating' }).click();
  await editor.expectClosed(rate);
  await expect(editor.lifecycle.getByTestId('pep-rating')).toHaveText(new RegExp(`^${worst}`));
  await expectAccessible(page, 'peps: editor, returned');
  await screenshot(page, 'peps-editor-returned');

  // Reopened as a draft: editable again.
  await editor.lifecycleButton('Reopen as draft to amend').click();
  await expect(editor.status).toHaveText('Draft');
  await expect(editor.readOnly).toHaveCount(0);
  await expect(editor.section('voice').getByRole('textbox', { name: "In the child's own words" })).toBeVisible();

  // ---- the Virtual School's format ----
  await page.getByRole('link', { name: '‹ All PEPs' }).click();
  await peps.formatsButton.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Virtual School formats' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Local authority' }).selectOption({ label: laName });
  await expect(page.getByRole('heading', { level: 2, name: `Sections of ${laName}’s PEP` })).toBeVisible();
  expect((await peps.formatOrder()).slice(0, 3)).toEqual(['details', 'meeting', 'voice']);

  // The child's voice to the top, with the keyboard: focus stays on the section moved.
  const up = page.getByRole('button', { name: "Move The child's voice up" });
  await up.focus();
  await page.keyboard.press('Enter');
  await expect(up).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: "The child's voice moved to position 2 of 14." })).toBeAttached();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: "Move The child's voice down" })).toBeFocused();
  expect((await peps.formatOrder()).slice(0, 3)).toEqual(['voice', 'details', 'meeting']);

  await page.getByRole('textbox', { name: /\(Strengths and barriers to learning\)$/ }).fill('Strengths, interests and barriers');
  await page.getByRole('checkbox', { name: 'Include Education history and prior attainment' }).uncheck();
  await expect(page.getByRole('checkbox', { name: /Include The child's voice/ })).toHaveCount(0); // always included

  const pattern = page.getByRole('textbox', { name: 'File name pattern' });
  await pattern.fill('{LACode}_{name}.pdf');
  await expect(page.getByText('{name} is not a placeholder. Use one of those listed below.')).toBeVisible();
  await pattern.fill('{LACode}-PEP-{initials}-{termName}-{year}.pdf');
  await expect(page.getByTestId('format-preview')).toHaveText(/^[A-Za-z0-9]+-PEP-ZQ-(Autumn|Spring|Summer)-\d{4}-\d{2}\.pdf$/);
  await expect(page.getByText('Unsaved changes')).toBeVisible();
  await expectAccessible(page, 'peps: Virtual School format');
  await screenshot(page, 'peps-formats');
  await page.getByRole('button', { name: 'Save format' }).click();
  await expect(page.getByRole('status').filter({ hasText: `${laName}'s PEP format was saved.` })).toBeVisible();
  await expect(page.getByText('Unsaved changes')).toHaveCount(0);

  // The editor follows the Virtual School's order and headings; the section left out is marked.
  await page.getByRole('link', { name: '‹ All PEPs' }).click();
  await peps.filter('Status').selectOption({ label: 'All' });
  await peps.openPep(childName);
  const sectionOrder = () => page.locator('section[data-section]').evaluateAll((els) => els.map((e) => e.getAttribute('data-section')));
  // The cached PEP is shown at once and refetched after the format change: wait for the new order.
  await expect.poll(async () => (await sectionOrder()).slice(0, 3)).toEqual(['voice', 'details', 'meeting']);
  const order = await sectionOrder();
  expect(order[order.length - 1]).toBe('education_history');
  await expect(editor.section('strengths').getByRole('heading', { level: 2 })).toHaveText('Strengths, interests and barriers');
  await expect(editor.section('education_history')).toContainText('Not in this Virtual School’s layout');

  // ... and so does the PDF, named by the new pattern.
  await editor.lifecycleButton('Export PDF…').click();
  const exportDialog = editor.dialog('Export the PEP as a PDF');
  const downloading = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Export PDF' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^[A-Za-z0-9]+-PEP-[A-Z]{2,3}-(Autumn|Spring|Summer)-\d{4}-\d{2}\.pdf$/);
  const text = pdfText(fs.readFileSync(await download.path())).replace(/\s+/g, ' ');
  expect(text).toContain('Strengths, interests and barriers');
  expect(text).not.toContain('Education history and prior attainment');
  expect(text.indexOf("The child's voice")).toBeLessThan(text.indexOf('Child and care details'));

  // ---- an optional plan for a previously looked-after child (no statutory PEP) ----
  await page.getByRole('link', { name: '‹ All PEPs' }).click();
  const optional = page.getByTestId('pep-optional-plans');
  await optional.locator('summary').click();
  const create = optional.getByRole('button', { name: /^Create optional plan for / }).first();
  const plac = (await create.getAttribute('aria-label'))!.replace('Create optional plan for ', '');
  await create.click();
  await editor.expectShown(plac);
  await expect(page.getByTestId('pep-facts')).toContainText('Optional plan (previously looked after)');
  await expect(editor.section('views').getByRole('textbox', { name: "Parent's or guardian's views" })).toBeVisible();
  await expect(editor.section('views').getByRole('textbox', { name: "Social worker's views" })).toHaveCount(0);
});
