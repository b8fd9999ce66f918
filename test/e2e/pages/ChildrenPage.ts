import { expect, type Locator, type Page } from '@playwright/test';

/** The Children screen: the grid of children, its search and filters, and the MIS import. */
export class ChildrenPage {
  readonly heading: Locator;
  readonly rows: Locator;
  readonly count: Locator;
  readonly search: Locator;
  readonly addButton: Locator;
  readonly importButton: Locator;
  readonly exportButton: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Children' });
    this.rows = page.getByTestId('child-row');
    this.count = page.getByTestId('children-count');
    this.search = page.getByRole('searchbox', { name: 'Search by name or UPN' });
    this.addButton = page.getByRole('link', { name: 'Add a child' });
    this.importButton = page.getByRole('link', { name: 'Import from MIS' });
    this.exportButton = page.getByRole('button', { name: 'Export CSV' });
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await expect(this.count).toBeVisible();
  }

  /** A filter drop-down by its label: Responsible LA, Year group, Status, SEN, Alerts. */
  filter(label: 'Responsible LA' | 'Year group' | 'Status' | 'SEN' | 'Alerts'): Locator {
    return this.page.getByRole('search', { name: 'Find children' }).getByRole('combobox', { name: label, exact: true });
  }

  view(name: 'On roll' | 'Leavers'): Locator {
    return this.page.getByRole('navigation', { name: 'Which children' }).getByRole('link', { name: new RegExp(`^${name}`) });
  }

  /** The grid row of a child, by (part of) the name as the grid shows it: "Last, First". */
  row(name: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('link', { name }) });
  }

  async openChild(name: string): Promise<void> {
    await this.rows.getByRole('link', { name }).first().click();
  }

  async sortBy(column: string): Promise<void> {
    await this.page.getByRole('columnheader', { name: column }).click();
  }

  // ---- import ----

  importFile(): Locator {
    return this.page.getByLabel('CSV file');
  }

  importCount(status: 'new' | 'update' | 'unchanged' | 'rejected'): Locator {
    return this.page.getByTestId(`import-count-${status}`);
  }

  importRows(status?: 'new' | 'update' | 'unchanged' | 'rejected'): Locator {
    const rows = this.page.getByTestId('import-row');
    return status ? rows.and(this.page.locator(`[data-status="${status}"]`)) : rows;
  }
}
