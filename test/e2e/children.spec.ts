// Issue 4 in the browser: the Children screen and a child's file, on the CLI's demo register
// (40 fictitious children, several LAs, CLA and PLAC, placements, attendance, suspensions, voice).

import path from 'node:path';
import type { Locator } from '@playwright/test';
import { makeUpn } from '../../main/api/contract/upn.ts';
import { expect, openDemo, test } from './fixtures.ts';
import { ChildFilePage } from './pages/ChildFilePage.ts';
import { ChildrenPage } from './pages/ChildrenPage.ts';
import { expectAccessible, screenshot } from './support.ts';

/** dd/mm/yyyy for today plus `days` (tests run at the real date, like the register's own checks). */
function ukDate(days = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
}

const field = ChildFilePage.field;

/** A dialog on its own (a full-page picture would be mostly the grey backdrop). */
async function dialogShot(dialog: Locator, name: string): Promise<void> {
  await dialog.screenshot({ path: path.resolve(import.meta.dirname, '../../test-results/screenshots', `${name}.png`), animations: 'disabled' });
}

test('add a child (correcting a bad UPN), find them, edit their placement, and a suspension alert until the Virtual School is told', async ({ page, demoServer, pages }) => {
  const children = new ChildrenPage(page);
  const file = new ChildFilePage(page);
  await openDemo(page, demoServer, pages);
  await pages.frame.go('Children');
  await children.expectShown();
  await expect(children.count).toHaveText('36 children');
  await expect(children.rows).toHaveCount(36);
  await expectAccessible(page, 'children: list');
  await screenshot(page, 'children-list');

  // Sorting by a column header, and the CSV export of the grid (a download in browser mode).
  await children.sortBy('Attendance');
  await expect(page.getByRole('columnheader', { name: 'Attendance' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(children.rows.first()).toContainText('71.4%');
  await children.sortBy('Name');
  await expect(children.rows.first()).toContainText('Asante-Brook, Kwame');
  const csv = page.waitForEvent('download');
  await children.exportButton.click();
  expect((await csv).suggestedFilename()).toMatch(/\.csv$/);
  await expect(page.getByRole('status').filter({ hasText: /^Exported .+\.csv\./ })).toBeVisible();

  // ---- add a child, with a validation error corrected on the way ----
  const upn = makeUpn(992, 4107, 25, 321);
  const wrongLetter = upn[0] === 'A' ? 'B' : 'A';
  await children.addButton.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add a child' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Add a child' });
  await field(form, 'Legal first name').fill('Imogen');
  await field(form, 'Legal last name').fill('Faircloth-Renwick');
  await field(form, 'Preferred name').fill('Immy');
  await field(form, 'Date of birth').fill('14/03/2014');
  await field(form, 'Gender').selectOption({ label: 'Female' });
  await field(form, 'UPN').fill(`${wrongLetter}${upn.slice(1)}`);
  await field(form, 'Legal status (SSDA903)').selectOption('C2');
  await field(form, 'Date into care').fill('02/02/2023');
  await field(form, 'Responsible local authority').selectOption({ label: 'Northshire County Council' });
  await field(form, 'Date joined the school').fill('31/02/2025');
  await field(form, 'Social worker').fill('Priya Castellane');
  await field(form, "Social worker's email").fill('priya.castellane@example.org');
  await form.getByRole('button', { name: 'Add child' }).click();
  await expect(form.getByText('Enter a real date as dd/mm/yyyy, for example 01/09/2025.')).toBeVisible();
  await field(form, 'Date joined the school').fill('01/09/2025');
  await form.getByRole('button', { name: 'Add child' }).click();
  await expect(form.getByText("The UPN's check letter does not match: check it was copied correctly.")).toBeVisible();
  await expect(field(form, 'UPN')).toBeFocused();
  await expectAccessible(page, 'children: add form with errors');
  await screenshot(page, 'children-add-errors');
  await field(form, 'UPN').fill(upn.toLowerCase().replace(/(.{4})/g, '$1 '));
  await form.getByRole('button', { name: 'Add child' }).click();

  // Straight to their Care and contacts tab, to record the placement.
  await file.expectShown('Immy Faircloth-Renwick');
  await file.expectSaved('Immy Faircloth-Renwick has been added.');
  await expect(file.tabs.getByRole('link', { name: 'Care and contacts' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByTestId('child-facts')).toContainText(upn);
  await expect(page.getByTestId('placement-summary')).toContainText('No current placement recorded.');

  // ---- placements: add, then edit ----
  await page.getByRole('button', { name: 'Add placement' }).click();
  let dialog = file.dialog('Add a placement');
  await field(dialog, 'Placement type (SSDA903)').selectOption('U6');
  await field(dialog, 'Started').fill('01/09/2025');
  await field(dialog, 'Ended').fill('01/08/2025');
  await field(dialog, 'Carer(s)').fill('Mr and Mrs Halloran');
  await dialog.getByRole('button', { name: 'Add placement' }).click();
  await expect(dialog.getByText('The placement must end on or after the day it started.')).toBeVisible();
  await expectAccessible(page, 'children: placement dialog');
  await dialogShot(dialog, 'children-placement-dialog');
  await field(dialog, 'Ended').fill('');
  await dialog.getByRole('button', { name: 'Add placement' }).click();
  await file.expectClosed(dialog);
  await file.expectSaved('Placement added.');
  await expect(page.getByTestId('placement-summary')).toContainText('U6: Foster placement with other foster carer - not long term');

  await page.getByRole('button', { name: 'Edit placement from 01/09/2025' }).click();
  dialog = file.dialog('Edit placement');
  await expect(field(dialog, 'Carer(s)')).toHaveValue('Mr and Mrs Halloran');
  await field(dialog, 'Placement type (SSDA903)').selectOption('U4');
  await field(dialog, "Carer's phone").fill('01632 960111');
  await dialog.getByRole('button', { name: 'Save placement' }).click();
  await file.expectClosed(dialog);
  await file.expectSaved('Placement saved.');
  await expect(page.getByTestId('placement-summary')).toContainText('U4: Foster placement with other foster carer - long term fostering');
  await expect(page.getByTestId('placement-row')).toHaveCount(1);
  await expect(page.getByTestId('placement-row')).toContainText('01632 960111');

  // A move: a new open placement ends the current one.
  await page.getByRole('button', { name: 'Add placement' }).click();
  dialog = file.dialog('Add a placement');
  await field(dialog, 'Placement type (SSDA903)').selectOption('K2');
  await field(dialog, 'Started').fill(ukDate(-30));
  await field(dialog, 'Carer(s)').fill('Birchwood House');
  await dialog.getByRole('button', { name: 'Add placement' }).click();
  await file.expectClosed(dialog);
  await expect(page.getByTestId('placement-row')).toHaveCount(2);
  await expect(page.getByTestId('placement-summary')).toContainText('1 move since the first recorded placement');
  await screenshot(page, 'children-file-care-new-child');

  // ---- find them by search, by name and by UPN ----
  await pages.frame.nav.getByRole('link', { name: 'Children', exact: true }).click();
  await children.expectShown();
  await expect(children.count).toHaveText('37 children');
  await children.search.fill('faircloth');
  await expect(children.count).toHaveText('Showing 1 of 37 children');
  await expect(children.rows).toHaveCount(1);
  await expect(children.rows.first()).toContainText('Faircloth-Renwick, Imogen');
  await expect(children.rows.first()).toContainText('Known as Immy');
  await children.search.fill(upn.slice(0, 9).toLowerCase());
  await expect(children.rows).toHaveCount(1);
  await children.search.fill('no such child');
  await expect(children.rows).toHaveCount(0);
  await expect(page.getByText('No children match these filters.')).toBeVisible();
  await children.search.fill('Immy');
  await screenshot(page, 'children-search');
  await children.openChild('Faircloth-Renwick, Imogen');
  await file.expectShown('Immy Faircloth-Renwick');
  await expect(file.alert('Virtual School not yet informed')).toHaveCount(0);

  // ---- a suspension: "Virtual School not yet informed" until the date is entered ----
  await file.openTab('Attendance and exclusions');
  await page.getByRole('button', { name: 'Record a suspension' }).click();
  dialog = file.dialog('Record a suspension or exclusion');
  await field(dialog, 'First day').fill(ukDate(-2));
  await field(dialog, 'Last day').fill(ukDate(-1));
  await field(dialog, 'School days').fill('1.5');
  await field(dialog, 'Reason').fill('Persistent disruptive behaviour');
  await field(dialog, 'Social worker informed on').fill(ukDate(-2));
  await field(dialog, 'Paperwork sent on').fill(ukDate(-1));
  await file.expectDialogAccessible('children: suspension dialog');
  await dialogShot(dialog, 'children-suspension-dialog');
  await dialog.getByRole('button', { name: 'Record', exact: true }).click();
  await file.expectClosed(dialog);
  await file.expectSaved('Suspension recorded.');
  await expect(file.alert('Virtual School not yet informed')).toBeVisible();
  await expect(page.getByTestId('vs-not-informed')).toBeVisible();
  await expect(page.getByTestId('suspension-days')).toHaveText('1.5');
  await expectAccessible(page, 'children: attendance tab with alert');
  await screenshot(page, 'children-file-suspension-alert');

  await file.openTab('Overview');
  await expect(file.alert('Virtual School not yet informed')).toBeVisible();

  // The grid's "has alerts" filter finds the child too.
  await pages.frame.nav.getByRole('link', { name: 'Children', exact: true }).click();
  await children.search.fill('');
  await children.filter('Alerts').selectOption({ label: 'Has alerts' });
  await expect(children.row('Faircloth-Renwick, Imogen')).toHaveCount(1);
  await expect(children.count).toHaveText(/^Showing \d+ of 37 children$/);
  await screenshot(page, 'children-has-alerts');
  await children.openChild('Faircloth-Renwick, Imogen');

  await file.openTab('Attendance and exclusions');
  await page.getByRole('button', { name: `Edit suspension from ${ukDate(-2)}` }).click();
  dialog = file.dialog('Edit suspension or exclusion');
  await field(dialog, 'Virtual School informed on').fill(ukDate(1));
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(dialog.getByText('The date the Virtual School was told cannot be in the future.')).toBeVisible();
  await field(dialog, 'Virtual School informed on').fill(ukDate(-1));
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await file.expectClosed(dialog);
  await expect(file.alert('Virtual School not yet informed')).toHaveCount(0);
  await expect(page.getByTestId('exclusion-row')).toContainText(ukDate(-1));
  await file.openTab('Overview');
  await expect(file.alert('Virtual School not yet informed')).toHaveCount(0);
  await expect(page.getByText('Suspension or exclusion updated by Demo DT')).toBeVisible();
  await expect(page.getByText('Suspension or exclusion added by Demo DT')).toBeVisible();
});

test('a child\'s file: every tab and form is accessible; subject access export; mark as left (read-only, retention); delete', async ({ page, demoServer, pages }) => {
  const children = new ChildrenPage(page);
  const file = new ChildFilePage(page);
  await openDemo(page, demoServer, pages);
  await pages.frame.go('Children');
  await children.search.fill('Petrossian');
  await children.openChild('Petrossian-Lowe, Leah');
  await file.expectShown('Leah Petrossian-Lowe');

  // Overview, then each tab (each has its own address).
  // Next PEP: a date once PEPs are scheduled (issue 7), "Not yet scheduled." until then.
  await expect(page.getByRole('region', { name: 'Next PEP' })).toContainText(/Due \d{2}\/\d{2}\/\d{4}|Not yet scheduled\./);
  await expectAccessible(page, 'child: overview');
  await screenshot(page, 'children-file-overview');

  await file.openTab('Care and contacts');
  expect(page.url()).toMatch(/#\/children\/\d+\/care$/);
  await expect(page.getByTestId('placement-row')).toHaveCount(2);
  await expectAccessible(page, 'child: care and contacts');
  await screenshot(page, 'children-file-care');

  await file.openTab('Education');
  await expect(file.panel().getByText('E: Education, health and care plan')).toBeVisible();
  await expectAccessible(page, 'child: education');
  await screenshot(page, 'children-file-education');
  await page.getByRole('button', { name: 'Add school' }).click();
  let dialog = file.dialog('Add a school attended');
  await field(dialog, 'URN').fill('12345');
  await dialog.getByRole('button', { name: 'Add school' }).click();
  await expect(dialog.getByText('Enter the name of the school.')).toBeVisible();
  await expect(dialog.getByText('A URN is six digits.')).toBeVisible();
  await file.expectDialogAccessible('child: school dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await pages.frame.discardChanges(); // something was typed, so Cancel asks first
  await file.expectClosed(dialog);
  await page.getByRole('button', { name: 'Add result' }).click();
  dialog = file.dialog('Add prior attainment');
  await field(dialog, 'Subject').fill('Reading');
  await field(dialog, 'Result').fill('131');
  await field(dialog, 'Score as a number').fill('131');
  await dialog.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(dialog.getByText('A KS2 scaled score is between 80 and 120.')).toBeVisible();
  await file.expectDialogAccessible('child: prior attainment dialog');
  await dialogShot(dialog, 'children-attainment-dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await pages.frame.discardChanges(); // something was typed, so Cancel asks first
  await file.expectClosed(dialog);

  await file.openTab('Attendance and exclusions');
  await expect(page.getByTestId('attendance-chart')).toBeVisible();
  await expect(page.getByTestId('attendance-row').first()).toBeVisible();
  await expect(page.getByTestId('exclusion-row')).toHaveCount(2);
  await expectAccessible(page, 'child: attendance and exclusions');
  await screenshot(page, 'children-file-attendance');
  await page.getByRole('button', { name: 'Add attendance' }).click();
  dialog = file.dialog('Add attendance');
  await field(dialog, 'From').fill('01/09/2025');
  await field(dialog, 'To').fill('05/09/2025');
  await field(dialog, 'Possible sessions').fill('10');
  await field(dialog, 'Present sessions').fill('12');
  await dialog.getByRole('button', { name: 'Add attendance' }).click();
  await expect(dialog.getByText('Present, authorised and unauthorised sessions add up to more than the possible sessions.')).toBeVisible();
  await file.expectDialogAccessible('child: attendance dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await pages.frame.discardChanges(); // something was typed, so Cancel asks first
  await file.expectClosed(dialog);

  await file.openTab('Voice');
  await expect(page.getByTestId('esw-gap')).toContainText('Last Education Support Worker session:');
  await expectAccessible(page, 'child: voice');
  await page.getByRole('button', { name: 'Add entry' }).click();
  dialog = file.dialog('Add to the voice log');
  await field(dialog, 'Date').fill(ukDate(0));
  await field(dialog, 'Kind').selectOption({ label: 'Education Support Worker session' });
  await dialog.getByRole('button', { name: 'Add entry' }).click();
  await expect(dialog.getByText("Record the child's wishes and feelings, any concerns, or the actions agreed.")).toBeVisible();
  await field(dialog, 'Wishes and feelings').fill('Wants to join the after-school art club; feels settled with her carers.');
  await field(dialog, 'Actions agreed').fill('Key adult to introduce her to the art teacher this week.');
  await file.expectDialogAccessible('child: voice dialog');
  await dialogShot(dialog, 'children-voice-dialog');
  await dialog.getByRole('button', { name: 'Add entry' }).click();
  await file.expectClosed(dialog);
  await expect(page.getByTestId('voice-entry').first()).toContainText('Wants to join the after-school art club');
  await expect(page.getByTestId('voice-entry').first()).toContainText(/\d+ days? since the previous session/);
  await expect(page.getByTestId('esw-gap')).toContainText('(today)');
  await screenshot(page, 'children-file-voice');

  // The edit form, filled from the record.
  await page.getByRole('link', { name: 'Edit details' }).click();
  const form = page.getByRole('form', { name: 'Edit the child’s details' });
  await expect(field(form, 'Legal last name')).toHaveValue('Petrossian-Lowe');
  await expect(field(form, 'SEN provision')).toHaveValue('E');
  await form.getByRole('link', { name: 'Cancel' }).click();
  await file.expectShown('Leah Petrossian-Lowe');

  // Subject access export: a PDF and a JSON file (downloads in browser mode).
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  await page.getByRole('button', { name: 'Subject access export' }).click();
  await file.expectSaved(/^Subject access export saved: .+\.pdf and .+\.json\./);
  await expect.poll(() => downloads.length).toBe(2);
  expect(downloads.some((n) => n.endsWith('.pdf')) && downloads.some((n) => n.endsWith('.json'))).toBe(true);

  // Mark as left: destination, retention review date, then read-only.
  await page.getByRole('button', { name: 'Mark as left' }).click();
  dialog = file.dialog('Mark Leah Petrossian-Lowe as left');
  await expect(dialog.getByTestId('retention-preview')).toContainText(/retention review on \d{2}\/\d{2}\/\d{4} \(25 years after their date of birth/);
  await field(dialog, 'Leaving date').fill(ukDate(1));
  await dialog.getByRole('button', { name: 'Mark as left' }).click();
  await expect(dialog.getByText('Enter where the child went, e.g. "Sixth form at another school".')).toBeVisible();
  await expect(dialog.getByText('Record the leaving on or after the day the child leaves: the date cannot be in the future.')).toHaveCount(0);
  await field(dialog, 'Destination').fill('Moved to a school in another local authority');
  await dialog.getByRole('button', { name: 'Mark as left' }).click();
  await expect(dialog.getByText('the date cannot be in the future')).toBeVisible();
  await field(dialog, 'Leaving date').fill(ukDate(0));
  await file.expectDialogAccessible('child: leave dialog');
  await dialogShot(dialog, 'children-leave-dialog');
  await dialog.getByRole('button', { name: 'Mark as left' }).click();
  await file.expectClosed(dialog);
  const banner = page.getByTestId('leaver-banner');
  await expect(banner).toContainText(`Leah Petrossian-Lowe left on ${ukDate(0)}.`);
  await expect(banner).toContainText('This record is read-only. Review whether to keep it on');
  await expect(page.getByRole('link', { name: 'Edit details' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Mark as left' })).toHaveCount(0);
  await file.openTab('Attendance and exclusions');
  await expect(page.getByRole('button', { name: 'Add attendance' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Edit / })).toHaveCount(0);
  await file.openTab('Overview');
  await screenshot(page, 'children-file-leaver');

  // Leavers are listed apart.
  await page.getByRole('link', { name: '‹ Leavers' }).click();
  await children.search.fill('');
  await expect(children.view('Leavers')).toHaveAttribute('aria-current', 'page');
  await expect(children.count).toHaveText('5 leavers');
  await expect(children.view('On roll')).toHaveText('On roll (35)');
  await screenshot(page, 'children-leavers');

  // Delete (the DT only): confirmed by typing the UPN or DELETE.
  await children.openChild('Petrossian-Lowe, Leah');
  await page.getByRole('button', { name: 'Delete record' }).click();
  dialog = file.dialog("Delete Leah Petrossian-Lowe's record?");
  await dialog.getByRole('textbox').fill('delete');
  await dialog.getByRole('button', { name: 'Delete for good' }).click();
  await expect(dialog.getByText(/^Type the child's UPN \(.+\) or the word DELETE in capitals\.$/)).toBeVisible();
  await file.expectDialogAccessible('child: delete dialog');
  await dialogShot(dialog, 'children-delete-dialog');
  await dialog.getByRole('textbox').fill('DELETE');
  await dialog.getByRole('button', { name: 'Delete for good' }).click();
  await children.expectShown();
  await expect(page.getByRole('status').filter({ hasText: "Leah Petrossian-Lowe's record has been deleted." })).toBeVisible();
  await expect(children.count).toHaveText('4 leavers');
  await expect(page.locator('#root')).not.toHaveAttribute('aria-hidden', 'true');
});
