import { expect, type Locator, type Page } from '@playwright/test';

export type InterventionsSection = 'All interventions' | 'Session attendance' | 'Pupil Premium Plus';

/** The Interventions area: the list, an intervention's page and form, session attendance, and PP+. */
export class InterventionsPage {
  readonly sections: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.sections = page.getByRole('navigation', { name: 'Interventions sections' });
    this.rows = page.getByTestId('intervention-row');
  }

  async expectShown(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: 'Interventions' })).toBeVisible();
  }

  async open(section: InterventionsSection): Promise<void> {
    await this.sections.getByRole('link', { name: section }).click();
    await expect(this.sections.getByRole('link', { name: section })).toHaveAttribute('aria-current', 'page');
  }

  /** A text box or drop-down inside a scope, by its exact label. */
  static field(scope: Locator, label: string): Locator {
    return scope.getByRole('textbox', { name: label, exact: true }).or(scope.getByRole('combobox', { name: label, exact: true }));
  }

  form(name: 'Add an intervention' | 'Edit intervention'): Locator {
    return this.page.getByRole('form', { name });
  }

  dialog(title: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name: title }).or(this.page.getByRole('alertdialog', { name: title }));
  }

  async expectSaved(text: string | RegExp): Promise<void> {
    await expect(this.page.getByRole('status').filter({ hasText: text })).toBeVisible();
  }

  /** PP+: one child's row of the by-child table. */
  ppChildRow(name: string): Locator {
    return this.page.getByTestId('ppplus-child-row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** The quick attendance row of one child's intervention. */
  dueRow(childName: string): Locator {
    return this.page.getByTestId('due-row').filter({ has: this.page.getByRole('link', { name: childName, exact: true }) });
  }
}
