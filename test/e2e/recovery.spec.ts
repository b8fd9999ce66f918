import { createRegister, DT, expect, test } from './fixtures.ts';
import { expectAccessible, screenshot } from './support.ts';

test('forgotten passphrase: unlock with the recovery key and set a new passphrase', async ({ page, server, pages }) => {
  const key = await createRegister(page, server, pages);
  await pages.frame.lock();
  await pages.unlock.expectShown();

  // A wrong key is refused and the register stays locked.
  await pages.unlock.unlockWithRecoveryKey('ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789');
  await expect(page.getByRole('alert')).toContainText('recovery key');
  await expect(pages.frame.lockButton).toHaveCount(0);
  await expectAccessible(page, 'recovery key entry');
  await screenshot(page, 'recovery-key-entry');

  await page.getByRole('textbox', { name: 'Recovery key' }).fill(key.toLowerCase());
  await page.getByRole('button', { name: 'Unlock with the recovery key' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Set a new passphrase' })).toBeVisible();
  await expectAccessible(page, 'set a new passphrase');
  await screenshot(page, 'recovery-set-passphrase');
  const newPassphrase = 'thistle quarry lagoon ember';
  await pages.unlock.setNewPassphrase(DT.name, newPassphrase);
  await pages.frame.expectShown(DT.school);
  await pages.frame.expectSignedIn(DT.name, 'Designated Teacher');

  // The old passphrase no longer works; the new one does.
  await pages.frame.lock();
  await pages.unlock.unlock(DT.name, DT.passphrase);
  await expect(pages.unlock.alert).toContainText('That passphrase is not right');
  await pages.unlock.unlock(DT.name, newPassphrase);
  await pages.frame.expectShown(DT.school);
});
