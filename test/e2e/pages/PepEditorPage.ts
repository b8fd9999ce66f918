import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/** One PEP in the editor: the lifecycle bar, its sections, targets with their SMART hints, and the dialogs. */
export class PepEditorPage {
  readonly lifecycle: Locator;
  readonly status: Locator;
  readonly completeness: Locator;
  readonly percent: Locator;
  readonly saveStatus: Locator;
  readonly targets: Locator;
  readonly readOnly: Locator;

  constructor(readonly page: Page) {
    this.lifecycle = page.getByTestId('pep-lifecycle');
    this.status = this.lifecycle.getByTestId('pep-status');
    this.completeness = page.getByTestId('pep-completeness');
    this.percent = page.getByTestId('pep-completeness-percent');
    this.saveStatus = page.getByTestId('pep-save-status');
    this.targets = page.getByTestId('pep-target');
    this.readOnly = page.getByTestId('pep-read-only');
  }

  async expectShown(childName: string): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: `PEP: ${childName}` })).toBeVisible();
    await expect(this.lifecycle).toBeVisible();
  }

  /** A section of the PEP by its key (details, voice, targets, ...). */
  section(key: string): Locator {
    return this.page.locator(`section[data-section="${key}"]`);
  }

  async percentDone(): Promise<number> {
    return Number((await this.percent.textContent())!.replace('%', ''));
  }

  async expectAllSaved(): Promise<void> {
    await expect(this.saveStatus).toContainText('All changes saved', { timeout: 15_000 });
  }

  lifecycleButton(name: string | RegExp): Locator {
    return this.lifecycle.getByRole('button', { name });
  }

  /** An open modal dialog by its title. */
  dialog(title: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name: title }).or(this.page.getByRole('alertdialog', { name: title }));
  }

  async expectClosed(dialog: Locator): Promise<void> {
    await expect(dialog).toHaveCount(0);
    await expect(this.page.locator('#root')).not.toHaveAttribute('aria-hidden', 'true');
  }

  /** axe-core on the open dialog only (the page behind a modal is hidden anyway). */
  async expectDialogAccessible(what: string): Promise<void> {
    const results = await new AxeBuilder({ page: this.page }).include('[role="dialog"], [role="alertdialog"]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.impact}: ${v.id} (${v.help}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`), `axe-core on ${what}`).toEqual([]);
  }

  /** A text box or drop-down inside a scope, by its exact label. */
  static field(scope: Locator, label: string): Locator {
    return scope.getByRole('textbox', { name: label, exact: true }).or(scope.getByRole('combobox', { name: label, exact: true }));
  }

  /** The live SMART hints of the open target form: criteria not yet met. */
  smartTodo(form: Locator): Locator {
    return form.getByTestId('smart-hints').locator('li[data-ok="false"]');
  }

  note(text: string | RegExp): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }
}
