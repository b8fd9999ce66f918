import { expect, type Locator, type Page } from '@playwright/test';

/** The Dashboard (the app's home): headline figures, alerts by urgency, deadlines, PEPs, returns, PP+ and risks. */
export class DashboardPage {
  readonly heading: Locator;
  readonly alertsSection: Locator;
  readonly alerts: Locator;
  readonly kindFilter: Locator;
  readonly urgencyFilter: Locator;
  readonly calendar: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Dashboard' });
    this.alertsSection = page.getByTestId('alerts');
    this.alerts = page.getByTestId('alert');
    this.kindFilter = this.alertsSection.getByRole('combobox', { name: 'Kind' });
    this.urgencyFilter = this.alertsSection.getByRole('combobox', { name: 'Urgency' });
    this.calendar = page.getByTestId('calendar');
  }

  async expectShown(): Promise<void> {
    await expect(this.heading).toBeVisible();
    await expect(this.alertsSection).toBeVisible();
  }

  group(severity: 'urgent' | 'warning' | 'info'): Locator {
    return this.page.getByTestId(`alert-group-${severity}`);
  }

  /** Shows only alerts of one kind (its label as the Kind filter lists it, without the count). */
  async filterKind(label: string): Promise<void> {
    const options = await this.kindFilter.locator('option').allTextContents();
    const option = options.find((o) => o.startsWith(`${label} (`));
    if (!option) throw new Error(`No alert kind "${label}" (have: ${options.join(', ')})`);
    await this.kindFilter.selectOption({ label: option });
  }

  async clearFilters(): Promise<void> {
    await this.kindFilter.selectOption({ label: 'All kinds' });
    await this.urgencyFilter.selectOption({ label: 'All' });
  }

  /** The first alert shown, its subject's name, and its link. */
  async firstAlert(): Promise<{ row: Locator; name: string; link: Locator }> {
    const row = this.alerts.first();
    const link = row.getByTestId('alert-link');
    const label = (await link.getAttribute('aria-label')) ?? '';
    return { row, name: label.slice(label.indexOf(': ') + 2), link };
  }
}

/** axe-core on the open dialog only (serious or critical violations fail), like ChildFilePage's check. */
export async function expectDialogAccessible(page: Page, what: string): Promise<void> {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  // Let the dialog's opening animation finish: mid-fade, colours are paler than they really are.
  await page.locator('[role="dialog"], [role="alertdialog"]').first().evaluate((el) =>
    Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished.catch(() => undefined))));
  const results = await new AxeBuilder({ page }).include('[role="dialog"], [role="alertdialog"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.impact}: ${v.id} (${v.help}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`), `axe-core on ${what}`).toEqual([]);
}

/** A picture of a dialog on its own, to test-results/screenshots/<name>.png. */
export async function dialogShot(dialog: Locator, name: string): Promise<void> {
  const path = await import('node:path');
  await dialog.screenshot({ path: path.resolve(import.meta.dirname, '../../../test-results/screenshots', `${name}.png`), animations: 'disabled' });
}
