import { createRegister, DT, expect, test } from './fixtures.ts';
import { expectAccessible, screenshot } from './support.ts';

test('lock, a wrong passphrase stays locked, then unlock', async ({ page, server, pages }) => {
  await createRegister(page, server, pages);

  await pages.frame.lock();
  await pages.unlock.expectShown();
  await expect(pages.frame.lockButton).toHaveCount(0);
  await expectAccessible(page, 'unlock');
  await screenshot(page, 'unlock');

  // Wrong passphrase: a clear alert, still locked.
  await pages.unlock.unlock(DT.name, 'not the right passphrase at all');
  await expect(pages.unlock.alert).toContainText('That passphrase is not right');
  await pages.unlock.expectShown();
  await expect(pages.frame.lockButton).toHaveCount(0);
  await screenshot(page, 'unlock-wrong-passphrase');
  await expectAccessible(page, 'unlock with error');

  // After a reload the register is still locked.
  await page.reload();
  await pages.unlock.expectShown();

  // Keyboard only: the skip link comes first and moves focus to the main content; Enter unlocks.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
  await pages.unlock.passphrase.focus();
  await page.keyboard.type(DT.passphrase);
  await page.keyboard.press('Enter');
  await pages.frame.expectShown(DT.school);
  await pages.frame.expectSignedIn(DT.name, 'Designated Teacher');

  // Ctrl+L locks from anywhere.
  await page.keyboard.press('Control+l');
  await pages.unlock.expectShown();
});
