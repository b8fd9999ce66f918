// Typed work is never thrown away without a word: leaving a form with unsaved changes (another
// area, a link, the form's Cancel, closing the window) asks "Discard unsaved changes?" first, with
// Keep editing as the default. A clean or just-saved form lets the DT go without a question.

import type { Page } from '@playwright/test';
import { expect, openDemo, type Pages, type RegisterServer, test } from './fixtures.ts';
import { ChildFilePage } from './pages/ChildFilePage.ts';
import { ChildrenPage } from './pages/ChildrenPage.ts';
import { expectAccessible, screenshot } from './support.ts';

const field = ChildFilePage.field;

/** Unlocks the demo and opens one fictitious child's file. */
async function openLeahsFile(page: Page, demoServer: RegisterServer, pages: Pages) {
  const children = new ChildrenPage(page);
  const file = new ChildFilePage(page);
  await openDemo(page, demoServer, pages);
  await pages.frame.go('Children');
  await children.openChild('Petrossian-Lowe, Leah');
  return { children, file, frame: pages.frame };
}

test("a child's details: leaving asks first, Keep editing keeps the text, Discard leaves, Cancel asks only when changed, and a save asks nothing", async ({ page, demoServer, pages }) => {
  const { children, file, frame } = await openLeahsFile(page, demoServer, pages);
  await file.expectShown('Leah Petrossian-Lowe');
  const editHash = async () => {
    await page.getByRole('link', { name: 'Edit details' }).click();
    await expect(page.getByRole('heading', { level: 1, name: "Edit Leah Petrossian-Lowe's details" })).toBeVisible();
    return new URL(page.url()).hash;
  };
  const hash = await editHash();
  const form = page.getByRole('form', { name: 'Edit the child’s details' });

  // A clean form: Cancel goes straight back to the file.
  await form.getByRole('link', { name: 'Cancel' }).click();
  await file.expectShown('Leah Petrossian-Lowe');
  await expect(frame.discardDialog).toHaveCount(0);

  // Typed, then another area: the question, with Keep editing focused first.
  await editHash();
  await field(form, 'Preferred name').fill('Lea');
  await frame.goAskingFirst('Dashboard');
  await expect(frame.discardDialog).toContainText('If you leave now, the changes will be lost.');
  await frame.expectQuestionSettled();
  await expectAccessible(page, 'discard unsaved changes dialog');
  await screenshot(page, 'unsaved-changes-dialog');

  // Keep editing: still on the form, at the same address, with the typed text.
  await frame.keepEditing();
  expect(new URL(page.url()).hash).toBe(hash);
  await expect(page.getByRole('heading', { level: 1, name: "Edit Leah Petrossian-Lowe's details" })).toBeVisible();
  await expect(field(form, 'Preferred name')).toHaveValue('Lea');
  await expect(frame.nav.getByRole('link', { name: 'Children', exact: true })).toHaveAttribute('aria-current', 'page');

  // Escape keeps editing too.
  await frame.goAskingFirst('Reports');
  await page.keyboard.press('Escape');
  await expect(frame.discardDialog).toHaveCount(0);
  await expect(field(form, 'Preferred name')).toHaveValue('Lea');

  // The form's own Cancel asks as well; Keep editing stays.
  await form.getByRole('link', { name: 'Cancel' }).click();
  await expect(frame.discardDialog).toBeVisible();
  await frame.keepEditing();
  await expect(field(form, 'Preferred name')).toHaveValue('Lea');

  // Try again and discard: the move goes ahead and nothing was saved.
  await frame.goAskingFirst('Dashboard');
  await frame.discardChanges();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await page.goBack();
  await frame.go('Children');
  await children.openChild('Petrossian-Lowe, Leah');
  await editHash();
  await expect(field(form, 'Preferred name')).not.toHaveValue('Lea');

  // Changed, then saved: moving away afterwards asks nothing.
  await field(form, 'Preferred name').fill('Lea');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await file.expectSaved('Details saved.');
  await frame.go('Dashboard');
  await expect(frame.discardDialog).toHaveCount(0);
});

