import { expect, type Locator, type Page } from '@playwright/test';

export class RecoveryKeyPage {
  readonly heading: Locator;
  readonly keyText: Locator;
  readonly confirmBox: Locator;
  readonly continueButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Your recovery key' });
    this.keyText = page.getByTestId('recovery-key');
    this.confirmBox = page.getByRole('checkbox', { name: /I have printed or saved the recovery key/ });
    this.continueButton = page.getByRole('button', { name: 'Continue to the register' });
  }

  async key(): Promise<string> {
    await expect(this.heading).toBeVisible();
    const key = (await this.keyText.textContent())?.trim() ?? '';
    expect(key).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$/);
    return key;
  }

  async confirmAndContinue(): Promise<void> {
    await this.confirmBox.check();
    await this.continueButton.click();
  }
}
