import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

export type ChildTabName = 'Overview' | 'Care and contacts' | 'Education' | 'Attendance and exclusions' | 'Voice';

/** A child's file: header actions, the five tabs, alerts and the add / edit dialogs. */
export class ChildFilePage {
  readonly tabs: Locator;
  readonly alerts: Locator;
  readonly note: Locator;

  constructor(readonly page: Page) {
    this.tabs = page.getByRole('navigation', { name: "Sections of the child's file" });
    this.alerts = page.getByTestId('child-alert');
    this.note = page.getByRole('status').filter({ hasText: /./ });
  }

  async expectShown(name: string): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name })).toBeVisible();
  }

  async openTab(tab: ChildTabName): Promise<void> {
    await this.tabs.getByRole('link', { name: new RegExp(`^${tab}`) }).click();
    await expect(this.tabs.getByRole('link', { name: new RegExp(`^${tab}`) })).toHaveAttribute('aria-current', 'page');
  }

  panel(): Locator {
    return this.page.getByTestId('child-tab');
  }

  alert(title: string): Locator {
    return this.alerts.filter({ hasText: title });
  }

  /** An open modal dialog by its title. */
  dialog(title: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name: title }).or(this.page.getByRole('alertdialog', { name: title }));
  }

  /** The dialog has closed and the page behind it is no longer hidden from assistive technology. */
  async expectClosed(dialog: Locator): Promise<void> {
    await expect(dialog).toHaveCount(0);
    await expect(this.page.locator('#root')).not.toHaveAttribute('aria-hidden', 'true');
  }

  /**
   * axe-core on the open dialog only (same rules as support.ts's expectAccessible): quicker than the
   * whole page, whose content behind the modal is hidden anyway.
   */
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

  async expectSaved(text: string | RegExp): Promise<void> {
    await expect(this.page.getByRole('status').filter({ hasText: text })).toBeVisible();
  }
}