test('a dialog form: Cancel and Escape ask when something was typed; closing the window asks the browser', async ({ page, demoServer, pages }) => {
  const { file, frame } = await openLeahsFile(page, demoServer, pages);
  await file.openTab('Voice');

  // Nothing typed: Cancel closes at once.
  await page.getByRole('button', { name: 'Add entry' }).click();
  const dialog = file.dialog('Add to the voice log');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await file.expectClosed(dialog);
  await expect(frame.discardDialog).toHaveCount(0);

  // Typed: Cancel asks, on top of the form; Keep editing returns to it with the text.
  await page.getByRole('button', { name: 'Add entry' }).click();
  await field(dialog, 'Wishes and feelings').fill('Would like more time in the library.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await frame.expectQuestionSettled();
  await file.expectDialogAccessible('discard question over a record dialog');
  await frame.keepEditing();
  await expect(dialog).toBeVisible();
  await expect(field(dialog, 'Wishes and feelings')).toHaveValue('Would like more time in the library.');

  // Reloading or closing the window: the browser is asked to confirm (beforeunload); staying keeps it.
  const asked = new Promise<string>((resolve) => {
    page.once('dialog', (d) => {
      resolve(d.type());
      void d.dismiss();
    });
  });
  await page.close({ runBeforeUnload: true });
  expect(await asked).toBe('beforeunload');
  expect(page.isClosed()).toBe(false);
  await expect(field(dialog, 'Wishes and feelings')).toHaveValue('Would like more time in the library.');

  // Escape asks too; Discard closes the form.
  await field(dialog, 'Wishes and feelings').press('Escape');
  await expect(frame.discardDialog).toBeVisible();
  await frame.discardChanges();
  await file.expectClosed(dialog);
  await expect(page.getByTestId('voice-entry').filter({ hasText: 'Would like more time in the library.' })).toHaveCount(0);
});

test('settings: school details and a local authority ask before unsaved changes are lost, and not after saving', async ({ page, demoServer, pages }) => {
  const { frame, settings: s } = pages;
  await openDemo(page, demoServer, pages);
  await frame.go('Settings');
  await s.open('School details');

  // Another section of Settings asks first; Keep editing keeps the text.
  await s.field('Headteacher').fill('Dr R. Okafor');
  await page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: 'Users', exact: true }).click();
  await frame.expectQuestionSettled();
  await expectAccessible(page, 'discard dialog over settings');
  await frame.keepEditing();
  await expect(page.getByRole('heading', { level: 2, name: 'School details' })).toBeVisible();
  await expect(s.field('Headteacher')).toHaveValue('Dr R. Okafor');

  // Saved: the form is clean again, so another section opens without a question.
  await s.save();
  await s.expectSaved('School details saved.');
  await s.open('Users');
  await expect(frame.discardDialog).toHaveCount(0);

  // A local authority's form: Cancel asks only once something has changed.
  await s.open('Local authorities');
  await page.getByRole('button', { name: /^Edit / }).first().click();
  const heading = page.getByRole('heading', { level: 3, name: /^Edit / });
  await expect(heading).toBeVisible();
  await page.getByRole('button', { name: 'Cancel', exact: true }).first().click();
  await expect(heading).toHaveCount(0);
  await expect(frame.discardDialog).toHaveCount(0);

  await page.getByRole('button', { name: /^Edit / }).first().click();
  await s.field('Virtual School Head').fill('Morag Ellis');
  await page.getByRole('button', { name: 'Cancel', exact: true }).first().click();
  await expect(frame.discardDialog).toBeVisible();
  await frame.keepEditing();
  await expect(s.field('Virtual School Head')).toHaveValue('Morag Ellis');
  await page.getByRole('button', { name: 'Cancel', exact: true }).first().click();
  await frame.discardChanges();
  await expect(heading).toHaveCount(0);
});
