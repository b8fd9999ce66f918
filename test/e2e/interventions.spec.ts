// Issue 6 in the browser: interventions and Pupil Premium Plus on the CLI's demo register (20
// interventions, PP+ allocations, one child overspent). Log a PP+-funded intervention for a child,
// record its sessions (on its page and on the quick attendance screen, by keyboard), rate its
// impact, and see the child's and the school's PP+ spent figures rise by its cost.

import { expect, openDemo, test } from './fixtures.ts';
import { dialogShot, expectDialogAccessible } from './pages/DashboardPage.ts';
import { InterventionsPage } from './pages/InterventionsPage.ts';
import { expectAccessible, screenshot } from './support.ts';

const field = InterventionsPage.field;

/** dd/mm/yyyy for today plus `days` (the register checks session dates against the real today). */
function ukDate(days = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;
}

/** "£1,234.56" (the first amount in the text) → pence. */
function pence(text: string | null): number {
  const m = /-?£([\d,]+(?:\.\d{2})?)/.exec(text ?? '');
  if (!m) throw new Error(`No amount in "${text}"`);
  return Math.round(Number(m[1]!.replace(/,/g, '')) * 100) * (m[0].startsWith('-') ? -1 : 1);
}

test('log a PP+-funded intervention with sessions and see the PP+ spent figures update', async ({ page, demoServer, pages }) => {
  const iv = new InterventionsPage(page);
  await openDemo(page, demoServer, pages);
  await pages.frame.go('Interventions');
  await iv.expectShown();
  await expect(iv.rows).toHaveCount(20);
  await expectAccessible(page, 'interventions: list');
  await screenshot(page, 'interventions-list');

  // Filters: PP+-funded ones only, and the totals follow.
  await field(page.getByRole('search', { name: 'Filter interventions' }), 'Funding').selectOption({ label: 'Pupil Premium Plus' });
  await expect(page.getByTestId('interventions-count')).toContainText('matching the filters');
  await expect(iv.rows).not.toHaveCount(20);
  expect(await iv.rows.count()).toBeGreaterThan(0);
  for (const r of await iv.rows.all()) await expect(r).toContainText('PP+');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(iv.rows).toHaveCount(20);

  // ---- the PP+ position before: one child's spent, and the school's ----
  await iv.open('Pupil Premium Plus');
  await expect(page.getByTestId('ppplus-by-la')).toBeVisible();
  const firstRow = page.getByTestId('ppplus-child-row').first();
  const childName = (await firstRow.getByRole('link').textContent())!;
  const childId = (await firstRow.getAttribute('data-child-id'))!;
  const childSpentBefore = pence(await iv.ppChildRow(childName).getByTestId('ppplus-child-spent').textContent());
  const totalSpentBefore = pence(await page.getByTestId('ppplus-spent').locator('[data-part=value]').textContent());

  // ---- add an intervention, correcting mistakes on the way ----
  await iv.open('All interventions');
  await page.getByRole('link', { name: 'Add an intervention' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add an intervention' })).toBeVisible();
  const form = iv.form('Add an intervention');
  await form.getByRole('button', { name: 'Add intervention' }).click();
  await expect(form.getByText('Choose the child.')).toBeVisible();
  await expect(form.getByText('Enter the date it starts as dd/mm/yyyy.')).toBeVisible();
  await field(form, 'Child').selectOption(childId);
  await field(form, 'Type').selectOption({ label: 'Other' });
  await field(form, 'Starts').fill(ukDate(0));
  await field(form, 'Ends').fill(ukDate(-1));
  await form.getByRole('button', { name: 'Add intervention' }).click();
  await expect(form.getByText('Describe the intervention when its type is "Other".')).toBeVisible();
  await expect(form.getByText('Choose an external provider, or say who delivers it in school.')).toBeVisible();
  await expect(form.getByText('The intervention must end on or after the day it starts.')).toBeVisible();
  await expectAccessible(page, 'interventions: form with errors');
  await screenshot(page, 'interventions-form-errors');

  await field(form, 'Type').selectOption({ label: 'Small-group maths' });
  await field(form, 'Subject').selectOption({ label: 'Maths' });
  await field(form, 'Delivered by').fill('Ms Rowan Ashby');
  await field(form, 'Ends').fill(ukDate(42));
  await field(form, 'Sessions planned').fill('6');
  await field(form, 'Cost').fill('350');
  await form.getByRole('radio', { name: 'Pupil Premium Plus' }).check();
  await field(form, 'Baseline measure').fill('Times-tables check score (out of 25)');
  await field(form, 'Baseline').fill('11');
  await form.getByRole('button', { name: 'Add intervention' }).click();

  await expect(page.getByRole('heading', { level: 1, name: `Small-group maths: ${childName}` })).toBeVisible();
  await iv.expectSaved(`Intervention added for ${childName}.`);
  await expect(page.getByTestId('sessions-attended')).toContainText('No sessions recorded yet');
  await expect(page.getByTestId('intervention-pep-targets')).toContainText('Not linked to a PEP target yet.');

  // ---- a session on its page: not in the future; today, missed ----
  const sessions = page.getByRole('form', { name: 'Record a session' });
  await field(sessions, 'Session date').fill(ukDate(1));
  await sessions.getByRole('button', { name: 'Record session' }).click();
  await expect(sessions.getByText('A session cannot be recorded for a date in the future.')).toBeVisible();
  await field(sessions, 'Session date').fill(ukDate(0));
  await sessions.getByRole('radio', { name: 'Did not attend' }).check();
  await field(sessions, 'Note').fill('Off sick');
  await sessions.getByRole('button', { name: 'Record session' }).click();
  await iv.expectSaved(`Session recorded: ${ukDate(0)}, did not attend.`);
  await expect(page.getByTestId('session-row')).toHaveCount(1);
  await expect(page.getByTestId('sessions-attended')).toContainText('0 of 1');

  // ---- the quick attendance screen: correct it to attended, by keyboard ----
  await pages.frame.nav.getByRole('link', { name: 'Interventions', exact: true }).click();
  await iv.open('Session attendance');
  const row = iv.dueRow(childName).filter({ hasText: 'Small-group maths' });
  await expect(row.getByRole('radio', { name: 'Absent' })).toBeChecked();
  await row.getByRole('radio', { name: 'Absent' }).focus();
  await page.keyboard.press('ArrowLeft');
  await expect(row.getByRole('radio', { name: 'Attended' })).toBeChecked();
  await row.getByRole('textbox').fill('Good focus on the 7 times table');
  await expect(page.getByText('1 change not saved yet')).toBeVisible();
  await expectAccessible(page, 'interventions: session attendance');
  await screenshot(page, 'interventions-session-attendance');
  // Unsaved marks: leaving asks first, and Keep editing keeps them.
  await pages.frame.goAskingFirst('Dashboard');
  await pages.frame.keepEditing();
  await expect(row.getByRole('radio', { name: 'Attended' })).toBeChecked();
  await expect(row.getByRole('textbox')).toHaveValue('Good focus on the 7 times table');
  await page.getByRole('button', { name: 'Save attendance' }).click();
  await iv.expectSaved(`Attendance for ${ukDate(0)} saved: 1 session corrected.`);

  // ---- back on its page: attended; rate its impact ----
  await row.getByRole('link', { name: childName }).click();
  await expect(page.getByTestId('sessions-attended')).toContainText('1 of 1');
  await expect(page.getByTestId('session-row').first()).toContainText('Attended');
  await expect(page.getByTestId('session-row').first()).toContainText('Good focus on the 7 times table');
  await page.getByRole('button', { name: 'Rate impact' }).click();
  const rate = iv.dialog('Rate the impact');
  await field(rate, 'Impact rating').selectOption({ label: 'Good impact' });
  await rate.getByRole('button', { name: 'Save rating' }).click();
  await expect(rate.getByText('Add an evidence note to back up the impact rating.')).toBeVisible();
  await field(rate, 'Outcome').fill('19');
  await field(rate, 'Evidence of impact').fill('Times-tables score up from 11 to 19; class teacher reports quicker recall.');
  await expectDialogAccessible(page, 'interventions: rate impact');
  await dialogShot(rate, 'interventions-rate-impact-dialog');
  await rate.getByRole('button', { name: 'Save rating' }).click();
  await expect(rate).toHaveCount(0);
  await iv.expectSaved('Impact rated: Good impact.');
  await expectAccessible(page, 'interventions: one intervention');
  await screenshot(page, 'interventions-detail');

  // ---- the register's own check, shown on the field: a session before a new start date ----
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  const edit = iv.form('Edit intervention');
  await field(edit, 'Starts').fill(ukDate(1));
  await edit.getByRole('button', { name: 'Save intervention' }).click();
  await expect(edit.getByText(`A session is recorded on ${ukDate(0)}, before this start date.`, { exact: false })).toBeVisible();
  await expect(field(edit, 'Starts')).toBeFocused();
  await edit.getByRole('link', { name: 'Cancel' }).click();
  await pages.frame.discardChanges(); // the start date was changed, so Cancel asks first

  // ---- PP+: the child's spent and the school's total spent rise by £350 ----
  await pages.frame.nav.getByRole('link', { name: 'Interventions', exact: true }).click();
  await iv.open('Pupil Premium Plus');
  await expect(iv.ppChildRow(childName).getByTestId('ppplus-child-spent')).toContainText(
    new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format((childSpentBefore + 35000) / 100));
  expect(pence(await page.getByTestId('ppplus-spent').locator('[data-part=value]').textContent())).toBe(totalSpentBefore + 35000);
  await expectAccessible(page, 'ppplus: position');
  await screenshot(page, 'ppplus-position');

  // ---- record the allocation the Virtual School paid for this child ----
  await iv.ppChildRow(childName).getByRole('button', { name: new RegExp(`allocation: ${childName}$`) }).click();
  const alloc = iv.dialog(new RegExp(`^PP\\+ allocation: ${childName}`));
  await field(alloc, 'Amount').fill('2570');
  await field(alloc, 'Received on').fill('31/02/2026');
  await alloc.getByRole('button', { name: 'Save allocation' }).click();
  await expect(alloc.getByText('Enter a real date as dd/mm/yyyy, for example 01/09/2025.')).toBeVisible();
  await field(alloc, 'Received on').fill(ukDate(0));
  await expectDialogAccessible(page, 'ppplus: allocation');
  await dialogShot(alloc, 'ppplus-allocation-dialog');
  await alloc.getByRole('button', { name: 'Save allocation' }).click();
  await expect(alloc).toHaveCount(0);
  await iv.expectSaved(`PP+ allocation of £2,570.00 recorded for ${childName}`);
  await expect(iv.ppChildRow(childName)).toContainText(`Received ${ukDate(0)}`);
  await expect(iv.ppChildRow(childName)).toContainText('£2,570.00');
});

test("an intervention shows the PEP targets it supports, and opens that PEP", async ({ page, demoServer, pages }) => {
  const iv = new InterventionsPage(page);
  await openDemo(page, demoServer, pages);
  await pages.frame.go('Interventions');
  await iv.expectShown();
  await expect(iv.rows).toHaveCount(20);
  const ids = await iv.rows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-intervention-id')!));
  expect(ids.length).toBeGreaterThan(0);
  // The demo links some of its PEP targets to the child's interventions in that subject.
  let linked: string | null = null;
  for (const id of ids) {
    await page.evaluate((h) => { location.hash = h; }, `#/interventions/${id}`);
    const section = page.getByTestId('intervention-pep-targets');
    await expect(section).toBeVisible();
    if ((await section.getByRole('listitem').count()) > 0) {
      linked = id;
      break;
    }
    await expect(section).toContainText('Not linked to a PEP target yet.');
  }
  expect(linked, 'the demo register links at least one intervention to a PEP target').not.toBeNull();
  const section = page.getByTestId('intervention-pep-targets');
  const childName = (await page.getByRole('heading', { level: 1 }).textContent())!.split(': ').at(-1)!;
  await expectAccessible(page, 'interventions: PEP targets it supports');
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, 'interventions-pep-targets');
  const first = section.getByRole('link').first();
  await expect(first).toHaveText(/^(Autumn|Spring|Summer) term \d{4}-\d{2} PEP$/);
  await first.click();
  await expect(page).toHaveURL(/#\/peps\/\d+\/targets$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(childName);
});
