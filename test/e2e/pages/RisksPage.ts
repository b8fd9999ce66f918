import { expect, type Locator, type Page } from '@playwright/test';

/** The risk register: counts, heat map, list, one risk's page and its dialogs. */
export class RisksPage {
  readonly heatMap: Locator;
  readonly rows: Locator;
  readonly history: Locator;

  constructor(readonly page: Page) {
    this.heatMap = page.getByTestId('heat-map');
    this.rows = page.getByTestId('risk-row');
    this.history = page.getByTestId('review-entry');
  }

  async expectShown(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Risks' })).toBeVisible();
    await expect(this.heatMap).toBeVisible();
  }

  /** The heat map cell at likelihood × impact. */
  cell(likelihood: number, impact: number): Locator {
    return this.page.getByTestId(`heat-cell-${likelihood}-${impact}`);
  }

  async count(likelihood: number, impact: number): Promise<number> {
    return Number(await this.cell(likelihood, impact).getAttribute('data-count'));
  }

  dialog(title: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name: title }).or(this.page.getByRole('alertdialog', { name: title }));
  }

  static field(scope: Locator, label: string): Locator {
    return scope.getByRole('textbox', { name: label, exact: true }).or(scope.getByRole('combobox', { name: label, exact: true }));
  }

  async expectSaved(text: string | RegExp): Promise<void> {
    await expect(this.page.getByRole('status').filter({ hasText: text })).toBeVisible();
  }
}
