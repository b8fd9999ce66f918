import { expect, type Locator, type Page } from '@playwright/test';

export class FirstRunPage {
  readonly heading: Locator;
  readonly schoolName: Locator;
  readonly yourName: Locator;
  readonly passphrase: Locator;
  readonly confirm: Locator;
  readonly createButton: Locator;
  readonly strength: Locator;
  readonly demoButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Set up your register' });
    this.schoolName = page.getByRole('textbox', { name: 'School name' });
    this.yourName = page.getByRole('textbox', { name: 'Your name' });
    this.passphrase = page.getByRole('textbox', { name: 'Passphrase', exact: true });
    this.confirm = page.getByRole('textbox', { name: 'Confirm passphrase', exact: true });
    this.createButton = page.getByRole('button', { name: 'Create the register' });
    this.strength = page.getByText(/^Strength:/);
    this.demoButton = page.getByRole('button', { name: 'Explore a demo register (fictitious data)' });
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
  }

  async create(opts: { school: string; name: string; role: 'dt' | 'deputy'; passphrase: string; confirm?: string }): Promise<void> {
    await this.schoolName.fill(opts.school);
    await this.yourName.fill(opts.name);
    await this.page.getByRole('radio', { name: opts.role === 'dt' ? 'Designated Teacher' : 'Deputy DT (SENDCo)' }).check();
    await this.passphrase.fill(opts.passphrase);
    await this.confirm.fill(opts.confirm ?? opts.passphrase);
    await this.createButton.click();
  }
}
