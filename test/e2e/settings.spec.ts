import { createRegister, DT, expect, test } from './fixtures.ts';
import { expectAccessible, screenshot } from './support.ts';

test('settings are saved and still there after the server restarts', async ({ page, server, pages }) => {
  await createRegister(page, server, pages);
  await pages.frame.go('Settings');
  const s = pages.settings;

  // School details, with a field error mapped onto its field first.
  await s.open('School details');
  await expectAccessible(page, 'settings: school details');
  await s.field('URN').fill('12345');
  await s.save();
  await expect(page.getByText('URN is six digits.')).toBeVisible();
  await s.field('URN').fill('123456');
  await s.field('Headteacher').fill('Dr Jane Okafor');
  await s.field('Attendance action plan at or below (%)').fill('92');
  await s.field('Education Support Worker session at least every (weeks)').fill('6');
  await s.save();
  await s.expectSaved('School details saved.');
  await screenshot(page, 'settings-school-details');

  // Security: auto-lock minutes (shown in the status bar).
  await s.open('Security');
  await expectAccessible(page, 'settings: security');
  await s.field('Lock after this many minutes without use').fill('15');
  await s.save();
  await s.expectSaved('Security settings saved.');
  await expect(page.getByText('Locks after 15 min idle')).toBeVisible();
  await screenshot(page, 'settings-security');

  // Academic year with terms, half terms and closure days (dd/mm/yyyy).
  await s.open('Academic years');
  await expectAccessible(page, 'settings: academic years (empty)');
  await page.getByRole('button', { name: 'Add an academic year' }).click();
  await s.field('Academic year').fill('2025-26');
  await s.field('First day').fill('01/09/2025');
  await s.field('Last day').fill('31/08/2026');
  const terms: [string, string, string, string, string][] = [
    ['Autumn term', '03/09/2025', '19/12/2025', '27/10/2025', '31/10/2025'],
    ['Spring term', '05/01/2026', '27/03/2026', '16/02/2026', '20/02/2026'],
    ['Summer term', '13/04/2026', '22/07/2026', '25/05/2026', '29/05/2026'],
  ];
  for (const [term, start, end, hs, he] of terms) {
    const group = page.getByRole('group', { name: term });
    await group.getByRole('textbox', { name: 'Term starts', exact: true }).fill(start);
    await group.getByRole('textbox', { name: 'Term ends', exact: true }).fill(end);
    await group.getByRole('textbox', { name: 'Half-term holiday from', exact: true }).fill(hs);
    await group.getByRole('textbox', { name: 'Half-term holiday to', exact: true }).fill(he);
  }
  await page.getByRole('button', { name: 'Add a closure day' }).click();
  const closure = page.getByRole('group', { name: 'Closure day 1' });
  await closure.getByRole('textbox', { name: 'Date', exact: true }).fill('31/02/2026');
  await closure.getByRole('combobox', { name: 'Type', exact: true }).selectOption({ label: 'INSET day' });
  await closure.getByRole('textbox', { name: 'Description (optional)', exact: true }).fill('Staff training');
  await page.getByRole('button', { name: 'Add a closure day' }).click();
  const bank = page.getByRole('group', { name: 'Closure day 2' });
  await bank.getByRole('textbox', { name: 'Date', exact: true }).fill('04/05/2026');
  await bank.getByRole('combobox', { name: 'Type', exact: true }).selectOption({ label: 'Bank holiday' });
  await expectAccessible(page, 'settings: academic year form');
  await page.getByRole('button', { name: 'Save academic year' }).click();
  // An impossible date is rejected on its field.
  await expect(closure.getByText('Enter a real date as dd/mm/yyyy')).toBeVisible();
  await screenshot(page, 'settings-academic-year-form');
  await closure.getByRole('textbox', { name: 'Date', exact: true }).fill('02/09/2025');
  await page.getByRole('button', { name: 'Save academic year' }).click();
  await s.expectSaved('Academic year 2025-26 saved.');
  const yearRow = page.getByRole('row', { name: /2025-26/ });
  await expect(yearRow).toContainText('01/09/2025');
  await expect(yearRow).toContainText('Autumn, Spring, Summer');
  await screenshot(page, 'settings-academic-years');

  // A local authority with its Virtual School; PP+ typed in pounds.
  await s.open('Local authorities');
  await expectAccessible(page, 'settings: local authorities (empty)');
  await page.getByRole('button', { name: 'Add a local authority' }).click();
  await s.field('Local authority').fill('Northshire County Council');
  await s.field('LA code').fill('931');
  await s.field('Virtual School Head').fill('Priya Shah');
  await s.field('Virtual School email').fill('virtual.school@northshire.example');
  await s.field('PP+ per child per year (£)').fill('2,630');
  await s.field('Paid to the school').selectOption({ label: 'Termly' });
  await page.getByRole('button', { name: 'Add a contact' }).click();
  const contact = page.getByRole('group', { name: 'Contact 1' });
  await contact.getByRole('textbox', { name: 'Name', exact: true }).fill('Tom Reid');
  await contact.getByRole('textbox', { name: 'Role', exact: true }).fill('PEP coordinator');
  await expectAccessible(page, 'settings: local authority form');
  await screenshot(page, 'settings-local-authority-form');
  await page.getByRole('button', { name: 'Save local authority' }).click();
  await s.expectSaved('Northshire County Council saved.');
  await expect(page.getByRole('row', { name: /Northshire County Council/ })).toContainText('£2,630, termly');
  await screenshot(page, 'settings-local-authorities');

  // The LA's termly PEP cut-off dates, under its edit form: a bad date is refused on its field.
  await page.getByRole('button', { name: 'Edit Northshire County Council' }).click();
  const cutoffs = s.cutoffsForm();
  // The only year, 2025-26, is chosen by default (it has started; none contains today).
  await expect(cutoffs.getByRole('combobox', { name: 'Academic year' }).locator('option:checked')).toHaveText('2025-26');
  await cutoffs.getByRole('combobox', { name: 'Academic year' }).selectOption({ label: '2025-26' });
  await expect(cutoffs.getByText('else by the end of term, 27/03/2026')).toBeVisible();
  await s.cutoffField('Autumn').fill('05/12/2025');
  await s.cutoffField('Spring').fill('31/02/2026');
  await s.save('Save PEP cut-off dates', 'PEP cut-off dates');
  await expect(cutoffs.getByText('Enter a real date as dd/mm/yyyy')).toBeVisible();
  await s.cutoffField('Spring').fill('02/01/2026');
  await s.save('Save PEP cut-off dates', 'PEP cut-off dates');
  await expect(cutoffs.getByText('The Spring cut-off cannot be before the Spring term starts on 05/01/2026.')).toBeVisible();
  await expect(s.cutoffField('Spring')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, 'settings: PEP cut-off dates with a field error');
  await screenshot(page, 'settings-la-pep-cutoffs-error');
  await s.cutoffField('Spring').fill('13/03/2026');
  await s.save('Save PEP cut-off dates', 'PEP cut-off dates');
  await s.expectSaved('PEP cut-off dates for 2025-26 saved.');
  await expect(cutoffs.getByText('The Spring cut-off cannot be before')).toHaveCount(0);
  await screenshot(page, 'settings-la-pep-cutoffs');
  await page.getByRole('button', { name: 'Cancel' }).click();

  // Restart the server on the same register: everything is still there.
  const url = await server.restart();
  await page.goto(url);
  await pages.unlock.unlock(DT.name, DT.passphrase);
  await pages.frame.expectShown(DT.school);
  await expect(page.getByText('Locks after 15 min idle')).toBeVisible();
  await pages.frame.go('Settings');
  await s.open('School details');
  await expect(s.field('URN')).toHaveValue('123456');
  await expect(s.field('Headteacher')).toHaveValue('Dr Jane Okafor');
  await expect(s.field('Attendance action plan at or below (%)')).toHaveValue('92');
  await expect(s.field('Education Support Worker session at least every (weeks)')).toHaveValue('6');
  await s.open('Security');
  await expect(s.field('Lock after this many minutes without use')).toHaveValue('15');
  await s.open('Academic years');
  await page.getByRole('button', { name: 'Edit 2025-26' }).click();
  await expect(page.getByRole('group', { name: 'Spring term' }).getByRole('textbox', { name: 'Half-term holiday from', exact: true })).toHaveValue('16/02/2026');
  await expect(page.getByRole('group', { name: 'Closure day 1' }).getByRole('textbox', { name: 'Description (optional)', exact: true })).toHaveValue('Staff training');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await s.open('Local authorities');
  await page.getByRole('button', { name: 'Edit Northshire County Council' }).click();
  await expect(s.field('PP+ per child per year (£)')).toHaveValue('2630');
  await expect(page.getByRole('group', { name: 'Contact 1' }).getByRole('textbox', { name: 'Role', exact: true })).toHaveValue('PEP coordinator');
  await expect(s.cutoffsForm().getByRole('combobox', { name: 'Academic year' }).locator('option:checked')).toHaveText('2025-26');
  await expect(s.cutoffField('Autumn')).toHaveValue('05/12/2025');
  await expect(s.cutoffField('Spring')).toHaveValue('13/03/2026');
  await expect(s.cutoffField('Summer')).toHaveValue('');
});
