// Two small shell items delivered with issue 4: the unlock screen says why the register locked
// itself, and the DT can issue a new recovery key from Settings → Security (the old key then stops
// working). Fresh registers, not the demo: both are about the keyring and the session.

import path from 'node:path';
import { createRegister, DT, expect, test } from './fixtures.ts';
import { expectAccessible, screenshot } from './support.ts';

test.describe('idle lock', () => {
  test.use({ autoLockSeconds: 3 });

  test('the unlock screen says the register locked itself after a time without use', async ({ page, server, pages }) => {
    await createRegister(page, server, pages);
    await expect(pages.unlock.heading).toBeVisible({ timeout: 12_000 });
    await expect(page.getByTestId('lock-reason')).toHaveText(/^Locked after \d+ minutes? without use, to keep the register safe\./);
    await expectAccessible(page, 'unlock after an idle lock');
    await screenshot(page, 'children-unlock-idle-reason');
    await pages.unlock.unlock(DT.name, DT.passphrase);
    await pages.frame.expectShown(DT.school);
  });
});

test('the DT issues a new recovery key: shown once, confirmed kept, and the old key stops working', async ({ page, server, pages }) => {
  const oldKey = await createRegister(page, server, pages);
  await pages.frame.go('Settings');
  await pages.settings.open('Security');
  await page.getByRole('button', { name: 'Issue a new recovery key' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Issue a new recovery key?' });
  await dialog.getByRole('button', { name: 'Issue new key' }).click();
  await expect(dialog.getByText('Type your passphrase to confirm.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Your passphrase', exact: true }).fill('not my passphrase at all');
  await dialog.getByRole('button', { name: 'Issue new key' }).click();
  await expect(dialog.getByText('That is not your passphrase.')).toBeVisible();
  await expectAccessible(page, 'settings: new recovery key dialog');
  await dialog.getByRole('textbox', { name: 'Your passphrase', exact: true }).fill(DT.passphrase);
  await dialog.getByRole('button', { name: 'Issue new key' }).click();
  await expect(dialog).toHaveCount(0);

  const keyText = page.getByTestId('new-recovery-key');
  await expect(keyText).toHaveText(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
  const newKey = (await keyText.textContent())!.trim();
  expect(newKey).not.toBe(oldKey);
  await expect(page.getByText('This is shown only once.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy' })).toBeVisible();
  await expect(page.locator('#root')).not.toHaveAttribute('aria-hidden', 'true');
  await expectAccessible(page, 'settings: new recovery key shown');
  await page.getByTestId('settings-section').getByRole('region', { name: 'Recovery key', exact: true }).screenshot({
    path: path.resolve(import.meta.dirname, '../../test-results/screenshots/children-settings-new-recovery-key.png'),
  });
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText('Tick the box to confirm you have kept the new recovery key.')).toBeVisible();
  await page.getByRole('checkbox', { name: /I have printed or saved the new recovery key/ }).check();
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(keyText).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'The new recovery key is in use.' })).toBeVisible();

  // The old key no longer opens the register; the new one does.
  await pages.frame.lock();
  await pages.unlock.unlockWithRecoveryKey(oldKey);
  await expect(page.getByRole('alert')).toContainText('recovery key');
  await page.getByRole('textbox', { name: 'Recovery key' }).fill(newKey);
  await page.getByRole('button', { name: 'Unlock with the recovery key' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Set a new passphrase' })).toBeVisible();
});
