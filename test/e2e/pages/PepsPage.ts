import { expect, type Locator, type Page } from '@playwright/test';

/** The PEPs list (per term, with filters and the children not started) and the Virtual School formats screen. */
export class PepsPage {
  readonly heading: Locator;
  readonly rows: Locator;
  readonly notStarted: Locator;
  readonly summary: Locator;
  readonly formatsButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'PEPs' });
    this.rows = page.getByTestId('pep-row');
    this.notStarted = page.getByTestId('pep-not-started');
    this.summary = page.getByTestId('pep-summary');
    this.formatsButton = page.getByRole('link', { name: 'Virtual School formats' });
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await expect(this.summary).toBeVisible();
  }

  /** A filter drop-down: Term, Status or Local authority. */
  filter(label: 'Term' | 'Status' | 'Local authority'): Locator {
    return this.page.getByRole('search', { name: 'Choose PEPs' }).getByRole('combobox', { name: label, exact: true });
  }

  /** The list row of a child's PEP, by the child's name as shown ("Alfie Dunmore"). */
  row(childName: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('link', { name: childName, exact: true }) });
  }

  async openPep(childName: string): Promise<void> {
    await this.row(childName).getByRole('link', { name: childName, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: `PEP: ${childName}` })).toBeVisible();
  }

  // ---- Virtual School formats ----

  formatSections(): Locator {
    return this.page.getByTestId('format-section');
  }

  formatSection(key: string): Locator {
    return this.page.locator(`[data-testid="format-section"][data-key="${key}"]`);
  }

  async formatOrder(): Promise<string[]> {
    return this.formatSections().evaluateAll((els) => els.map((e) => e.getAttribute('data-key') ?? ''));
  }
}
