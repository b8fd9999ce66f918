import { expect, type Locator, type Page } from '@playwright/test';

export type AreaName = 'Dashboard' | 'Children' | 'Progress' | 'Interventions' | 'PEPs' | 'Risks' | 'Reports' | 'Settings';

export class AppFramePage {
  readonly schoolName: Locator;
  readonly lockButton: Locator;
  readonly nav: Locator;
  readonly signedIn: Locator;
  readonly lastBackup: Locator;
  /** "Discard unsaved changes?": asked before typed work would be thrown away. */
  readonly discardDialog: Locator;

  constructor(readonly page: Page) {
    this.discardDialog = page.getByRole('alertdialog', { name: 'Discard unsaved changes?' });
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

  /** Clicks an area in the navigation while a form has unsaved changes: the question appears. */
  async goAskingFirst(area: AreaName): Promise<void> {
    await this.nav.getByRole('link', { name: area, exact: true }).click();
    await expect(this.discardDialog).toBeVisible();
  }

  /** The question has finished appearing (so axe-core does not measure it half faded in). */
  async expectQuestionSettled(): Promise<void> {
    await expect(this.discardDialog.getByRole('button', { name: 'Keep editing' })).toBeFocused();
    await this.page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  }

  /** Answers the question with Keep editing (the default): the form stays as it was. */
  async keepEditing(): Promise<void> {
    await this.discardDialog.getByRole('button', { name: 'Keep editing' }).click();
    await expect(this.discardDialog).toHaveCount(0);
  }

  /** Answers the question with Discard changes: the move away goes ahead. */
  async discardChanges(): Promise<void> {
    await this.discardDialog.getByRole('button', { name: 'Discard changes' }).click();
    await expect(this.discardDialog).toHaveCount(0);
  }

  async lock(): Promise<void> {
    await this.lockButton.click();
  }
}
