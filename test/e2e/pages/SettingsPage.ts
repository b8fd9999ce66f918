import { expect, type Locator, type Page } from '@playwright/test';

export type SectionName = 'School details' | 'Users' | 'Academic years' | 'Local authorities' | 'Backups' | 'Security';

export class SettingsPage {
  readonly panel: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId('settings-section');
  }

  async open(section: SectionName): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Settings sections' }).getByRole('link', { name: section, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 2, name: section })).toBeVisible();
  }

  /** A text box or drop-down in the current section, by its label. */
  field(label: string): Locator {
    return this.panel.getByRole('textbox', { name: label, exact: true }).or(this.panel.getByRole('combobox', { name: label, exact: true }));
  }

  async save(buttonName = 'Save changes', form?: string): Promise<void> {
    const scope = form ? this.panel.getByRole('form', { name: form }) : this.panel;
    await scope.getByRole('button', { name: buttonName }).click();
  }

  async expectSaved(text: string | RegExp): Promise<void> {
    await expect(this.panel.getByRole('status').filter({ hasText: text })).toBeVisible();
  }

  async addUser(name: string, role: 'Deputy DT (SENDCo)' | 'Designated Teacher', passphrase: string): Promise<void> {
    const form = this.panel.getByRole('form', { name: 'Add a user' });
    await form.getByRole('textbox', { name: 'Name' }).fill(name);
    await form.getByRole('radio', { name: role }).check();
    await form.getByRole('textbox', { name: 'Their passphrase', exact: true }).fill(passphrase);
    await form.getByRole('textbox', { name: 'Confirm their passphrase', exact: true }).fill(passphrase);
    await form.getByRole('button', { name: 'Add user' }).click();
  }

  /** The PEP cut-off dates form shown under a local authority's edit form. */
  cutoffsForm(): Locator {
    return this.panel.getByRole('form', { name: 'PEP cut-off dates' });
  }

  cutoffField(term: 'Autumn' | 'Spring' | 'Summer'): Locator {
    return this.cutoffsForm().getByRole('textbox', { name: `${term} term cut-off`, exact: true });
  }

  usersTable(): Locator {
    return this.panel.getByRole('table', { name: 'Users who can open the register' });
  }
}
