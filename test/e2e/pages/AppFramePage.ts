import { expect, type Locator, type Page } from '@playwright/test';

export type AreaName = 'Dashboard' | 'Children' | 'Progress' | 'Interventions' | 'PEPs' | 'Risks' | 'Reports' | 'Settings';

export class AppFramePage {
  readonly schoolName: Locator;
  readonly lockButton: Locator;
  readonly nav: Locator;
  readonly signedIn: Locator;
  readonly lastBackup: Locator;

  constructor(readonly page: Page) {
    this.schoolName = page.getByTestId('school-name');
    this.lockButton = page.getByRole('button', { name: 'Lock', exact: true });
    this.nav = page.getByRole('navigation', { name: 'Main' });
    this.signedIn = page.getByTestId('signed-in');
    this.lastBackup = page.getByTestId('last-backup');
  }

  async expectShown(school?: string): Promise<void> {
    await expect(this.lockButton).toBeVisible();
    if (school) await expect(this.schoolName).toHaveText(school);
  }

  async expectSignedIn(name: string, role: 'Designated Teacher' | 'Deputy DT (SENDCo)'): Promise<void> {
    await expect(this.signedIn).toHaveText(`Signed in: ${name} (${role})`);
  }

  async go(area: AreaName): Promise<void> {
    await this.nav.getByRole('link', { name: area, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: area })).toBeVisible();
  }

  async lock(): Promise<void> {
    await this.lockButton.click();
  }
}
