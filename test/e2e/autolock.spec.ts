import { createRegister, DT, expect, test } from './fixtures.ts';

test.use({ autoLockSeconds: 3 });

test('the register locks itself after a short idle and the unlock screen appears', async ({ page, server, pages }) => {
  await createRegister(page, server, pages);
  await pages.frame.expectSignedIn(DT.name, 'Designated Teacher');
  // Nobody touches anything: the server locks after 3 s and the 2 s status poll notices.
  await expect(pages.unlock.heading).toBeVisible({ timeout: 12_000 });
  await expect(pages.frame.lockButton).toHaveCount(0);
  await pages.unlock.unlock(DT.name, DT.passphrase);
  await pages.frame.expectShown(DT.school);
});
