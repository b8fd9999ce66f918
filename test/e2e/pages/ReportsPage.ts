import { expect, type Locator, type Page } from '@playwright/test';

export type ReportsTab = 'Annual report' | 'Figures and narrative' | 'Pupil survey' | 'Survey questions';

/** The Reports area: the annual report to governors, its figures and narrative, and the pupil survey. */
export class ReportsPage {
  readonly tabs: Locator;
  readonly report: Locator;
  readonly year: Locator;

  constructor(readonly page: Page) {
    this.tabs = page.getByRole('navigation', { name: 'Reports' });
    this.report = page.getByTestId('governors-report');
    this.year = page.getByRole('combobox', { name: 'Academic year' });
  }

  async open(tab: ReportsTab): Promise<void> {
    await this.tabs.getByRole('link', { name: tab, exact: true }).click();
    await expect(this.tabs.getByRole('link', { name: tab, exact: true })).toHaveAttribute('aria-current', 'page');
  }

  dialog(title: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name: title }).or(this.page.getByRole('alertdialog', { name: title }));
  }

  /** A built-in narrative section's editor on "Figures and narrative", e.g. 'priorities'. */
  narrative(key: string): Locator {
    return this.page.getByTestId(`narrative-${key}`);
  }

  async expectSaved(text: string | RegExp): Promise<void> {
    await expect(this.page.getByRole('status').filter({ hasText: text })).toBeVisible();
  }
}
