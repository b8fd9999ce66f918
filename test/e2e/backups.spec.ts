import { createRegister, DT, expect, test } from './fixtures.ts';
import { expectAccessible, screenshot } from './support.ts';

test('back up now, then restore that backup after confirming with the passphrase', async ({ page, server, pages }) => {
  await createRegister(page, server, pages);
  await pages.frame.go('Settings');
  await pages.settings.open('Backups');
  await expect(page.getByText('No backups yet.')).toBeVisible();
  await expectAccessible(page, 'settings: backups (empty)');

  await page.getByRole('button', { name: 'Back up now' }).click();
  await pages.settings.expectSaved(/^Backed up at \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
  await expect(pages.frame.lastBackup).toHaveText(/^Last backed up: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  const rows = page.getByRole('table', { name: 'Backups' }).getByRole('row');
  await expect(rows).toHaveCount(2);
  await expectAccessible(page, 'settings: backups');
  await screenshot(page, 'settings-backups');

  // Change something after the backup, so the restore visibly takes it back.
  await pages.settings.open('School details');
  await pages.settings.field('Headteacher').fill('Changed After Backup');
  await pages.settings.save();
  await pages.settings.expectSaved('School details saved.');

  await pages.settings.open('Backups');
  await page.getByRole('button', { name: /^Restore the backup made / }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Restore this backup?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Restore backup' }).click();
  await expect(dialog.getByText('Type your passphrase to confirm.')).toBeVisible();
  await expectAccessible(page, 'restore dialog');
  await screenshot(page, 'settings-backups-restore-dialog');
  await dialog.getByRole('textbox', { name: 'Your passphrase', exact: true }).fill(DT.passphrase);
  await dialog.getByRole('button', { name: 'Restore backup' }).click();

  await pages.unlock.expectShown();
  await expect(page.getByText(/has been restored/)).toBeVisible();
  await pages.unlock.unlock(DT.name, DT.passphrase);
  await pages.frame.expectShown(DT.school);
  await pages.frame.go('Settings');
  await pages.settings.open('School details');
  await expect(pages.settings.field('Headteacher')).toHaveValue('');
});
