import { expect, type Locator, type Page } from '@playwright/test';

export class UnlockPage {
  readonly heading: Locator;
  readonly user: Locator;
  readonly passphrase: Locator;
  readonly unlockButton: Locator;
  readonly alert: Locator;
  readonly forgotten: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: /^Unlock the (demo )?register$/ });
    this.user = page.getByRole('combobox', { name: 'Who are you?' });
    this.passphrase = page.getByRole('textbox', { name: 'Passphrase', exact: true });
    this.unlockButton = page.getByRole('button', { name: 'Unlock', exact: true });
    this.alert = page.getByRole('alert');
    this.forgotten = page.getByRole('button', { name: 'Forgotten your passphrase? Use the recovery key' });
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
  }

  async unlock(userName: string, passphrase: string): Promise<void> {
    await this.expectShown();
    await this.user.selectOption({ label: await this.optionLabel(userName) });
    await this.passphrase.fill(passphrase);
    await this.unlockButton.click();
  }

  private async optionLabel(userName: string): Promise<string> {
    const labels = await this.user.locator('option').allTextContents();
    const label = labels.find((l) => l.startsWith(`${userName} (`));
    if (!label) throw new Error(`No user called ${userName} on the unlock screen (have: ${labels.join(', ')})`);
    return label;
  }

  async unlockWithRecoveryKey(key: string): Promise<void> {
    await this.forgotten.click();
    await expect(this.page.getByRole('heading', { level: 1, name: 'Use the recovery key' })).toBeVisible();
    await this.page.getByRole('textbox', { name: 'Recovery key' }).fill(key);
    await this.page.getByRole('button', { name: 'Unlock with the recovery key' }).click();
  }

  async setNewPassphrase(userName: string, passphrase: string): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Set a new passphrase' })).toBeVisible();
    const select = this.page.getByRole('combobox', { name: 'Whose passphrase?' });
    const labels = await select.locator('option').allTextContents();
    const label = labels.find((l) => l.startsWith(`${userName} (`));
    if (!label) throw new Error(`No user called ${userName}`);
    await select.selectOption({ label });
    await this.page.getByRole('textbox', { name: 'New passphrase', exact: true }).fill(passphrase);
    await this.page.getByRole('textbox', { name: 'Confirm new passphrase', exact: true }).fill(passphrase);
    await this.page.getByRole('button', { name: 'Set passphrase and continue' }).click();
  }
}
