import { createRegister, DEPUTY, DT, expect, test } from './fixtures.ts';
import { expectAccessible, screenshot } from './support.ts';

test('the DT adds a deputy, who can then unlock with their own passphrase', async ({ page, server, pages }) => {
  await createRegister(page, server, pages);
  await pages.frame.go('Settings');
  await pages.settings.open('Users');
  await expectAccessible(page, 'settings: users');

  await pages.settings.addUser(DEPUTY.name, 'Deputy DT (SENDCo)', DEPUTY.passphrase);
  await pages.settings.expectSaved(`${DEPUTY.name} can now open the register`);
  const table = pages.settings.usersTable();
  await expect(table.getByRole('row', { name: new RegExp(DEPUTY.name) })).toContainText('Deputy DT (SENDCo)');
  await screenshot(page, 'settings-users');

  await pages.frame.lock();
  await pages.unlock.unlock(DEPUTY.name, DEPUTY.passphrase);
  await pages.frame.expectShown(DT.school);
  await pages.frame.expectSignedIn(DEPUTY.name, 'Deputy DT (SENDCo)');

  // The deputy sees the users but cannot add or remove anyone; they can change their own passphrase.
  await pages.frame.go('Settings');
  await pages.settings.open('Users');
  await expect(pages.settings.usersTable().getByRole('row', { name: new RegExp(DT.name) })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Add a user' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Remove / })).toHaveCount(0);
  await expect(page.getByRole('form', { name: 'Change my passphrase' })).toBeVisible();
});

test('the DT removes a user after confirming', async ({ page, server, pages }) => {
  await createRegister(page, server, pages);
  await pages.frame.go('Settings');
  await pages.settings.open('Users');
  await pages.settings.addUser(DEPUTY.name, 'Deputy DT (SENDCo)', DEPUTY.passphrase);
  await pages.settings.expectSaved(`${DEPUTY.name} can now open the register`);

  await page.getByRole('button', { name: `Remove ${DEPUTY.name}` }).click();
  const dialog = page.getByRole('alertdialog', { name: `Remove ${DEPUTY.name}?` });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, 'remove user dialog');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(pages.settings.usersTable().getByRole('row', { name: new RegExp(DEPUTY.name) })).toBeVisible();

  await page.getByRole('button', { name: `Remove ${DEPUTY.name}` }).click();
  await dialog.getByRole('button', { name: 'Remove user' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(pages.settings.usersTable().getByRole('row', { name: new RegExp(DEPUTY.name) })).toHaveCount(0);

  await pages.frame.lock();
  await expect(pages.unlock.user.locator('option')).toHaveText([`${DT.name} (Designated Teacher)`]);
});

test('change my passphrase', async ({ page, server, pages }) => {
  await createRegister(page, server, pages);
  await pages.frame.go('Settings');
  await pages.settings.open('Users');
  const form = page.getByRole('form', { name: 'Change my passphrase' });
  await form.getByRole('textbox', { name: 'Current passphrase', exact: true }).fill('wrong current passphrase');
  await form.getByRole('textbox', { name: 'New passphrase', exact: true }).fill('granite willow saffron comet');
  await form.getByRole('textbox', { name: 'Confirm new passphrase', exact: true }).fill('granite willow saffron comet');
  await form.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(form.getByText('That is not your current passphrase.')).toBeVisible();

  await form.getByRole('textbox', { name: 'Current passphrase', exact: true }).fill(DT.passphrase);
  await form.getByRole('button', { name: 'Change passphrase' }).click();
  await pages.settings.expectSaved('Your passphrase has been changed.');

  await pages.frame.lock();
  await pages.unlock.unlock(DT.name, 'granite willow saffron comet');
  await pages.frame.expectShown(DT.school);
});
