// Recording returns in the grid with the keyboard, pasting a block from Excel, an invalid grade
// shown on its cell with the API's message, and completion going up as returns arrive.

import type { Page } from '@playwright/test';
import { expect, openDemo, test } from './fixtures.ts';
import { ProgressPage } from './pages/ProgressPage.ts';
import { expectAccessible, screenshot } from './support.ts';

/** A Year 10 or 11 child (GCSE 9–1) with at least three outstanding returns in the window shown. */
async function childWithOutstandingReturns(page: Page, windowId: number): Promise<{ name: string; subjects: string[] }> {
  return page.evaluate(async (id) => {
    const api = (window as unknown as { register: Record<string, (i: unknown) => Promise<{ ok: boolean; value: unknown }>> }).register;
    const grid = (await api.getReturnsGrid!({ windowId: id })).value as {
      subjects: { name: string }[];
      rows: { name: string; yearGroup: number; cells: { status: string; returnId: number | null; teacherId: number | null }[] }[];
    };
    for (const r of grid.rows) {
      if (r.yearGroup !== 10 && r.yearGroup !== 11) continue;
      const open = r.cells.flatMap((c, i) => (c.returnId !== null && c.teacherId !== null && c.status !== 'returned' ? [grid.subjects[i]!.name] : []));
      if (open.length >= 3) return { name: r.name, subjects: open };
    }
    throw new Error('The demo has no Year 10 or 11 child with three outstanding returns.');
  }, windowId);
}

test('returns are typed and pasted into the grid like a spreadsheet, and completion goes up', async ({ page, demoServer, pages }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' }); // dialogs appear at once (axe checks them fully drawn)
  await openDemo(page, demoServer, pages);
  await pages.frame.go('Progress');
  const p = new ProgressPage(page);
  await expect(p.grid).toBeVisible();
  const windowId = Number(await p.field('Assessment window').inputValue());
  const before = await p.received();
  expect(before.returned).toBeLessThan(before.expected);
  await expect(p.status(p.rows().first())).not.toBeEmpty();
  await p.windowScreenshot('progress-returns-grid'); // the grid scrolls inside the window, as the user sees it

  // Narrow the grid to one child's outstanding returns.
  const child = await childWithOutstandingReturns(page, windowId);
  await p.field('Show').selectOption({ label: 'Outstanding' });
  await p.field('Find a child').fill(child.name);
  await expect(p.rows()).toHaveCount(child.subjects.length);
  const [s1, s2, s3] = child.subjects as [string, string, string];
  const r1 = p.row(child.name, s1);
  const r2 = p.row(child.name, s2);
  const r3 = p.row(child.name, s3);
  await expectAccessible(page, 'progress: returns grid');

  // Keyboard entry: type to edit, Tab to commit and move right, Enter to go down to the next return
  // (back in the column where the run of Tabs started).
  await p.cell(r1, 'current').click();
  await expect(p.cell(r1, 'current')).toBeFocused();
  await page.keyboard.type('5');
  await expect(p.cell(r1, 'current').getByRole('textbox')).toHaveValue('5');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab'); // keep the target the teacher already set
  await page.keyboard.type('6');
  await page.keyboard.press('Tab');
  await page.keyboard.type('2');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Settled well into the new set');
  await page.keyboard.press('Enter');
  await expect(p.cell(r2, 'current')).toBeFocused();
  await expect(p.status(r1)).toContainText('Returned');
  await expect(p.cell(r1, 'current')).toHaveText('5');
  await expect(p.cell(r1, 'predicted')).toHaveText('6');
  await expect(p.cell(r1, 'effort')).toHaveText('2');
  await expect(p.cell(r1, 'whatWentWell')).toHaveText('Settled well into the new set');
  await expect(p.completion).toContainText(`${before.returned + 1} of ${before.expected}`);

  // Arrows move; Escape cancels an edit.
  await page.keyboard.press('ArrowUp');
  await expect(p.cell(r1, 'current')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(p.cell(r1, 'target')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowLeft');
  await expect(p.cell(r2, 'current')).toBeFocused();
  await page.keyboard.type('9');
  await page.keyboard.press('Escape');
  await expect(p.cell(r2, 'current')).toBeFocused();
  await expect(p.cell(r2, 'current')).toHaveText('');

  // A grade not on the child's scale is refused by the API: its message shows on the cell.
  await page.keyboard.type('12');
  await page.keyboard.press('Enter');
  await expect(p.cell(r3, 'current')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(p.cell(r2, 'current')).toHaveAttribute('aria-invalid', 'true');
  const bubble = p.cell(r2, 'current').getByTestId('cell-error');
  await expect(bubble).toContainText('is not on the GCSE 9–1 scale');
  await expect(page.getByTestId('unsaved-cells')).toContainText(`${child.name}, ${s2}, Current`);
  await expectAccessible(page, 'progress: returns grid with a refused grade');
  await screenshot(page, 'progress-returns-invalid-grade');
  await expect(p.completion).toContainText(`${before.returned + 1} of ${before.expected}`);

  // Paste a block from Excel into the same cell: two returns, six columns each.
  await p.paste('4\t5\t5\t3\tGood effort in class\tShow working in full\r\n5\t6\t6\t1\tConfident with algebra\t\r\n');
  await expect(p.saveState).toContainText('Pasted 12 values into 2 returns.');
  await expect(p.cell(r2, 'current')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('unsaved-cells')).toHaveCount(0);
  await expect(p.status(r2)).toContainText('Returned');
  await expect(p.status(r3)).toContainText('Returned');
  await expect(p.cell(r2, 'evenBetterIf')).toHaveText('Show working in full');
  await expect(p.cell(r3, 'whatWentWell')).toHaveText('Confident with algebra');
  await expect(p.completion).toContainText(`${before.returned + 3} of ${before.expected}`);
  await screenshot(page, 'progress-returns');

  // The selected return in full, below the grid.
  await expect(page.getByTestId('return-detail')).toContainText(`${s2} for ${child.name}`);

  // Saved in the register: still there after a reload, and the completion view agrees.
  await page.reload();
  await expect(p.grid).toBeVisible();
  await expect(p.completion).toContainText(`${before.returned + 3} of ${before.expected}`);
  await p.open('Completion');
  await expect(page.getByTestId('completion-summary')).toContainText(`${before.returned + 3} of ${before.expected}`);
});
