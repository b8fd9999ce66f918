import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

const SHOTS = path.resolve(import.meta.dirname, '../../../test-results/screenshots');

export type ProgressTab = 'Returns' | 'Completion' | 'Meeting summary' | 'Child progress' | 'Chase letters' | 'Assessment windows' | 'Set-up';
export type GridColumn = 'current' | 'target' | 'predicted' | 'effort' | 'whatWentWell' | 'evenBetterIf';
export type SetupSection = 'Subjects' | 'Teachers' | 'Timetables' | 'Service level agreement' | 'External providers' | 'Grade scales';

/** The Progress area: its tabs, the returns grid and its cells. */
export class ProgressPage {
  readonly section: Locator;
  readonly grid: Locator;
  readonly completion: Locator;
  readonly saveState: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByTestId('progress-section');
    this.grid = page.getByRole('grid', { name: /^Returns for / });
    this.completion = page.getByTestId('completion-summary').first();
    this.saveState = page.getByTestId('save-state');
  }

  async open(tab: ProgressTab): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Progress sections' }).getByRole('link', { name: tab, exact: true }).click();
    await expect(this.page.getByRole('navigation', { name: 'Progress sections' }).getByRole('link', { name: tab, exact: true })).toHaveAttribute('aria-current', 'page');
  }

  async openSetup(section: SetupSection): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Set-up sections' }).getByRole('link', { name: section, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 3, name: section })).toBeVisible();
  }

  /** A drop-down or text box in the current tab, by its label. */
  field(label: string): Locator {
    return this.section.getByRole('combobox', { name: label, exact: true }).or(this.section.getByRole('textbox', { name: label, exact: true }))
      .or(this.section.getByRole('searchbox', { name: label, exact: true }));
  }

  /** The grid row of one return. */
  row(child: string, subject: string): Locator {
    return this.grid.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${child}\\b`) }) }).filter({ hasText: subject });
  }

  rows(): Locator {
    return this.grid.locator('tbody tr');
  }

  cell(row: Locator, column: GridColumn): Locator {
    return row.locator(`td[data-field="${column}"]`);
  }

  status(row: Locator): Locator {
    return row.getByTestId('status');
  }

  /** "151 of 227" from the completion summary. */
  async received(): Promise<{ returned: number; expected: number }> {
    const text = (await this.completion.textContent()) ?? '';
    const m = /(\d+) of (\d+)/.exec(text);
    if (!m) throw new Error(`No completion figures in "${text}"`);
    return { returned: Number(m[1]), expected: Number(m[2]) };
  }

  /** Pastes text into the focused grid cell as Excel would put it on the clipboard (a synthetic paste event). */
  async paste(text: string): Promise<void> {
    await this.page.evaluate((t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      const target = document.activeElement ?? document.body;
      target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
  }

  /** A screenshot of the window as it is (a dialog over the screen, or the grid scrolling inside it), to test-results/screenshots/<name>.png. */
  async windowScreenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: path.join(SHOTS, `${name}.png`), animations: 'disabled' });
  }
}
