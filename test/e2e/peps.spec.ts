// Issue 7 in the browser: a PEP from the register to the Virtual School, on the CLI's demo register
// (PEP history for several terms; current-term drafts; one looked-after child with no PEP yet).
// Create a PEP for a child, edit the child's voice, add two targets (one not SMART: the live prompt
// shows; then fixed: the prompt clears), mark it ready, export the PDF (with and without a
// password; the first two pages rendered to PNG), record it as submitted, then approved with the
// Virtual School's rating. axe-core on the list, the editor and the dialogs.

import fs from 'node:fs';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import { pdfText, pdfToPngs } from '../helpers/pdf.ts';
import { expect, openDemo, test } from './fixtures.ts';
import { PepEditorPage } from './pages/PepEditorPage.ts';
import { PepsPage } from './pages/PepsPage.ts';
import { expectAccessible, screenshot } from './support.ts';

const RESULTS = path.resolve(import.meta.dirname, '../../test-results');
const field = PepEditorPage.field;

/** dd/mm/yyyy for today plus `days` (the register checks dates against the real today). */
function ukDate(days = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
}

/** A dialog on its own (a full-page picture would be mostly the grey backdrop). */
async function dialogShot(dialog: Locator, name: string): Promise<void> {
  await dialog.screenshot({ path: path.join(RESULTS, 'screenshots', `${name}.png`), animations: 'disabled' });
}

