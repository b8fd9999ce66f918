// Issue 6 in the browser: the risk register on the CLI's demo register (the six template risks,
// one overdue for review). Add a risk from a template and see the heat map count it; review it with
// a new score and see it move cell; add a blank risk (with its validation), then delete it.

import { expect, openDemo, test } from './fixtures.ts';
import { dialogShot, expectDialogAccessible } from './pages/DashboardPage.ts';
import { RisksPage } from './pages/RisksPage.ts';
import { expectAccessible, screenshot } from './support.ts';

const field = RisksPage.field;
const TEMPLATE = 'Statutory duties for looked-after children not met';

test('add a risk from a template, review it with a new score, and see the heat map change', async ({ page, demoServer, pages }) => {
  const risks = new RisksPage(page);
  await openDemo(page, demoServer, pages);
  await pages.frame.go('Risks');
  await risks.expectShown();
  await expect(risks.rows).toHaveCount(6);
  // The heat map is a table: likelihood across, impact down, with headers for both.
  await expect(risks.heatMap.getByRole('columnheader', { name: '3 Possible' })).toBeVisible();
  await expect(risks.heatMap.getByRole('rowheader', { name: '4 Major' })).toBeVisible();
  await expect(page.getByTestId('band-count-medium')).toHaveText('6');
  await expectAccessible(page, 'risks: register');
  await screenshot(page, 'risks-register');
  const before34 = await risks.count(3, 4);
  const before22 = await risks.count(2, 2);

  // ---- add from a template ----
  await page.getByRole('button', { name: 'Add a risk' }).click();
  let dialog = risks.dialog('Add a risk');
  await dialog.getByRole('button', { name: 'Add risk' }).click();
  await expect(dialog.getByText('Choose one of the templates, or a blank risk.')).toBeVisible();
  await dialog.getByRole('radio', { name: TEMPLATE }).check();
  await field(dialog, 'Owner').fill('Headteacher');
  await expectDialogAccessible(page, 'risks: add from a template');
  await dialogShot(dialog, 'risks-add-template-dialog');
  await dialog.getByRole('button', { name: 'Add risk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: TEMPLATE })).toBeVisible();
  await risks.expectSaved('Risk added from the template');
  await expect(page.getByTestId('risk-score')).toHaveText('12');
  // Its first entry: the score it started with.
  await expect(risks.history).toHaveCount(1);

  await page.getByRole('link', { name: '‹ Risk register' }).click();
  await risks.expectShown();
  await expect(risks.rows).toHaveCount(7);
  await expect(risks.cell(3, 4)).toHaveAttribute('data-count', String(before34 + 1));
  await expect(page.getByTestId('band-count-high')).toHaveText('1');

  // ---- review it: the score falls from 12 (high) to 4 (low) ----
  await risks.rows.filter({ hasText: TEMPLATE }).filter({ hasText: 'High · 12' }).getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: TEMPLATE })).toBeVisible();
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  dialog = risks.dialog(`Review: ${TEMPLATE}`);
  await dialog.getByRole('button', { name: 'Record review' }).click();
  await expect(dialog.getByText('Say what the review found and what changed.')).toBeVisible();
  await field(dialog, 'Likelihood').selectOption({ label: '2 Unlikely' });
  await field(dialog, 'Impact').selectOption({ label: '2 Minor' });
  await expect(dialog.getByTestId('score-preview')).toContainText('Low · 4');
  await expect(dialog.getByTestId('score-preview')).toContainText('(was High · 12)');
  await field(dialog, 'What the review found').fill('PEP calendar agreed with every Virtual School; all PEPs this term held on time.');
  await expectDialogAccessible(page, 'risks: review');
  await dialogShot(dialog, 'risks-review-dialog');
  await dialog.getByRole('button', { name: 'Record review' }).click();
  await expect(dialog).toHaveCount(0);
  await risks.expectSaved('Review recorded: score 12 → 4 (Low)');
  await expect(page.getByTestId('risk-score')).toHaveText('4');
  await expect(risks.history).toHaveCount(2);
  await expect(risks.history.first()).toContainText('Low · 4');
  await expect(risks.history.first()).toContainText('all PEPs this term held on time');
  await expectAccessible(page, 'risks: one risk');
  await screenshot(page, 'risks-detail');

  await page.getByRole('link', { name: '‹ Risk register' }).click();
  await risks.expectShown();
  await expect(risks.cell(3, 4)).toHaveAttribute('data-count', String(before34));
  await expect(risks.cell(2, 2)).toHaveAttribute('data-count', String(before22 + 1));
  await expect(page.getByTestId('band-count-high')).toHaveText('0');
  await expect(page.getByTestId('band-count-low')).toHaveText('1');
  await screenshot(page, 'risks-heat-map-after-review');
});

test('a blank risk: its checks, a very high score on the heat map, then deleted', async ({ page, demoServer, pages }) => {
  const risks = new RisksPage(page);
  await openDemo(page, demoServer, pages);
  await pages.frame.go('Risks');
  await risks.expectShown();
  const before55 = await risks.count(5, 5);

  await page.getByRole('button', { name: 'Add a risk' }).click();
  let dialog = risks.dialog('Add a risk');
  await dialog.getByRole('radio', { name: 'A blank risk' }).check();
  await dialog.getByRole('button', { name: 'Continue' }).click();
  dialog = risks.dialog('Add a blank risk');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Add risk' }).click();
  await expect(dialog.getByText('Choose a category.')).toBeVisible();
  await expect(dialog.getByText('Give the risk a short title.')).toBeVisible();
  await field(dialog, 'Category').selectOption({ label: 'Data' });
  await field(dialog, 'Title').fill('Register laptop lost or stolen');
  await field(dialog, 'Likelihood').selectOption({ label: '5 Almost certain' });
  await field(dialog, 'Impact').selectOption({ label: '5 Severe' });
  await field(dialog, 'Review every (days)').fill('30');
  await expect(dialog.getByTestId('score-preview')).toContainText('Very high · 25');
  await expectDialogAccessible(page, 'risks: blank risk form');
  await dialogShot(dialog, 'risks-blank-risk-dialog');
  await dialog.getByRole('button', { name: 'Add risk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Register laptop lost or stolen' })).toBeVisible();

  await page.getByRole('link', { name: '‹ Risk register' }).click();
  await expect(risks.cell(5, 5)).toHaveAttribute('data-count', String(before55 + 1));
  await expect(page.getByTestId('band-count-very_high')).toHaveText('1');

  await risks.rows.filter({ hasText: 'Register laptop lost or stolen' }).getByRole('link').click();
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  dialog = risks.dialog('Delete this risk?');
  await expectDialogAccessible(page, 'risks: delete');
  await dialog.getByRole('button', { name: 'Delete risk' }).click();
  await risks.expectShown();
  await risks.expectSaved('have been deleted');
  await expect(risks.cell(5, 5)).toHaveAttribute('data-count', String(before55));
});