test('create a PEP, write the voice, SMART targets, mark ready, export the PDF, submit it and record the Virtual School\'s rating', async ({ page, demoServer, pages }) => {
  test.setTimeout(90_000);
  await page.emulateMedia({ reducedMotion: 'reduce' }); // dialogs appear at once (axe checks them fully drawn)
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(demoServer.url).origin });
  await openDemo(page, demoServer, pages);
  await pages.frame.go('PEPs');
  const peps = new PepsPage(page);
  await peps.expectShown();

  // ---- the list: the current term, every status in words and colour, and who has no PEP yet ----
  await expect(peps.filter('Term')).toHaveValue(/^\d{4}-\d{2}-(Autumn|Spring|Summer)$/);
  await expect(peps.rows).not.toHaveCount(0);
  await expect(peps.rows.getByTestId('pep-status').filter({ hasText: 'Draft' }).first()).toBeVisible();
  await expectAccessible(page, 'peps: list');
  await screenshot(page, 'peps-list');

  // Filters by status: only the submitted ones (and no "not started" table).
  await peps.filter('Status').selectOption({ label: 'Submitted to the Virtual School' });
  await expect(peps.notStarted).toHaveCount(0);
  for (const s of await peps.rows.getByTestId('pep-status').allTextContents()) expect(s).toBe('Submitted');
  await peps.filter('Status').selectOption({ label: 'All' });

  // ---- start over: delete a child's draft (a termly review), then draft it again from the register ----
  const draftRow = peps.rows.filter({ hasText: 'Termly review' }).filter({ has: page.getByTestId('pep-status').getByText('Draft', { exact: true }) }).first();
  const childName = (await draftRow.getByRole('link').first().textContent())!.trim();
  await peps.openPep(childName);
  const editor = new PepEditorPage(page);
  await editor.lifecycleButton('Delete draft').click();
  const deleteDialog = editor.dialog('Delete this draft PEP?');
  await editor.expectDialogAccessible('peps: delete dialog');
  await deleteDialog.getByRole('button', { name: 'Delete draft' }).click();
  await peps.expectShown();
  await expect(page.getByRole('status').filter({ hasText: `The draft PEP for ${childName}` })).toBeVisible();
  await expect(peps.row(childName)).toHaveCount(0);
  await peps.notStarted.filter({ hasText: childName }).getByRole('button', { name: `Create PEP for ${childName}` }).click();
  await editor.expectShown(childName);
  await expect(editor.note(`PEP drafted for ${childName}`)).toBeVisible();
  await expect(editor.status).toHaveText('Draft');
  await expect(editor.section('details')).toContainText('Date of birth');
  const startPercent = await editor.percentDone();
  expect(startPercent).toBeLessThan(100);
  // Only the moves the register allows: a draft can be marked ready (not submitted).
  await expect(editor.lifecycleButton('Mark ready')).toBeVisible();
  await expect(editor.lifecycleButton(/Submit to Virtual School/)).toHaveCount(0);

  // ---- the child's voice (saves itself), the views, the meeting ----
  const voiceText = 'I like science and football. I would like help with my times tables, and to keep seeing Miss Hart on Mondays.';
  await field(editor.section('voice'), "In the child's own words").fill(voiceText);
  await editor.expectAllSaved();
  const views = editor.section('views');
  await field(views, "Carer's views").fill('Settled and happier at home; would like more notice of homework deadlines.');
  await field(views, "Social worker's views").fill('Placement is stable. Supports PP+ for maths tuition.');
  const strengths = editor.section('strengths');
  await field(strengths, 'Strengths and interests').fill('Curious in science; kind to younger pupils; plays for the school football team.');
  await field(strengths, 'Barriers to learning').fill('Gaps in times tables; anxiety before tests.');
  await editor.expectAllSaved();

  const meeting = editor.section('meeting');
  await field(meeting, 'Meeting date').fill(ukDate(0));
  await field(meeting, 'Meeting date').press('Enter');
  await meeting.getByRole('button', { name: 'Add all' }).click();
  await expect(meeting.getByTestId('pep-attendee')).not.toHaveCount(0);
  await expect(meeting.getByText('Unsaved changes')).toBeVisible();
  await meeting.getByRole('button', { name: 'Save attendees' }).click();
  await expect(meeting.getByRole('status').filter({ hasText: /^Saved: \d+ (people|person)\.$/ })).toBeVisible();

  // The previous PEP's first target: met (so it is not carried forward).
  const review = editor.section('previous_targets').getByTestId('pep-review').first();
  await review.getByRole('radio', { name: 'Met', exact: true }).check();
  await review.getByRole('textbox', { name: 'Note on the outcome' }).fill('Met in the last assessment.');
  await review.getByRole('button', { name: 'Save review of previous target 1' }).click();
  await expect(review.getByRole('status')).toHaveText('Saved.');
  await editor.expectAllSaved();
  const afterWriting = await editor.percentDone();
  expect(afterWriting).toBeGreaterThan(startPercent);

  // ---- target 1: not SMART, so the live prompts show (gently); saving is still allowed ----
  const targets = editor.section('targets');
  await targets.getByRole('button', { name: 'Add a target' }).click();
  let form = targets.getByRole('form', { name: 'Add a target' });
  await field(form, 'Area').fill('Maths');
  await field(form, 'Target').fill('Try harder in maths');
  await expect(editor.smartTodo(form)).toHaveCount(4);
  await expect(form.getByTestId('smart-hints')).toContainText('Add the date by which this should be achieved');
  await expect(form.getByTestId('smart-summary')).toHaveText('0 of 4 checks met. These are suggestions: you can save the target as it is.');
  await expectAccessible(page, 'peps: editor with a target form');
  await form.getByTestId('smart-hints').screenshot({ path: path.join(RESULTS, 'screenshots', 'peps-smart-prompts.png'), animations: 'disabled' });
  await form.getByRole('button', { name: 'Add target' }).click();
  await expect(editor.note('Target 1 added. It is not yet SMART')).toBeVisible();
  await expect(editor.targets.nth(0).getByTestId('target-smart')).toHaveText('Not yet SMART (0 of 4)');

  // ... then fixed: every prompt clears as it is typed.
  await targets.getByRole('button', { name: 'Edit target 1' }).click();
  form = targets.getByRole('form', { name: 'Edit target 1' });
  await field(form, 'Target').fill('Recall multiplication facts to 12 × 12 quickly and accurately');
  // Specific and measurable now (a skill and a number); still no date or owner.
  await expect(editor.smartTodo(form)).toHaveCount(2);
  expect(await editor.smartTodo(form).evaluateAll((els) => els.map((e) => e.getAttribute('data-criterion')))).toEqual(['timeBound', 'owner']);
  await field(form, 'Success criteria').fill('Scores at least 45 out of 50 on the weekly times tables check');
  await field(form, 'By when').fill(ukDate(70));
  await field(form, 'Who will lead it').fill('Maths teacher (Mr Okafor)');
  await field(form, 'PP+ amount (£)').fill('300');
  await expect(editor.smartTodo(form)).toHaveCount(0);
  await expect(form.getByTestId('smart-summary')).toHaveText('All four checks are met.');
  await expect(form.getByTestId('smart-prompt')).toHaveCount(0);
  await form.getByRole('button', { name: 'Save target' }).click();
  await expect(editor.note('Target 1 saved.')).toBeVisible();
  await expect(editor.targets.nth(0).getByTestId('target-smart')).toHaveText('SMART');
  await expect(editor.targets.nth(0)).toContainText('£300');

  // ---- target 2: SMART as written ----
  await targets.getByRole('button', { name: 'Add a target' }).click();
  form = targets.getByRole('form', { name: 'Add a target' });
  await field(form, 'Area').fill('Reading');
  await field(form, 'Target').fill('Read a book of their choice with the key adult for 20 minutes, four evenings a week');
  await field(form, 'Success criteria').fill('Reading age rises by at least 6 months on the next reading test');
  await field(form, 'By when').fill(ukDate(90));
  await field(form, 'Who will lead it').fill('Key adult');
  await expect(editor.smartTodo(form)).toHaveCount(0);
  await form.getByRole('button', { name: 'Add target' }).click();
  await expect(editor.note('Target 2 added.')).toBeVisible();
  await expect(editor.targets).toHaveCount(2);
  await expect(editor.targets.getByTestId('target-smart')).toHaveText(['SMART', 'SMART']);

  // ---- an action, in its dialog ----
  await editor.section('actions').getByRole('button', { name: 'Add an action' }).click();
  const actionDialog = editor.dialog('Add an action');
  await field(actionDialog, 'Action').fill('Arrange weekly maths tuition, funded by PP+');
  await field(actionDialog, 'Owner').fill('Designated Teacher');
  await field(actionDialog, 'Due by').fill(ukDate(14));
  await editor.expectDialogAccessible('peps: action dialog');
  await dialogShot(actionDialog, 'peps-action-dialog');
  await actionDialog.getByRole('button', { name: 'Add action' }).click();
  await editor.expectClosed(actionDialog);
  await expect(editor.section('actions').getByTestId('pep-action')).toHaveCount(1);
  await editor.expectAllSaved();
  expect(await editor.percentDone()).toBeGreaterThan(afterWriting);

  // ---- copy a section for the Virtual School's online form ----
  await editor.section('voice').getByRole('button', { name: /^Copy section: / }).click();
  await expect(editor.section('voice').getByRole('status').filter({ hasText: /^Copied “.+”: paste it into the Virtual School’s form\.$/ })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(voiceText);

  await page.locator('#main').evaluate((m) => m.scrollTo(0, 0));
  await expectAccessible(page, 'peps: editor');
  await screenshot(page, 'peps-editor-draft');

  // ---- mark ready ----
  await editor.lifecycleButton('Mark ready').click();
  await expect(editor.status).toHaveText('Ready to submit');
  await expect(editor.lifecycleButton('Back to draft')).toBeVisible();
  await expect(editor.lifecycleButton('Mark ready')).toHaveCount(0);

  // ---- export: with a password for email (the note says to send it separately), then plain ----
  await editor.lifecycleButton('Export PDF…').click();
  let exportDialog = editor.dialog('Export the PEP as a PDF');
  await exportDialog.getByRole('checkbox', { name: 'Protect the PDF with a password (for sending by email)' }).check();
  await expect(exportDialog).toContainText('Send the password separately');
  await exportDialog.getByRole('textbox', { name: 'PDF password' }).fill('short');
  await exportDialog.getByRole('button', { name: 'Export protected PDF' }).click();
  await expect(exportDialog.getByText('A PDF password must be at least 6 characters.')).toBeVisible();
  await editor.expectDialogAccessible('peps: export dialog');
  await dialogShot(exportDialog, 'peps-export-dialog');
  await exportDialog.getByRole('textbox', { name: 'PDF password' }).fill('violet-harbour-42');
  let downloading = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Export protected PDF' }).click();
  let download = await downloading;
  const fileName = download.suggestedFilename();
  // The LA's pattern (the default: LA, initials, term), never the child's name.
  expect(fileName).toMatch(/^PEP_[A-Za-z]+_[A-Z]{2,3}_\d{4}-\d{2}-(Autumn|Spring|Summer)\.pdf$/);
  for (const part of childName.split(/\s+/)) expect(fileName).not.toContain(part);
  const locked = fs.readFileSync(await download.path());
  expect(locked.subarray(0, 5).toString()).toBe('%PDF-');
  expect(locked.toString('latin1')).toContain('/Encrypt');
  await editor.expectClosed(exportDialog);
  await expect(editor.note(`Exported ${fileName}, protected with the password. Send the password separately`)).toBeVisible();
  await expect(page.getByTestId('pep-exported-as')).toHaveText(`Last exported as ${fileName}`);

  await editor.lifecycleButton('Export PDF…').click();
  exportDialog = editor.dialog('Export the PEP as a PDF');
  downloading = page.waitForEvent('download');
  await exportDialog.getByRole('button', { name: 'Export PDF' }).click();
  download = await downloading;
  expect(download.suggestedFilename()).toBe(fileName);
  const pdf = fs.readFileSync(await download.path());
  fs.writeFileSync(path.join(RESULTS, 'pep-e2e.pdf'), pdf);
  const text = pdfText(pdf).replace(/\s+/g, ' ');
  expect(text).toContain('OFFICIAL-SENSITIVE');
  expect(text).toContain('Recall multiplication facts to 12 × 12 quickly and accurately');
  expect(text).toContain('I like science and football.');
  // Its first two pages as pictures, to look at.
  for (const f of fs.readdirSync(RESULTS)) if (/^pep-e2e-(render|page)/.test(f)) fs.rmSync(path.join(RESULTS, f));
  const pngs = pdfToPngs(pdf, path.join(RESULTS, 'pep-e2e-render'), { first: 1, last: 2 }).sort();
  expect(pngs).toHaveLength(2);
  pngs.forEach((p, i) => fs.renameSync(p, path.join(RESULTS, `pep-e2e-page${i + 1}.png`)));

  // ---- submitted to the Virtual School: read-only from now on ----
  await editor.lifecycleButton('Submit to Virtual School…').click();
  const submitDialog = editor.dialog('Submit to the Virtual School');
  await expect(field(submitDialog, 'Submitted on')).toHaveValue(ukDate(0));
  await editor.expectDialogAccessible('peps: submit dialog');
  await dialogShot(submitDialog, 'peps-submit-dialog');
  await submitDialog.getByRole('button', { name: 'Record as submitted' }).click();
  await editor.expectClosed(submitDialog);
  await expect(editor.status).toHaveText('Submitted to the Virtual School');
  await expect(page.getByTestId('pep-status-detail')).toHaveText(`Submitted to the Virtual School on ${ukDate(0)}`);
  await expect(editor.readOnly).toBeVisible();
  await expect(editor.section('voice').getByRole('textbox')).toHaveCount(0);
  await expect(editor.section('voice')).toContainText(voiceText);
  await expect(editor.section('targets').getByRole('button', { name: 'Add a target' })).toHaveCount(0);
  await expect(editor.lifecycleButton('Record approval…')).toBeVisible();
  await expect(editor.lifecycleButton('Record as returned…')).toBeVisible();

  // ---- the Virtual School approves it, with its quality rating and feedback ----
  await editor.lifecycleButton('Record approval…').click();
  const approve = editor.dialog('Record the Virtual School’s approval');
  const ratings = await approve.getByRole('combobox', { name: 'Quality rating' }).locator('option').allTextContents();
  const rating = ratings[1]!; // the best on this LA's scale
  await approve.getByRole('combobox', { name: 'Quality rating' }).selectOption({ label: rating });
  await approve.getByRole('textbox', { name: "The Virtual School's feedback" }).fill('A clear, child-centred plan; targets are SMART and costed.');
  await editor.expectDialogAccessible('peps: approval dialog');
  await dialogShot(approve, 'peps-approval-dialog');
  await approve.getByRole('button', { name: 'Record approval' }).click();
  await editor.expectClosed(approve);
  await expect(editor.status).toHaveText('Approved by the Virtual School');
  await expect(editor.lifecycle.getByTestId('pep-rating')).toHaveText(new RegExp(`^${rating}`));
  await expect(page.getByTestId('pep-vs-feedback')).toContainText('targets are SMART and costed');
  await expect(page.getByTestId('pep-status-history').getByRole('listitem')).toHaveCount(4);
  await expect(editor.lifecycleButton('Change VS rating…')).toBeVisible();
  await page.locator('#main').evaluate((m) => m.scrollTo(0, 0));
  await expectAccessible(page, 'peps: editor, approved');
  await screenshot(page, 'peps-editor-approved');

  // Back on the list: approved, rated, complete.
  await page.getByRole('link', { name: '‹ All PEPs' }).click();
  await peps.expectShown();
  const row = peps.row(childName);
  await expect(row.getByTestId('pep-status')).toHaveText('Approved');
  await expect(row.getByTestId('pep-rating')).toHaveText(new RegExp(`^${rating}`));
  await expect(peps.notStarted.filter({ hasText: childName })).toHaveCount(0);
});
